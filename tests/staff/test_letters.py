"""The third party's and the recipients' letter pages, with JavaScript off; and every persona that must
get nothing (G3, G6)."""

import pytest
from django.test import Client

from confide.accounts.services.sign_in import staff_unlock
from confide.letters.models import Letter, LetterCopy, LetterKeyWrap, Signature
from confide.letters.selectors.staff import copy_access_get, copy_read
from confide.letters.services.release import letter_release
from tests.helpers.letters import draft, page_post, receipt_in, sign, third_party
from tests.helpers.reports import submit_report
from tests.helpers.staff import PASSWORD, csrf_from

pytestmark = pytest.mark.django_db


@pytest.fixture
def released_letter(circulating, org, handler):
    sign(circulating.token, org, "ann@acme.org")
    sign(circulating.token, org, "ben@acme.org")
    letter_release(access=third_party(handler, circulating.letter), confirm_verified=True)
    return circulating


def test_a_vouched_signer_signs_with_the_third_partys_code(reporter, circulating, handler, login):
    staff = login(handler)
    page = staff.get(f"/staff/letters/{circulating.letter.pk}/")
    vouch = staff.post(f"/staff/letters/{circulating.letter.pk}/vouch/", {"csrfmiddlewaretoken": csrf_from(page)})
    code = receipt_in(vouch)
    url = f"/r/acme/letters/i/{circulating.token}/sign/"
    response = page_post(reporter, url, url, {"vouch": code, "name": "Vic Vouched", "visibility": "verified"})
    assert response.status_code == 303 and response["Location"] == "/r/acme/letters/receipt/"
    again = page_post(reporter, url, url, {"vouch": code, "name": "Vic Again", "visibility": "verified"})
    assert again.status_code == 409
    assert Signature.objects.count() == 1


def test_the_third_party_reviews_and_releases(circulating, org, handler, login, boss):
    sign(circulating.token, org, "ann@acme.org", name="Ann Visible")
    staff = login(handler)
    url = f"/staff/letters/{circulating.letter.pk}/"
    page = staff.get(url)
    assert "Ann Visible" in page.content.decode()
    early = staff.post(url + "release/", {"confirm": "on", "csrfmiddlewaretoken": csrf_from(page)})
    assert early.status_code == 409
    sign(circulating.token, org, "ben@acme.org", name="Ben Hidden", visibility="verified")
    unconfirmed = staff.post(url + "release/", {"csrfmiddlewaretoken": csrf_from(page)})
    assert unconfirmed.status_code == 400
    released = staff.post(url + "release/", {"confirm": "on", "csrfmiddlewaretoken": csrf_from(page)})
    assert released.status_code == 303
    assert LetterCopy.objects.filter(letter=circulating.letter).count() == 2


def test_the_recipient_reads_acknowledges_and_answers(circulating, org, handler, boss, login):
    sign(circulating.token, org, "ann@acme.org", name="Ann Visible")
    sign(circulating.token, org, "ben@acme.org", name="Ben Hidden", visibility="verified")

    letter_release(access=third_party(handler, circulating.letter), confirm_verified=True)
    contact = login(boss)
    listing = contact.get("/staff/letters/").content.decode()
    copy = LetterCopy.objects.get(recipient=boss)
    assert f"/staff/letters/received/{copy.pk}/" in listing
    page = contact.get(f"/staff/letters/received/{copy.pk}/")
    html = page.content.decode()
    assert "Ann Visible" in html and "Ben Hidden" not in html
    token = csrf_from(page)
    base = f"/staff/letters/received/{copy.pk}/"
    assert contact.post(base + "acknowledge/", {"csrfmiddlewaretoken": token}).status_code == 303
    assert contact.post(base + "acknowledge/", {"csrfmiddlewaretoken": token}).status_code == 409
    assert contact.post(base + "answer/", {"body": "Let us meet.", "csrfmiddlewaretoken": token}).status_code == 303
    assert contact.post(base + "times/", {"times": "Monday 10:00", "csrfmiddlewaretoken": token}).status_code == 303
    decided = contact.post(
        base + "attendee/", {"attendee": "The organizer", "decision": "accept", "csrfmiddlewaretoken": token}
    )
    assert decided.status_code == 303
    moved = contact.post(base + "meeting/", {"status": "scheduled", "note": "Monday", "csrfmiddlewaretoken": token})
    assert moved.status_code == 303
    circulating.letter.refresh_from_db()
    assert circulating.letter.meeting_status == Letter.Meeting.SCHEDULED


def test_a_contact_gets_nothing_from_the_case_inbox_or_api(org, boss, login, token_for):
    submit_report(org)
    contact = login(boss)
    assert "/staff/cases/" not in contact.get("/staff/").content.decode()
    api = Client()
    headers = token_for(boss)
    assert api.get("/api/cases", **headers).json()["items"] == []


@pytest.mark.parametrize("persona", ["outsider", "other_tenant_handler", "other_contact", "bystander", "boss"])
def test_third_party_pages_are_404_for_everyone_else(released_letter, persona, request, login):
    user = request.getfixturevalue(persona)
    client = login(user)
    letter = released_letter.letter
    assert client.get(f"/staff/letters/{letter.pk}/").status_code == 404
    page = client.get("/staff/letters/")
    assert page.status_code == 200
    for action in ("review", "release", "message", "vouch", "grant", "conflict"):
        response = client.post(f"/staff/letters/{letter.pk}/{action}/", {"csrfmiddlewaretoken": csrf_from(page)})
        assert response.status_code == 404


@pytest.mark.parametrize("persona", ["outsider", "other_tenant_handler", "other_contact", "bystander", "handler"])
def test_a_copy_is_404_for_everyone_but_its_recipient(released_letter, persona, request, login, boss):
    user = request.getfixturevalue(persona)
    client = login(user)
    copy = LetterCopy.objects.get(recipient=boss)
    page = client.get("/staff/letters/")
    assert str(copy.pk) not in page.content.decode()
    base = f"/staff/letters/received/{copy.pk}/"
    assert client.get(base).status_code == 404
    for action in ("acknowledge", "answer", "times", "attendee", "meeting"):
        assert client.post(base + action + "/", {"csrfmiddlewaretoken": csrf_from(page)}).status_code == 404


def test_the_trace_page_names_the_recipient_and_others_find_nothing(released_letter, handler, chief, login):
    unlocked = staff_unlock(username=chief.username, password=PASSWORD)
    copy = LetterCopy.objects.get(recipient=chief)
    leaked = copy_read(access=copy_access_get(user=chief, secret_key=unlocked.secret_key, copy_id=copy.pk))["text"]
    staff = login(handler)
    page = staff.get("/staff/letters/trace/")
    result = staff.post("/staff/letters/trace/", {"text": leaked, "csrfmiddlewaretoken": csrf_from(page)})
    assert "Chris Chief" in result.content.decode()
    assert staff.post("/staff/letters/trace/", {"text": "", "csrfmiddlewaretoken": csrf_from(page)}).status_code == 400


def test_the_trace_page_finds_nothing_for_another_tenant(released_letter, other_tenant_handler, chief, login):
    unlocked = staff_unlock(username=chief.username, password=PASSWORD)
    copy = LetterCopy.objects.get(recipient=chief)
    leaked = copy_read(access=copy_access_get(user=chief, secret_key=unlocked.secret_key, copy_id=copy.pk))["text"]
    staff = login(other_tenant_handler)
    page = staff.get("/staff/letters/trace/")
    result = staff.post("/staff/letters/trace/", {"text": leaked, "csrfmiddlewaretoken": csrf_from(page)})
    assert "No match" in result.content.decode() and "Chris Chief" not in result.content.decode()


def test_draft_of_other_letter_uses_only_own_contacts(reporter, org, boss, other_contact):
    page = reporter.get("/r/acme/letters/new/").content.decode()
    assert boss.get_full_name() in page and other_contact.username not in page
    assert draft(org, [boss]).letter.organization == org


def test_a_handler_who_declares_a_conflict_loses_the_letter(circulating, handler, teammate, login):
    assert LetterKeyWrap.objects.filter(letter=circulating.letter, user=teammate).exists()
    staff = login(teammate)
    url = f"/staff/letters/{circulating.letter.pk}/"
    page = staff.get(url)
    assert staff.post(url + "conflict/", {"csrfmiddlewaretoken": csrf_from(page)}).status_code == 303
    assert staff.get(url).status_code == 404
    assert not LetterKeyWrap.objects.filter(letter=circulating.letter, user=teammate).exists()
    assert login(handler).get(url).status_code == 200
