"""The matching job (django-tasks): no arguments, fixed slots, enqueues its own next run (as the digests do)."""

from datetime import datetime, timedelta

from django.conf import settings
from django_tasks import task

from confide.escrow.services.matching import match_notifications_send, matches_detect
from confide.jobs.services import job_schedule


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
    return job_schedule(escrow_match_job, match_slot_after)
