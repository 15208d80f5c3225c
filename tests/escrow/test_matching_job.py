"""The matching job looks only at indices written since its last run, and rewrites their rows in one batch."""

from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from confide.escrow.models import Match, PendingIndex
from confide.escrow.services.matching import matches_detect, matches_detect_all
from tests.helpers.escrow import name_person, new_vault

ACCUSED = "email:boss@campaign.example"


def test_each_written_entry_leaves_its_index_pending_until_the_next_run(org, counselor):
    _, access = new_vault(org, email="ana@acme.example")
    name_person(access, [ACCUSED, "phone:+12025550123"])
    assert PendingIndex.objects.count() == 2
    matches_detect()
    assert not PendingIndex.objects.exists()


def test_the_job_does_not_recount_indices_nobody_wrote_to(org, counselor):
    for email in ["ana@acme.example", "ben@acme.example"]:
        _, access = new_vault(org, email=email)
        name_person(access, [ACCUSED])
    PendingIndex.objects.all().delete()  # as if both had been written before the last run
    assert matches_detect() == 0
    assert not Match.objects.exists()
    assert matches_detect_all() == 1
    assert Match.objects.get().accounts == 2


def test_a_third_account_at_a_matched_index_grows_the_match_on_the_next_run(org, counselor):
    for email in ["ana@acme.example", "ben@acme.example"]:
        _, access = new_vault(org, email=email)
        name_person(access, [ACCUSED])
    assert matches_detect() == 1
    assert matches_detect() == 0
    _, third = new_vault(org, email="cleo@acme.example")
    name_person(third, [ACCUSED])
    assert matches_detect() == 1
    match = Match.objects.get()
    assert match.accounts == 3 and not match.notified


def test_the_job_rewrites_the_pending_rows_in_its_own_transaction(org, counselor):
    for email in ["ana@acme.example", "ben@acme.example"]:
        _, access = new_vault(org, email=email)
        name_person(access, [ACCUSED])
    with CaptureQueriesContext(connection) as queries:
        matches_detect()
    assert any(q["sql"].startswith('UPDATE "escrow_entry"') for q in queries.captured_queries)


def test_the_escrow_match_command_runs_the_job_now(org, counselor, capsys):
    for email in ["ana@acme.example", "ben@acme.example"]:
        _, access = new_vault(org, email=email)
        name_person(access, [ACCUSED])
    call_command("escrow_match")
    assert "1 match(es)" in capsys.readouterr().out
    call_command("escrow_match", "--all")
    assert "0 match(es)" in capsys.readouterr().out
    assert Match.objects.count() == 1
