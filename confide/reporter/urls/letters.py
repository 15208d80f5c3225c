from django.urls import path

from confide.reporter import letter_checkins as checkin_views
from confide.reporter import letters as views_public

app_name = "letters_public"

urlpatterns = [
    path("", views_public.start, name="start"),
    path("new/", views_public.draft, name="draft"),
    path("receipt/", views_public.receipt, name="receipt"),
    path("receipt/file/", views_public.receipt_file, name="receipt_file"),
    path("saved/", views_public.receipt_saved, name="receipt_saved"),
    path("return/", views_public.enter_receipt, name="enter_receipt"),
    path("mine/", views_public.mine, name="mine"),
    path("mine/withdraw/", views_public.withdraw, name="withdraw"),
    path("mine/message/", views_public.message, name="message"),
    path("mine/leave/", views_public.leave, name="leave"),
    path("mine/checkins/start/", checkin_views.start, name="checkins_start"),
    path("mine/checkins/plan/", checkin_views.plan, name="checkins_plan"),
    path("mine/checkins/stop/", checkin_views.stop, name="checkins_stop"),
    path("mine/checkins/<uuid:checkin_id>/answer/", checkin_views.answer, name="checkins_answer"),
    path("i/<str:token>/", views_public.invitation, name="invitation"),
    path("i/<str:token>/verify/", views_public.verify, name="verify"),
    path("i/<str:token>/sign/", views_public.sign, name="sign"),
]
