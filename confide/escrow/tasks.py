"""The matching job (django-tasks): no arguments, fixed slots, enqueues its own next run (as the digests do)."""

from datetime import datetime, timedelta

from django.conf import settings
from django_tasks import task
from django_tasks_db.models import DBTaskResult

from confide.escrow.matching import match_notifications_send, matches_detect
from confide.notifications.services import now


def match_slot_after(moment: datetime) -> datetime:
    """Every CONFIDE_MATCH_HOURS from midnight UTC, strictly after `moment`: notification timing says
    nothing about when an entry was made."""
    slot = moment.replace(hour=0, minute=0, second=0, microsecond=0)
    while slot <= moment:
        slot += timedelta(hours=settings.CONFIDE_MATCH_HOURS)
    return slot


@task()
def escrow_match_job() -> int:
    matches_detect()
    sent = match_notifications_send()
    escrow_match_schedule()
    return sent


def escrow_match_schedule() -> bool:
    path = f"{escrow_match_job.func.__module__}.{escrow_match_job.func.__qualname__}"
    if DBTaskResult.objects.filter(task_path=path, status="READY").exists():
        return False
    escrow_match_job.using(run_after=match_slot_after(now())).enqueue()
    return True
