"""Background jobs (django-tasks, database backend, run by `manage.py db_worker`).

Jobs carry no arguments: the task table is in the database, and nothing about a case may sit in it. Each job
runs in fixed slots and enqueues its own next run, so exactly one of each is always waiting."""

from collections.abc import Callable
from datetime import datetime, timedelta

from django_tasks import task
from django_tasks.base import Task
from django_tasks_db.models import DBTaskResult

from confide.notifications.services import digest_slot_after, now, staff_digests_send
from confide.reports.retention import retention_purge_expired
from confide.verification.services import verification_challenges_purge


def daily_slot_after(moment: datetime) -> datetime:
    """03:00 UTC, the quietest hour, strictly after `moment`."""
    slot = moment.replace(hour=3, minute=0, second=0, microsecond=0)
    return slot if slot > moment else slot + timedelta(days=1)


def _schedule(job: Task, slot_after: Callable[[datetime], datetime]) -> bool:
    path = f"{job.func.__module__}.{job.func.__qualname__}"
    if DBTaskResult.objects.filter(task_path=path, status="READY").exists():
        return False
    job.using(run_after=slot_after(now())).enqueue()
    return True


@task()
def staff_digest_job() -> int:
    # Riding on the digest's slots: an expired code's timestamp lives at most one slot after the code.
    verification_challenges_purge()
    sent = staff_digests_send()
    digest_schedule()
    return sent


@task()
def retention_job() -> int:
    purged = retention_purge_expired()
    retention_schedule()
    return purged


def digest_schedule() -> bool:
    """True when a digest was enqueued now, False when one was already waiting."""
    return _schedule(staff_digest_job, digest_slot_after)


def retention_schedule() -> bool:
    return _schedule(retention_job, daily_slot_after)
