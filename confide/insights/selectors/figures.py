"""The raw counts of a period, for one organization or for all of them at once (the benchmark), in a few
grouped queries over what is already in the clear: category, channel, status dates, outcome, letter counts.

Definitions (each rests only on events inside the period, so a closed period's counts no longer move):
reports are those submitted in the period, with the reporter's last activity after that day for "came back";
days to acknowledge, give feedback and close are those of the acknowledgements, feedback and closures made in
the period; a deadline is met when its acknowledgement or feedback came on or before a deadline falling in the
period; outcomes are those of cases closed in the period; letters are those released in the period, answered
when a recipient first wrote into their thread. Leadership cases count like any other, in these aggregates only.
"""

import uuid
from collections import Counter, defaultdict
from collections.abc import Iterable

from django.db import connection
from django.db.models import Aggregate, Count, DurationField, ExpressionWrapper, F, FloatField, Min, Q
from django.db.models.expressions import RawSQL

from confide.insights.periods import Period
from confide.insights.raw import Days, RawFigures
from confide.insights.stats import median
from confide.letters.models import Letter, Update
from confide.reports.models import Report
from confide.verification.models import RosterEntry


def _scope(queryset, organization_ids: Iterable[uuid.UUID] | None):
    return queryset if organization_ids is None else queryset.filter(organization_id__in=list(organization_ids))


def _days_between(later: str, earlier: str) -> ExpressionWrapper:
    return ExpressionWrapper(F(later) - F(earlier), output_field=DurationField())


class _Median(Aggregate):
    """PostgreSQL's exact median: one row per organization instead of one per organization and day count."""

    function = "PERCENTILE_CONT"
    template = "%(function)s(0.5) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = FloatField()


def _day_counts(reports, *, on: str, since: str, period: Period, into: dict, attribute: str) -> None:
    events = reports.filter(**{f"{on}__range": (period.start, period.end)})
    if connection.vendor == "postgresql":
        days = RawSQL(f'GREATEST("{on}" - "{since}", 0)', [])  # noqa: S611 - our own column names
        for org_id, count, middle in (
            events.values("organization_id")
            .annotate(n=Count("id"), m=_Median(days))
            .values_list("organization_id", "n", "m")
        ):
            setattr(into[org_id], attribute, Days(count=count, median=middle))
        return
    histograms: dict = defaultdict(Counter)
    rows = events.annotate(days=_days_between(on, since)).values("organization_id", "days").annotate(n=Count("id"))
    for row in rows:
        histograms[row["organization_id"]][max(row["days"].days, 0)] += row["n"]
    for org_id, histogram in histograms.items():
        setattr(into[org_id], attribute, Days(count=sum(histogram.values()), median=median(histogram)))


def raw_figures(*, period: Period, organization_ids: Iterable[uuid.UUID] | None = None) -> dict[uuid.UUID, RawFigures]:
    ids = None if organization_ids is None else list(organization_ids)
    figures: dict[uuid.UUID, RawFigures] = defaultdict(RawFigures)
    reports = _scope(Report.objects.all(), ids)
    submitted = reports.filter(submitted_on__range=(period.start, period.end))
    for row in submitted.values("organization_id", "category", "channel").annotate(n=Count("id")):
        raw = figures[row["organization_id"]]
        raw.grid[(row["category"], row["channel"])] += row["n"]
        raw.total += row["n"]
    people = submitted.values("organization_id").annotate(
        n_named=Count("id", filter=Q(named=True)),
        n_anonymous=Count("id", filter=Q(named=False)),
        back=Count("id", filter=Q(reporter_active_on__gt=F("submitted_on"))),
    )
    for row in people:
        raw = figures[row["organization_id"]]
        raw.named, raw.anonymous, raw.came_back = row["n_named"], row["n_anonymous"], row["back"]
    _day_counts(
        reports, on="acknowledged_on", since="submitted_on", period=period, into=figures, attribute="acknowledge_days"
    )
    _day_counts(
        reports, on="feedback_given_on", since="submitted_on", period=period, into=figures, attribute="feedback_days"
    )
    _day_counts(reports, on="closed_on", since="submitted_on", period=period, into=figures, attribute="close_days")
    for deadline, done in (("acknowledge_by", "acknowledged_on"), ("feedback_by", "feedback_given_on")):
        rows = (
            reports.filter(**{f"{deadline}__range": (period.start, period.end)})
            .values("organization_id")
            .annotate(due=Count("id"), met=Count("id", filter=Q(**{f"{done}__lte": F(deadline)})))
        )
        for row in rows:
            raw = figures[row["organization_id"]]
            raw.deadlines_due += row["due"]
            raw.deadlines_met += row["met"]
    closed = reports.filter(closed_on__range=(period.start, period.end))
    for row in closed.values("organization_id", "outcome").annotate(n=Count("id")):
        figures[row["organization_id"]].outcomes[row["outcome"]] += row["n"]
    _letters(period=period, ids=ids, figures=figures)
    rosters = _scope(RosterEntry.objects.all(), ids).values("organization_id").annotate(n=Count("id"))
    for row in rosters:
        if row["organization_id"] in figures or ids is not None:
            figures[row["organization_id"]].roster_size = row["n"]
    return dict(figures)


def _letters(*, period: Period, ids: list[uuid.UUID] | None, figures: dict[uuid.UUID, RawFigures]) -> None:
    letters = _scope(Letter.objects.all(), ids).filter(
        status=Letter.Status.RELEASED, released_on__range=(period.start, period.end)
    )
    rows = letters.values("id", "organization_id", "released_on", "meeting_status").annotate(
        signatures=Count("signatures", distinct=True)
    )
    answered = dict(
        Update.objects.filter(letter__in=letters, author_kind=Update.Author.RECIPIENT)
        .values("letter_id")
        .annotate(first=Min("created_on"))
        .values_list("letter_id", "first")
    )
    for row in rows:
        raw = figures[row["organization_id"]]
        raw.letters_released += 1
        raw.signatures += row["signatures"]
        raw.meetings_held += row["meeting_status"] == Letter.Meeting.HELD
        if row["id"] in answered:
            raw.answer_days.append(max((answered[row["id"]] - row["released_on"]).days, 0))
