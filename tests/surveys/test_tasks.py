"""The daily tally job: no arguments, enqueued once per slot, adds what is due and enqueues its next run."""

import pytest
from django.test import override_settings
from django_tasks_db.models import DBTaskResult

from confide.surveys.models import Tally
from confide.surveys.services.responses import survey_respond
from confide.surveys.tasks import survey_tally_job, survey_tally_schedule
from tests.helpers.surveys import credential_for, open_survey

pytestmark = pytest.mark.django_db


@override_settings(CONFIDE_INSIGHT_K=3)
def test_the_tally_job_adds_a_due_batch_and_reschedules_itself_once(org):
    survey_round = open_survey(org)
    for i in range(6):
        survey_respond(
            survey_round=survey_round, credential=credential_for(survey_round, f"p{i}@acme.org"), answers=[1, 5]
        )
    assert survey_tally_schedule() is True and survey_tally_schedule() is False
    assert survey_tally_job.call() == 3
    assert Tally.objects.get(question=-1).count == 3
    waiting = DBTaskResult.objects.filter(status="READY", task_path__endswith="survey_tally_job")
    assert waiting.count() == 1 and waiting.get().args_kwargs == {"args": [], "kwargs": {}}
