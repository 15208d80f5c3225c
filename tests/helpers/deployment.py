"""The reference deployment (deploy/) run from its own files: rendered into a folder with test paths and ports,
each service started from its systemd unit's ExecStart, Environment and EnvironmentFile lines."""

import contextlib
import os
import shlex
import signal
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"


def render(out: Path, replacements: dict[str, str]) -> Path:
    """Copy deploy/ to `out` with every placeholder or production path replaced (longest first, so that a path
    inside another is not cut). A replacement that matches nothing is refused: the test would no longer run the
    files an operator copies."""
    unused = set(replacements)
    ordered = sorted(replacements, key=len, reverse=True)
    for source in DEPLOY.rglob("*"):
        if not source.is_file():
            continue
        text = source.read_text()
        for key in ordered:
            if key in text:
                unused.discard(key)
                text = text.replace(key, replacements[key])
        target = out / source.relative_to(DEPLOY)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text)
    if unused:
        raise AssertionError(f"deploy/ no longer contains {sorted(unused)}")
    return out


def env_file(path: Path) -> dict[str, str]:
    """systemd's EnvironmentFile: KEY=value lines, # comments."""
    values = {}
    for line in path.read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            key, _, value = line.partition("=")
            values[key.strip()] = value.strip()
    return values


@dataclass(frozen=True)
class Unit:
    argv: list[str]
    env: dict[str, str]
    cwd: Path


def unit(path: Path, instance: str = "") -> Unit:
    """The command a systemd unit runs, with its environment (EnvironmentFile first, then Environment=, as
    systemd applies them) and working directory; `instance` is %i."""
    env: dict[str, str] = {}
    argv: list[str] = []
    cwd = ROOT
    section = ""
    for raw in path.read_text().replace("%i", instance).splitlines():
        line = raw.strip()
        if line.startswith("["):
            section = line
            continue
        if section != "[Service]" or "=" not in line or line.startswith("#"):
            continue
        key, _, value = line.partition("=")
        if key == "EnvironmentFile":
            env = {**env_file(Path(value)), **env}
        elif key == "Environment":
            for item in shlex.split(value):
                name, _, setting = item.partition("=")
                env[name] = setting
        elif key == "ExecStart":
            argv = shlex.split(value)
        elif key == "WorkingDirectory":
            cwd = Path(value)
    assert argv, f"{path} has no ExecStart"
    return Unit(argv=argv, env=env, cwd=cwd)


def base_env() -> dict[str, str]:
    """What systemd gives a service besides its unit's lines: a PATH, and nothing of the test's own settings."""
    return {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8"}


def start(argv: list[str], *, env: dict[str, str], cwd: Path, log: Path) -> subprocess.Popen:
    """In its own process group, so that a kill reaches the instance's every process (gunicorn's workers too)."""
    with log.open("ab") as sink:
        return subprocess.Popen(argv, env=env, cwd=cwd, stdout=sink, stderr=subprocess.STDOUT, start_new_session=True)


def wait_port(port: int, process: subprocess.Popen, log: Path, seconds: float = 40) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            if time.monotonic() > deadline or process.poll() is not None:
                raise RuntimeError(f"nothing listens on {port}:\n{log.read_text()}") from None
            time.sleep(0.1)


def kill(process: subprocess.Popen, sig: int = signal.SIGKILL) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, sig)


def kill_all(process: subprocess.Popen, seconds: float = 10) -> None:
    """SIGKILL to the whole group, then wait until none of its processes is left (its port is closed then)."""
    kill(process)
    process.wait(timeout=seconds)
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            os.killpg(process.pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.02)
    raise RuntimeError(f"process group {process.pid} survived SIGKILL")


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        kill(process, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            kill(process)
            process.wait(timeout=10)
