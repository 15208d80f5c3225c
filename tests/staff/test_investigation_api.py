"""case_investigator_invite, investigation_get and investigation_entry_create for every persona: only the
lead invites; only the invited investigator reads and writes, until the date; everyone else gets the one 404."""

from datetime import timedelta

import pytest

from confide.core.clock import today
from confide.reports.models import Investigation, InvestigationEntry
from confide.reports.services.investigation import redaction_prepare
from confide.reports.services.workflow import case_lead_assign
from tests.helpers.investigation import RULES, case_of, custodian_account, investigator_account
from tests.helpers.reports import submit_report

pytestmark = pytest.mark.django_db


@pytest.fixture
def investigator(org):
    return investigator_account("ines", [org])


@pytest.fixture
def prepared(unlock, handler, submitted):
    report = submitted.report
    case_lead_assign(access=case_of(unlock, handler, report), username=handler.username)
    report.refresh_from_db()
    redaction_prepare(access=case_of(unlock, handler, report), replacements=RULES)
    return report


def _invite(api, auth, report, username="ines", days=10):
    until = (today() + timedelta(days=days)).isoformat()
    return api.post(
        f"/api/cases/{report.pk}/investigators",
        {"username": username, "until": until},
        content_type="application/json",
        **auth,
    )


def _write(api, auth, investigation_id, body="Spoke to Person A."):
    return api.post(
        f"/api/investigations/{investigation_id}/entries",
        {"kind": "note", "body": body},
        content_type="application/json",
        **auth,
    )


def test_the_lead_invites_and_the_investigator_reads_and_writes(api, token_for, handler, investigator, prepared):
    created = _invite(api, token_for(handler), prepared)
    assert created.status_code == 201 and created.json()["investigator"] == "ines"
    auth = token_for(investigator)
    investigation_id = created.json()["id"]
    assert _write(api, auth, investigation_id).status_code == 201
    read = api.get(f"/api/investigations/{investigation_id}", **auth)
    assert read.status_code == 200
    assert [e["body"] for e in read.json()["entries"]] == ["Spoke to Person A."]
    assert "content" not in read.json() and api.get(f"/api/cases/{prepared.pk}", **auth).status_code == 404
    assert api.get(f"/api/cases/{prepared.pk}/export", **auth).status_code == 404


def test_bad_invitations_are_clear_400s(api, token_for, handler, teammate, investigator, prepared, other_org):
    auth = token_for(handler)
    investigator_account("ivo", [other_org])
    assert _invite(api, auth, prepared, username="ivo").status_code == 400
    assert _invite(api, auth, prepared, username=teammate.username).status_code == 400
    assert _invite(api, auth, prepared, days=-1).json()["field"] == "until"
    assert _invite(api, auth, prepared, days=400).status_code == 400
    malformed = api.post(
        f"/api/cases/{prepared.pk}/investigators",
        {"username": "ines", "until": "soon"},
        content_type="application/json",
        **auth,
    )
    assert malformed.status_code in (400, 422)
    assert _invite(api, token_for(teammate), prepared).status_code == 400  # not the lead
    assert not Investigation.objects.exists()


def test_without_a_redacted_version_nobody_is_invited(api, token_for, unlock, handler, investigator, org):
    report = submit_report(org).report
    case_lead_assign(access=case_of(unlock, handler, report), username=handler.username)
    refused = _invite(api, token_for(handler), report)
    assert refused.status_code == 400 and "redacted version first" in refused.json()["detail"]


@pytest.mark.parametrize("persona", ["outsider", "other_tenant_handler", "excluded_handler", "boss", "investigator"])
def test_everyone_else_gets_404_on_the_invitation(api, token_for, prepared, persona, request, investigator):
    assert _invite(api, token_for(request.getfixturevalue(persona)), prepared).status_code == 404
    assert not Investigation.objects.exists()


@pytest.mark.parametrize(
    "persona", ["handler", "teammate", "outsider", "other_tenant_handler", "excluded_handler", "boss", "custodian"]
)
def test_no_one_but_the_investigator_reads_or_writes(api, token_for, handler, investigator, prepared, persona, request):
    investigation_id = _invite(api, token_for(handler), prepared).json()["id"]
    user = (
        custodian_account("cora", [prepared.organization])
        if persona == "custodian"
        else request.getfixturevalue(persona)
    )
    auth = token_for(user)
    assert api.get(f"/api/investigations/{investigation_id}", **auth).status_code == 404
    assert _write(api, auth, investigation_id).status_code == 404
    assert not InvestigationEntry.objects.exists()


def test_an_investigator_of_another_case_gets_404(api, token_for, unlock, handler, org, investigator, prepared):
    investigation_id = _invite(api, token_for(handler), prepared).json()["id"]
    other = investigator_account("ivan", [org])
    other_case = submit_report(org).report
    case_lead_assign(access=case_of(unlock, handler, other_case), username=handler.username)
    other_case.refresh_from_db()
    redaction_prepare(access=case_of(unlock, handler, other_case), replacements=RULES)
    assert _invite(api, token_for(handler), other_case, username="ivan").status_code == 201
    auth = token_for(other)
    assert api.get(f"/api/investigations/{investigation_id}", **auth).status_code == 404
    assert _write(api, auth, investigation_id).status_code == 404


def test_an_expired_investigator_gets_a_clear_403_and_nothing_is_saved(api, token_for, handler, investigator, prepared):
    investigation_id = _invite(api, token_for(handler), prepared).json()["id"]
    auth = token_for(investigator)
    Investigation.objects.filter(pk=investigation_id).update(until=today() - timedelta(days=1))
    read = api.get(f"/api/investigations/{investigation_id}", **auth)
    assert read.status_code == 403 and "has ended" in read.json()["detail"]
    written = _write(api, auth, investigation_id)
    assert written.status_code == 403 and "Nothing was saved" in written.json()["detail"]
    assert not InvestigationEntry.objects.exists()
