"""The raw counts of a period, for one organization or for all of them at once (the benchmark), in a few
grouped queries over what is already in the clear: category, channel, status dates, outcome, letter counts.

Definitions (each rests only on events inside the period, so a closed period's counts no longer move):
reports are those submitted in the period, with the reporter's last activity after that day for "came back";
days to acknowledge, give feedback and close are those of the acknowledgements, feedback and closures made in
the period; a deadline is met when its acknowledgement or feedback came on or before a deadline falling in the
period; outcomes are those of cases closed in the period; letters are those released in the period, answered
when a recipient first wrote into their thread. Leadership cases count like any other, in these aggregates only;
so do letters about the leadership (Letter.about_leadership): never a figure of their own, nor a period still open.
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


class _Median(Aggregate):
    """PostgreSQL's exact median: one value per organization instead of one row per organization and day count."""

    function = "PERCENTILE_CONT"
    template = "%(function)s(0.5) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = FloatField()


DAYS = {"acknowledge_days": "acknowledged_on", "feedback_days": "feedback_given_on", "close_days": "closed_on"}
DEADLINES = {"acknowledge_by": "acknowledged_on", "feedback_by": "feedback_given_on"}


def _in(column: str, period: Period) -> Q:
    return Q(**{f"{column}__range": (period.start, period.end)})


def _counts(period: Period) -> dict:
    """Every count as one filtered aggregate, so that the whole period costs one pass over the reports."""
    submitted = _in("submitted_on", period)
    counts: dict = {
        f"g_{c}_{ch}": Count("id", filter=submitted & Q(category=c, channel=ch))
        for c in Report.Category.values
        for ch in Report.Channel.values
    }
    counts["named_n"] = Count("id", filter=submitted & Q(named=True))
    counts["anonymous_n"] = Count("id", filter=submitted & Q(named=False))
    counts["back_n"] = Count("id", filter=submitted & Q(reporter_active_on__gt=F("submitted_on")))
    for deadline, done in DEADLINES.items():
        counts[f"due_{deadline}"] = Count("id", filter=_in(deadline, period))
        counts[f"met_{deadline}"] = Count("id", filter=_in(deadline, period) & Q(**{f"{done}__lte": F(deadline)}))
    for outcome in (*Report.Outcome.values, ""):
        counts[f"o_{outcome}"] = Count("id", filter=_in("closed_on", period) & Q(outcome=outcome))
    for attribute, column in DAYS.items():
        counts[f"n_{attribute}"] = Count("id", filter=_in(column, period))
        if connection.vendor == "postgresql":
            days = RawSQL(f'GREATEST("{column}" - "submitted_on", 0)', [])  # noqa: S611 - our own column names
            counts[f"m_{attribute}"] = _Median(days, filter=_in(column, period))
    return counts


def _histograms(reports, period: Period, figures: dict[uuid.UUID, RawFigures]) -> None:
    """Elsewhere than PostgreSQL (tests on SQLite): medians from day histograms."""
    for attribute, column in DAYS.items():
        histograms: dict = defaultdict(Counter)
        rows = (
            reports.filter(_in(column, period))
            .annotate(days=ExpressionWrapper(F(column) - F("submitted_on"), output_field=DurationField()))
            .values("organization_id", "days")
            .annotate(n=Count("id"))
        )
        for row in rows:
            histograms[row["organization_id"]][max(row["days"].days, 0)] += row["n"]
        for org_id, histogram in histograms.items():
            getattr(figures[org_id], attribute).median = median(histogram)


def raw_figures(*, period: Period, organization_ids: Iterable[uuid.UUID] | None = None) -> dict[uuid.UUID, RawFigures]:
    ids = None if organization_ids is None else list(organization_ids)
    figures: dict[uuid.UUID, RawFigures] = defaultdict(RawFigures)
    reports = _scope(Report.objects.all(), ids)
    touched = _in("submitted_on", period)
    for column in (*DAYS.values(), *DEADLINES):
        touched |= _in(column, period)
    for row in reports.filter(touched).values("organization_id").annotate(**_counts(period)):
        raw = figures[row["organization_id"]]
        for c in Report.Category.values:
            for ch in Report.Channel.values:
                if row[f"g_{c}_{ch}"]:
                    raw.grid[(c, ch)] = row[f"g_{c}_{ch}"]
        raw.total = sum(raw.grid.values())
        raw.named, raw.anonymous, raw.came_back = row["named_n"], row["anonymous_n"], row["back_n"]
        raw.deadlines_due = sum(row[f"due_{d}"] for d in DEADLINES)
        raw.deadlines_met = sum(row[f"met_{d}"] for d in DEADLINES)
        raw.outcomes = Counter({o: row[f"o_{o}"] for o in (*Report.Outcome.values, "") if row[f"o_{o}"]})
        for attribute in DAYS:
            setattr(raw, attribute, Days(count=row[f"n_{attribute}"], median=row.get(f"m_{attribute}")))
    if connection.vendor != "postgresql":
        _histograms(reports, period, figures)
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
