"""The reference deployment (deploy/) run from its own files: rendered into a folder with test paths and ports,
each service started from its systemd unit's ExecStart, Environment and EnvironmentFile lines."""

import base64
import contextlib
import os
import secrets
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from confide import crypto

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
SERVICES = ("web1", "web2", "oprf", "redis", "https", "http", "onion")


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


def prepare(tmp: Path, database_url: str, oprf_database_url: str = "") -> tuple[dict[str, int], Path]:
    """Render deploy/ for this machine's test ports and folders, and make the secrets as the README does."""
    ports = {name: free_port() for name in SERVICES}
    token = secrets.token_hex(32)
    var, oprf = tmp / "var", tmp / "oprf"
    subprocess.run(
        [sys.executable, "-m", "confide.core.keyfiles", str(var / "secrets")], cwd=ROOT, check=True, capture_output=True
    )
    # The key holder's key lives only in its own folder, beside its own Django key.
    (oprf / "secrets").mkdir(parents=True, mode=0o700)
    shutil.move(var / "secrets" / "oprf.key", oprf / "secrets" / "oprf.key")
    fd = os.open(oprf / "secrets" / "django_secret_key", os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as fh:
        fh.write(secrets.token_urlsafe(64) + "\n")
    public = crypto.oprf_public_key(base64.b64decode((oprf / "secrets" / "oprf.key").read_text()))
    (var / "staticfiles").mkdir()
    (tmp / "etc" / "tls").mkdir(parents=True)
    subprocess.run(
        [
            *("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes"),
            *("-days", "1", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost"),
            *("-keyout", str(tmp / "etc/tls/privkey.pem"), "-out", str(tmp / "etc/tls/fullchain.pem")),
        ],
        check=True,
        capture_output=True,
    )
    (tmp / "nginx").mkdir()
    out = render(
        tmp / "deploy",
        {
            "@SERVER_NAME@": "localhost",
            "@OPRF_TOKEN@": token,
            "@OPRF_PUBLIC_KEY@": base64.b64encode(public).decode(),
            "/opt/confide/venv/bin/python": sys.executable,
            "/opt/confide/app": str(ROOT),
            "/etc/confide": str(tmp / "etc"),
            "/var/lib/confide-oprf": str(oprf),
            "/var/lib/confide": str(var),
            "postgres:///confide": database_url,
            "postgres://confide-oprf@/confide": oprf_database_url or database_url,
            "127.0.0.1:8001": f"127.0.0.1:{ports['web1']}",
            "127.0.0.1:8002": f"127.0.0.1:{ports['web2']}",
            "127.0.0.1:8765": f"127.0.0.1:{ports['oprf']}",
            "--port 8765": f"--port {ports['oprf']}",
            "redis://127.0.0.1:6379/0": f"redis://127.0.0.1:{ports['redis']}/0",
            "port 6379": f"port {ports['redis']}",
            "listen 443 ssl http2;": f"listen 127.0.0.1:{ports['https']} ssl http2;",
            "listen [::]:443 ssl http2;": "",
            "listen 80;": f"listen 127.0.0.1:{ports['http']};",
            "listen [::]:80;": "",
            "127.0.0.1:8080": f"127.0.0.1:{ports['onion']}",
            "/etc/nginx/sites-enabled/*": str(tmp / "deploy/nginx/confide.conf"),
            "/etc/nginx/snippets/confide-proxy.conf": str(tmp / "deploy/nginx/confide-proxy.conf"),
            "/var/log/nginx/error.log": str(tmp / "nginx/error.log"),
            "/run/nginx.pid": str(tmp / "nginx/nginx.pid"),
        },
    )
    # systemd would read these from /etc/confide: the examples, filled in, are the files.
    shutil.copy(out / "confide.env.example", tmp / "etc/confide.env")
    shutil.copy(out / "oprf.env.example", tmp / "etc/oprf.env")
    return ports, out


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


def service(name: str, out: Path, tmp: Path, procs: list, *, instance: str = "", extra: dict | None = None):
    """Start a unit's command as systemd would, its output in tmp; added to `procs` for the caller to stop."""
    spec = unit(out / "systemd" / name, instance)
    log = tmp / f"{name.replace('@', '-')}{instance}.log"
    process = start(spec.argv, env={**base_env(), **spec.env, **(extra or {})}, cwd=spec.cwd, log=log)
    procs.append(process)
    return process, log


def nginx_argv(tmp: Path, out: Path) -> list[str]:
    """Debian's nginx on the rendered configuration, its prefix and start-up log in tmp/nginx, in the foreground
    as systemd runs it."""
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    conf = str(out / "nginx/nginx.conf")
    return [nginx, "-p", str(tmp / "nginx"), "-e", str(tmp / "nginx/error.log"), "-c", conf, "-g", "daemon off;"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


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
