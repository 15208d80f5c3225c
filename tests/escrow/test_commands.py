"""Operator commands and the background job of matching escrow."""

import pytest
from django.core.management import CommandError, call_command
from django_tasks_db.models import DBTaskResult

from confide.accounts.services.sign_in import staff_unlock
from confide.audit.models import AuditEntry
from confide.escrow.models import CounselorKeyWrap, Match
from confide.escrow.selectors.staff import counselor_access_get
from confide.escrow.services.counsel import match_open
from confide.escrow.tasks import escrow_match_job, escrow_match_schedule
from tests.helpers.escrow import name_person, new_vault
from tests.helpers.staff import make_staff


def test_seed_demo_creates_a_counselor_holding_the_team_key_once(db, capsys):
    call_command("seed_demo", "--password", "a demo password 123")
    call_command("seed_demo", "--password", "another password 456")
    unlocked = staff_unlock(username="demo-counselor", password="a demo password 123")
    assert counselor_access_get(user=unlocked.user, secret_key=unlocked.secret_key) is not None
    assert CounselorKeyWrap.objects.count() == 1


def test_counselor_enrol_creates_the_team_for_the_first_counselor_only(db):
    make_staff("cora", role="counselor")
    make_staff("cato", role="counselor")
    call_command("counselor_enrol", "cora")
    with pytest.raises(CommandError, match="must add"):
        call_command("counselor_enrol", "cato")
    with pytest.raises(CommandError, match="No staff user"):
        call_command("counselor_enrol", "nobody")


def test_the_matching_job_finds_matches_and_reschedules_itself_without_arguments(org, counselor):
    for email in ["ana@acme.example", "ben@acme.example"]:
        _, vault = new_vault(org, email=email)
        name_person(vault, ["email:boss@campaign.example"])
    assert escrow_match_schedule() is True
    assert escrow_match_schedule() is False
    escrow_match_job.call()
    assert Match.objects.count() == 1
    waiting = DBTaskResult.objects.filter(status="READY", task_path__endswith="escrow_match_job")
    assert waiting.count() == 1
    assert waiting.get().args_kwargs == {"args": [], "kwargs": {}}


def test_opening_a_match_is_audited_entry_by_entry(org, counselor_access):
    for email in ["ana@acme.example", "ben@acme.example"]:
        _, vault = new_vault(org, email=email)
        name_person(vault, ["email:boss@campaign.example"])
    call_command("schedule_jobs")
    escrow_match_job.call()
    match_open(access=counselor_access, match_id=Match.objects.get().pk)
    actions = list(AuditEntry.objects.values_list("action", flat=True))
    assert actions.count("escrow.match_opened") == 1 and actions.count("escrow.entry_read") == 2
