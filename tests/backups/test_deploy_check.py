"""`manage.py deploy_check` (issue 14): each check fails on the mistake it names and passes once fixed."""

import base64
import io
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.test import override_settings

from confide import crypto
from confide.backups import deploy_checks
from confide.backups.deploy_checks import FAIL, OK, WARN
from confide.core import keyfiles

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "SECURE_HSTS_SECONDS": 63072000,
    "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
    "SECURE_HSTS_PRELOAD": True,
    "SECURE_SSL_REDIRECT": True,
    "SESSION_COOKIE_SECURE": True,
    "CSRF_COOKIE_SECURE": True,
    "SECURE_PROXY_SSL_HEADER": ("HTTP_X_FORWARDED_PROTO", "https"),
}


def levels(findings) -> dict[str, str]:
    return {finding.name: finding.level for finding in findings}


@pytest.fixture
def secrets_dir(tmp_path) -> Path:
    directory = tmp_path / "secrets"
    keyfiles.secrets_init(directory)
    (directory / keyfiles.OPRF_KEY_FILE).unlink()  # it belongs to the key holder
    return directory


def test_a_private_secrets_folder_passes(secrets_dir):
    found = levels(deploy_checks.secrets_check(secrets_dir))
    assert set(found.values()) == {OK}
    assert {"secrets folder", "pepper", "django_secret_key", "recovery.pub", "recovery key"} <= set(found)


def test_a_secrets_folder_others_can_enter_fails(secrets_dir):
    secrets_dir.chmod(0o755)
    assert levels(deploy_checks.secrets_check(secrets_dir))["secrets folder"] == FAIL


@pytest.mark.parametrize("name", [keyfiles.PEPPER_FILE, keyfiles.SECRET_KEY_FILE, keyfiles.RECOVERY_PUBLIC_FILE])
def test_a_secret_file_the_group_can_read_fails(secrets_dir, name):
    (secrets_dir / name).chmod(0o640)
    assert levels(deploy_checks.secrets_check(secrets_dir))[name] == FAIL


def test_a_missing_pepper_fails_and_says_to_restore_it(secrets_dir):
    (secrets_dir / keyfiles.PEPPER_FILE).unlink()
    [finding] = [f for f in deploy_checks.secrets_check(secrets_dir) if f.name == keyfiles.PEPPER_FILE]
    assert finding.level == FAIL and "restore it" in finding.text


def test_a_missing_secrets_folder_fails(tmp_path):
    assert levels(deploy_checks.secrets_check(tmp_path / "nowhere")) == {"secrets": FAIL}


@pytest.mark.parametrize("where", ["secrets", "var"])
def test_the_recovery_secret_key_on_the_server_fails_whatever_the_file_is_called(tmp_path, where):
    directory = tmp_path / "secrets"
    directory.mkdir(mode=0o700)
    pair = crypto.keypair_generate()
    (directory / keyfiles.RECOVERY_PUBLIC_FILE).write_text(base64.b64encode(pair.public_key).decode())
    assert levels(deploy_checks.recovery_secret_check(directory)) == {"recovery key": OK}
    folder = directory if where == "secrets" else tmp_path
    (folder / "notes.txt").write_text(base64.b64encode(pair.secret_key).decode() + "\n")
    [finding] = deploy_checks.recovery_secret_check(directory)
    assert finding.level == FAIL and "notes.txt" in finding.text


def test_a_remote_key_holder_needs_a_token_a_pinned_key_and_its_key_file_elsewhere(secrets_dir):
    public = base64.b64encode(crypto.oprf_public_key(crypto.oprf_key_generate())).decode()
    with override_settings(CONFIDE_OPRF_URL="http://127.0.0.1:8765", CONFIDE_OPRF_TOKEN="", CONFIDE_OPRF_PUBLIC_KEY=""):
        found = levels(deploy_checks.oprf_check(secrets_dir))
        assert found == {"key holder token": FAIL, "key holder public key": FAIL}
    with override_settings(
        CONFIDE_OPRF_URL="http://127.0.0.1:8765", CONFIDE_OPRF_TOKEN="short", CONFIDE_OPRF_PUBLIC_KEY=public
    ):
        assert levels(deploy_checks.oprf_check(secrets_dir))["key holder token"] == FAIL
    with override_settings(
        CONFIDE_OPRF_URL="http://127.0.0.1:8765", CONFIDE_OPRF_TOKEN="t" * 64, CONFIDE_OPRF_PUBLIC_KEY=public
    ):
        assert set(levels(deploy_checks.oprf_check(secrets_dir)).values()) == {OK}
        (secrets_dir / keyfiles.OPRF_KEY_FILE).write_text("key\n")
        assert levels(deploy_checks.oprf_check(secrets_dir))["key holder key"] == FAIL


def test_an_in_process_key_holder_needs_no_token(secrets_dir):
    with override_settings(CONFIDE_OPRF_URL="", CONFIDE_OPRF_TOKEN=""):
        assert levels(deploy_checks.oprf_check(secrets_dir)) == {"key holder": OK}


def test_a_gunicorn_configuration_with_an_access_log_fails(tmp_path, monkeypatch):
    assert levels(deploy_checks.access_log_check(ROOT / "gunicorn.conf.py")) == {"access log": OK}
    logged = tmp_path / "gunicorn.conf.py"
    logged.write_text((ROOT / "gunicorn.conf.py").read_text() + '\naccesslog = "-"\n')
    assert levels(deploy_checks.access_log_check(logged)) == {"access log": FAIL}
    monkeypatch.setenv("GUNICORN_CMD_ARGS", "--access-logfile -")
    assert levels(deploy_checks.access_log_check(ROOT / "gunicorn.conf.py")) == {"access log": FAIL}


@pytest.mark.parametrize("proxies", [[], ["*"], ["0.0.0.0"], ["::"], ["127.0.0.1", "10.0.0.0/8"]])  # noqa: S104
def test_trusted_proxies_that_let_anyone_claim_tls_fail(proxies):
    with override_settings(
        CONFIDE_TRUSTED_PROXIES=proxies, SECURE_PROXY_SSL_HEADER=PRODUCTION["SECURE_PROXY_SSL_HEADER"]
    ):
        assert levels(deploy_checks.proxies_check()) == {"trusted proxies": FAIL}


def test_the_proxys_own_address_passes_only_with_the_production_header():
    with override_settings(CONFIDE_TRUSTED_PROXIES=["127.0.0.1"], SECURE_PROXY_SSL_HEADER=None):
        assert levels(deploy_checks.proxies_check()) == {"trusted proxies": FAIL}
    with override_settings(CONFIDE_TRUSTED_PROXIES=["127.0.0.1"], SECURE_PROXY_SSL_HEADER=("HTTP_X", "https")):
        assert levels(deploy_checks.proxies_check()) == {"trusted proxies": OK}


def test_settings_debug_and_allowed_hosts():
    found = levels(deploy_checks.settings_check("confide.settings.local"))
    assert found["settings"] == FAIL
    with override_settings(DEBUG=True, ALLOWED_HOSTS=["*"]):
        found = levels(deploy_checks.settings_check(deploy_checks.PRODUCTION_SETTINGS))
    assert found == {"settings": OK, "debug": FAIL, "allowed hosts": FAIL}
    with override_settings(ALLOWED_HOSTS=["reports.example.org"]):
        assert set(levels(deploy_checks.settings_check(deploy_checks.PRODUCTION_SETTINGS)).values()) == {OK}


def test_sqlite_warns_postgresql_passes_and_others_fail(monkeypatch):
    default = settings.DATABASES["default"]
    monkeypatch.setitem(default, "ENGINE", "django.db.backends.sqlite3")
    assert levels(deploy_checks.database_check()) == {"database": WARN}
    monkeypatch.setitem(default, "ENGINE", "django.db.backends.postgresql")
    assert levels(deploy_checks.database_check()) == {"database": OK}
    monkeypatch.setitem(default, "ENGINE", "django.db.backends.mysql")
    assert levels(deploy_checks.database_check()) == {"database": FAIL}


def test_no_shared_limits_store_is_a_warning():
    with override_settings(CONFIDE_REDIS_URL=""):
        assert levels(deploy_checks.redis_check()) == {"shared limits": WARN}
    with override_settings(CONFIDE_REDIS_URL="redis://127.0.0.1:6379/0"):
        assert levels(deploy_checks.redis_check()) == {"shared limits": OK}


def test_djangos_deploy_warnings_fail_and_production_values_pass(monkeypatch):
    monkeypatch.delenv("DJANGO_ALLOW_ASYNC_UNSAFE", raising=False)  # the browser tests set it (async.E001)
    failed = levels(deploy_checks.django_deploy_check())
    assert "django security.W004" in failed and set(failed.values()) == {FAIL}
    # Confide's CSRF middleware is Django's, subclassed: W003 (which looks for Django's by name) is not raised.
    assert "django security.W003" not in failed
    with override_settings(**PRODUCTION):
        assert levels(deploy_checks.django_deploy_check()) == {"django": OK}


def test_djangos_async_unsafe_switch_fails(monkeypatch):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with override_settings(**PRODUCTION):
        assert levels(deploy_checks.django_deploy_check()) == {"django async.E001": FAIL}


def test_the_command_prints_each_check_and_exits_nonzero_on_a_fail():
    out = io.StringIO()
    with pytest.raises(CommandError, match="failed"):
        call_command("deploy_check", stdout=out)
    text = out.getvalue()
    assert "FAIL settings" in text and "OK   access log" in text
