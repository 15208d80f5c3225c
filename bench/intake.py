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

        latencies, errors = asyncio.run(drive(port, make_request, check, clients=args.clients, seconds=args.seconds))

    count = len(latencies)
    print(f"intake benchmark: {args.clients} clients, {args.seconds:.0f} s, {args.handlers} handlers, PostgreSQL")
    print(f"  submissions/s  {count / args.seconds:8.1f}   (target >= 300)")
    print(f"  p50            {percentile(latencies, 50) * 1000:8.1f} ms")
    print(f"  p99            {percentile(latencies, 99) * 1000:8.1f} ms (target <= 150)")
    print(f"  errors         {errors:8d}   of {count} (target 0)")


if __name__ == "__main__":
    main()
