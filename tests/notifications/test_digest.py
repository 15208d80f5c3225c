from datetime import UTC, date, datetime

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from confide.notifications.services import digest_slot_after, staff_digests_send
from confide.notifications.tasks import digest_schedule, staff_digest_job
from tests.helpers.reports import submit_report

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("moment", "slot"),
    [
        (datetime(2026, 3, 1, 0, 0, tzinfo=UTC), datetime(2026, 3, 1, 6, 0, tzinfo=UTC)),
        (datetime(2026, 3, 1, 5, 59, tzinfo=UTC), datetime(2026, 3, 1, 6, 0, tzinfo=UTC)),
        (datetime(2026, 3, 1, 23, 1, tzinfo=UTC), datetime(2026, 3, 2, 0, 0, tzinfo=UTC)),
    ],
)
def test_digests_go_out_in_fixed_slots(moment, slot):
    assert digest_slot_after(moment) == slot


def test_a_digest_says_that_something_needs_attention_never_what(org, handler, teammate):
    handler.email = "hana@thirdparty.example"
    handler.save()
    with time_machine.travel(date(2026, 1, 1), tick=False):
        report = submit_report(org, what_happened="DIGESTCANARY text").report
    with time_machine.travel(date(2026, 1, 20), tick=False):
        assert staff_digests_send() == 1  # teammate has no email address
    [message] = mail.outbox
    assert message.to == ["hana@thirdparty.example"]
    assert "1 case needs your attention" in message.body
    for secret in ("DIGESTCANARY", report.reference, str(report.pk), org.name, org.slug):
        assert secret not in message.body and secret not in message.subject


def test_nobody_is_emailed_when_nothing_is_due(handler):
    handler.email = "hana@thirdparty.example"
    handler.save()
    assert staff_digests_send() == 0 and mail.outbox == []


def test_the_job_reschedules_itself_once_without_arguments(org, handler):
    assert call_command("schedule_jobs") is None
    assert digest_schedule() is False, "scheduling twice must not duplicate the job"
    assert (
        DBTaskResult.objects.filter(status="READY").count() == 6
    )  # digest, retention, escrow matching, letter reminders, the closed period's figures, survey tallies
    staff_digest_job.call()
    waiting = DBTaskResult.objects.filter(status="READY", task_path__endswith="staff_digest_job")
    assert waiting.count() == 1
    job = waiting.get()
    assert job.args_kwargs == {"args": [], "kwargs": {}}
    assert job.run_after is not None and job.run_after.minute == 0 and job.run_after.hour % 6 == 0
