"""Intake throughput: full report submissions through the JSON API (the form-equivalent call), under
gunicorn on PostgreSQL, from N concurrent clients for a fixed time.

Target (issue 2): >= 300 submissions/s at 32 clients, p99 <= 150 ms, 0 errors, on the 2-core machine.
Usage: python bench/intake.py [--clients 32] [--seconds 20] [--handlers 3] [--workers N]
"""

import argparse
import asyncio
import json
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))

from common import confide_server, drive, http_request, manage, percentile, postgres

TEXT = (
    "During the field canvass in October my regional director repeatedly made comments about my body and "
    "texted me late at night asking to meet alone. When I declined he moved me to worse shifts. "
) * 6


def report_count(env: dict) -> int:
    code = "from confide.reports.models import Report; print(Report.objects.count())"
    return int(manage(env, "shell", "--no-imports", "-c", code).strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--handlers", type=int, default=3, help="handlers each report key is sealed to")
    parser.add_argument("--workers", type=int, default=None, help="gunicorn workers (default from gunicorn.conf.py)")
    args = parser.parse_args()

    with postgres() as database_url, confide_server(database_url, workers=args.workers) as (env, port):
        manage(env, "org_create", "bench", "Bench Campaign")
        for n in range(args.handlers):
            manage(
                env,
                "staff_create",
                f"handler{n}",
                "--org",
                "bench",
                "--password-stdin",
                stdin="bench handler password\n",
            )

        def make_request(client: int, i: int) -> bytes:
            body = json.dumps(
                {
                    "what_happened": f"{TEXT} ({client}/{i})",
                    "category": "sexual_harassment",
                    "when": "October",
                    "where": "Field office",
                    "people_involved": "Regional director",
                    "anonymous": True,
                }
            ).encode()
            return http_request("POST", "/api/orgs/bench/reports", body, {"Content-Type": "application/json"})

        def check(status: int, body: bytes) -> bool:
            return status == 201 and b'"receipt"' in body

        before = report_count(env)
        latencies, errors, accepted = asyncio.run(
            drive(port, make_request, check, clients=args.clients, seconds=args.seconds)
        )
        stored = report_count(env) - before

    count = len(latencies)
    print(f"intake benchmark: {args.clients} clients, {args.seconds:.0f} s, {args.handlers} handlers, PostgreSQL")
    print(f"  submissions/s  {count / args.seconds:8.1f}   (target >= 300)")
    print(f"  p50            {percentile(latencies, 50) * 1000:8.1f} ms")
    print(f"  p99            {percentile(latencies, 99) * 1000:8.1f} ms (target <= 150)")
    print(f"  errors         {errors:8d}   of {count} (target 0)")
    # Every 201 must be a row: a receipt shown means committed (G8).
    print(f"  stored         {stored:8d}   of {accepted} answered 201 (warm-up included; must be equal)")
    if stored != accepted:
        raise SystemExit(f"{accepted - stored} acknowledged reports are missing from the database")


if __name__ == "__main__":
    main()
