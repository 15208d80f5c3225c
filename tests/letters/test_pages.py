"""The pages, with JavaScript off: organizer, signer, third party, recipients; and every persona that must
get nothing (G3, G6)."""

import re

import pytest
from django.core import mail
from django.test import Client

from confide.accounts.services.sign_in import staff_unlock
from confide.letters.models import Letter, LetterCopy, LetterKeyWrap, Signature
from confide.letters.selectors.staff import copy_access_get, copy_read
from confide.letters.services.release import letter_release
from confide.verification.services import roster_upload
from tests.conftest import PASSWORD, csrf_from, submit_report
from tests.letters.conftest import LETTER_TEXT, draft, sign, third_party

pytestmark = pytest.mark.django_db


def post(client: Client, page_url: str, url: str, data: dict):
    page = client.get(page_url)
    return client.post(url, {**data, "csrfmiddlewaretoken": csrf_from(page)})


def receipt_in(response) -> str:
    return re.search(r'class="receipt"[^>]*>([a-z ]+)<', response.content.decode()).group(1)


@pytest.fixture
def reporter():
    return Client(enforce_csrf_checks=True)


def test_an_organizer_drafts_a_letter_and_gets_a_receipt_and_a_link(reporter, org, handler, boss, chief):
    response = post(
        reporter,
        "/r/acme/letters/new/",
        "/r/acme/letters/new/",
        {
            "title": "Please meet us",
            "text": LETTER_TEXT,
            "request": "A meeting",
            "recipients": [str(boss.pk), str(chief.pk)],
            "threshold": "3",
            "attendees": "The organizer",
        },
    )
    assert response.status_code == 200, response.content.decode()[:2000]
    receipt = receipt_in(response)
    assert len(receipt.split()) == 8
    assert "/r/acme/letters/i/" in response.content.decode()
    letter = Letter.objects.get()
    assert letter.threshold == 3 and letter.status == Letter.Status.REVIEW


@pytest.mark.parametrize(
    ("field", "value"),
    [("threshold", "0"), ("threshold", "5"), ("recipients", ["999999"]), ("title", "")],
)
def test_a_bad_draft_gets_a_clear_400_and_nothing_is_created(reporter, org, boss, field, value):
    roster_upload(organization=org, emails=["a@acme.org", "b@acme.org", "c@acme.org"])
    data = {"title": "T", "text": "Text", "recipients": [str(boss.pk)], "threshold": "2", field: value}
    response = post(reporter, "/r/acme/letters/new/", "/r/acme/letters/new/", data)
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()
    assert Letter.objects.count() == 0


def test_a_recipient_of_another_organization_is_refused(reporter, org, other_contact):
    data = {"title": "T", "text": "Text", "recipients": [str(other_contact.pk)], "threshold": "1"}
    assert post(reporter, "/r/acme/letters/new/", "/r/acme/letters/new/", data).status_code == 400
    assert Letter.objects.count() == 0


def test_a_signer_verifies_by_email_signs_and_sees_only_the_count(reporter, circulating, org):
    roster_upload(organization=org, emails=["ann@acme.org"])
    invitation = f"/r/acme/letters/i/{circulating.token}/"
    page = reporter.get(invitation)
    assert page.status_code == 200 and "harassment" in page.content.decode()
    step2 = post(reporter, invitation, invitation + "verify/", {"email": "ann@acme.org"})
    assert step2.status_code == 200
    code = re.search(r"\b(\d{8})\b", mail.outbox[-1].body).group(1)
    challenge = re.search(r'name="challenge" value="([^"]+)"', step2.content.decode()).group(1)
    signed = reporter.post(
        invitation + "sign/",
        {
            "challenge": challenge,
            "code": code,
            "name": "Ann Signer",
            "role": "Field organizer",
            "cohort": "2016 campaign, field",
            "visibility": "name",
            "csrfmiddlewaretoken": csrf_from(step2),
        },
    )
    assert signed.status_code == 200, signed.content.decode()[:3000]
    assert Signature.objects.filter(letter=circulating.letter).count() == 1
    again = reporter.get(invitation).content.decode()
    assert "1 of 2 needed" in again and "Ann Signer" not in again


def test_a_wrong_code_keeps_what_was_typed_and_signs_nothing(reporter, circulating):
    invitation = f"/r/acme/letters/i/{circulating.token}/"
    step2 = post(reporter, invitation, invitation + "verify/", {"email": "nobody@elsewhere.org"})
    challenge = re.search(r'name="challenge" value="([^"]+)"', step2.content.decode()).group(1)
    response = reporter.post(
        invitation + "sign/",
        {
            "challenge": challenge,
            "code": "000000",
            "name": "Kept Name",
            "visibility": "name",
            "csrfmiddlewaretoken": csrf_from(step2),
        },
    )
    assert response.status_code == 400
    assert "Kept Name" in response.content.decode()
    assert Signature.objects.count() == 0


def test_a_vouched_signer_signs_with_the_third_partys_code(reporter, circulating, handler, login):
    staff = login(handler)
    page = staff.get(f"/staff/letters/{circulating.letter.pk}/")
    vouch = staff.post(f"/staff/letters/{circulating.letter.pk}/vouch/", {"csrfmiddlewaretoken": csrf_from(page)})
    code = receipt_in(vouch)
    url = f"/r/acme/letters/i/{circulating.token}/sign/"
    response = post(reporter, url, url, {"vouch": code, "name": "Vic Vouched", "visibility": "verified"})
    assert response.status_code == 200
    again = post(reporter, url, url, {"vouch": code, "name": "Vic Again", "visibility": "verified"})
    assert again.status_code == 409
    assert Signature.objects.count() == 1


def test_signer_follows_and_withdraws_with_the_receipt(reporter, circulating, org):
    signer = sign(circulating.token, org, "ann@acme.org")
    response = post(reporter, "/r/acme/letters/", "/r/acme/letters/return/", {"receipt": signer.receipt})
    assert response.status_code == 303
    mine = reporter.get("/r/acme/letters/mine/")
    assert "1 of 2 needed" in mine.content.decode()
    withdrawn = reporter.post("/r/acme/letters/mine/withdraw/", {"csrfmiddlewaretoken": csrf_from(mine)})
    assert withdrawn.status_code == 200
    assert Signature.objects.count() == 0


def test_a_wrong_receipt_gets_the_same_400(reporter, circulating):
    response = post(reporter, "/r/acme/letters/", "/r/acme/letters/return/", {"receipt": "not a receipt"})
    assert response.status_code == 400


def test_a_receipt_of_another_organization_opens_nothing(reporter, circulating, org, other_org):
    signer = sign(circulating.token, org, "ann@acme.org")
    response = post(reporter, "/r/rival/letters/", "/r/rival/letters/return/", {"receipt": signer.receipt})
    assert response.status_code == 400
    assert reporter.get(f"/r/rival/letters/i/{circulating.token}/").status_code == 404


def test_a_report_receipt_opens_no_letter_and_a_letter_receipt_no_report(reporter, circulating, org):
    report = submit_report(org)
    response = post(reporter, "/r/acme/letters/", "/r/acme/letters/return/", {"receipt": report.receipt})
    assert response.status_code == 400
    response = post(reporter, "/r/acme/return/", "/r/acme/return/", {"receipt": circulating.receipt})
    assert response.status_code == 400


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


@pytest.fixture
def released_letter(circulating, org, handler):
    sign(circulating.token, org, "ann@acme.org")
    sign(circulating.token, org, "ben@acme.org")
    letter_release(access=third_party(handler, circulating.letter), confirm_verified=True)
    return circulating


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


def test_an_unknown_invitation_is_404(reporter, org):
    assert reporter.get("/r/acme/letters/i/nope/").status_code == 404


def test_the_draft_invitation_is_404_until_reviewed(reporter, drafted):
    assert reporter.get(f"/r/acme/letters/i/{drafted.token}/").status_code == 404


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
