from django.urls import path

from confide.reporter import surveys as views

app_name = "surveys_public"

urlpatterns = [
    path("", views.surveys, name="surveys"),
    path("thanks/", views.thanks, name="thanks"),
    path("receipt/", views.receipt, name="receipt"),
    path("receipt/file/", views.receipt_file, name="receipt_file"),
    path("answer/", views.text, name="text"),
    path("answer/report/", views.text_report, name="text_report"),
    path("<uuid:round_id>/", views.survey, name="survey"),
    path("<uuid:round_id>/verify/", views.verify, name="verify"),
    path("<uuid:round_id>/code/", views.code, name="code"),
    path("<uuid:round_id>/answer/", views.answer, name="answer"),
]
