"""Deployment secrets kept outside the database (crypto.md §3): the pepper, Django's secret key and the
public half of the recovery key. The recovery key's private half is printed once by
`python -m confide.core.keyfiles`, never written anywhere.
"""

import base64
import functools
import os
import secrets
import sys
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from confide import crypto

SECRET_KEY_FILE = "django_secret_key"  # noqa: S105 - a file name
PEPPER_FILE = "pepper"
RECOVERY_PUBLIC_FILE = "recovery.pub"
# The OPRF key holder's secret (crypto.md §4). Its own file, so it can live only where `oprf_serve` runs.
OPRF_KEY_FILE = "oprf.key"
# The Ed25519 seed that signs the organizations' figures (insight exports); its public half is published.
INSIGHT_SIGNING_FILE = "insight-signing.key"


def default_secrets_dir() -> Path:
    base = Path(__file__).resolve().parents[2]  # the repository: confide/core/keyfiles.py
    var = Path(os.environ.get("CONFIDE_VAR_DIR", base / "var"))
    return Path(os.environ.get("CONFIDE_SECRETS_DIR", var / "secrets"))


@dataclass(frozen=True)
class SecretsInit:
    created: bool
    recovery_secret_key: bytes | None  # only when created just now, to be shown once


def _write(path: Path, text: str) -> None:
    # O_EXCL: never overwrite an existing secret (that would orphan every wrapped key).
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as fh:
        fh.write(text + "\n")


def secrets_init(directory: Path) -> SecretsInit:
    directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    if not (directory / OPRF_KEY_FILE).exists():  # also added to deployments made before escrow existed
        _write(directory / OPRF_KEY_FILE, base64.b64encode(crypto.oprf_key_generate()).decode())
    if not (directory / INSIGHT_SIGNING_FILE).exists():  # also added to deployments made before insights existed
        _write(directory / INSIGHT_SIGNING_FILE, base64.b64encode(crypto.signing_pair_generate().seed).decode())
    if (directory / RECOVERY_PUBLIC_FILE).exists():
        return SecretsInit(created=False, recovery_secret_key=None)
    if not (directory / SECRET_KEY_FILE).exists():
        _write(directory / SECRET_KEY_FILE, secrets.token_urlsafe(64))
    if not (directory / PEPPER_FILE).exists():
        _write(directory / PEPPER_FILE, base64.b64encode(crypto.random_key()).decode())
    pair = crypto.keypair_generate()
    _write(directory / RECOVERY_PUBLIC_FILE, base64.b64encode(pair.public_key).decode())
    return SecretsInit(created=True, recovery_secret_key=pair.secret_key)


def _read(directory: Path, name: str) -> str:
    try:
        return (directory / name).read_text().strip()
    except FileNotFoundError:
        raise ImproperlyConfigured(
            f"Missing secret {directory / name}. Run `python -m confide.core.keyfiles` (make run does)."
        ) from None


def django_secret_key(directory: Path) -> str:
    return _read(directory, SECRET_KEY_FILE)


@functools.cache
def pepper() -> bytes:
    return base64.b64decode(_read(Path(settings.CONFIDE_SECRETS_DIR), PEPPER_FILE))


@functools.cache
def recovery_public_key() -> bytes:
    return base64.b64decode(_read(Path(settings.CONFIDE_SECRETS_DIR), RECOVERY_PUBLIC_FILE))


@functools.cache
def oprf_key() -> bytes:
    directory = Path(getattr(settings, "CONFIDE_OPRF_SECRETS_DIR", "") or settings.CONFIDE_SECRETS_DIR)
    return base64.b64decode(_read(directory, OPRF_KEY_FILE))


@functools.cache
def insight_signing_seed() -> bytes:
    return base64.b64decode(_read(Path(settings.CONFIDE_SECRETS_DIR), INSIGHT_SIGNING_FILE))


def encode_key(raw: bytes) -> str:
    return base64.b64encode(raw).decode()


def decode_key(text: str) -> bytes:
    return base64.b64decode(text.strip(), validate=True)


def main(argv: list[str]) -> int:
    """`python -m confide.core.keyfiles [DIR]`: create the secrets once, before Django can start (it needs them)."""
    directory = Path(argv[0]) if argv else default_secrets_dir()
    result = secrets_init(directory)
    if not result.created or result.recovery_secret_key is None:
        print(f"Secrets already exist in {directory}; nothing changed.")
        return 0
    print(f"Secrets created in {directory}.")
    print("\nRECOVERY KEY: shown once, never stored. Print it or write it down and keep it offline.")
    print("It opens every report if every case handler loses their password.\n")
    print(f"    {encode_key(result.recovery_secret_key)}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
