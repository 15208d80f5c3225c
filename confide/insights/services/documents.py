"""The report a reader gets: one organization's fixed figures for a period, its trend over the periods before,
and where it stands in the sector. Reading fixes what is not fixed yet (a closed period only)."""

import itertools

from django.conf import settings
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from confide.core.clock import today
from confide.core.errors import NotFound, Refused
from confide.insights.access import InsightAccess
from confide.insights.benchmark import standing
from confide.insights.models import InsightSnapshot
from confide.insights.periods import Period, last_closed, period_parse
from confide.insights.services.snapshots import benchmark_fix, insight_fix
from confide.tenants.models import Organization

TREND_PERIODS = 4


class NotEnough(Refused):
    """Fewer than k reports in the period: nothing at all is shown, not even how many."""

    status = 422


def period_from(label: str | None) -> Period:
    kind = settings.CONFIDE_INSIGHT_PERIOD
    return last_closed(kind, today=today()) if not label else period_parse(label, kind=kind)


def _trend(organization: Organization, period: Period) -> list[dict]:
    """The totals of the periods before, each as its own fixed report shows it (a hidden total stays hidden,
    and no change is given between a shown and a hidden one)."""
    periods = [period]
    for _step in range(TREND_PERIODS):
        periods.append(periods[-1].previous())
    rows = []
    for p in reversed(periods):
        figures = insight_fix(organization=organization, period=p).figures
        rows.append(
            {"period": p.label, "reports": figures.get("reports"), "per_100_staff": figures.get("per_100_staff")}
        )
    for before, row in itertools.pairwise(rows):
        shown = before["reports"] is not None and row["reports"] is not None
        row["change"] = row["reports"] - before["reports"] if shown else None
    rows[0]["change"] = None
    return rows


def benchmark_document(*, period: Period) -> dict:
    return {"period": period_out(period), **benchmark_fix(period=period).figures}


def period_out(period: Period) -> dict:
    return {
        "kind": period.kind,
        "label": period.label,
        "start": period.start.isoformat(),
        "end": period.end.isoformat(),
    }


def _document(organization: Organization, period: Period, snapshot: InsightSnapshot) -> dict:
    figures = snapshot.figures
    if not figures.get("enough"):
        raise NotEnough(_("Not enough reports to show this safely."))
    sector = benchmark_fix(period=period).figures
    standings = {
        key: {**metric, "standing": standing(figures["benchmark"].get(key), metric)} if metric else None
        for key, metric in sector["metrics"].items()
    }
    return {
        "format": "confide-insight-report/1",
        "organization": {"name": organization.name, "slug": organization.slug},
        "period": period_out(period),
        "figures": {key: value for key, value in figures.items() if key != "benchmark"},
        "trend": _trend(organization, period),
        "benchmark": {"minimum": sector["minimum"], "epsilon": sector["epsilon"], "metrics": standings},
    }


def insight_report_build(*, access: InsightAccess, period: Period) -> dict:
    return _document(access.organization, period, insight_fix(organization=access.organization, period=period))


def insight_publish(*, access: InsightAccess, period: Period) -> InsightSnapshot:
    snapshot = insight_fix(organization=access.organization, period=period)
    if not snapshot.figures.get("enough"):
        raise NotEnough(_("Not enough reports to show this safely."))
    if snapshot.published_on is None:
        snapshot.published_on = today()
        snapshot.published_by = access.user
        snapshot.save(update_fields=["published_on", "published_by"])
    return snapshot


def published_list(*, organization: Organization) -> QuerySet[InsightSnapshot]:
    return InsightSnapshot.objects.filter(
        organization=organization, kind=settings.CONFIDE_INSIGHT_PERIOD, published_on__isnull=False
    ).order_by("-start")


def published_report_build(*, organization: Organization, label: str) -> dict:
    period = period_parse(label, kind=settings.CONFIDE_INSIGHT_PERIOD)
    snapshot = published_list(organization=organization).filter(start=period.start).first()
    if snapshot is None:
        raise NotFound()
    return _document(organization, period, snapshot)
