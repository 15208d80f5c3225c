"""The tally job (django-tasks, like confide/notifications): no arguments, daily, enqueues its next run."""

from django_tasks import task

from confide.core.schedule import daily_slot_after
from confide.jobs.services import job_schedule
from confide.surveys.services.tally import surveys_tally


@task()
def survey_tally_job() -> int:
    added = surveys_tally()
    survey_tally_schedule()
    return added


def survey_tally_schedule() -> bool:
    """True when a run was enqueued now, False when one was already waiting."""
    return job_schedule(survey_tally_job, daily_slot_after)
