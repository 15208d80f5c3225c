"""Outside investigators (issue 15): the redacted version under its own key, the redaction log, the
investigator's entries and the date that ends their access, through the services."""

from datetime import timedelta

import pytest

from confide import crypto
from confide.core.clock import today
from confide.reports.investigation_errors import InvestigationEnded, RedactionRefused
from confide.reports.models import (
    IdentityShare,
    Investigation,
    InvestigationEntry,
    KeyWrap,
    Message,
    RedactedVersion,
    RedactionLog,
    SealedIdentity,
)
from confide.reports.selectors.investigation import (
    case_investigation_get,
    entries_get,
    investigation_access_get,
    redacted_document,
)
from confide.reports.services.investigation import (
    investigation_entry_add,
    investigation_findings_send,
    investigations_expire,
    investigator_end,
    investigator_invite,
    redaction_prepare,
)
from confide.reports.services.messages import message_create_by_handler
from confide.reports.services.retention import report_purge
from tests.helpers.investigation import (
    NAMED,
    PLACE,
    case_of,
    custodian_account,
    investigator_account,
    lead_prepares_and_invites,
)
from tests.helpers.reports import submit_report

pytestmark = pytest.mark.django_db


@pytest.fixture
def investigator(org):
    return investigator_account("ines", [org])


@pytest.fixture
def case(org, handler, teammate):
    return submit_report(org, what_happened=f"{NAMED} cornered me at the {PLACE}.", people_involved=NAMED).report


def _open(unlock, investigator, investigation):
    return investigation_access_get(
        user=investigator, secret_key=unlock(investigator).secret_key, investigation_id=investigation.pk
    )


def test_the_investigator_reads_the_redacted_account_and_thread_never_the_report_key(
    unlock, handler, investigator, case
):
    message_create_by_handler(access=case_of(unlock, handler, case), body=f"Did {NAMED} say anything?")
    investigation = lead_prepares_and_invites(unlock, handler, case, investigator)
    access = _open(unlock, investigator, investigation)
    document = redacted_document(report_id=case.pk, redaction_key=access.redaction_key)
    assert document["account"]["what_happened"] == "Person A cornered me at the Place B."
    assert document["thread"][0]["body"] == "Did Person A say anything?"
    assert NAMED not in str(document) and PLACE not in str(document)
    with pytest.raises(crypto.DecryptionError):  # what the investigator holds opens nothing of the original
        crypto.aead_decrypt(access.redaction_key, bytes(case.content), ad=b"report:" + case.pk.bytes)
    assert access.redaction_key not in repr(access).encode() and "redaction_key" not in repr(access)


def test_the_redaction_log_keeps_counts_in_the_clear_and_the_mapping_sealed(unlock, handler, investigator, case):
    lead_prepares_and_invites(unlock, handler, case, investigator)
    entry = RedactionLog.objects.get(report=case)
    assert (entry.revision, entry.labels, entry.occurrences, entry.prepared_by) == (1, 2, 3, handler)
    assert NAMED.encode() not in bytes(entry.sealed_mapping)
    panel = case_investigation_get(access=case_of(unlock, handler, case))
    assert {(m["original"], m["label"], m["occurrences"]) for m in panel.mapping} == {
        (NAMED, "Person A", 2),
        (PLACE, "Place B", 1),
    }


@pytest.mark.parametrize(
    "rules",
    ["", "no separator here", " => Person A", "Jane => ", "Jane => Jane Two", "x" * 301 + " => Person A"],
)
def test_bad_replacements_are_refused_and_nothing_is_saved(unlock, handler, case, rules):
    with pytest.raises(RedactionRefused):
        redaction_prepare(access=case_of(unlock, handler, case), replacements=rules)
    assert not RedactionLog.objects.exists()


def test_only_the_lead_invites_and_only_an_investigator_of_the_organization(
    unlock, handler, teammate, investigator, case, other_org
):
    lead_prepares_and_invites(unlock, handler, case, investigator)
    until = today() + timedelta(days=5)
    with pytest.raises(RedactionRefused):
        investigator_invite(access=case_of(unlock, teammate, case), username=investigator.username, until=until)
    foreign = investigator_account("ivo", [other_org])
    for username in [foreign.username, teammate.username, "nobody"]:
        with pytest.raises(RedactionRefused):
            investigator_invite(access=case_of(unlock, handler, case), username=username, until=until)
    with pytest.raises(RedactionRefused):
        investigator_invite(
            access=case_of(unlock, handler, case), username=investigator.username, until=today() - timedelta(days=1)
        )
    assert Investigation.objects.count() == 1


def test_entries_are_encrypted_and_the_case_team_reads_them(unlock, handler, investigator, case):
    investigation = lead_prepares_and_invites(unlock, handler, case, investigator)
    secret = "Interviewed Person A on Tuesday."
    entry = investigation_entry_add(access=_open(unlock, investigator, investigation), kind="interview", body=secret)
    assert secret.encode() not in bytes(entry.body)
    panel = case_investigation_get(access=case_of(unlock, handler, case))
    assert [(e.kind, e.body) for e in panel.investigations[0].entries] == [("interview", secret)]


def test_a_handler_sends_the_findings_summary_to_the_reporter(unlock, handler, investigator, case):
    investigation = lead_prepares_and_invites(unlock, handler, case, investigator)
    entry = investigation_entry_add(
        access=_open(unlock, investigator, investigation), kind="findings", body="Person A breached the policy."
    )
    investigation_findings_send(access=case_of(unlock, handler, case), entry_id=entry.pk)
    assert Message.objects.filter(report=case, author_kind="handler").count() == 1
    assert InvestigationEntry.objects.get(pk=entry.pk).sent_to_reporter_on == today()


def test_access_ends_on_the_date_by_itself_and_the_sweep_removes_the_key(unlock, handler, investigator, case):
    investigation = lead_prepares_and_invites(unlock, handler, case, investigator, days=0)
    access = _open(unlock, investigator, investigation)  # the last day still counts
    Investigation.objects.filter(pk=investigation.pk).update(until=today() - timedelta(days=1))
    with pytest.raises(InvestigationEnded):
        _open(unlock, investigator, investigation)
    with pytest.raises(InvestigationEnded):  # a handle opened before the date passed cannot write after it
        investigation_entry_add(access=access, kind="note", body="late")
    assert not InvestigationEntry.objects.exists()
    assert investigations_expire() == 1
    investigation.refresh_from_db()
    assert bytes(investigation.sealed_key) == b"" and investigation.ended_on == today()
    assert investigations_expire() == 0


def test_a_handler_ends_access_early(unlock, handler, teammate, investigator, case):
    investigation = lead_prepares_and_invites(unlock, handler, case, investigator)
    investigator_end(access=case_of(unlock, teammate, case), investigation_id=investigation.pk)
    with pytest.raises(InvestigationEnded):
        _open(unlock, investigator, investigation)


def test_a_new_revision_keeps_the_key_and_the_investigators_read_it(unlock, handler, investigator, case):
    investigation = lead_prepares_and_invites(unlock, handler, case, investigator)
    redaction_prepare(access=case_of(unlock, handler, case), replacements=f"{NAMED} => Person Z")
    access = _open(unlock, investigator, investigation)
    document = redacted_document(report_id=case.pk, redaction_key=access.redaction_key)
    assert document["revision"] == 2 and "Person Z" in document["account"]["what_happened"]
    assert PLACE in document["account"]["what_happened"]  # no longer replaced: the handler's choice
    assert entries_get(investigation=investigation, redaction_key=access.redaction_key) == []


def test_neither_an_investigator_nor_a_custodian_ever_receives_a_report_key(org, handler, investigator):
    custodian = custodian_account("cora", [org])
    report = submit_report(org, anonymous=False, name="Robin Quill").report
    assert set(KeyWrap.objects.filter(report=report).values_list("user__username", flat=True)) == {handler.username}
    assert not KeyWrap.objects.filter(user__in=[investigator, custodian]).exists()


def test_deleting_a_case_takes_the_redacted_version_the_entries_and_the_sealed_identity(
    org, unlock, handler, investigator
):
    custodian_account("cora", [org])
    report = submit_report(org, anonymous=False, name="Robin Quill", what_happened=f"{NAMED} did it.").report
    investigation = lead_prepares_and_invites(unlock, handler, report, investigator)
    investigation_entry_add(access=_open(unlock, investigator, investigation), kind="note", body="A note.")
    report_purge(report=report)
    for model in [RedactedVersion, RedactionLog, Investigation, InvestigationEntry, SealedIdentity, IdentityShare]:
        assert not model.objects.exists(), model.__name__
