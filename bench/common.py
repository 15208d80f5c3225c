"""Shared set-up for the benchmarks: a throwaway PostgreSQL, a fresh Confide under gunicorn, a load loop."""

import asyncio
import os
import shutil
import socket
import ssl
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def port_in_use(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
    except OSError:
        return False
    return True


@contextmanager
def postgres():
    """A PostgreSQL server started (and stopped) here, on a port nothing else listens on, in a data directory
    made here: the benchmarks wipe and fill their database, so they never take one from the environment."""
    directory = tempfile.mkdtemp(prefix="confide-bench-pg-")
    script = ROOT / ".ci" / "postgres.sh"
    port = free_port()
    if port_in_use(port):  # pg_start refuses too; say which port
        raise SystemExit(f"port {port} is in use: the benchmark only works in a server it started")
    out = subprocess.run(
        ["bash", "-c", f'source "{script}" && pg_start "{directory}" {port} && echo "$DATABASE_URL"'],
        check=True,
        capture_output=True,
        text=True,
    )
    try:
        yield out.stdout.strip().splitlines()[-1]
    finally:
        subprocess.run(["bash", "-c", f'source "{script}" && pg_stop "{directory}"'], check=False)
        shutil.rmtree(directory, ignore_errors=True)


def manage(env: dict, *args: str, stdin: str | None = None) -> str:
    return subprocess.run(
        [PYTHON, str(ROOT / "manage.py"), *args],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
        input=stdin,
    ).stdout


@contextmanager
def confide_server(database_url: str, *, workers: int | None = None, log=None):
    """Migrate a fresh database, then serve it with the project's gunicorn configuration (its log to `log`, an
    open file, when given)."""
    var = Path(tempfile.mkdtemp(prefix="confide-bench-var-"))
    (var / "staticfiles").mkdir()  # the API needs no static files; whitenoise only wants the folder
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "confide.settings.local",
        "CONFIDE_VAR_DIR": str(var),
        "DATABASE_URL": database_url,
        "CONFIDE_BIND": f"127.0.0.1:{port}",
        # The benchmarks measure capacity: the flood limits (confide/throttle.py) would cap one organization's
        # intake far below it, by design.
        "CONFIDE_INTAKE_PER_SECOND": "1000000",
        "CONFIDE_WRITES_PER_SECOND": "1000000",
    }
    if workers:
        env["CONFIDE_WORKERS"] = str(workers)
    subprocess.run([PYTHON, "-m", "confide.core.keyfiles"], env=env, cwd=ROOT, check=True, capture_output=True)
    manage(env, "flush", "--noinput")
    manage(env, "migrate", "--noinput")
    server = subprocess.Popen(
        [PYTHON, "-m", "gunicorn", "-c", "gunicorn.conf.py", "confide.wsgi"], env=env, cwd=ROOT, stdout=log, stderr=log
    )
    try:
        deadline = time.time() + 30
        while time.time() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                time.sleep(0.2)
        yield env, port
    finally:
        server.terminate()
        server.wait(timeout=20)
        shutil.rmtree(var, ignore_errors=True)


async def _request(port: int, raw: bytes, tls: ssl.SSLContext | None = None) -> tuple[int, bytes]:
    reader, writer = await asyncio.open_connection(
        "127.0.0.1", port, ssl=tls, server_hostname="localhost" if tls else None
    )
    try:
        writer.write(raw)
        await writer.drain()
        data = await reader.read()
    finally:
        writer.close()
    head, _, body = data.partition(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1]) if head else 0
    return status, body


def http_request(method: str, path: str, body: bytes = b"", headers: dict | None = None) -> bytes:
    lines = [f"{method} {path} HTTP/1.1", "Host: 127.0.0.1", "Connection: close", f"Content-Length: {len(body)}"]
    lines += [f"{k}: {v}" for k, v in (headers or {}).items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


async def drive(
    port: int,
    make_request,
    check,
    *,
    clients: int,
    seconds: float,
    warmup: float = 2.0,
    tls: ssl.SSLContext | None = None,
):
    """Closed loop: each client sends its next request as soon as the last one is answered (over TLS with `tls`,
    one handshake per request). Returns the measured latencies, the measured errors, and how many requests passed
    `check` in all (warm-up included)."""
    latencies: list[float] = []
    errors = accepted = 0
    measuring = False
    stop_at = time.perf_counter() + warmup + seconds

    async def client(n: int) -> None:
        nonlocal errors, accepted
        i = 0
        while time.perf_counter() < stop_at:
            raw = make_request(n, i)
            i += 1
            started = time.perf_counter()
            try:
                status, body = await _request(port, raw, tls)
                ok = check(status, body)
            except OSError:
                ok = False
            accepted += 1 if ok else 0
            if measuring:
                latencies.append(time.perf_counter() - started)
                errors += 0 if ok else 1

    async def clock() -> None:
        nonlocal measuring
        await asyncio.sleep(warmup)
        measuring = True

    await asyncio.gather(clock(), *(client(n) for n in range(clients)))
    return latencies, errors, accepted


def percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]
