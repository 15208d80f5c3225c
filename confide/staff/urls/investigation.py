"""Outside investigators' pages, the case team's investigation forms and the identity custodian's pages."""

from django.urls import path

from confide.staff import investigation as views

app_name = "investigation"

urlpatterns = [
    path("investigations/", views.investigations, name="list"),
    path("investigations/<uuid:investigation_id>/", views.show_investigation, name="show"),
    path("investigations/<uuid:investigation_id>/entries/", views.add_entry, name="add_entry"),
    path("cases/<uuid:report_id>/redaction/", views.prepare_redaction, name="prepare_redaction"),
    path("cases/<uuid:report_id>/investigators/", views.invite_investigator, name="invite"),
    path("cases/<uuid:report_id>/investigators/<uuid:investigation_id>/end/", views.end_investigation, name="end"),
    path("cases/<uuid:report_id>/findings/<uuid:entry_id>/send/", views.send_findings, name="send_findings"),
    path("cases/<uuid:report_id>/identity/request/", views.request_identity, name="request_identity"),
    path("cases/<uuid:report_id>/identity/open/", views.release_identity, name="release_identity"),
]
