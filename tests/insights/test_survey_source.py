"""The report's survey figures come from the surveys app by default: a round closed in the period gives each
question's mean on its own respondents, and a question with a hidden count gives no mean at all."""

import pytest
import time_machine
from django.test import override_settings
from django.utils import translation

from confide.insights.access import InsightAccess
from confide.insights.services.documents import insight_report_build, period_from
from confide.surveys.services.definitions import round_close
from confide.surveys.services.responses import survey_respond
from tests.helpers.insights import AFTER, IN_PERIOD, PERIOD, file_reports
from tests.helpers.surveys import QUESTIONS, credential_for, open_survey

pytestmark = pytest.mark.django_db


def _answer(survey_round, answers: list[tuple[int, int]]) -> None:
    for i, pair in enumerate(answers):
        survey_respond(
            survey_round=survey_round, credential=credential_for(survey_round, f"p{i}@acme.org"), answers=list(pair)
        )


@override_settings(CONFIDE_INSIGHT_K=3)
def test_a_round_closed_in_the_period_joins_the_report_without_a_mean_resting_on_a_hidden_count(org, handler):
    with time_machine.travel(IN_PERIOD, tick=False):
        file_reports(org, 5)
        survey_round = open_survey(org)
        # The first question: all answer 4 or 5, 3 and 3 (nothing hidden). The second: one person alone says 1.
        _answer(survey_round, [(4, 1), (4, 3), (4, 3), (5, 3), (5, 3), (5, 3)])
        round_close(survey_round=survey_round)
    with time_machine.travel(AFTER, tick=False), translation.override("en"):
        access = InsightAccess(user=handler, organization=org, as_handler=True)
        figures = insight_report_build(access=access, period=period_from(PERIOD))["figures"]["surveys"]
    assert [(f["label"], f["value"], f["respondents"]) for f in figures] == [
        (f"Spring climate check: {QUESTIONS[0]}", 4.5, 6)
    ]
