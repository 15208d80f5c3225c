from django.urls import path

from confide.staff import cases as views
from confide.staff import handover, links

app_name = "cases"

urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("cases/<uuid:report_id>/", views.show_case, name="show_case"),
    path("cases/<uuid:report_id>/reply/", views.reply, name="reply"),
    path("cases/<uuid:report_id>/status/", views.change_status, name="change_status"),
    path("cases/<uuid:report_id>/category/", views.change_category, name="change_category"),
    path("cases/<uuid:report_id>/links/", links.link_case, name="link_case"),
    path("cases/<uuid:report_id>/links/<uuid:link_id>/delete/", links.unlink_case, name="unlink_case"),
    path("cases/<uuid:report_id>/lead/", views.assign_lead, name="assign_lead"),
    path("cases/<uuid:report_id>/deadline/", views.change_deadline, name="change_deadline"),
    path("cases/<uuid:report_id>/access/", views.grant_access, name="grant_access"),
    path("cases/<uuid:report_id>/exclusions/", views.record_conflict, name="record_conflict"),
    path("cases/<uuid:report_id>/conflict/", views.declare_conflict, name="declare_conflict"),
    path("cases/<uuid:report_id>/notes/", views.add_note, name="add_note"),
    path("cases/<uuid:report_id>/deletion/", views.request_deletion, name="request_deletion"),
    path("cases/<uuid:report_id>/deletion/approve/", views.approve_deletion, name="approve_deletion"),
    path("cases/<uuid:report_id>/labels/", views.set_labels, name="set_labels"),
    path("cases/<uuid:report_id>/export/", views.export_case, name="export_case"),
    path("cases/<uuid:report_id>/handover/", handover.hand_over, name="hand_over"),
    path("cases/<uuid:report_id>/exclusion-asks/<str:ask_id>/exclude/", handover.exclude_holder, name="exclude_holder"),
    path("cases/<uuid:report_id>/exclusion-asks/<str:ask_id>/answer/", handover.answer_ask, name="answer_ask"),
    path(
        "cases/<uuid:report_id>/attachments/<uuid:attachment_id>/",
        views.download_attachment,
        name="download_attachment",
    ),
]
