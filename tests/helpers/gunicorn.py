"""Real servers for tests, on free loopback ports: gunicorn with the project's configuration (its output kept in
files), and Redis as the deployment runs it."""

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def gunicorn_running(tmp_path: Path, extra_env: dict | None = None) -> Iterator[tuple[int, Path]]:
    """Yields the port and the file gunicorn's stdout and stderr go to; stops the server before the file is read."""
    port = free_port()
    output = tmp_path / f"gunicorn-{port}.out"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "confide.settings.test",
        "CONFIDE_BIND": f"127.0.0.1:{port}",
        "CONFIDE_WORKERS": "1",
        **(extra_env or {}),
    }
    with output.open("wb") as sink:
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "confide.wsgi"],
            env=env,
            cwd=ROOT,
            stdout=sink,
            stderr=subprocess.STDOUT,
        )
        try:
            deadline = time.monotonic() + 30
            while True:
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                    break
                except OSError:
                    if time.monotonic() > deadline or server.poll() is not None:
                        raise RuntimeError(output.read_text()) from None
                    time.sleep(0.1)
            yield port, output
        finally:
            server.terminate()
            server.wait(timeout=20)


@contextmanager
def redis_running() -> Iterator[str]:
    """A Redis server on a free loopback port that keeps nothing on disk, as the deployment runs it; its URL."""
    port = free_port()
    server = subprocess.Popen(
        [
            shutil.which("redis-server") or "/usr/bin/redis-server",
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
        ],
        stdout=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise RuntimeError("redis-server did not start") from None
                time.sleep(0.05)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        server.terminate()
        server.wait(timeout=10)


def raw_exchange(port: int, raw: bytes) -> bytes:
    """Send bytes as they are (no client library would send a malformed request) and read the whole answer."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        s.sendall(raw)
        s.shutdown(socket.SHUT_WR)
        chunks = []
        while chunk := s.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)
