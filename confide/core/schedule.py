"""Background jobs in fixed slots (django-tasks). Each job enqueues its own next run, so when a job ran says
nothing about when any one report, entry or letter arrived."""

from collections.abc import Callable
from datetime import datetime, timedelta

from django.utils import timezone
from django_tasks.base import Task
from django_tasks_db.models import DBTaskResult


def now() -> datetime:
    return timezone.now()


def daily_slot_after(moment: datetime) -> datetime:
    """03:00 UTC, the quietest hour, strictly after `moment`."""
    slot = moment.replace(hour=3, minute=0, second=0, microsecond=0)
    return slot if slot > moment else slot + timedelta(days=1)


def job_schedule(job: Task, slot_after: Callable[[datetime], datetime]) -> bool:
    """Enqueue `job` for its next slot. True when enqueued now, False when a run was already waiting."""
    path = f"{job.func.__module__}.{job.func.__qualname__}"
    if DBTaskResult.objects.filter(task_path=path, status="READY").exists():
        return False
    job.using(run_after=slot_after(now())).enqueue()
    return True
