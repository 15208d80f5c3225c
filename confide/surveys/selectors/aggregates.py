"""Suppressed figures of surveys (threat model G9), for the third party's pages and the organization report
(confide.insights calls survey_aggregates_for). No figure rests on fewer than k = CONFIDE_INSIGHT_K people:
a round (or an exit survey's period) with fewer respondents shows no count at all; within a question, a value
chosen by 1 to k-1 people is hidden, and when that leaves a single hidden value in the question, the next
smallest is hidden too, so that no hidden count follows from the others (complementary suppression)."""

import calendar
import uuid
from dataclasses import dataclass
from datetime import date

from django.conf import settings

from confide.core.clock import today
from confide.surveys.content import RESPONDENTS
from confide.surveys.models import SCALE, Round, Survey, Tally


@dataclass(frozen=True)
class QuestionAggregate:
    index: int
    text: str
    counts: dict[int, int | None]  # scale value -> count; None: suppressed. Empty when the whole is suppressed


@dataclass(frozen=True)
class SurveyAggregate:
    survey_id: uuid.UUID
    title: str
    kind: str
    round_id: uuid.UUID
    opened_on: date
    closed_on: date | None
    respondents: int | None  # None: fewer than k, nothing shown
    questions: list[QuestionAggregate]


def _suppressed(counts: dict[int, int], k: int) -> dict[int, int | None]:
    hidden = {value for value, count in counts.items() if 0 < count < k}
    if len(hidden) == 1:
        others = sorted((count, value) for value, count in counts.items() if value not in hidden and count > 0)
        if others:
            hidden.add(others[0][1])
    return {value: (None if value in hidden else counts[value]) for value in SCALE}


def _aggregate(survey_round: Round, tallies: list[Tally]) -> SurveyAggregate:
    k = settings.CONFIDE_INSIGHT_K
    survey: Survey = survey_round.survey
    respondents = sum(t.count for t in tallies if t.question == RESPONDENTS)
    shown = respondents >= k
    questions = []
    for index, text in enumerate(survey.questions):
        counts = {value: 0 for value in SCALE}
        for t in tallies:
            if t.question == index and t.value in counts:
                counts[t.value] += t.count
        questions.append(QuestionAggregate(index=index, text=text, counts=_suppressed(counts, k) if shown else {}))
    return SurveyAggregate(
        survey_id=survey.pk,
        title=survey.title,
        kind=survey.kind,
        round_id=survey_round.pk,
        opened_on=survey_round.opened_on,
        closed_on=survey_round.closed_on,
        respondents=respondents if shown else None,
        questions=questions,
    )


def round_aggregate(*, survey_round: Round) -> SurveyAggregate:
    """Everything tallied for the round so far, suppressed (the third party's round page)."""
    return _aggregate(survey_round, list(Tally.objects.filter(round=survey_round)))


def _month_end(month: date) -> date:
    return month.replace(day=calendar.monthrange(month.year, month.month)[1])


def survey_aggregates_for(*, organization_id: uuid.UUID, period_start: date, period_end: date) -> list[SurveyAggregate]:
    """The organization's survey figures for a period, published only once closed: climate rounds closed within
    the period (all their tallies), and for exit surveys the months of tallies that lie within the period and
    have ended. One aggregate per round, suppressed."""
    rounds = Round.objects.filter(survey__organization_id=organization_id).select_related("survey")
    found = []
    for survey_round in rounds.order_by("opened_on", "id"):
        tallies = list(Tally.objects.filter(round=survey_round))
        if survey_round.survey.kind == Survey.Kind.EXIT:
            tallies = [
                t
                for t in tallies
                if period_start <= t.month and _month_end(t.month) <= period_end and _month_end(t.month) < today()
            ]
            if not tallies:
                continue
        elif survey_round.closed_on is None or not period_start <= survey_round.closed_on <= period_end:
            continue
        found.append(_aggregate(survey_round, tallies))
    return found
