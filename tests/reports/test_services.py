import pytest
from django.db import models

from confide import crypto
from confide.reports import keys
from confide.reports.content import LIMITS, ContentError, ReportContent, ReportNotFound, content_build
from confide.reports.models import Attachment, KeyWrap, Message, Report
from confide.reports.selectors import reporter
from confide.reports.selectors.common import report_view
from confide.reports.selectors.reporter import intake_target_get, reporter_access_get
from confide.reports.selectors.staff import case_access_get
from confide.reports.services import submit
from confide.reports.services.messages import message_create_by_handler, message_create_by_reporter
from tests.helpers.reports import submit_report
from tests.helpers.staff import make_staff

pytestmark = pytest.mark.django_db


def test_it_encrypts_the_content_so_the_row_holds_no_plaintext(submitted):
    row = Report.objects.get(pk=submitted.report.pk)
    assert b"field office" not in bytes(row.content)
    assert b"regional director" not in bytes(row.content)


def test_it_wraps_the_key_for_every_eligible_handler_only(org, other_org, handler, teammate, other_tenant_handler):
    inactive = make_staff("ines", [org])
    inactive.is_active = False
    inactive.save()
    result = submit_report(org)
    holders = set(KeyWrap.objects.filter(report=result.report).values_list("user_id", flat=True))
    assert holders == {handler.pk, teammate.pk}


def test_the_offline_recovery_key_opens_every_report(submitted, recovery_secret_key):
    row = Report.objects.get(pk=submitted.report.pk)
    report_key = crypto.unseal(recovery_secret_key, bytes(row.recovery_wrap))
    raw = crypto.aead_decrypt(report_key, bytes(row.content), ad=keys.ad_report(row.id))
    assert ReportContent.from_bytes(raw).where == "Field office"


def test_it_opens_for_the_receipt_in_any_reasonable_spelling(submitted):
    messy = "  " + "-".join(submitted.receipt.upper().split()) + "\n"
    access = reporter_access_get(receipt=messy)
    assert access is not None and access.report.pk == submitted.report.pk


@pytest.mark.parametrize("receipt", ["", "not a receipt", "a " * 500, "\x00" * 10])
def test_it_refuses_malformed_receipts(submitted, receipt):
    assert reporter_access_get(receipt=receipt) is None


def test_it_refuses_a_wellformed_but_wrong_receipt(submitted):
    words = submitted.receipt.split()
    words[0] = "zebra" if words[0] != "zebra" else "apple"
    assert reporter_access_get(receipt=" ".join(words)) is None


def test_it_refuses_a_receipt_at_another_organizations_address(submitted, other_org):
    assert reporter_access_get(receipt=submitted.receipt, organization=other_org) is None
    assert reporter_access_get(receipt=submitted.receipt, organization=submitted.report.organization)


def test_swapped_ciphertexts_between_rows_fail_to_decrypt(org, handler, unlock):
    first = submit_report(org, what_happened="first")
    second = submit_report(org, what_happened="second")
    Report.objects.filter(pk=first.report.pk).update(content=Report.objects.get(pk=second.report.pk).content)
    access = reporter_access_get(receipt=first.receipt)
    with pytest.raises(crypto.DecryptionError):
        report_view(access=access, for_staff=False)


def test_the_two_way_thread_round_trips(submitted, handler, unlock):
    case = case_access_get(user=handler, secret_key=unlock(handler).secret_key, report_id=submitted.report.pk)
    message_create_by_handler(access=case, body="Thank you for telling us.")
    reporter = reporter_access_get(receipt=submitted.receipt)
    message_create_by_reporter(access=reporter, body="I can add more.")
    view = report_view(access=reporter, for_staff=False)
    assert [(m.author_kind, m.body) for m in view.messages] == [
        ("handler", "Thank you for telling us."),
        ("reporter", "I can add more."),
    ]
    assert view.messages[0].author_name == "Case handler"
    staff_view = report_view(access=case, for_staff=True)
    assert staff_view.messages[0].author_name == handler.username
    assert [m.seq for m in staff_view.messages] == [1, 2]


def test_it_tracks_whose_turn_it_is(submitted, handler, unlock):
    case = case_access_get(user=handler, secret_key=unlock(handler).secret_key, report_id=submitted.report.pk)
    message_create_by_handler(access=case, body="reply")
    assert not Report.objects.get(pk=submitted.report.pk).awaiting_handler
    message_create_by_reporter(access=reporter_access_get(receipt=submitted.receipt), body="answer")
    assert Report.objects.get(pk=submitted.report.pk).awaiting_handler


def test_it_rejects_an_empty_message(submitted):
    with pytest.raises(ContentError):
        message_create_by_reporter(access=reporter_access_get(receipt=submitted.receipt), body="   ")
    assert not Message.objects.exists()


@pytest.mark.parametrize(
    ("persona", "visible"),
    [("owner", True), ("teammate", True), ("outsider", False), ("other_tenant", False), ("excluded", False)],
)
def test_case_access_follows_the_key_wraps(submitted, personas, unlock, persona, visible):
    user = getattr(personas, persona)
    secret = unlock(user).secret_key
    if visible:
        assert case_access_get(user=user, secret_key=secret, report_id=submitted.report.pk)
    else:
        with pytest.raises(ReportNotFound):
            case_access_get(user=user, secret_key=secret, report_id=submitted.report.pk)


@pytest.mark.parametrize("report_id", ["nonsense", "00000000-0000-0000-0000-000000000000", ""])
def test_unknown_case_ids_are_not_found(submitted, handler, unlock, report_id):
    with pytest.raises(ReportNotFound):
        case_access_get(user=handler, secret_key=unlock(handler).secret_key, report_id=report_id)


def test_content_rules_are_enforced():
    with pytest.raises(ContentError):
        content_build(what_happened="  ", category="other")
    with pytest.raises(ContentError):
        content_build(what_happened="x", category="not-a-category")
    with pytest.raises(ContentError):
        content_build(what_happened="x" * (LIMITS["what_happened"] + 1), category="other")
    with pytest.raises(ContentError):
        content_build(what_happened="x", category="other", anonymous=False)
    anonymous = content_build(what_happened="x", category="other", anonymous=True, name="Should drop")
    assert anonymous.name == ""


@pytest.mark.parametrize("model", [Report, Message, Attachment, KeyWrap])
def test_reporter_side_rows_hold_no_instants(model):
    """G2: reporter-side times are days. A DateTimeField here would be a fingerprint."""
    assert not [f.name for f in model._meta.get_fields() if isinstance(f, models.DateTimeField)]


def test_a_colliding_reference_is_replaced_not_fatal(org, handler, monkeypatch):
    first = submit_report(org)
    fresh = iter([first.report.reference, "ZZZZ-ZZZZ"])
    monkeypatch.setattr(submit, "_reference", lambda: next(fresh))
    second = submit_report(org)
    assert second.report.reference == "ZZZZ-ZZZZ"
    assert KeyWrap.objects.filter(report=second.report).count() == 1


def test_intake_targets_only_open_organizations(org, handler):
    org.intake_open = False
    org.save()
    assert intake_target_get(slug="acme") is None
    assert intake_target_get(slug="nowhere") is None


def test_an_organization_without_handlers_still_takes_reports(org, recovery_secret_key):
    target = intake_target_get(slug="acme")
    assert target is not None and target.handler_keys == []
    result = submit_report(org)
    assert not KeyWrap.objects.filter(report=result.report).exists()
    assert crypto.unseal(recovery_secret_key, bytes(Report.objects.get(pk=result.report.pk).recovery_wrap))


@pytest.mark.parametrize("receipt", ["not a receipt at all", "apple banana cherry dragon eagle falcon garlic hammer"])
def test_wrong_and_malformed_receipts_do_the_same_work(submitted, django_assert_num_queries, monkeypatch, receipt):
    """Same answer and same timing: one indexed lookup each, and no decryption attempt for either."""
    decrypts = []
    monkeypatch.setattr(reporter.keys, "report_key_for_receipt", lambda **kw: decrypts.append(kw))
    with django_assert_num_queries(1):
        assert reporter_access_get(receipt=receipt) is None
    assert decrypts == []
