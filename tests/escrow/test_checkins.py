"""Vault check-ins (issue 13 item 3, opt-in): nothing is asked until the reporter presses the button on a vault
that holds something; the sweep asks on the intervals counted from that day; a worrying answer files a
retaliation report with its own receipt, through the ordinary intake."""

from datetime import date, timedelta

import pytest
import time_machine
from django.test import Client

from confide.core.errors import Conflict, NotFound, Refused
from confide.escrow.models import VaultCheckIn, VaultCheckInPlan
from confide.escrow.services.checkins import (
    vault_checkin_answer,
    vault_checkin_plan_set,
    vault_checkins_start,
    vault_checkins_stop,
    vault_checkins_sweep,
)
from confide.escrow.services.records import record_create
from confide.reports.models import Report
from confide.reports.selectors.checkins_staff import retaliation_cases_first
from confide.reports.selectors.common import report_view
from confide.reports.selectors.reporter import reporter_access_get
from tests.helpers.canary import at_rest_sources, canary, hits
from tests.helpers.escrow import RECEIPT_RE, new_vault, vault_client, vault_post

pytestmark = pytest.mark.django_db

STARTED = date(2026, 3, 2)


def _at(day: date):
    return time_machine.travel(day, tick=False)


@pytest.fixture
def opted(org):
    receipt, access = new_vault(org)
    record_create(access=access, text="Kept for myself.")
    with _at(STARTED):
        vault_checkins_start(access=access)
    return receipt, access


def _due(access, day: date) -> VaultCheckIn:
    with _at(day):
        vault_checkins_sweep()
    [pending] = VaultCheckIn.objects.filter(vault=access.vault, answered_on__isnull=True)
    return pending


def test_an_empty_vault_cannot_opt_in_and_one_that_did_not_is_never_asked(org):
    _, empty = new_vault(org)
    with pytest.raises(Refused, match="record or an entry"):
        vault_checkins_start(access=empty)
    _, silent = new_vault(org)
    record_create(access=silent, text="Kept for myself.")
    with _at(STARTED + timedelta(days=400)):
        assert vault_checkins_sweep() == 0
    assert not VaultCheckIn.objects.exists()


def test_the_first_check_in_comes_two_weeks_after_the_opt_in_and_not_before(opted):
    _, access = opted
    with _at(STARTED + timedelta(days=13)):
        assert vault_checkins_sweep() == 0
    pending = _due(access, STARTED + timedelta(days=14))
    assert (pending.offset_days, pending.due_on) == (14, STARTED + timedelta(days=14))
    with _at(STARTED + timedelta(days=15)):
        assert vault_checkins_sweep() == 0


def test_a_sweep_that_missed_days_asks_once_for_the_latest_interval(opted):
    _, access = opted
    assert _due(access, STARTED + timedelta(days=50)).offset_days == 42


def test_intervals_can_change_and_one_button_stops_them(opted):
    _, access = opted
    with _at(STARTED):
        vault_checkin_plan_set(access=access, offsets=[182], after_wind_down=False)
    with _at(STARTED + timedelta(days=100)):
        assert vault_checkins_sweep() == 0
    assert _due(access, STARTED + timedelta(days=182)).offset_days == 182
    vault_checkins_stop(access=access)
    assert not VaultCheckIn.objects.exists()  # the waiting one is withdrawn
    with _at(STARTED + timedelta(days=400)):
        assert vault_checkins_sweep() == 0
    with pytest.raises(Refused, match="intervals offered"):
        vault_checkin_plan_set(access=access, offsets=[13], after_wind_down=True)


def test_the_wind_down_check_in_comes_a_month_after_the_organization_wound_down(org, opted):
    _, access = opted
    with _at(STARTED):
        vault_checkin_plan_set(access=access, offsets=[365], after_wind_down=True)
    wound = STARTED + timedelta(days=20)
    org.wound_down_on = wound
    org.save(update_fields=["wound_down_on"])
    with _at(wound + timedelta(days=29)):
        assert vault_checkins_sweep() == 0
    pending = _due(access, wound + timedelta(days=30))
    assert pending.kind == VaultCheckIn.Kind.WIND_DOWN


def test_nothing_changed_is_recorded_once_and_files_nothing(opted):
    _, access = opted
    pending = _due(access, STARTED + timedelta(days=14))
    assert vault_checkin_answer(access=access, checkin_id=pending.pk, answer="nothing") is None
    assert not Report.objects.exists()
    with pytest.raises(Conflict):
        vault_checkin_answer(access=access, checkin_id=pending.pk, answer="worse")
    with pytest.raises(Refused, match="Choose one"):
        vault_checkin_answer(access=access, checkin_id=pending.pk, answer="maybe")


@pytest.mark.parametrize(
    ("answer", "expected", "within"),
    [("worse", "treated worse since speaking up", 2), ("worries", "answer in this report's thread within 7 days", 7)],
)
def test_a_worrying_answer_files_a_retaliation_report_with_its_own_receipt(
    org, opted, handler, answer, expected, within
):
    org.acknowledge_days = 10
    org.save()
    _, access = opted
    pending = _due(access, STARTED + timedelta(days=14))
    with _at(STARTED + timedelta(days=15)):
        submitted = vault_checkin_answer(access=access, checkin_id=pending.pk, answer=answer)
    report = Report.objects.get()
    assert (report.category, report.channel) == ("retaliation", "escrow")
    # Sooner than the organization's 10 days, and first on the handlers' dashboard.
    assert report.acknowledge_by == STARTED + timedelta(days=15 + within)
    assert [r.pk for r in retaliation_cases_first(user=handler)] == [report.pk]
    content = report_view(access=reporter_access_get(receipt=submitted.receipt), for_staff=False).content
    assert expected in content.what_happened
    assert "Kept for myself." not in content.what_happened


def test_another_vaults_receipt_cannot_answer_this_check_in(org, other_org, opted):
    _, access = opted
    pending = _due(access, STARTED + timedelta(days=14))
    for other_org_of in (org, other_org):
        _, other = new_vault(other_org_of)
        with pytest.raises(NotFound):
            vault_checkin_answer(access=other, checkin_id=pending.pk, answer="worse")
    with pytest.raises(NotFound):
        vault_checkin_answer(access=access, checkin_id="not-a-uuid", answer="worse")
    assert not Report.objects.exists()


# The pages, JavaScript off.


def _vault_with_record(org) -> Client:
    client, _ = vault_client(org)
    vault_post(client, org, "records/", {"text": "Kept for myself."})
    return client


def test_the_vault_home_offers_the_opt_in_once_it_holds_something(org):
    client, _ = vault_client(org)
    assert "Ask me now and then" not in client.get(f"/r/{org.slug}/vault/home/").content.decode()
    assert vault_post(client, org, "checkins/start/", {}).status_code == 400
    vault_post(client, org, "records/", {"text": "Kept for myself."})
    assert "Ask me now and then" in client.get(f"/r/{org.slug}/vault/home/").content.decode()
    response = vault_post(client, org, "checkins/start/", {})
    assert response.status_code == 303 and response["Location"].endswith("/vault/home/#checkins")
    assert VaultCheckInPlan.objects.get().offsets == "14,42,91"
    assert "Stop the check-ins" in client.get(f"/r/{org.slug}/vault/home/").content.decode()


def test_treated_worse_on_the_page_shows_the_new_reports_receipt(org, handler):
    client = _vault_with_record(org)
    vault_post(client, org, "checkins/start/", {})
    with _at(date.today() + timedelta(days=14)):
        vault_checkins_sweep()
    checkin = VaultCheckIn.objects.get()
    page = client.get(f"/r/{org.slug}/vault/home/").content.decode()
    assert "has anything changed since you spoke up?" in page
    response = vault_post(client, org, f"checkins/{checkin.pk}/answer/", {"answer": "worse"})
    assert response.status_code == 303 and response["Location"] == f"/r/{org.slug}/receipt/"
    assert RECEIPT_RE.search(client.get(response["Location"]).content.decode())
    assert Report.objects.get().category == "retaliation"


def test_the_page_endpoints_refuse_with_a_message_and_other_vaults_get_404(org, other_org):
    client = _vault_with_record(org)
    vault_post(client, org, "checkins/start/", {})
    with _at(date.today() + timedelta(days=14)):
        vault_checkins_sweep()
    checkin = VaultCheckIn.objects.get()
    bad = vault_post(client, org, f"checkins/{checkin.pk}/answer/", {"answer": "maybe"})
    assert bad.status_code == 400 and "Choose one of the answers." in bad.content.decode()
    bad_plan = vault_post(client, org, "checkins/plan/", {"offsets": ["abc"]})
    assert bad_plan.status_code == 400 and "intervals offered" in bad_plan.content.decode()
    other = _vault_with_record(org)
    assert vault_post(other, org, f"checkins/{checkin.pk}/answer/", {"answer": "worse"}).status_code == 404
    assert vault_post(other, org, "checkins/plan/", {"offsets": ["14"]}).status_code == 404  # never opted in
    elsewhere, _ = vault_client(other_org)
    assert vault_post(elsewhere, other_org, f"checkins/{checkin.pk}/answer/", {"answer": "worse"}).status_code == 404
    assert not Report.objects.exists()
    no_receipt = Client().post(f"/r/{org.slug}/vault/checkins/{checkin.pk}/answer/", {"answer": "worse"})
    assert no_receipt.status_code in (303, 403)
    assert vault_post(client, org, "checkins/stop/", {}).status_code == 303
    assert VaultCheckInPlan.objects.get(vault=checkin.vault).stopped


@pytest.mark.django_db(transaction=True)
def test_nothing_typed_in_the_vault_reaches_the_check_ins_or_their_report(org, handler):
    secret = canary("VAULTCHECKIN")
    client, _ = vault_client(org)
    vault_post(client, org, "records/", {"text": f"Kept for myself {secret}."})
    vault_post(client, org, "checkins/start/", {})
    with _at(date.today() + timedelta(days=14)):
        vault_checkins_sweep()
    checkin = VaultCheckIn.objects.get()
    vault_post(client, org, f"checkins/{checkin.pk}/answer/", {"answer": "worse"})
    assert Report.objects.count() == 1
    assert hits([secret, "treated worse since speaking up"], at_rest_sources()) == []
