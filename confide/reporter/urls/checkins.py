from django.urls import path

from confide.reporter import checkins as views

app_name = "checkins"

urlpatterns = [
    path("<uuid:checkin_id>/answer/", views.answer, name="answer"),
    path("plan/", views.plan, name="plan"),
    path("stop/", views.stop, name="stop"),
    path("case/", views.case, name="case"),
    path("case/reply/", views.case_reply, name="case_reply"),
]
