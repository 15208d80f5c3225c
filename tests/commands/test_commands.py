import io
import subprocess
import sys
from pathlib import Path

import pytest
from django.core import mail
from django.core.management import CommandError, call_command

from confide.accounts.models import User
from confide.accounts.services.sign_in import staff_unlock
from confide.core.keyfiles import main as keyfiles_main
from confide.tenants.models import Membership, Organization
from confide.verification.services import verification_start
from tests.helpers.verification import code_mails_send

pytestmark = pytest.mark.django_db


def run(*args, stdin: str | None = None) -> str:
    out = io.StringIO()
    if stdin is not None:
        sys_stdin, sys.stdin = sys.stdin, io.StringIO(stdin)
    try:
        call_command(*args, stdout=out)
    finally:
        if stdin is not None:
            sys.stdin = sys_stdin
    return out.getvalue()


def test_seed_demo_is_idempotent_and_its_login_unlocks():
    first = run("seed_demo", "--password", "a demo password 123")
    second = run("seed_demo", "--password", "something else entirely")
    assert "demo-handler" in first and "a demo password 123" in first
    assert "keeps its password" in second
    assert Organization.objects.filter(slug="demo").count() == 1
    assert User.objects.filter(username="demo-handler").count() == 1
    assert Membership.objects.filter(user__username="demo-handler", organization__slug="demo").exists()
    assert staff_unlock(username="demo-handler", password="a demo password 123").secret_key


def test_seed_demo_lets_any_demo_example_address_ask_for_a_code():
    run("seed_demo", "--password", "a demo password 123")
    run("seed_demo", "--password", "a demo password 123")
    verification_start(organization=Organization.objects.get(slug="demo"), email="someone@demo.example")
    code_mails_send()
    assert mail.outbox[-1].to == ["someone@demo.example"]


def test_org_and_staff_are_created_with_clear_errors():
    run("org_create", "north", "North Campaign")
    with pytest.raises(CommandError, match="already exists"):
        run("org_create", "north", "Again")
    with pytest.raises(CommandError, match="slug"):
        run("org_create", "bad slug!", "Name")
    run("staff_create", "nadia", "--org", "north", "--password-stdin", stdin="a long enough password\n")
    assert staff_unlock(username="nadia", password="a long enough password").user.memberships.count() == 1
    with pytest.raises(CommandError, match="No such organization"):
        run("staff_create", "nina", "--org", "south", "--password-stdin", stdin="a long enough password\n")
    with pytest.raises(CommandError, match="taken"):
        run("staff_create", "nadia", "--password-stdin", stdin="a long enough password\n")
    with pytest.raises(CommandError, match="short"):
        run("staff_create", "nora", "--password-stdin", stdin="short\n")


def test_the_recovery_key_is_shown_once_and_never_written(tmp_path, capsys):
    directory = tmp_path / "secrets"
    keyfiles_main([str(directory)])
    shown = capsys.readouterr().out
    key = next(line.strip() for line in shown.splitlines() if line.startswith("    "))
    keyfiles_main([str(directory)])
    assert key not in capsys.readouterr().out
    assert all(key.encode() not in p.read_bytes() for p in Path(directory).iterdir())
    assert {p.name for p in directory.iterdir()} == {
        "django_secret_key",
        "pepper",
        "recovery.pub",
        "oprf.key",
        "insight-signing.key",
    }
    assert all(oct(p.stat().st_mode)[-3:] == "600" for p in directory.iterdir())


def test_secrets_can_be_created_before_django_is_configured(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "confide.core.keyfiles", str(tmp_path / "s")], capture_output=True, text=True, check=True
    )
    assert "RECOVERY KEY" in result.stdout
