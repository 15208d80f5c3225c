"""The reminder job (django-tasks, like confide/notifications): no arguments, daily, enqueues its next run."""

from django_tasks import task

from confide.core.schedule import daily_slot_after
from confide.jobs.services import job_schedule
from confide.letters.services.reminders import letter_reminders_send


@task()
def letter_reminder_job() -> int:
    sent = letter_reminders_send()
    letter_reminder_schedule()
    return sent


def letter_reminder_schedule() -> bool:
    """True when a run was enqueued now, False when one was already waiting."""
    return job_schedule(letter_reminder_job, daily_slot_after)
