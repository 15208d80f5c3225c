"""The surveys app as the source of the report's survey figures (the default CONFIDE_INSIGHT_SURVEYS).

One figure per scaled question of each round the surveys app publishes for the period: the mean answer on its
1 to 5 scale, resting on the round's respondents. A mean is given only where the surveys app hides no count of
that question: the mean and the visible counts would otherwise be two equations for the hidden ones."""

import datetime
import uuid
from collections.abc import Iterator

from confide.insights.surveys import SurveyFigure
from confide.surveys.selectors.aggregates import survey_aggregates_for


def survey_figures_of_rounds(
    *, organization_id: uuid.UUID, start: datetime.date, end: datetime.date
) -> Iterator[SurveyFigure]:
    for aggregate in survey_aggregates_for(organization_id=organization_id, period_start=start, period_end=end):
        if aggregate.respondents is None:
            continue
        for question in aggregate.questions:
            counts = question.counts
            if not counts or any(count is None for count in counts.values()):
                continue
            answered = sum(count or 0 for count in counts.values())
            if not answered:
                continue
            mean = sum(value * (count or 0) for value, count in counts.items()) / answered
            yield SurveyFigure(
                key=f"{aggregate.round_id}:{question.index}",
                label=f"{aggregate.title}: {question.text}",
                value=round(mean, 2),
                respondents=answered,
            )
