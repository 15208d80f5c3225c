"""Production settings refuse unsafe configurations, and harden cookies and transport when they start."""

import os
import subprocess
import sys

import pytest

from confide.core.keyfiles import secrets_init


def load(env: dict) -> subprocess.CompletedProcess:
    code = (
        "import confide.settings.production as s;"
        "print(s.SECURE_HSTS_SECONDS, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.DEBUG)"
    )
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "CONFIDE_"))}
    return subprocess.run([sys.executable, "-c", code], env={**clean, **env}, capture_output=True, text=True)


@pytest.fixture
def secrets_dir(tmp_path):
    secrets_init(tmp_path / "secrets")
    return tmp_path / "secrets"


def test_it_starts_hardened_with_real_secrets(secrets_dir):
    result = load({"CONFIDE_SECRETS_DIR": str(secrets_dir)})
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["63072000", "True", "True", "False"]


def test_it_refuses_debug(secrets_dir):
    result = load({"CONFIDE_SECRETS_DIR": str(secrets_dir), "DJANGO_DEBUG": "1"})
    assert result.returncode != 0 and "DEBUG must be off" in result.stderr


def test_it_refuses_a_missing_secret(tmp_path):
    result = load({"CONFIDE_SECRETS_DIR": str(tmp_path / "empty")})
    assert result.returncode != 0 and "init_secrets" not in result.stdout and "Missing secret" in result.stderr


@pytest.mark.parametrize("value", ["django-insecure-abc", "short"])
def test_it_refuses_a_default_or_weak_secret(secrets_dir, value):
    (secrets_dir / "django_secret_key").write_text(value)
    result = load({"CONFIDE_SECRETS_DIR": str(secrets_dir)})
    assert result.returncode != 0 and "SECRET_KEY" in result.stderr


@pytest.mark.parametrize("value", ["true", "on", "yes"])
def test_it_refuses_debug_however_it_is_spelled(secrets_dir, value):
    result = load({"CONFIDE_SECRETS_DIR": str(secrets_dir), "DJANGO_DEBUG": value})
    assert result.returncode != 0 and "DEBUG must be off" in result.stderr


@pytest.mark.parametrize(
    "env", [{"DJANGO_DEBUG": "maybe"}, {"CONFIDE_SSL_REDIRECT": "yes please"}, {"CONFIDE_ESCROW_THRESHOLD": "1"}]
)
def test_it_refuses_a_value_it_cannot_read(secrets_dir, env):
    result = load({"CONFIDE_SECRETS_DIR": str(secrets_dir), **env})
    assert result.returncode != 0 and "ImproperlyConfigured" in result.stderr and next(iter(env)) in result.stderr


def test_ssl_redirect_can_be_turned_off(secrets_dir):
    code = "import confide.settings.production as s; print(s.SECURE_SSL_REDIRECT)"
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "CONFIDE_"))}
    env = {**clean, "CONFIDE_SECRETS_DIR": str(secrets_dir), "CONFIDE_SSL_REDIRECT": "0"}
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.strip() == "False", result.stderr
