"""G1 for issue 15: what the redaction replaced, the redacted version, the investigator's entries, the
custodian's reason and the sealed identity are nowhere readable at rest, logs included, through a whole
investigation and disclosure done over the pages and the API."""

from datetime import timedelta

import pytest
from django.test import Client

from confide.core.clock import today
from confide.reports.models import Report
from confide.reports.services.identity import identity_disclosure_request
from confide.reports.services.workflow import case_lead_assign
from tests.helpers.canary import at_rest_sources, canary, hits
from tests.helpers.investigation import case_of, custodian_account, investigator_account
from tests.helpers.staff import api_token, csrf_from, staff_login

pytestmark = pytest.mark.django_db(transaction=True)


def test_investigation_and_sealed_identity_leave_nothing_readable_at_rest(org, handler, unlock, log_buffer, capfd):
    marks = {k: canary(k) for k in ["PERSON", "TEXT", "NAME", "CONTACT", "NOTE", "FINDING", "REASON", "LABEL"]}
    investigator = investigator_account("ines", [org])
    custodian = custodian_account("cora", [org])
    filed = Client().post(
        "/api/orgs/acme/reports",
        {
            "what_happened": f"{marks['PERSON']} said {marks['TEXT']}.",
            "category": "bullying",
            "anonymous": False,
            "name": marks["NAME"],
            "contact": marks["CONTACT"],
        },
        content_type="application/json",
    )
    assert filed.status_code == 201, filed.content
    report = Report.objects.get()
    case_lead_assign(access=case_of(unlock, handler, report), username=handler.username)

    lead = staff_login(Client(enforce_csrf_checks=True), handler)
    token = csrf_from(lead.get(f"/staff/cases/{report.pk}/"))
    rules = f"{marks['PERSON']} => Person {marks['LABEL']}"
    assert lead.post(f"/staff/cases/{report.pk}/redaction/", {"replacements": rules, "csrfmiddlewaretoken": token})
    auth = api_token(handler)
    invited = Client().post(
        f"/api/cases/{report.pk}/investigators",
        {"username": investigator.username, "until": (today() + timedelta(days=9)).isoformat()},
        content_type="application/json",
        **auth,
    )
    assert invited.status_code == 201, invited.content
    investigation_id = invited.json()["id"]
    investigator_auth = api_token(investigator)
    for kind, body in [("note", marks["NOTE"]), ("findings", marks["FINDING"])]:
        written = Client().post(
            f"/api/investigations/{investigation_id}/entries",
            {"kind": kind, "body": body},
            content_type="application/json",
            **investigator_auth,
        )
        assert written.status_code == 201, written.content
    read = Client().get(f"/api/investigations/{investigation_id}", **investigator_auth).json()
    assert f"Person {marks['LABEL']}" in read["redacted"]["account"]["what_happened"]

    disclosure = identity_disclosure_request(access=case_of(unlock, handler, Report.objects.get()))
    approver = staff_login(Client(enforce_csrf_checks=True), custodian)
    approved = approver.post(
        f"/staff/identity/{disclosure.pk}/approve/",
        {"reason": marks["REASON"], "csrfmiddlewaretoken": csrf_from(approver.get("/staff/identity/"))},
    )
    assert approved.status_code == 302
    opened = lead.post(f"/staff/cases/{report.pk}/identity/open/", {"confirm": "yes", "csrfmiddlewaretoken": token})
    assert opened.status_code == 302
    assert marks["NAME"] in lead.get(f"/staff/cases/{report.pk}/").content.decode()

    out, err = capfd.readouterr()
    canaries = [value for key, value in marks.items() if key != "LABEL"]  # a label is the handler's, not secret
    assert hits(canaries, at_rest_sources(extra_text=log_buffer.getvalue() + out + err)) == []
