from django.urls import path

from confide.staff import held as views

app_name = "held"

urlpatterns = [
    path("", views.held_cases, name="cases"),
    path("titles/<uuid:organization_id>/", views.held_title, name="title"),
    path("<uuid:report_id>/", views.held_case, name="case"),
    path("<uuid:report_id>/reply/", views.held_reply, name="reply"),
    path("<uuid:report_id>/attachments/<uuid:attachment_id>/", views.held_attachment, name="attachment"),
]
