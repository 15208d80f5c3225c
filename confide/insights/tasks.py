"""The daily job that fixes the last closed period for every organization and draws the sector benchmark, so
that readers find both fixed (no request pays for a thousand organizations) and every organization's figures
are fixed on the same day, right after the period closed."""

from django.conf import settings
from django_tasks import task

from confide.core.clock import today
from confide.core.schedule import daily_slot_after
from confide.insights.periods import last_closed
from confide.insights.services.snapshots import benchmark_fix
from confide.jobs.services import job_schedule


@task()
def insight_close_job() -> str:
    period = last_closed(settings.CONFIDE_INSIGHT_PERIOD, today=today())
    benchmark_fix(period=period)
    insight_close_schedule()
    return period.label


def insight_close_schedule() -> bool:
    """True when a run was enqueued now, False when one was already waiting."""
    return job_schedule(insight_close_job, daily_slot_after)
