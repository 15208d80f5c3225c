"""The reference deployment (deploy/, issue 14) on one machine as it would run on several: nginx terminating
TLS in front of two gunicorn instances, Redis, one db_worker, the key holder as its own service, PostgreSQL,
each started from its systemd unit. A web instance killed under load loses no acknowledged report; Redis or the
key holder stopping gives 503s with Retry-After, never a 500 and never an unthrottled write."""

import collections
import http.client
import json
import os
import shutil
import ssl
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from django.db import connection

from tests.helpers.deployment import (
    base_env,
    env_file,
    kill_all,
    nginx_argv,
    prepare,
    service,
    start,
    stop,
    unit,
    wait_port,
)

ROOT = Path(__file__).resolve().parents[2]
REQUIRED = os.environ.get("CONFIDE_REQUIRE_DEPLOY") == "1"

needs = []
if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
    needs.append("a PostgreSQL server that other processes reach")  # the SQLite run of CI skips it
# CONFIDE_REQUIRE_DEPLOY=1 (CI): a missing tool fails the test instead of skipping it.
for tool in ("nginx", "redis-server", "openssl"):
    if shutil.which(tool) is None and not Path("/usr/sbin", tool).exists() and not REQUIRED:
        needs.append(f"{tool} (apt-get install {tool})")
pytestmark = [pytest.mark.skipif(bool(needs), reason=", ".join(needs)), pytest.mark.django_db(transaction=True)]
REPORT = {"what_happened": "He cornered me after the rally", "category": "sexual_harassment"}


class Site:
    def __init__(self, port: int, cafile: Path):
        self.port = port
        self.context = ssl.create_default_context(cafile=str(cafile))

    def call(self, method: str, path: str, body: dict | None = None, headers: dict | None = None):
        """(status, headers, parsed JSON or raw bytes) over TLS, the certificate checked against the test CA."""
        conn = http.client.HTTPSConnection("localhost", self.port, context=self.context, timeout=30)
        try:
            data = json.dumps(body).encode() if body is not None else None
            sent = {"Content-Type": "application/json"} if data is not None else {}
            conn.request(method, path, body=data, headers={**sent, **(headers or {})})
            response = conn.getresponse()
            raw = response.read()
            try:
                parsed = json.loads(raw) if raw else None
            except ValueError:
                parsed = raw
            return response.status, dict(response.getheaders()), parsed
        finally:
            conn.close()

    def opens(self, receipt: str) -> bool:
        status, _, _ = self.call("GET", "/api/reporter/report", headers={"Authorization": f"Receipt {receipt}"})
        return status == 200


def _plain(port: int, path: str) -> tuple[int, dict]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request("GET", path, headers={"Host": "localhost"})
        response = conn.getresponse()
        response.read()
        return response.status, dict(response.getheaders())
    finally:
        conn.close()


def _load(site: Site, killed: threading.Event, results: list, threads: int = 4, each: int = 30) -> None:
    def client(n: int) -> None:
        for i in range(each):
            after_kill = killed.is_set()
            try:
                status, _, body = site.call("POST", "/api/orgs/acme/reports", {**REPORT, "when": f"{n}/{i}"})
            except OSError:
                status, body = 0, None
            results.append((after_kill, status, body))

    workers = [threading.Thread(target=client, args=(n,)) for n in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()


def test_the_reference_deployment_serves_through_nginx_and_fails_safe(org, counselor, tmp_path):
    db = connection.settings_dict
    role = f"confide-oprf-{os.getpid()}"
    ports, out = prepare(
        tmp_path,
        f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        f"postgres://{role}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
    )
    procs: list[subprocess.Popen] = []
    nginx_log = tmp_path / "nginx" / "error.log"
    try:
        # The key holder connects as its own role, with only the grants deploy/postgres/oprf-grants.sql gives.
        grants = (out / "postgres/oprf-grants.sql").read_text()
        grants = grants.replace('"confide-oprf"', f'"{role}"').replace("DATABASE confide", f'DATABASE "{db["NAME"]}"')
        with connection.cursor() as cursor:
            for statement in filter(str.strip, grants.split(";")):
                cursor.execute(statement)
        redis = start(
            ["redis-server", str(out / "redis/confide.conf")], env=base_env(), cwd=tmp_path, log=tmp_path / "redis.log"
        )
        procs.append(redis)
        wait_port(ports["redis"], redis, tmp_path / "redis.log")
        oprf, oprf_log = service("confide-oprf.service", out, tmp_path, procs)
        # A drop-in's Environment= for this test only: the load loop files more reports than one campaign's limit.
        load = {"CONFIDE_INTAKE_PER_SECOND": "1000"}
        web = [
            service("confide-web@.service", out, tmp_path, procs, instance=str(ports[name]), extra=load)
            for name in ("web1", "web2")
        ]
        schedule = unit(out / "systemd/confide-schedule.service")
        done = subprocess.run(
            schedule.argv, env={**base_env(), **schedule.env}, cwd=schedule.cwd, capture_output=True, text=True
        )
        assert done.returncode == 0, done.stderr
        worker, worker_log = service("confide-worker.service", out, tmp_path, procs)
        nginx = start(
            nginx_argv(tmp_path, out),
            env=base_env(),
            cwd=tmp_path,
            log=tmp_path / "nginx.out",
        )
        procs.append(nginx)
        wait_port(ports["oprf"], oprf, oprf_log)
        for (process, log), name in zip(web, ("web1", "web2"), strict=True):
            wait_port(ports[name], process, log)
        wait_port(ports["https"], nginx, tmp_path / "nginx.out")
        site = Site(ports["https"], tmp_path / "etc/tls/fullchain.pem")

        assert site.call("GET", "/readyz")[0] == 200
        status, _, submitted = site.call("POST", "/api/orgs/acme/reports", REPORT)
        assert status == 201 and site.opens(submitted["receipt"])
        # Plain HTTP is only a redirect; the onion's loopback door is served as secure, without one.
        assert _plain(ports["http"], "/readyz")[0] == 301
        assert _plain(ports["onion"], "/readyz")[0] == 200

        # Kill one instance (master and workers) while four clients file reports through nginx.
        killed, results = threading.Event(), []
        loader = threading.Thread(target=_load, args=(site, killed, results))
        loader.start()
        while len(results) < 30 and loader.is_alive():
            time.sleep(0.02)
        kill_all(web[0][0])
        killed.set()  # requests started from now on find the instance gone
        loader.join(timeout=120)
        statuses = [status for _, status, _ in results]
        receipts = [body["receipt"] for _, status, body in results if status == 201]
        print(f"kill under load: {len(results)} requests: {dict(collections.Counter(statuses))}")
        assert 500 not in statuses
        assert all(status == 201 for after, status, _ in results if after), "the other instance kept serving"
        assert len(receipts) >= len(results) - 4  # at most the requests in flight on the killed instance fail
        assert all(site.opens(receipt) for receipt in receipts), "an acknowledged report was lost"

        # A vault entry needs an evaluation from the key holder (its own service, role and token) ...
        status, _, vault = site.call("POST", "/api/orgs/acme/vaults")
        assert status == 201
        sealed = {"Authorization": f"Vault {vault['receipt']}"}
        entry = {"person": {"email": "x@corp.example"}, "text": "He did it to me too"}
        status, _, answer = site.call("POST", "/api/vault/entries", entry, headers=sealed)
        assert status == 201, answer
        # ... and while it is stopped, the next one waits with a 503, never a 500.
        stop(oprf)
        entry = {"person": {"email": "y@corp.example"}, "text": "And to me"}
        status, headers, answer = site.call("POST", "/api/vault/entries", entry, headers=sealed)
        assert status == 503 and int(headers["Retry-After"]) > 0, answer

        # Redis stops: a limited write is refused with a 503, not let through unthrottled.
        stop(redis)
        status, headers, _ = site.call("POST", "/api/orgs/acme/reports", REPORT)
        assert status == 503 and int(headers["Retry-After"]) > 0
        assert worker.poll() is None, worker_log.read_text()

        # The checklist passes on this environment as rendered.
        env = {**base_env(), **env_file(tmp_path / "etc/confide.env")}
        check = subprocess.run(
            [sys.executable, "manage.py", "deploy_check"], env=env, cwd=ROOT, capture_output=True, text=True
        )
        assert check.returncode == 0, check.stdout + check.stderr
        assert "FAIL" not in check.stdout and "WARN" not in check.stdout
    finally:
        for process in reversed(procs):
            stop(process)
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [role])
            if cursor.fetchone():
                cursor.execute(f'DROP OWNED BY "{role}"')
                cursor.execute(f'DROP ROLE "{role}"')
    assert not list((tmp_path / "nginx").rglob("access.log"))
    assert "127.0.0.1" not in (nginx_log.read_text() if nginx_log.exists() else "")
