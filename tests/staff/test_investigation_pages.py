"""Outside investigators' and custodians' pages (issue 15) for every persona: the invited investigator reads
the redacted version and writes; everyone else gets the one 404, an expired investigator a plain 403 with
nothing saved; the investigator can neither open nor export the original case."""

from datetime import timedelta

import pytest

from confide.core.clock import today
from confide.reports.models import (
    IdentityDisclosure,
    Investigation,
    InvestigationEntry,
    Message,
    RedactedVersion,
    RedactionLog,
)
from confide.reports.services.identity import identity_disclosure_request
from confide.reports.services.workflow import case_lead_assign
from tests.helpers.investigation import (
    NAMED,
    PLACE,
    case_of,
    custodian_account,
    investigator_account,
    lead_prepares_and_invites,
)
from tests.helpers.reports import submit_report
from tests.helpers.staff import csrf_from

pytestmark = pytest.mark.django_db

ACCOUNT = f"{NAMED} cornered me at the {PLACE}."


@pytest.fixture
def investigator(org):
    return investigator_account("ines", [org])


@pytest.fixture
def case(org, handler, teammate, excluded_handler):
    report = submit_report(org, what_happened=ACCOUNT, people_involved=NAMED).report
    report.key_wraps.filter(user=excluded_handler).delete()
    return report


@pytest.fixture
def investigation(unlock, handler, case, investigator):
    return lead_prepares_and_invites(unlock, handler, case, investigator)


def _url(investigation, suffix=""):
    return f"/staff/investigations/{investigation.pk}/{suffix}"


def _write(client, investigation, body="Interviewed Person A."):
    token = csrf_from(client.get("/staff/"))
    return client.post(
        _url(investigation, "entries/"), {"kind": "interview", "body": body, "csrfmiddlewaretoken": token}
    )


def test_the_investigator_reads_the_redacted_case_and_writes(login, investigator, investigation):
    client = login(investigator)
    assert client.get("/staff/investigations/").status_code == 200
    page = client.get(_url(investigation))
    html = page.content.decode()
    assert page.status_code == 200 and page["Cache-Control"] == "no-store"
    assert "Person A cornered me at the Place B." in html and NAMED not in html and PLACE not in html
    assert "/export/" not in html and "download" not in html.lower().replace("nothing can be downloaded", "")
    assert _write(client, investigation).status_code == 302
    assert "Interviewed Person A." in client.get(_url(investigation)).content.decode()


def test_the_investigator_can_neither_open_nor_export_the_original(login, investigator, investigation, case):
    client = login(investigator)
    assert client.get(f"/staff/cases/{case.pk}/").status_code == 404
    assert client.get(f"/staff/cases/{case.pk}/export/").status_code == 404
    token = csrf_from(client.get("/staff/"))
    refused = client.post(
        f"/staff/cases/{case.pk}/redaction/", {"replacements": "a => b", "csrfmiddlewaretoken": token}
    )
    assert refused.status_code == 404


def test_an_empty_entry_is_refused_clearly(login, investigator, investigation):
    response = _write(login(investigator), investigation, body="   ")
    assert response.status_code == 400 and "empty" in response.content.decode()
    assert not InvestigationEntry.objects.exists()


def test_an_expired_investigator_gets_a_plain_403_and_nothing_is_saved(login, investigator, investigation):
    client = login(investigator)
    Investigation.objects.filter(pk=investigation.pk).update(until=today() - timedelta(days=1))
    page = client.get(_url(investigation))
    assert page.status_code == 403 and "has ended" in page.content.decode()
    refused = _write(client, investigation)
    assert refused.status_code == 403 and "Nothing was saved" in refused.content.decode()
    assert not InvestigationEntry.objects.exists()


def test_an_investigator_of_another_case_gets_404(login, org, unlock, handler, investigation):
    other_investigator = investigator_account("ivan", [org])
    other_case = submit_report(org).report
    lead_prepares_and_invites(unlock, handler, other_case, other_investigator)
    client = login(other_investigator)
    assert client.get(_url(investigation)).status_code == 404
    assert _write(client, investigation).status_code == 404
    assert not InvestigationEntry.objects.exists()


@pytest.mark.parametrize(
    "persona", ["handler", "teammate", "outsider", "other_tenant_handler", "excluded_handler", "boss"]
)
def test_everyone_else_gets_404_on_the_investigator_pages(login, investigation, persona, request):
    client = login(request.getfixturevalue(persona))
    assert client.get("/staff/investigations/").status_code == 404
    assert client.get(_url(investigation)).status_code == 404
    assert _write(client, investigation).status_code == 404
    assert not InvestigationEntry.objects.exists()


def test_the_lead_prepares_invites_and_sends_findings_from_the_case_page(login, unlock, handler, investigator, case):
    client = login(handler)
    page = client.get(f"/staff/cases/{case.pk}/")
    token = csrf_from(page)
    client.post(f"/staff/cases/{case.pk}/lead/", {"username": handler.username, "csrfmiddlewaretoken": token})
    rules = f"{NAMED} => Person A\n{PLACE} => Place B"
    done = client.post(f"/staff/cases/{case.pk}/redaction/", {"replacements": rules, "csrfmiddlewaretoken": token})
    assert done.status_code == 302
    until = (today() + timedelta(days=10)).isoformat()
    invited = client.post(
        f"/staff/cases/{case.pk}/investigators/",
        {"username": investigator.username, "until": until, "csrfmiddlewaretoken": token},
    )
    assert invited.status_code == 302
    bad_date = client.post(
        f"/staff/cases/{case.pk}/investigators/",
        {"username": investigator.username, "until": "next week", "csrfmiddlewaretoken": token},
    )
    assert bad_date.status_code == 400 and "YYYY-MM-DD" in bad_date.content.decode()
    html = client.get(f"/staff/cases/{case.pk}/").content.decode()
    assert "Person A cornered me" in html and "2 labels, 3 places replaced" in html
    investigation = Investigation.objects.get()
    InvestigationEntry.objects.all().delete()
    login_investigator = login(investigator)
    login_investigator.post(
        _url(investigation, "entries/"),
        {
            "kind": "findings",
            "body": "Substantiated.",
            "csrfmiddlewaretoken": csrf_from(login_investigator.get("/staff/")),
        },
    )
    entry = InvestigationEntry.objects.get()
    sent = client.post(f"/staff/cases/{case.pk}/findings/{entry.pk}/send/", {"csrfmiddlewaretoken": token})
    assert sent.status_code == 302 and Message.objects.filter(report=case).count() == 1
    ended = client.post(f"/staff/cases/{case.pk}/investigators/{investigation.pk}/end/", {"csrfmiddlewaretoken": token})
    assert ended.status_code == 302 and login_investigator.get(_url(investigation)).status_code == 403


@pytest.mark.parametrize("persona", ["outsider", "other_tenant_handler", "excluded_handler", "boss", "investigator"])
def test_the_case_team_forms_are_not_found_for_everyone_else(login, investigation, case, persona, request):
    client = login(request.getfixturevalue(persona))
    token = csrf_from(client.get("/staff/"))
    base = f"/staff/cases/{case.pk}/"
    entry_id = "00000000-0000-0000-0000-000000000000"
    responses = [
        client.post(base + "redaction/", {"replacements": "x => y", "csrfmiddlewaretoken": token}),
        client.post(base + "investigators/", {"username": "ines", "until": "2030-01-01", "csrfmiddlewaretoken": token}),
        client.post(base + f"investigators/{investigation.pk}/end/", {"csrfmiddlewaretoken": token}),
        client.post(base + f"findings/{entry_id}/send/", {"csrfmiddlewaretoken": token}),
        client.post(base + "identity/request/", {"csrfmiddlewaretoken": token}),
        client.post(base + "identity/open/", {"confirm": "yes", "csrfmiddlewaretoken": token}),
    ]
    assert [r.status_code for r in responses] == [404] * 6
    assert RedactionLog.objects.count() == 1 and RedactedVersion.objects.get().revision == 1
    assert Investigation.objects.get().ended_on is None


def test_the_teammate_cannot_invite(login, teammate, investigation, case, investigator):
    client = login(teammate)
    token = csrf_from(client.get("/staff/"))
    refused = client.post(
        f"/staff/cases/{case.pk}/investigators/",
        {"username": investigator.username, "until": "2030-01-01", "csrfmiddlewaretoken": token},
    )
    assert refused.status_code == 400 and "Only the lead" in refused.content.decode()


@pytest.fixture
def custodian(org):
    return custodian_account("cora", [org])


@pytest.fixture
def pending(org, unlock, handler, teammate, custodian):
    report = submit_report(org, anonymous=False, name="Robin Quill", contact="robin@example.org").report
    case_lead_assign(access=case_of(unlock, handler, report), username=handler.username)
    report.refresh_from_db()
    return identity_disclosure_request(access=case_of(unlock, handler, report)), report


def test_the_custodian_approves_with_a_reason_and_the_lead_opens_it(login, handler, custodian, pending):
    disclosure, report = pending
    client = login(custodian)
    page = client.get("/staff/identity/")
    assert page.status_code == 200 and report.reference in page.content.decode()
    assert "Robin Quill" not in page.content.decode()
    token = csrf_from(page)
    empty = client.post(f"/staff/identity/{disclosure.pk}/approve/", {"reason": " ", "csrfmiddlewaretoken": token})
    assert empty.status_code == 400
    approved = client.post(
        f"/staff/identity/{disclosure.pk}/approve/", {"reason": "Needed for the hearing.", "csrfmiddlewaretoken": token}
    )
    assert approved.status_code == 302
    lead = login(handler)
    case_page = lead.get(f"/staff/cases/{report.pk}/")
    assert "Robin Quill" not in case_page.content.decode()
    unticked = lead.post(f"/staff/cases/{report.pk}/identity/open/", {"csrfmiddlewaretoken": csrf_from(case_page)})
    assert unticked.status_code == 400
    opened = lead.post(
        f"/staff/cases/{report.pk}/identity/open/", {"confirm": "yes", "csrfmiddlewaretoken": csrf_from(case_page)}
    )
    assert opened.status_code == 302
    html = lead.get(f"/staff/cases/{report.pk}/").content.decode()
    assert "Robin Quill" in html and "Needed for the hearing." in html


@pytest.mark.parametrize("persona", ["other_custodian", "handler", "outsider", "investigator", "boss"])
def test_no_one_else_approves(login, pending, persona, request, other_org):
    disclosure, report = pending
    user = custodian_account("fern", [other_org]) if persona == "other_custodian" else request.getfixturevalue(persona)
    client = login(user)
    token = csrf_from(client.get("/staff/"))
    listing = client.get("/staff/identity/")
    assert listing.status_code == (200 if persona == "other_custodian" else 404)
    assert report.reference not in listing.content.decode()
    refused = client.post(
        f"/staff/identity/{disclosure.pk}/approve/", {"reason": "I want to know.", "csrfmiddlewaretoken": token}
    )
    assert refused.status_code == 404
    assert IdentityDisclosure.objects.get().approved_on is None
