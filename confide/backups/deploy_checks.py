"""The production checklist behind `manage.py deploy_check` (issue 14): Django's own deployment checks, then
what only Confide knows to ask. Every finding says what is wrong and the one thing to do about it; a FAIL
stops a deployment, a WARN is right for some hosts and wrong for others."""

import base64
import binascii
import importlib.util
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from django.conf import settings
from django.core import checks
from django.middleware.csrf import CsrfViewMiddleware
from django.utils.module_loading import import_string

from confide import crypto
from confide.core import keyfiles
from confide.escrow.checks import oprf_public_key_configured

OK, WARN, FAIL = "OK", "WARN", "FAIL"
PRODUCTION_SETTINGS = "confide.settings.production"
# Addresses that would let any client claim TLS through X-Forwarded-Proto.
_ANY_ADDRESS = {"*", "0.0.0.0", "::", "0.0.0.0/0", "::/0"}  # noqa: S104 - names refused, not bound
_PRIVATE_FILES = (keyfiles.SECRET_KEY_FILE, keyfiles.PEPPER_FILE, keyfiles.RECOVERY_PUBLIC_FILE)
_SMALL_FILE = 4096  # a key file is a line of base64; nothing larger is read while looking for the recovery key


@dataclass(frozen=True)
class Finding:
    level: str
    name: str
    text: str  # what is right, or what is wrong and how to fix it


def _ok(name: str, text: str) -> list[Finding]:
    return [Finding(OK, name, text)]


def _fail(name: str, text: str) -> list[Finding]:
    return [Finding(FAIL, name, text)]


def _csrf_protected() -> bool:
    for path in settings.MIDDLEWARE:
        middleware = import_string(path)
        if isinstance(middleware, type) and issubclass(middleware, CsrfViewMiddleware):
            return True
    return False


def django_deploy_check() -> list[Finding]:
    """Django's `check --deploy`, each warning or error a FAIL. security.W003 looks for Django's CSRF middleware
    by name; Confide's is a subclass of it (confide.web.middleware.CsrfMiddleware), so that one is checked here
    by class instead."""
    messages = [
        message
        for message in checks.run_checks(include_deployment_checks=True)
        if message.level >= checks.WARNING and not message.is_silenced()
    ]
    if _csrf_protected():
        messages = [message for message in messages if message.id != "security.W003"]
    if not messages:
        return _ok("django", "`manage.py check --deploy` finds nothing.")
    return [
        Finding(FAIL, f"django {message.id}", f"{message.msg} {message.hint or ''}".strip()) for message in messages
    ]


def settings_check(settings_module: str) -> list[Finding]:
    findings = []
    if settings_module != PRODUCTION_SETTINGS:
        findings += _fail(
            "settings", f"DJANGO_SETTINGS_MODULE is {settings_module or 'unset'}: set it to {PRODUCTION_SETTINGS}."
        )
    else:
        findings += _ok("settings", f"{PRODUCTION_SETTINGS} is in use.")
    if settings.DEBUG:
        findings += _fail("debug", "DEBUG is on: unset DJANGO_DEBUG (production refuses it anyway).")
    else:
        findings += _ok("debug", "DEBUG is off.")
    hosts = list(settings.ALLOWED_HOSTS)
    if not hosts or any(host in ("*", ".") for host in hosts):
        findings += _fail(
            "allowed hosts",
            f"ALLOWED_HOSTS is {hosts or 'empty'}: set CONFIDE_ALLOWED_HOSTS to the site's names (and the onion's).",
        )
    else:
        findings += _ok("allowed hosts", ", ".join(hosts))
    return findings


def _private(path: Path) -> bool:
    return stat.S_IMODE(path.stat().st_mode) & 0o077 == 0


def secrets_check(directory: Path) -> list[Finding]:
    if not directory.is_dir():
        return _fail("secrets", f"{directory} does not exist: run `python -m confide.core.keyfiles {directory}`.")
    findings = []
    if _private(directory):
        findings += _ok("secrets folder", f"{directory} is readable by its owner only.")
    else:
        findings += _fail("secrets folder", f"{directory} is open to others: `chmod 700 {directory}`.")
    for name in _PRIVATE_FILES:
        path = directory / name
        if not path.is_file():
            findings += _fail(name, f"{path} is missing: restore it from the secrets backup (never make a new one).")
        elif not _private(path):
            findings += _fail(name, f"{path} is open to others: `chmod 600 {path}`.")
        else:
            findings += _ok(name, f"{path} is present and private.")
    return findings + recovery_secret_check(directory)


def _decoded_key(path: Path) -> bytes | None:
    try:
        if not path.is_file() or path.stat().st_size > _SMALL_FILE:
            return None
        raw = base64.b64decode(path.read_text().strip(), validate=True)
    except (OSError, UnicodeDecodeError, ValueError, binascii.Error):
        return None
    return raw if len(raw) == 32 else None


def recovery_secret_check(directory: Path) -> list[Finding]:
    """The recovery key's private half opens every report: it lives offline, never on the server. Any small file
    beside the secrets that holds the private half of recovery.pub is found by what it is, whatever its name."""
    public = _decoded_key(directory / keyfiles.RECOVERY_PUBLIC_FILE)
    if public is None:
        return []
    for path in sorted(directory.parent.glob("*")) + sorted(directory.glob("*")):
        secret = _decoded_key(path)
        if secret is not None and secret != public and crypto.public_key_from_secret(secret) == public:
            return _fail("recovery key", f"{path} holds the recovery SECRET key: keep it offline and delete the file.")
    return _ok("recovery key", "only its public half is on this server.")


def oprf_check(directory: Path) -> list[Finding]:
    if not settings.CONFIDE_OPRF_URL:
        return _ok("key holder", "in-process (set CONFIDE_OPRF_URL to run `manage.py oprf_serve` apart).")
    findings = []
    if not settings.CONFIDE_OPRF_TOKEN:
        findings += _fail("key holder token", "CONFIDE_OPRF_TOKEN is unset: set the key holder's token here too.")
    elif len(settings.CONFIDE_OPRF_TOKEN) < 32:
        findings += _fail("key holder token", "CONFIDE_OPRF_TOKEN is short: use `openssl rand -hex 32` on both.")
    else:
        findings += _ok("key holder token", "set.")
    if oprf_public_key_configured() is None:
        findings += _fail(
            "key holder public key",
            "CONFIDE_OPRF_PUBLIC_KEY is missing or malformed: set the output of `manage.py oprf_public_key` "
            "run where the key holder runs.",
        )
    else:
        findings += _ok("key holder public key", "pinned.")
    if (directory / keyfiles.OPRF_KEY_FILE).exists():
        findings += _fail(
            "key holder key",
            f"{directory / keyfiles.OPRF_KEY_FILE} is on the web tier: move it to the key holder's folder.",
        )
    return findings


def gunicorn_config(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("confide_gunicorn_conf", path)
    if spec is None or spec.loader is None:
        raise ImportError(path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def access_log_check(path: Path) -> list[Finding]:
    try:
        config = gunicorn_config(path)
    except (ImportError, OSError) as error:
        return _fail("access log", f"cannot read {path} ({error}): serve with the project's gunicorn.conf.py.")
    if getattr(config, "accesslog", None) is not None:
        return _fail("access log", f"{path} sets accesslog: remove it (a request line is a reporter's time).")
    if "access-log" in os.environ.get("GUNICORN_CMD_ARGS", ""):
        return _fail("access log", "GUNICORN_CMD_ARGS adds an access log: remove --access-logfile.")
    return _ok("access log", "gunicorn keeps none (the proxy must keep none either: `access_log off;`).")


def proxies_check() -> list[Finding]:
    proxies = list(settings.CONFIDE_TRUSTED_PROXIES)
    if not getattr(settings, "SECURE_PROXY_SSL_HEADER", None):
        return _fail("trusted proxies", "SECURE_PROXY_SSL_HEADER is unset: use the production settings.")
    if not proxies:
        return _fail("trusted proxies", "CONFIDE_TRUSTED_PROXIES is empty: set the TLS proxy's address.")
    wide = [p for p in proxies if p in _ANY_ADDRESS or "*" in p or "/" in p]
    if wide:
        return _fail(
            "trusted proxies",
            f"CONFIDE_TRUSTED_PROXIES has {', '.join(wide)}: list only the TLS proxy's own address.",
        )
    return _ok("trusted proxies", f"X-Forwarded-Proto believed only from {', '.join(proxies)}.")


def database_check() -> list[Finding]:
    engine = settings.DATABASES["default"]["ENGINE"]
    if engine == "django.db.backends.postgresql":
        return _ok("database", "PostgreSQL.")
    if engine == "django.db.backends.sqlite3":
        return [Finding(WARN, "database", "SQLite: fine for one process; set DATABASE_URL=postgres://… for more.")]
    return _fail("database", f"{engine} is not supported: use PostgreSQL (DATABASE_URL=postgres://…).")


def redis_check() -> list[Finding]:
    if settings.CONFIDE_REDIS_URL:
        return _ok("shared limits", "flood limits shared through CONFIDE_REDIS_URL.")
    return [
        Finding(
            WARN,
            "shared limits",
            "CONFIDE_REDIS_URL is unset: right for one web process only; with several, each has its own limits.",
        )
    ]


def deploy_findings(*, settings_module: str, gunicorn_conf: Path) -> list[Finding]:
    directory = Path(settings.CONFIDE_SECRETS_DIR)
    return [
        *django_deploy_check(),
        *settings_check(settings_module),
        *secrets_check(directory),
        *oprf_check(directory),
        *access_log_check(gunicorn_conf),
        *proxies_check(),
        *database_check(),
        *redis_check(),
    ]
