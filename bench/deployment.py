"""Intake through the reference deployment (deploy/, issue 14): nginx terminating TLS (one handshake per
request) in front of two gunicorn instances sharing Redis, on PostgreSQL, every service started from its
systemd unit as tests/deploy does; then one instance alone, asked directly, for comparison.

Target (issue 14): >= 300 submissions/s at 32 clients, p99 <= 150 ms, 0 errors, on the 2-core machine.
Usage: python bench/deployment.py [--clients 32] [--seconds 20] [--handlers 3] [--single-workers 3]
"""

import argparse
import asyncio
import json
import os
import ssl
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, os.path.dirname(__file__))
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from common import drive, http_request, manage, percentile, postgres
from intake import TEXT

from tests.helpers.deployment import base_env, env_file, nginx_argv, prepare, service, start, stop, wait_port

# The benchmark measures capacity: the flood limits would cap one organization far below it, by design.
UNLIMITED = {"CONFIDE_INTAKE_PER_SECOND": "1000000", "CONFIDE_WRITES_PER_SECOND": "1000000"}
# common.http_request names the host 127.0.0.1.
HOSTS = {"CONFIDE_ALLOWED_HOSTS": "localhost,127.0.0.1"}


def make_request(client: int, i: int, *, direct: bool = False) -> bytes:
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
    headers = {"Content-Type": "application/json"}
    if direct:  # what nginx adds: without it the production settings redirect to https
        headers["X-Forwarded-Proto"] = "https"
    return http_request("POST", "/api/orgs/bench/reports", body, headers)


def report_count(env: dict) -> int:
    code = "from confide.reports.models import Report; print(Report.objects.count())"
    # The last line: the shell may first say what it imported.
    return int(manage(env, "shell", "-c", code).strip().splitlines()[-1])


def check(status: int, body: bytes) -> bool:
    return status == 201 and b'"receipt"' in body


def measure(label: str, env: dict, port: int, args, tls: ssl.SSLContext | None) -> dict:
    before = report_count(env)

    def request(client: int, i: int) -> bytes:
        return make_request(client, i, direct=tls is None)

    latencies, errors, accepted = asyncio.run(
        drive(port, request, check, clients=args.clients, seconds=args.seconds, tls=tls)
    )
    stored = report_count(env) - before
    result = {
        "label": label,
        "rate": len(latencies) / args.seconds,
        "p50": percentile(latencies, 50) * 1000,
        "p99": percentile(latencies, 99) * 1000,
        "errors": errors,
        "count": len(latencies),
        "stored": stored,
        "accepted": accepted,
    }
    if stored != accepted:
        raise SystemExit(f"{label}: {accepted - stored} acknowledged reports are missing from the database")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--handlers", type=int, default=3, help="handlers each report key is sealed to")
    parser.add_argument("--single-workers", type=int, default=3, help="gunicorn workers of the lone instance")
    args = parser.parse_args()

    results = []
    with postgres() as database_url, tempfile.TemporaryDirectory(prefix="confide-bench-deploy-") as directory:
        tmp = Path(directory)
        ports, out = prepare(tmp, database_url)
        env = {**base_env(), **env_file(tmp / "etc/confide.env")}
        manage(env, "migrate", "--noinput")
        manage(env, "org_create", "bench", "Bench Campaign")
        for n in range(args.handlers):
            manage(env, "staff_create", f"handler{n}", "--org", "bench", "--password-stdin", stdin="bench pw 12345\n")
        procs = []
        try:
            redis = start(["redis-server", str(out / "redis/confide.conf")], env=base_env(), cwd=tmp, log=tmp / "r.log")
            procs.append(redis)
            wait_port(ports["redis"], redis, tmp / "r.log")
            web = [
                service(
                    "confide-web@.service", out, tmp, procs, instance=str(ports[name]), extra={**UNLIMITED, **HOSTS}
                )
                for name in ("web1", "web2")
            ]
            nginx = start(
                nginx_argv(tmp, out),
                env=base_env(),
                cwd=tmp,
                log=tmp / "nginx.out",
            )
            procs.append(nginx)
            for (process, log), name in zip(web, ("web1", "web2"), strict=True):
                wait_port(ports[name], process, log)
            wait_port(ports["https"], nginx, tmp / "nginx.out")
            tls = ssl.create_default_context(cafile=str(tmp / "etc/tls/fullchain.pem"))
            workers = env.get("CONFIDE_WORKERS", "?")
            results.append(measure(f"nginx + TLS, 2 instances x {workers} workers", env, ports["https"], args, tls))
            for process, _ in web:
                stop(process)
            stop(nginx)
            single = {**UNLIMITED, **HOSTS, "CONFIDE_WORKERS": str(args.single_workers)}
            lone, log = service("confide-web@.service", out, tmp, procs, instance=str(ports["web1"]), extra=single)
            wait_port(ports["web1"], lone, log)
            label = f"1 instance x {args.single_workers} workers, direct"
            results.append(measure(label, env, ports["web1"], args, None))
        finally:
            for process in reversed(procs):
                stop(process)

    print(f"deployment benchmark: {args.clients} clients, {args.seconds:.0f} s, {args.handlers} handlers, PostgreSQL")
    for r in results:
        print(f"  {r['label']}")
        print(f"    submissions/s  {r['rate']:8.1f}   (target >= 300)")
        print(f"    p50            {r['p50']:8.1f} ms")
        print(f"    p99            {r['p99']:8.1f} ms (target <= 150)")
        print(f"    errors         {r['errors']:8d}   of {r['count']} (target 0)")
        print(f"    stored         {r['stored']:8d}   of {r['accepted']} answered 201 (must be equal)")


if __name__ == "__main__":
    main()
