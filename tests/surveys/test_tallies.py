"""Tallies move in batches of at least k, and leaders' figures are suppressed below k (threat model G9)."""

from datetime import date, timedelta

import pytest
from django.test import override_settings

from confide.core.clock import today
from confide.surveys.models import Pending, Survey, Tally
from confide.surveys.selectors.aggregates import _suppressed, round_aggregate, survey_aggregates_for
from confide.surveys.services.definitions import round_close
from confide.surveys.services.responses import survey_respond
from confide.surveys.services.tally import round_tally, surveys_tally
from tests.helpers.surveys import credential_for, open_survey

pytestmark = pytest.mark.django_db


def _answer(survey_round, n, answers=(4, 2), start=0):
    for i in range(start, start + n):
        credential = credential_for(survey_round, f"person{i}@acme.org")
        survey_respond(survey_round=survey_round, credential=credential, answers=list(answers))


@override_settings(CONFIDE_INSIGHT_K=3)
def test_counters_never_move_by_fewer_than_k_responses(org):
    survey_round = open_survey(org)
    _answer(survey_round, 5)
    assert surveys_tally() == 0 and not Tally.objects.exists()  # 5 < 2k: everything waits
    _answer(survey_round, 1, start=5)
    assert surveys_tally() == 3  # 6 = 2k: all but k go in
    assert Pending.objects.count() == 3
    assert Tally.objects.get(question=-1).count == 3
    round_close(survey_round=survey_round)
    assert Pending.objects.count() == 0
    assert Tally.objects.get(question=-1).count == 6
    assert Tally.objects.get(question=0, value=4).count == 6


@override_settings(CONFIDE_INSIGHT_K=3)
def test_a_round_that_never_had_k_respondents_moves_no_counter(org):
    survey_round = open_survey(org)
    _answer(survey_round, 2)
    round_close(survey_round=survey_round)
    assert not Tally.objects.exists() and Pending.objects.count() == 2
    survey_round.refresh_from_db()
    assert round_aggregate(survey_round=survey_round).respondents is None


@override_settings(CONFIDE_INSIGHT_K=3)
def test_a_batch_is_counted_once_when_two_jobs_run(org):
    survey_round = open_survey(org)
    _answer(survey_round, 6)
    assert round_tally(survey_round=survey_round) == 3
    assert round_tally(survey_round=survey_round) == 0
    assert Tally.objects.get(question=-1).count == 3


def test_cells_below_k_are_hidden_with_a_complement():
    assert _suppressed({1: 0, 2: 7, 3: 2, 4: 9, 5: 6}, 5) == {1: 0, 2: 7, 3: None, 4: 9, 5: None}
    assert _suppressed({1: 1, 2: 2, 3: 5, 4: 5, 5: 5}, 5) == {1: None, 2: None, 3: 5, 4: 5, 5: 5}
    assert _suppressed({1: 0, 2: 0, 3: 5, 4: 0, 5: 0}, 5) == {1: 0, 2: 0, 3: 5, 4: 0, 5: 0}


@override_settings(CONFIDE_INSIGHT_K=3)
def test_climate_rounds_join_the_period_they_closed_in_and_exit_months_once_ended(org, other_org):
    climate = open_survey(org)
    _answer(climate, 4, answers=(5, 1))
    round_close(survey_round=climate)
    exit_round = open_survey(org, kind=Survey.Kind.EXIT)
    _answer(exit_round, 6, answers=(2, 2), start=10)
    round_tally(survey_round=exit_round)
    Tally.objects.filter(round=exit_round).update(month=date(2020, 3, 1))  # a month long over
    open_survey(other_org)

    found = survey_aggregates_for(organization_id=org.pk, period_start=today() - timedelta(days=1), period_end=today())
    assert [(a.kind, a.respondents) for a in found] == [("climate", 4)]
    assert found[0].questions[0].counts == {1: 0, 2: 0, 3: 0, 4: 0, 5: 4}
    spring = survey_aggregates_for(organization_id=org.pk, period_start=date(2020, 1, 1), period_end=date(2020, 6, 30))
    assert [(a.kind, a.respondents) for a in spring] == [("exit", 3)]
    assert survey_aggregates_for(organization_id=other_org.pk, period_start=date(2000, 1, 1), period_end=today()) == []


@override_settings(CONFIDE_INSIGHT_K=5)
def test_a_closed_round_below_k_shows_no_figure_to_anyone(org):
    survey_round = open_survey(org)
    _answer(survey_round, 4)
    round_close(survey_round=survey_round)
    found = survey_aggregates_for(organization_id=org.pk, period_start=today(), period_end=today())
    assert found[0].respondents is None and all(q.counts == {} for q in found[0].questions)
