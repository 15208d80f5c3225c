"""Enqueue a background job for its next slot, once, however many workers or machines ask at the same time.

django-tasks-db's worker claims a run with SELECT … FOR UPDATE SKIP LOCKED (an exclusive transaction on
SQLite), so a run that is enqueued once runs once. What could double is the enqueueing: every job schedules its
own next run, and `schedule_jobs` runs on every machine at start. The JobSlot row, inserted in the same
transaction as the run, makes the second attempt for a slot fail on its unique constraint instead.
"""

from collections.abc import Callable
from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django_tasks.base import Task
from django_tasks_db.models import DBTaskResult

from confide.core.schedule import now
from confide.jobs.models import JobSlot

KEEP_SLOTS = timedelta(days=7)  # older rows serve no purpose; a week keeps the table tiny


def job_schedule(job: Task, slot_after: Callable[[datetime], datetime]) -> bool:
    """Enqueue `job` for its next slot. True when enqueued now, False when a run was already waiting (or another
    worker enqueued this slot first)."""
    path = f"{job.func.__module__}.{job.func.__qualname__}"
    if DBTaskResult.objects.filter(task_path=path, status="READY").exists():
        return False
    slot = slot_after(now())
    try:
        with transaction.atomic():
            JobSlot.objects.create(path=path, slot=slot)
            job.using(run_after=slot).enqueue()
    except IntegrityError:
        return False
    JobSlot.objects.filter(path=path, slot__lt=slot - KEEP_SLOTS).delete()
    return True
