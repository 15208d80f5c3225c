from django.urls import path

from confide.reporter import vault as views
from confide.reporter import vault_checkins as checkin_views
from confide.reporter import vault_verify as verify_views

app_name = "vault"

urlpatterns = [
    path("", views.start, name="start"),
    path("open/", views.open_vault, name="open"),
    path("receipt/", views.receipt, name="receipt"),
    path("receipt/file/", views.receipt_file, name="receipt_file"),
    path("home/", views.home, name="home"),
    path("records/", views.record_new, name="record_new"),
    path("records/<uuid:record_id>/delete/", views.record_remove, name="record_remove"),
    path("records/<uuid:record_id>/report/", views.record_report, name="record_report"),
    path("entries/", views.entry_new, name="entry_new"),
    path("entries/<uuid:group_id>/edit/", views.entry_edit, name="entry_edit"),
    path("entries/<uuid:group_id>/withdraw/", views.entry_withdraw, name="entry_withdraw"),
    path("entries/<uuid:group_id>/report/", views.entry_report, name="entry_report"),
    path("messages/", views.message_new, name="message_new"),
    path("verify/", verify_views.verify, name="verify"),
    path("verify/code/", verify_views.verify_code, name="verify_code"),
    path("checkins/start/", checkin_views.start, name="checkins_start"),
    path("checkins/plan/", checkin_views.plan, name="checkins_plan"),
    path("checkins/stop/", checkin_views.stop, name="checkins_stop"),
    path("checkins/<uuid:checkin_id>/answer/", checkin_views.answer, name="checkins_answer"),
    path("leave/", views.leave, name="leave"),
]
