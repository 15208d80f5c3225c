"""Where survey figures come in, without this app importing the surveys app (which sits beside it).

Set CONFIDE_INSIGHT_SURVEYS to the dotted path of a callable

    provider(*, organization_id: uuid.UUID, start: datetime.date, end: datetime.date) -> Iterable[SurveyFigure]

returning, for one organization and the period [start, end] (both inclusive, the period's first and last day),
one SurveyFigure per aggregate the surveys keep: a stable `key`, a translatable `label`, the `value` (a mean or
a share, already computed by the surveys app), and `respondents`, the number of distinct responses it rests on.
Only figures of surveys that closed within the period belong there. The report hides any figure with fewer than
k respondents. Nothing per response and no free text: an aggregate only. Empty setting: no survey figures.
"""

import datetime
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.conf import settings
from django.utils.module_loading import import_string


@dataclass(frozen=True)
class SurveyFigure:
    key: str
    label: str
    value: float
    respondents: int


Provider = Callable[..., Iterable[SurveyFigure]]


def survey_figures(*, organization_id: uuid.UUID, start: datetime.date, end: datetime.date) -> list[SurveyFigure]:
    path = getattr(settings, "CONFIDE_INSIGHT_SURVEYS", "")
    if not path:
        return []
    provider: Provider = import_string(path)
    return list(provider(organization_id=organization_id, start=start, end=end))
