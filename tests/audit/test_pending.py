"""Day-timed audit rows wait out their day before joining the chain (G2): appended at once, a row's place
between exact-time rows would date a phone filing or a reporter's answer to the minute."""

from datetime import UTC, datetime, time, timedelta
from types import SimpleNamespace

import pytest
import time_machine

from confide.audit.models import AuditEntry, PendingEntry
from confide.audit.selectors import audit_chain_verify
from confide.audit.services import Action, audit_pending_flush, audit_record
from confide.notifications.tasks import retention_job
from tests.helpers.audit import audit_flushed

pytestmark = pytest.mark.django_db

DAY = datetime(2026, 5, 4, 15, 31, 7, tzinfo=UTC)


def _between_two_staff_rows(handler, org) -> None:
    audit_record(actor=handler, action=Action.STAFF_SIGN_IN)
    assert audit_record(actor=handler, action=Action.HOTLINE_REPORT_FILED, obj=org, day_only=True) is None
    audit_record(actor=handler, action=Action.STAFF_SIGN_IN)


def test_a_day_timed_row_joins_the_chain_only_after_its_day_dated_to_midnight(handler, org):
    with time_machine.travel(DAY, tick=False):
        _between_two_staff_rows(handler, org)
        assert list(AuditEntry.objects.values_list("action", flat=True)) == ["staff.sign_in", "staff.sign_in"]
        assert audit_pending_flush() == 0  # not on its own day
    with time_machine.travel(DAY + timedelta(days=1), tick=False):
        assert audit_pending_flush() == 1
    last = AuditEntry.objects.last()
    assert (last.action, last.at) == ("hotline.report_filed", datetime.combine(DAY.date(), time.min, tzinfo=UTC))
    assert not PendingEntry.objects.exists()
    assert audit_chain_verify().ok


def test_a_days_rows_join_in_an_order_that_is_not_the_order_they_happened(handler, org):
    with time_machine.travel(DAY, tick=False):
        for number in range(1, 21):
            audit_record(
                actor=handler, action=Action.HOTLINE_REPORT_FILED, subject=SimpleNamespace(pk=number), day_only=True
            )
    audit_flushed()
    order = list(AuditEntry.objects.values_list("subject_id", flat=True))
    # One chance in 20! that a fair shuffle gives back the order they happened in.
    assert sorted(order) == list(range(1, 21)) and order != sorted(order)
    assert audit_chain_verify().ok


def test_the_daily_job_flushes_them(handler, org):
    with time_machine.travel(DAY, tick=False):
        audit_record(actor=handler, action=Action.HOTLINE_REPORT_FILED, obj=org, day_only=True)
    with time_machine.travel(DAY + timedelta(days=1), tick=False):
        retention_job.call()
    assert AuditEntry.objects.filter(action="hotline.report_filed").count() == 1
