"""Reports filed while PostgreSQL restarts (issue 10 item 6): every answer is a 201 with a receipt that opens
afterwards, or a 503 with Retry-After; never a 500, and no acknowledged report lost.

Starts its own PostgreSQL (.ci/postgres.sh) and Confide under gunicorn (gunicorn.conf.py) on 127.0.0.1, seeds
the demo organization, then sends POST /api/orgs/demo/reports from --clients threads in a closed loop while the
database goes through `pg_ctl restart -m fast`, then a `kill -9` of the postmaster followed by a start. Then it
opens every receipt it was given with GET /api/reporter/report. Bounded: at most --seconds of load, timeouts on
every request and on every server step; everything it started is stopped and removed at the end.
Usage: python bench/db_restart.py [--clients 4] [--seconds 60]
"""

import argparse
import collections
import http.client
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, os.path.dirname(__file__))

from common import ROOT, confide_server, free_port, manage

SCRIPT = ROOT / ".ci" / "postgres.sh"
TEXT = "During the canvass my supervisor made comments about my body and texted me late at night. " * 3
STEP_TIMEOUT = 60


def _pg(command: str) -> str:
    out = subprocess.run(
        ["bash", "-c", f'source "{SCRIPT}" && {command}'],
        check=True,
        capture_output=True,
        text=True,
        timeout=STEP_TIMEOUT,
    )
    return out.stdout


class Postgres:
    def __init__(self) -> None:
        self.directory = tempfile.mkdtemp(prefix="confide-bench-pgrestart-")
        self.port = free_port()
        self.url = ""

    def start(self) -> None:
        # pg_start initdb's on first use, starts, and creates the database if missing.
        self.url = _pg(f'pg_start "{self.directory}" {self.port} && echo "$DATABASE_URL"').strip().splitlines()[-1]

    def restart_fast(self) -> None:
        # pg_ctl restart keeps the options the server was started with (postmaster.opts).
        _pg(f'pg_run "$(pg_bin)/pg_ctl" -D "{self.directory}/data" -m fast -w restart >/dev/null')

    def crash_and_start(self) -> None:
        pid = int((Path(self.directory) / "data" / "postmaster.pid").read_text().split()[0])
        os.kill(pid, signal.SIGKILL)
        deadline = time.time() + STEP_TIMEOUT
        # Until init reaps it, the dead postmaster's pid still exists and a new one refuses its lock file; its
        # backends may hold the shared memory a moment longer still.
        while Path(f"/proc/{pid}").exists() and time.time() < deadline:
            time.sleep(0.1)
        while True:
            try:
                self.start()
                _pg(f'psql -h 127.0.0.1 -p {self.port} -U postgres -d confide -Atc "SELECT 1" >/dev/null')
                return
            except subprocess.CalledProcessError:
                if time.time() > deadline:
                    raise
                time.sleep(0.5)

    def stop(self) -> None:
        subprocess.run(["bash", "-c", f'source "{SCRIPT}" && pg_stop "{self.directory}"'], check=False, timeout=60)
        shutil.rmtree(self.directory, ignore_errors=True)


@contextmanager
def postgres():
    server = Postgres()
    try:
        server.start()
        yield server
    finally:
        server.stop()


class Load:
    """Closed-loop clients filing reports until told to stop; every answer is kept by status."""

    def __init__(self, port: int, clients: int) -> None:
        self.port = port
        self.clients = clients
        self.stopping = threading.Event()
        self.lock = threading.Lock()
        self.counts: collections.Counter[str] = collections.Counter()
        self.receipts: list[str] = []
        self.without_retry_after = 0
        self.other_bodies: list[str] = []
        self.timeline: list[tuple[float, str]] = []
        self.started = time.perf_counter()

    def _one(self, n: int) -> tuple[str, str | None, bool, str]:
        body = json.dumps({"what_happened": f"{TEXT} ({n})", "category": "sexual_harassment", "anonymous": True})
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            connection.request(
                "POST", "/api/orgs/demo/reports", body=body, headers={"Content-Type": "application/json"}
            )
            response = connection.getresponse()
            payload = response.read().decode(errors="replace")
            receipt = json.loads(payload).get("receipt") if response.status == 201 else None
            return str(response.status), receipt, response.getheader("Retry-After") is not None, payload
        except OSError as error:  # refused or reset: the server itself was not there to answer
            return f"no answer ({type(error).__name__})", None, False, ""
        finally:
            connection.close()

    def _client(self, n: int) -> None:
        i = 0
        while not self.stopping.is_set():
            status, receipt, retry_after, payload = self._one(n * 1_000_000 + i)
            i += 1
            with self.lock:
                self.counts[status] += 1
                if receipt:
                    self.receipts.append(receipt)
                if status == "503" and not retry_after:
                    self.without_retry_after += 1
                if status not in ("201", "503") and len(self.other_bodies) < 5:
                    self.other_bodies.append(f"{status}: {payload[:300]}")
                if status != "201":
                    self.timeline.append((time.perf_counter() - self.started, status))

    def run(self) -> list[threading.Thread]:
        threads = [threading.Thread(target=self._client, args=(n,), daemon=True) for n in range(self.clients)]
        for thread in threads:
            thread.start()
        return threads

    def successes(self) -> int:
        with self.lock:
            return self.counts["201"]


def wait_for_201(load: Load, until: float) -> bool:
    """True once a report is accepted again (the database is back), False at the deadline."""
    seen = load.successes()
    while time.perf_counter() < until:
        if load.successes() > seen:
            return True
        time.sleep(0.05)
    return False


def receipts_opened(port: int, receipts: list[str]) -> tuple[int, list[str]]:
    opened, failures = 0, []
    for receipt in receipts:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        try:
            connection.request("GET", "/api/reporter/report", headers={"Authorization": f"Receipt {receipt}"})
            response = connection.getresponse()
            response.read()
            if response.status == 200:
                opened += 1
            elif len(failures) < 5:
                failures.append(str(response.status))
        finally:
            connection.close()
    return opened, failures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=60, help="the most the load runs")
    args = parser.parse_args()

    with tempfile.TemporaryFile(mode="w+") as log:
        server_log, report = run(args, log)
    print(report)
    tracebacks = server_log.count("Traceback")
    unavailable = server_log.count("database unavailable")
    print(f"  server log: {unavailable} 'database unavailable' warnings, {tracebacks} tracebacks")
    if tracebacks:
        first = server_log.index("Traceback")
        print(server_log[first : first + 3000])


def run(args: argparse.Namespace, log) -> tuple[str, str]:
    with postgres() as pg, confide_server(pg.url, log=log) as (env, port):
        manage(env, "seed_demo", "--password", "a bench demo password")
        load = Load(port, args.clients)
        deadline = load.started + args.seconds
        events = []
        threads = load.run()
        try:
            time.sleep(min(5, args.seconds / 6))
            for name, step in (
                ("pg_ctl restart -m fast", pg.restart_fast),
                ("kill -9 postmaster, start", pg.crash_and_start),
            ):
                began = time.perf_counter()
                step()
                back = wait_for_201(load, min(deadline, time.perf_counter() + 30))
                events.append((name, began - load.started, time.perf_counter() - began, back))
                time.sleep(max(0.0, min(5, deadline - time.perf_counter())))
        finally:
            load.stopping.set()
            for thread in threads:
                thread.join(40)
        elapsed = time.perf_counter() - load.started
        opened, failures = receipts_opened(port, load.receipts)
    log.seek(0)
    lines = [f"database restarts under load: {args.clients} clients, {elapsed:.0f} s, PostgreSQL, gunicorn"]
    for name, at, took, back in events:
        state = f"reports accepted again {took:.1f} s later" if back else "no report accepted before the deadline"
        lines.append(f"  at {at:5.1f} s  {name}: {state}")
    lines.append(f"  requests {sum(load.counts.values())}:")
    shown = ["201", "503", "500", *sorted(set(load.counts) - {"201", "503", "500"})]
    lines += [f"    {status}  {load.counts[status]:6d}" for status in shown]
    lines.append(f"  503 without Retry-After: {load.without_retry_after}")
    lines.append(
        f"  receipts given {len(load.receipts)}, opened afterwards {opened}"
        + (f" (failed: {failures})" if failures else "")
    )
    lines += [f"  unexpected answer {body}" for body in load.other_bodies]
    return log.read(), "\n".join(lines)


if __name__ == "__main__":
    main()
