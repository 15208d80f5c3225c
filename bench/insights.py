"""The organizations' figures on PostgreSQL with 1,000,000 reports across 1,000 organizations (issue 12).

Seeding is bulk SQL (generate_series), not the encrypting services: a million reports through report_submit
would take hours and exercise the crypto, not the figures. Ciphertext columns get random bytes; the clear
columns the figures read (organization, category, channel, named, dates, outcome) get realistic spreads over
2024-01-01 .. 2026-09-30, and every organization has a roster of 50 to 500. Letters are not seeded.

Times, in-process (the same services as production), for the last closed quarters:
- the daily close job (insights/tasks.py): fixing all 1,000 organizations' figures from one pass over the
  reports, then drawing the OpenDP quartiles; it runs once per period, off any request;
- the sector benchmark as a reader gets it (fixed by the job);
- one organization's report as a reader gets it: its figures fixed by the job, two of its four earlier periods
  fixed during the request; then the same again (warm);
- for comparison, the first report of a period the job never fixed (the request fixes everything).
Target (issue 12): <= 1 s for one organization's report and for the benchmark.
Usage: python bench/insights.py [--reports 1000000] [--organizations 1000] [--samples 20]
"""

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, os.path.dirname(__file__))

from common import percentile, postgres  # noqa: E402

ORGS_SQL = """
INSERT INTO tenants_organization (id, slug, name, intake_open, acknowledge_days, feedback_months, retention_days,
                                  outside_options, created_at)
SELECT md5('org' || i)::uuid, 'org-' || i, 'Campaign ' || i, true, 7, 3, 730, '', now()
FROM generate_series(1, %s::int) AS i
"""
ROSTER_SQL = """
INSERT INTO verification_rosterentry (organization_id, lookup)
SELECT md5('org' || o)::uuid, decode(md5(o || '-' || r), 'hex')
FROM generate_series(1, %s::int) AS o, generate_series(1, 500) AS r
WHERE r <= 50 + (o * 37) %% 451
"""
REPORTS_SQL = """
INSERT INTO reports_report (id, organization_id, reference, status, outcome, acknowledge_by, acknowledged_on,
    feedback_by, feedback_given_on, closed_on, category, channel, about_leadership, named, submitted_on,
    reporter_active_on, awaiting_handler, receipt_lookup, receipt_wrap, recovery_wrap, content)
SELECT md5('r' || i)::uuid,
       md5('org' || (1 + (i::bigint * 7919) %% %(orgs)s::int))::uuid,
       'B' || i,
       CASE WHEN closed THEN 'closed' WHEN ack THEN 'acknowledged' ELSE 'received' END,
       CASE WHEN closed THEN (ARRAY['substantiated','not_substantiated','inconclusive','withdrawn'])[1 + i %% 4]
            ELSE '' END,
       day + 7,
       CASE WHEN ack THEN day + (i %% 11) END,
       CASE WHEN ack THEN day + (i %% 11) + 90 END,
       CASE WHEN ack AND i %% 3 = 0 THEN day + (i %% 11) + 30 + i %% 80 END,
       CASE WHEN closed THEN day + 20 + i %% 200 END,
       (ARRAY['sexual_harassment','sexual_violence','discrimination','bullying','retaliation','other'])
           [1 + (i * 13) %% 6],
       (ARRAY['web','web','web','api','phone','escrow','letter'])[1 + (i * 17) %% 7],
       i %% 50 = 0,
       i %% 3 = 0,
       day,
       day + (i %% 5) * 3,
       false,
       decode(md5('l' || i), 'hex'),
       decode(md5('w' || i), 'hex'),
       decode(md5('v' || i), 'hex'),
       decode(repeat(md5('c' || i), 8), 'hex')
FROM (
    SELECT i, DATE '2024-01-01' + ((i::bigint * 104729) %% 1004)::int AS day, i %% 10 < 8 AS ack, i %% 10 < 5 AS closed
    FROM generate_series(%(first)s::int, %(last)s::int) AS i
) AS seed
"""


def seed(reports: int, organizations: int) -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(ORGS_SQL, [organizations])
        cursor.execute(ROSTER_SQL, [organizations])
        batch = 200_000
        for first in range(1, reports + 1, batch):
            last = min(reports, first + batch - 1)
            cursor.execute(REPORTS_SQL, {"orgs": organizations, "first": first, "last": last})
        cursor.execute("VACUUM ANALYZE")


def timed(function) -> tuple[float, object]:
    started = time.perf_counter()
    result = function()
    return time.perf_counter() - started, result


def show(name: str, values: list[float]) -> None:
    """A p95 only from 20 samples on: below that it is just the largest, and says so."""
    ms = [v * 1000 for v in values]
    p95 = f"p95 {percentile(ms, 95):8.1f} ms" if len(ms) >= 20 else f"{'(p95 needs 20)':>15}"
    print(f"  {name:<44} n={len(ms):>3}  p50 {percentile(ms, 50):8.1f} ms  {p95}  max {max(ms):8.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reports", type=int, default=1_000_000)
    parser.add_argument("--organizations", type=int, default=1000)
    parser.add_argument("--samples", type=int, default=20)
    args = parser.parse_args()

    with postgres() as database_url:
        var = tempfile.mkdtemp(prefix="confide-bench-insights-")
        os.environ.update(
            DATABASE_URL=database_url, CONFIDE_VAR_DIR=var, DJANGO_SETTINGS_MODULE="confide.settings.local"
        )
        from confide.core.keyfiles import secrets_init

        secrets_init(Path(var) / "secrets")
        import django

        django.setup()
        from django.core.management import call_command

        from confide.accounts.models import User
        from confide.core.clock import today
        from confide.insights.access import InsightAccess
        from confide.insights.models import BenchmarkSnapshot
        from confide.insights.periods import last_closed
        from confide.insights.services.documents import benchmark_document, insight_report_build
        from confide.insights.services.snapshots import benchmark_fix
        from confide.reports.models import Report
        from confide.tenants.models import Organization

        call_command("migrate", verbosity=0)
        started = time.perf_counter()
        seed(args.reports, args.organizations)
        print(
            f"insights benchmark: PostgreSQL, {Report.objects.count():,} reports across "
            f"{Organization.objects.count():,} organizations (seeded in {time.perf_counter() - started:.0f} s)"
        )
        period = last_closed("quarter", today=today())
        reader = User.objects.create(username="bench-handler", role=User.Role.HANDLER)
        organizations = list(Organization.objects.order_by("?")[: args.samples])

        job, warm_benchmark = [], []
        for back in range(3):  # three distinct quarters, each fixed once by the job
            p = period
            for _ in range(back):
                p = p.previous()
            job.append(timed(lambda p=p: benchmark_fix(period=p))[0])
            for _ in range(args.samples):
                warm_benchmark.append(timed(lambda p=p: benchmark_document(period=p))[0])
        assert BenchmarkSnapshot.objects.count() == 3
        show("close job: fix 1,000 orgs + DP quartiles", job)
        show("sector benchmark (insight_benchmark_get)", warm_benchmark)

        cold_report, warm_report, first_report = [], [], []
        for organization in organizations:
            access = InsightAccess(user=reader, organization=organization, as_handler=True)
            # Its own figures were fixed with the benchmark; two of its four earlier periods are fixed now.
            elapsed, document = timed(lambda a=access: insight_report_build(access=a, period=period))
            cold_report.append(elapsed)
            warm_report.append(timed(lambda a=access: insight_report_build(access=a, period=period))[0])
        show("one organization's report (insight_report_get)", cold_report)
        show("the same report again", warm_report)
        older = period
        for _ in range(5):
            older = older.previous()
        for organization in organizations[:3]:  # the first read of a period nobody asked for: the benchmark too
            access = InsightAccess(user=reader, organization=organization, as_handler=True)
            first_report.append(timed(lambda a=access, p=older: insight_report_build(access=a, period=p))[0])
            older = older.previous()
        show("report of a period the job never fixed", first_report)
        figures = document["figures"]
        print(f"  e.g. {document['organization']['slug']} {document['period']['label']}: {figures['reports']} reports")


if __name__ == "__main__":
    main()
