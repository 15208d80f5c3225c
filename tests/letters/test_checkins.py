"""Signer check-ins (issue 13 item 3, opt-in): a signer asks for them on their own page once the letter is
delivered; the sweep asks on the report intervals counted from the delivery day; a worrying answer files a
retaliation report with its own receipt, and nothing of it reaches the letter's thread or stays with the
signature."""

from datetime import date, timedelta

import pytest
import time_machine

from confide.core.errors import Conflict, NotFound, Refused
from confide.letters.content import LetterForbidden
from confide.letters.models import SignerCheckIn, SignerCheckInPlan, Update
from confide.letters.services.checkins import (
    signer_checkin_answer,
    signer_checkin_plan_set,
    signer_checkins_start,
    signer_checkins_stop,
    signer_checkins_sweep,
)
from confide.letters.services.release import letter_release
from confide.reports.models import Report
from confide.reports.selectors.checkins_staff import retaliation_cases_first
from confide.reports.selectors.common import report_view
from confide.reports.selectors.reporter import reporter_access_get
from tests.helpers.canary import at_rest_sources, canary, hits
from tests.helpers.letters import page_post, participant, receipt_in, sign, third_party

pytestmark = pytest.mark.django_db

DELIVERED = date(2026, 3, 2)
MINE = "/r/acme/letters/mine/"


def _at(day: date):
    return time_machine.travel(day, tick=False)


def _deliver(circulating, org, handler, **names):
    ann = sign(circulating.token, org, "ann@acme.org", name=names.get("ann", "Ann Signer"))
    ben = sign(circulating.token, org, "ben@acme.org")
    with _at(DELIVERED):
        letter_release(access=third_party(handler, circulating.letter), confirm_verified=True)
    circulating.letter.refresh_from_db()
    return ann, ben


@pytest.fixture
def delivered(circulating, org, handler):
    return _deliver(circulating, org, handler)


@pytest.fixture
def signer(delivered, org):
    access = participant(delivered[0].receipt, org)
    with _at(DELIVERED + timedelta(days=3)):
        signer_checkins_start(access=access)
    return access


def _due(signature, day: date) -> SignerCheckIn:
    with _at(day):
        signer_checkins_sweep()
    [pending] = SignerCheckIn.objects.filter(signature=signature, answered_on__isnull=True)
    return pending


def test_check_ins_start_only_for_a_signer_and_only_once_the_letter_is_delivered(circulating, org, handler):
    organizer = participant(circulating.receipt, org)
    with pytest.raises(LetterForbidden):
        signer_checkins_start(access=organizer)
    ann = sign(circulating.token, org, "ann@acme.org")
    with pytest.raises(Refused, match="once the letter is delivered"):
        signer_checkins_start(access=participant(ann.receipt, org))
    sign(circulating.token, org, "ben@acme.org")
    with _at(DELIVERED):
        letter_release(access=third_party(handler, circulating.letter), confirm_verified=True)
    with _at(DELIVERED + timedelta(days=30)):
        plan = signer_checkins_start(access=participant(ann.receipt, org))
    # Counted from the delivery day every signer shares, not from a day of this signer's own.
    assert plan.started_on == DELIVERED and plan.offsets == "14,42,91"
    with _at(DELIVERED + timedelta(days=400)):
        assert signer_checkins_sweep() == 1  # ann only: ben never opted in


def test_check_ins_come_on_the_intervals_from_delivery_and_one_button_stops_them(signer):
    with _at(DELIVERED + timedelta(days=13)):
        assert signer_checkins_sweep() == 0
    assert _due(signer.signature, DELIVERED + timedelta(days=50)).offset_days == 42  # missed days: asked once
    signer_checkins_stop(access=signer)
    assert not SignerCheckIn.objects.exists()
    with _at(DELIVERED + timedelta(days=400)):
        assert signer_checkins_sweep() == 0
    with pytest.raises(Refused, match="intervals offered"):
        signer_checkin_plan_set(access=signer, offsets=[13], after_wind_down=True)
    with _at(DELIVERED):
        signer_checkin_plan_set(access=signer, offsets=[182], after_wind_down=False)
    assert _due(signer.signature, DELIVERED + timedelta(days=182)).offset_days == 182


def test_the_wind_down_check_in_comes_after_the_organization_wound_down(org, signer, settings):
    org.wound_down_on = DELIVERED + timedelta(days=20)
    org.save()
    day = org.wound_down_on + timedelta(days=settings.CONFIDE_CHECKIN_AFTER_WIND_DOWN_DAYS)
    signer_checkin_plan_set(access=signer, offsets=[], after_wind_down=True)
    with _at(day - timedelta(days=1)):
        assert signer_checkins_sweep() == 0
    assert _due(signer.signature, day).kind == SignerCheckIn.Kind.WIND_DOWN
    with _at(day + timedelta(days=1)):
        assert signer_checkins_sweep() == 0  # asked once


def test_nothing_changed_files_nothing_and_is_answered_once(signer):
    pending = _due(signer.signature, DELIVERED + timedelta(days=14))
    before = Update.objects.count()
    assert signer_checkin_answer(access=signer, checkin_id=pending.pk, answer="nothing") is None
    assert Update.objects.count() == before and not Report.objects.exists()
    with pytest.raises(Conflict):
        signer_checkin_answer(access=signer, checkin_id=pending.pk, answer="worse")
    assert not Report.objects.exists()


@pytest.mark.parametrize(("answer", "within"), [("worse", 2), ("worries", 7)])
def test_a_worrying_answer_files_a_retaliation_report_and_nothing_in_the_thread(org, signer, handler, answer, within):
    org.acknowledge_days = 10
    org.save()
    pending = _due(signer.signature, DELIVERED + timedelta(days=14))
    updates = Update.objects.count()
    answered_day = DELIVERED + timedelta(days=20)
    with _at(answered_day):
        submitted = signer_checkin_answer(access=signer, checkin_id=pending.pk, answer=answer)
    report = submitted.report
    assert (report.category, report.channel, report.about_leadership) == ("retaliation", "letter", False)
    assert report.acknowledge_by == answered_day + timedelta(days=within)
    assert [r.pk for r in retaliation_cases_first(user=handler)] == [report.pk]
    content = report_view(access=reporter_access_get(receipt=submitted.receipt), for_staff=False).content
    assert "signer of a collective letter" in content.what_happened
    # Co-signers and recipients read the thread: nothing there says a signer answered.
    assert Update.objects.count() == updates
    # Neither the answer nor its day stays with the signature, so nothing pairs it with the report.
    row = SignerCheckIn.objects.get()
    assert (row.answer, row.answered_on) == ("", row.due_on) and row.answered_on != report.submitted_on


def test_a_leadership_letters_signer_files_a_report_kept_from_contacts(org, signer, handler):
    signer.letter.about_leadership = True
    signer.letter.save()
    pending = _due(signer.signature, DELIVERED + timedelta(days=14))
    submitted = signer_checkin_answer(access=signer, checkin_id=pending.pk, answer="worse")
    assert submitted.report.about_leadership


def test_another_signature_cannot_answer_this_check_in(org, delivered, signer):
    pending = _due(signer.signature, DELIVERED + timedelta(days=14))
    other = participant(delivered[1].receipt, org)
    for bad in ("not-a-uuid", pending.pk):
        with pytest.raises(NotFound):
            signer_checkin_answer(access=other, checkin_id=bad, answer="worse")
    assert not Report.objects.exists() and SignerCheckIn.objects.get().answered_on is None


# The pages, JavaScript off.


def _signed_in(client, org, receipt):
    page_post(client, "/r/acme/letters/", "/r/acme/letters/return/", {"receipt": receipt})


def test_a_signer_opts_in_answers_and_sees_the_new_reports_receipt(reporter, circulating, org, handler):
    ann, _ben = _deliver(circulating, org, handler)
    _signed_in(reporter, org, ann.receipt)
    assert "Ask me now and then" in reporter.get(MINE).content.decode()
    started = page_post(reporter, MINE, "/r/acme/letters/mine/checkins/start/", {})
    assert started.status_code == 303 and started["Location"].endswith("/letters/mine/#checkins")
    assert SignerCheckInPlan.objects.get().offsets == "14,42,91"
    assert "Ask me after the letter was delivered" in reporter.get(MINE).content.decode()
    with _at(DELIVERED + timedelta(days=14)):
        signer_checkins_sweep()
    checkin = SignerCheckIn.objects.get()
    assert "has anything changed since you spoke up?" in reporter.get(MINE).content.decode()
    answer_url = f"/r/acme/letters/mine/checkins/{checkin.pk}/answer/"
    bad = page_post(reporter, MINE, answer_url, {"answer": "maybe"})
    assert bad.status_code == 400 and "Choose one of the answers." in bad.content.decode()
    answered = page_post(reporter, MINE, answer_url, {"answer": "worse"})
    assert answered.status_code == 303 and answered["Location"] == "/r/acme/receipt/"
    assert receipt_in(reporter.get(answered["Location"]))
    assert Report.objects.get().category == "retaliation"
    assert "what you answered is not kept here" in reporter.get(MINE).content.decode()
    again = page_post(reporter, MINE, answer_url, {"answer": "worse"})
    assert again.status_code == 409 and Report.objects.count() == 1


def test_before_delivery_the_page_says_when_check_ins_can_start(reporter, circulating, org):
    signed = sign(circulating.token, org, "ann@acme.org")
    _signed_in(reporter, org, signed.receipt)
    page = reporter.get(MINE).content.decode()
    assert "Check-ins start once the letter is delivered." in page and "checkins/start/" not in page
    refused = page_post(reporter, MINE, "/r/acme/letters/mine/checkins/start/", {})
    assert refused.status_code == 400 and "once the letter is delivered" in refused.content.decode()
    assert not SignerCheckInPlan.objects.exists()


def test_the_pages_refuse_the_organizer_another_signer_and_another_organization(
    reporter, csrf_client, client, circulating, org, other_org, handler
):
    ann, ben = _deliver(circulating, org, handler)
    _signed_in(reporter, org, ann.receipt)
    page_post(reporter, MINE, "/r/acme/letters/mine/checkins/start/", {})
    with _at(DELIVERED + timedelta(days=14)):
        signer_checkins_sweep()
    checkin = SignerCheckIn.objects.get()
    answer_url = f"/r/acme/letters/mine/checkins/{checkin.pk}/answer/"
    _signed_in(csrf_client, org, ben.receipt)
    assert page_post(csrf_client, MINE, answer_url, {"answer": "worse"}).status_code == 404
    bad_plan = page_post(reporter, MINE, "/r/acme/letters/mine/checkins/plan/", {"offsets": ["abc"]})
    assert bad_plan.status_code == 400 and "intervals offered" in bad_plan.content.decode()
    _signed_in(client, org, circulating.receipt)
    assert "Ask me now and then" not in client.get(MINE).content.decode()  # the organizer has no signature
    assert page_post(client, MINE, "/r/acme/letters/mine/checkins/start/", {}).status_code == 403
    assert not Report.objects.exists()
    # The cookie is acme's: another organization's address sends the signer to enter a receipt.
    elsewhere = page_post(reporter, "/r/rival/letters/", "/r/rival/letters/mine/checkins/stop/", {})
    assert elsewhere.status_code == 303 and elsewhere["Location"] == "/r/rival/letters/"
    assert not SignerCheckInPlan.objects.get().stopped
    _signed_in(reporter, org, ann.receipt)
    assert page_post(reporter, MINE, "/r/acme/letters/mine/checkins/stop/", {}).status_code == 303
    assert SignerCheckInPlan.objects.get().stopped


@pytest.mark.django_db(transaction=True)
def test_nothing_of_the_signature_reaches_the_check_ins_or_their_report(circulating, org, handler):
    secret = canary("SIGNERCHECKIN")
    ann, _ben = _deliver(circulating, org, handler, ann=f"Ann {secret}")
    access = participant(ann.receipt, org)
    signer_checkins_start(access=access)
    with _at(DELIVERED + timedelta(days=14)):
        signer_checkins_sweep()
    signer_checkin_answer(access=access, checkin_id=SignerCheckIn.objects.get().pk, answer="worse")
    assert Report.objects.count() == 1
    assert hits([secret, "treated worse since speaking up"], at_rest_sources()) == []
