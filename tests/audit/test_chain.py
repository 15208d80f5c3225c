import pytest
from django.core.management import CommandError, call_command

from confide.audit.models import AuditEntry
from confide.audit.selectors import audit_chain_verify
from confide.audit.services import Action, audit_record
from tests.helpers.staff import csrf_from

pytestmark = pytest.mark.django_db


@pytest.fixture
def chain(handler, submitted):
    for _ in range(5):
        audit_record(actor=handler, action=Action.CASE_READ, obj=submitted.report)
    return list(AuditEntry.objects.order_by("seq"))


def test_an_untouched_chain_verifies(chain):
    report = audit_chain_verify()
    assert report.ok and report.checked == len(chain)
    call_command("verify_audit")


def test_an_altered_row_is_named(chain):
    target = chain[2]
    AuditEntry.objects.filter(pk=target.pk).update(action="case.reply")
    report = audit_chain_verify()
    assert not report.ok and report.first_broken_seq == target.seq and report.reason == "row altered"
    with pytest.raises(CommandError, match=f"row {target.seq}"):
        call_command("verify_audit")


def test_a_removed_row_is_named(chain):
    AuditEntry.objects.filter(pk=chain[1].pk).delete()
    report = audit_chain_verify()
    assert not report.ok and report.first_broken_seq == chain[1].seq


def test_rows_cut_from_the_end_are_noticed(chain):
    AuditEntry.objects.filter(pk=chain[-1].pk).delete()
    assert not audit_chain_verify().ok


def test_a_rehashed_forgery_breaks_the_link_to_the_next_row(chain):
    from confide.audit.services import entry_digest

    forged = chain[1]
    forged.action = "case.reply"
    forged.hash = entry_digest(
        prev=bytes(forged.prev),
        seq=forged.seq,
        at=forged.at,
        actor_id=forged.actor_id,
        action=forged.action,
        object_type=forged.object_type,
        object_id=forged.object_id,
        subject_id=forged.subject_id,
    )
    forged.save()
    report = audit_chain_verify()
    assert not report.ok and report.first_broken_seq == chain[2].seq


def test_staff_actions_on_a_case_are_recorded_without_content(login, handler, submitted):
    client = login(handler)
    page = client.get(f"/staff/cases/{submitted.report.pk}/")
    client.post(
        f"/staff/cases/{submitted.report.pk}/reply/",
        {"body": "Secret reply text", "csrfmiddlewaretoken": csrf_from(page)},
    )
    client.post(
        f"/staff/cases/{submitted.report.pk}/status/",
        {"status": "acknowledged", "csrfmiddlewaretoken": csrf_from(page)},
    )
    actions = list(AuditEntry.objects.values_list("action", "actor_id", "object_id"))
    report_id = str(submitted.report.pk)
    assert ("staff.sign_in", handler.pk, "") in actions
    for action in ("case.read", "case.reply", "case.status"):
        assert (action, handler.pk, report_id) in actions
    assert audit_chain_verify().ok


def test_api_reads_are_recorded(api_token, handler, submitted, client):
    client.get(f"/api/cases/{submitted.report.pk}", HTTP_AUTHORIZATION=api_token)
    assert AuditEntry.objects.filter(action="case.read", actor_id=handler.pk).exists()


@pytest.fixture
def api_token(client, handler):
    from tests.helpers.staff import PASSWORD, totp_code

    response = client.post(
        "/api/staff/login",
        {"username": handler.username, "password": PASSWORD, "totp": totp_code(handler)},
        content_type="application/json",
    )
    return f"Bearer {response.json()['token']}"
