"""The fixed slots background jobs run in (confide.jobs enqueues them). Each job enqueues its own next run, so
when a job ran says nothing about when any one report, entry or letter arrived."""

from datetime import datetime, timedelta

from django.utils import timezone


def now() -> datetime:
    return timezone.now()


def daily_slot_after(moment: datetime) -> datetime:
    """03:00 UTC, the quietest hour, strictly after `moment`."""
    slot = moment.replace(hour=3, minute=0, second=0, microsecond=0)
    return slot if slot > moment else slot + timedelta(days=1)
