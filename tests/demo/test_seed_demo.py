"""`seed_demo`: its links follow CONFIDE_BIND, and lost demo passwords can be replaced with --reset-passwords."""

import io
import re

import pytest
from django.core.management import call_command

from confide.accounts.content import LoginFailed
from confide.accounts.models import ApiToken, User
from confide.accounts.services.sign_in import staff_unlock
from confide.accounts.services.tokens import api_token_issue
from confide.demo.passwords import DEMO_USERNAMES
from confide.reports.models import KeyWrap
from tests.helpers.reports import submit_report

pytestmark = pytest.mark.django_db

OLD = "the first demo password"


def run(*args) -> str:
    out = io.StringIO()
    call_command("seed_demo", *args, stdout=out)
    return out.getvalue()


def test_the_links_name_the_port_the_server_binds(monkeypatch):
    monkeypatch.setenv("CONFIDE_BIND", "127.0.0.1:9123")
    printed = run("--password", OLD)
    links = re.findall(r"https?://\S+", printed)
    assert links and all(link.startswith("http://127.0.0.1:9123/") for link in links)
    assert "http://127.0.0.1:9123/staff/login/" in printed and "http://127.0.0.1:9123/r/demo/" in printed
    assert ":8000" not in printed


def test_reset_passwords_prints_new_passwords_that_work_and_the_old_ones_stop(monkeypatch):
    run("--password", OLD)
    handler = User.objects.get(username="demo-handler")
    api_token_issue(unlocked=staff_unlock(username="demo-handler", password=OLD))
    report = submit_report(handler.memberships.get().organization).report
    assert KeyWrap.objects.filter(report=report, user=handler).exists()

    printed = run("--reset-passwords")
    new = dict(re.findall(r"user: (\S+)  password: (\S+)", printed))
    assert sorted(new) == sorted(DEMO_USERNAMES)
    for username, password in new.items():
        assert password != OLD
        assert staff_unlock(username=username, password=password).secret_key
        with pytest.raises(LoginFailed):
            staff_unlock(username=username, password=OLD)
        user = User.objects.get(username=username)
        assert user.totp_sealed is None  # enrols again at the next sign-in
    assert not ApiToken.objects.filter(user=handler).exists()
    assert not KeyWrap.objects.filter(user=handler).exists()  # sealed to the old key: removed, not left broken
    again = dict(re.findall(r"user: (\S+)  password: (\S+)", run("--reset-passwords")))
    assert all(again[name] != new[name] for name in new)


def test_reset_passwords_before_any_seed_says_what_to_do():
    assert "run `manage.py seed_demo` first" in run("--reset-passwords")
