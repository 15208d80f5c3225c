"""The organizer writes to the third party; a signer reads back their own signature, and only their own."""

import pytest
from django.test import Client

from confide.letters.content import LetterError
from confide.letters.models import Update
from confide.letters.selectors.common import letter_overview
from confide.letters.selectors.reporter import signature_own_read
from confide.letters.selectors.staff import copy_thread
from confide.letters.services.participants import organizer_message
from confide.letters.services.release import letter_release
from tests.helpers.api import receipt_header
from tests.helpers.letters import copy_of, participant, sign, third_party
from tests.helpers.staff import csrf_from

pytestmark = pytest.mark.django_db

JSON = "application/json"
QUESTION = "Could you say why the review asks us to remove the second paragraph?"


def enter(client: Client, receipt: str) -> Client:
    page = client.get("/r/acme/letters/")
    response = client.post("/r/acme/letters/return/", {"receipt": receipt, "csrfmiddlewaretoken": csrf_from(page)})
    assert response.status_code == 303
    return client


def bodies(overview) -> list[str]:
    return [u.body for u in overview.updates]


def test_the_organizer_writes_to_the_third_party_on_the_page(drafted, org, handler, login):
    client = enter(Client(enforce_csrf_checks=True), drafted.receipt)
    mine = client.get("/r/acme/letters/mine/")
    assert "Write to the third party" in mine.content.decode()
    sent = client.post("/r/acme/letters/mine/message/", {"body": QUESTION, "csrfmiddlewaretoken": csrf_from(mine)})
    assert sent.status_code == 303
    assert QUESTION in client.get("/r/acme/letters/mine/").content.decode()
    staff_page = login(handler).get(f"/staff/letters/{drafted.letter.pk}/").content.decode()
    assert QUESTION in staff_page and "The organizer" in staff_page


def test_an_empty_message_is_a_400_and_nothing_is_written(drafted, org):
    client = enter(Client(enforce_csrf_checks=True), drafted.receipt)
    mine = client.get("/r/acme/letters/mine/")
    before = Update.objects.count()
    response = client.post("/r/acme/letters/mine/message/", {"body": "  ", "csrfmiddlewaretoken": csrf_from(mine)})
    assert response.status_code == 400 and 'id="id_body_error"' in response.content.decode()
    assert Update.objects.count() == before


def test_without_a_receipt_the_message_page_writes_nothing(drafted, org):
    client = Client()
    response = client.post("/r/acme/letters/mine/message/", {"body": QUESTION})
    assert response.status_code == 303 and response["Location"] == "/r/acme/letters/"
    assert not Update.objects.filter(author_kind=Update.Author.ORGANIZER).exists()


def test_a_signer_cannot_write_to_the_third_party(circulating, org):
    signer = sign(circulating.token, org, "ann@acme.org")
    with pytest.raises(LetterError) as refused:
        organizer_message(access=participant(signer.receipt), body=QUESTION)
    assert refused.value.status == 403
    client = enter(Client(enforce_csrf_checks=True), signer.receipt)
    mine = client.get("/r/acme/letters/mine/")
    assert "Write to the third party" not in mine.content.decode()
    response = client.post("/r/acme/letters/mine/message/", {"body": QUESTION, "csrfmiddlewaretoken": csrf_from(mine)})
    assert response.status_code == 403
    assert not Update.objects.filter(author_kind=Update.Author.ORGANIZER).exists()


def test_organizer_messages_reach_signers_but_never_recipients(circulating, org, handler, boss):
    ann = sign(circulating.token, org, "ann@acme.org")
    sign(circulating.token, org, "ben@acme.org")
    organizer_message(access=participant(circulating.receipt), body="Before release: " + QUESTION)
    letter_release(access=third_party(handler, circulating.letter), confirm_verified=True)
    organizer_message(access=participant(circulating.receipt), body="After release: " + QUESTION)
    signer = participant(ann.receipt)
    seen_by_signer = bodies(letter_overview(letter=signer.letter, participant_key=signer.participant_key))
    assert "Before release: " + QUESTION in seen_by_signer and "After release: " + QUESTION in seen_by_signer
    seen_by_recipient = bodies(copy_thread(access=copy_of(boss, circulating.letter)))
    assert seen_by_recipient and not any(QUESTION in body for body in seen_by_recipient)


def test_the_api_carries_organizer_messages_and_refuses_signers(api, circulating, org):
    signer = sign(circulating.token, org, "ann@acme.org")
    url = "/api/letters/mine/messages"
    response = api.post(url, {"body": QUESTION}, content_type=JSON, **receipt_header(circulating.receipt))
    assert response.status_code == 201
    last = response.json()["updates"][-1]
    assert (last["author_kind"], last["body"]) == ("organizer", QUESTION)
    refused = api.post(url, {"body": QUESTION}, content_type=JSON, **receipt_header(signer.receipt))
    assert refused.status_code == 403 and refused.json()["detail"]
    empty = api.post(url, {"body": ""}, content_type=JSON, **receipt_header(circulating.receipt))
    assert empty.status_code == 400
    assert api.post(url, {"body": QUESTION}, content_type=JSON).status_code == 401
    assert Update.objects.filter(author_kind=Update.Author.ORGANIZER).count() == 1


def test_a_signer_reads_back_their_own_signature_only(circulating, org):
    ann = sign(circulating.token, org, "ann@acme.org", name="Ann Visible", role="Field", cohort="2016, field")
    ben = sign(circulating.token, org, "ben@acme.org", name="Ben Hidden", visibility="verified", cohort="2016 ops")
    own = signature_own_read(access=participant(ann.receipt))
    assert (own.name, own.role, own.cohort, own.visibility) == ("Ann Visible", "Field", "2016, field", "name")
    assert signature_own_read(access=participant(ben.receipt)).name == "Ben Hidden"
    assert signature_own_read(access=participant(circulating.receipt)) is None


def test_the_signers_page_shows_their_signature_and_nobody_elses(circulating, org):
    ann = sign(circulating.token, org, "ann@acme.org", name="Ann Visible", role="Field", cohort="2016, field")
    sign(circulating.token, org, "ben@acme.org", name="Ben Hidden", visibility="verified")
    page = enter(Client(enforce_csrf_checks=True), ann.receipt).get("/r/acme/letters/mine/").content.decode()
    assert "Your signature" in page and "Ann Visible" in page and "2016, field" in page
    assert "My name, role and cohort" not in page and "Your name, role and cohort" in page
    assert "Ben Hidden" not in page
    organizer = enter(Client(enforce_csrf_checks=True), circulating.receipt).get("/r/acme/letters/mine/")
    assert "Your signature" not in organizer.content.decode() and "Ann Visible" not in organizer.content.decode()


def test_the_api_returns_the_signers_own_signature(api, circulating, org):
    ben = sign(circulating.token, org, "ben@acme.org", name="Ben Hidden", visibility="verified", cohort="2016 ops")
    mine = api.get("/api/letters/mine", **receipt_header(ben.receipt)).json()
    assert mine["signature"] == {
        "name": "Ben Hidden",
        "role": "Field organizer",
        "cohort": "2016 ops",
        "visibility": "verified",
    }
    assert api.get("/api/letters/mine", **receipt_header(circulating.receipt)).json()["signature"] is None


def test_the_third_party_answers_the_organizer_without_reaching_the_recipients(circulating, org, handler, boss, login):
    sign(circulating.token, org, "ann@acme.org")
    sign(circulating.token, org, "ben@acme.org")
    letter_release(access=third_party(handler, circulating.letter), confirm_verified=True)
    organizer_message(access=participant(circulating.receipt), body=QUESTION)
    staff = login(handler)
    url = f"/staff/letters/{circulating.letter.pk}/"
    page = staff.get(url)
    assert 'name="to_recipients"' in page.content.decode()
    reply = "Because it names a colleague who has not agreed to be named."
    response = staff.post(url + "message/", {"body": reply, "csrfmiddlewaretoken": csrf_from(page)})
    assert response.status_code == 303
    organizer = participant(circulating.receipt)
    assert reply in bodies(letter_overview(letter=organizer.letter, participant_key=organizer.participant_key))
    assert reply not in " ".join(bodies(copy_thread(access=copy_of(boss, circulating.letter))))


def test_the_api_message_reaches_recipients_only_when_asked(api, circulating, org, handler, boss, token_for):
    sign(circulating.token, org, "ann@acme.org")
    sign(circulating.token, org, "ben@acme.org")
    letter_release(access=third_party(handler, circulating.letter), confirm_verified=True)
    url = f"/api/staff/letters/{circulating.letter.pk}/messages"
    headers = token_for(handler)
    assert api.post(url, {"body": "For the signers."}, content_type=JSON, **headers).status_code == 201
    assert api.post(url, {"body": "For all.", "to_recipients": True}, content_type=JSON, **headers).status_code == 201
    assert api.post(url, {"body": ""}, content_type=JSON, **headers).status_code == 400
    seen = " ".join(bodies(copy_thread(access=copy_of(boss, circulating.letter))))
    assert "For all." in seen and "For the signers." not in seen


@pytest.mark.parametrize("persona", ["outsider", "other_tenant_handler", "boss", "bystander"])
def test_the_api_message_is_404_for_everyone_else(api, circulating, persona, request, token_for):
    url = f"/api/staff/letters/{circulating.letter.pk}/messages"
    headers = token_for(request.getfixturevalue(persona))
    before = Update.objects.count()
    assert api.post(url, {"body": "Hello"}, content_type=JSON, **headers).status_code == 404
    assert Update.objects.count() == before
