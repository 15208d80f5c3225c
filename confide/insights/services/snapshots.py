"""Fixing a closed period's figures, once: for one organization when it is first asked for, for every
organization at once when the sector benchmark is."""

from django.conf import settings
from django.db import IntegrityError, transaction

from confide.core.clock import today
from confide.insights.benchmark import benchmark_compute
from confide.insights.models import BenchmarkSnapshot, InsightSnapshot
from confide.insights.periods import Period, period_closed_check
from confide.insights.protect import figures_protect
from confide.insights.raw import RawFigures
from confide.insights.selectors.figures import raw_figures
from confide.insights.surveys import survey_figures
from confide.tenants.models import Organization


def _figures(organization_id, raw: RawFigures, period: Period) -> dict:
    surveys = survey_figures(organization_id=organization_id, start=period.start, end=period.end)
    return figures_protect(raw, k=settings.CONFIDE_INSIGHT_K, surveys=surveys)


def insight_fix(*, organization: Organization, period: Period) -> InsightSnapshot:
    period_closed_check(period, today=today())
    found = InsightSnapshot.objects.filter(organization=organization, kind=period.kind, start=period.start).first()
    if found is not None:
        return found
    raw = raw_figures(period=period, organization_ids=[organization.pk]).get(organization.pk, RawFigures())
    snapshot = InsightSnapshot(
        organization=organization,
        kind=period.kind,
        start=period.start,
        figures=_figures(organization.pk, raw, period),
        fixed_on=today(),
    )
    try:
        with transaction.atomic():
            snapshot.save(force_insert=True)
    except IntegrityError:  # a twin request fixed it first: theirs is the one
        return InsightSnapshot.objects.get(organization=organization, kind=period.kind, start=period.start)
    return snapshot


def insight_fix_all(*, period: Period) -> None:
    """Fix every organization's figures for the period that are not fixed yet, from one set of grouped
    queries over all organizations."""
    period_closed_check(period, today=today())
    done = set(
        InsightSnapshot.objects.filter(kind=period.kind, start=period.start).values_list("organization_id", flat=True)
    )
    missing = [pk for pk in Organization.objects.values_list("pk", flat=True) if pk not in done]
    if not missing:
        return
    raws = raw_figures(period=period, organization_ids=None if not done else missing)
    day = today()
    InsightSnapshot.objects.bulk_create(
        [
            InsightSnapshot(
                organization_id=pk,
                kind=period.kind,
                start=period.start,
                figures=_figures(pk, raws.get(pk, RawFigures()), period),
                fixed_on=day,
            )
            for pk in missing
        ],
        ignore_conflicts=True,
        batch_size=500,
    )


def benchmark_fix(*, period: Period) -> BenchmarkSnapshot:
    period_closed_check(period, today=today())
    found = BenchmarkSnapshot.objects.filter(kind=period.kind, start=period.start).first()
    if found is not None:
        return found
    insight_fix_all(period=period)
    contributions = [
        figures.get("benchmark", {})
        for figures in InsightSnapshot.objects.filter(kind=period.kind, start=period.start).values_list(
            "figures", flat=True
        )
    ]
    snapshot = BenchmarkSnapshot(
        kind=period.kind,
        start=period.start,
        figures=benchmark_compute(
            contributions, minimum=settings.CONFIDE_INSIGHT_BENCHMARK_MIN, epsilon=settings.CONFIDE_INSIGHT_EPSILON
        ),
        fixed_on=today(),
    )
    try:
        with transaction.atomic():
            snapshot.save(force_insert=True)
    except IntegrityError:
        return BenchmarkSnapshot.objects.get(kind=period.kind, start=period.start)
    return snapshot
