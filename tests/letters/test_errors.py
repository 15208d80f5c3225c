"""Letters refuse through one family (core.errors), answered once by the pages' and the API's error map; their
text checks are core.text.text_clean's, in sentences that name the field; a malformed receipt costs what a
wrong one costs."""

import pytest
from django.test import Client

from confide import crypto
from confide.core.errors import Conflict, NotFound, Refused
from confide.letters.content import (
    LetterConflict,
    LetterError,
    LetterForbidden,
    LetterNotFound,
    letter_text_clean,
)
from confide.letters.models import Update
from confide.letters.selectors import reporter
from confide.letters.services.release import letter_release
from confide.letters.services.threads import update_append
from tests.helpers.api import receipt_header
from tests.helpers.letters import participant, sign, third_party

pytestmark = pytest.mark.django_db
JSON = "application/json"


def test_the_family_carries_the_status_and_every_member_is_a_letter_error():
    assert (LetterError("x").status, LetterConflict("x").status, LetterForbidden("x").status) == (400, 409, 403)
    assert LetterNotFound().status == 404 and LetterNotFound().message == "Not found."
    assert isinstance(LetterNotFound(), NotFound) and isinstance(LetterConflict("x"), Conflict)
    for error in (LetterNotFound(), LetterConflict("x"), LetterForbidden("x")):
        assert isinstance(error, LetterError) and isinstance(error, Refused)
    assert LetterError("Too long.", field="title").field == "title"


@pytest.mark.parametrize(
    ("value", "sentence"),
    [
        (None, "Title is required."),
        ("   ", "Title is required."),
        (42, "Title must be text."),
        ("x" * 11, "Title is too long (at most 10 characters)."),
        ("a\x00b", "Title contains a character that is not allowed."),
        ("\ud800", "Title contains a character that is not allowed."),
    ],
)
def test_a_refused_text_names_its_label_and_its_field(value, sentence):
    with pytest.raises(LetterError) as refused:
        letter_text_clean(value, label="Title", field="title", limit=10)
    assert refused.value.message == sentence and refused.value.field == "title" and refused.value.status == 400


def test_an_accepted_text_is_stripped_and_an_optional_one_may_be_empty():
    assert letter_text_clean("  Hello  ", label="Title", field="title", limit=10) == "Hello"
    assert letter_text_clean(None, label="Role", field="role", limit=10, required=False) == ""


@pytest.mark.parametrize("malformed", [True, False])
def test_a_malformed_receipt_does_the_same_work_as_a_wrong_one(
    circulating, django_assert_num_queries, monkeypatch, malformed
):
    """Same answer and same lookups (the organizer's, then a signer's), and no key derived for either."""
    derived = []
    monkeypatch.setattr(reporter.keys, "receipt_unwrap", lambda normalised, *a, **k: derived.append(normalised))
    receipt = "not a receipt at all" if malformed else crypto.receipt_generate()
    with django_assert_num_queries(2):
        assert reporter.participant_access_get(receipt=receipt) is None
    assert derived == []


def test_the_thread_numbers_every_update_in_turn(circulating):
    access = participant(circulating.receipt)
    for body in ("one", "two", "three"):
        update_append(letter=access.letter, participant_key=access.participant_key, author_kind="organizer", body=body)
    seqs = list(Update.objects.filter(letter=access.letter).order_by("seq").values_list("seq", flat=True))
    assert seqs == list(range(1, len(seqs) + 1)) and len(seqs) >= 4  # with the service's own entries


def test_a_recipient_key_before_delivery_writes_nothing(circulating):
    letter = participant(circulating.receipt).letter
    before = Update.objects.filter(letter=letter).count()
    with pytest.raises(LetterNotFound):
        update_append(letter=letter, thread_key=crypto.random_key(), author_kind="recipient", body="early")
    assert Update.objects.filter(letter=letter).count() == before


def test_the_api_answers_each_refusal_with_its_status_and_field(api, circulating, org):
    signer = sign(circulating.token, org, "ann@acme.org")
    forbidden = api.post(
        "/api/letters/mine/messages", {"body": "hi"}, content_type=JSON, **receipt_header(signer.receipt)
    )
    assert forbidden.status_code == 403 and forbidden.json()["detail"].startswith("Only the organizer")
    empty = api.post(
        "/api/letters/mine/messages", {"body": " "}, content_type=JSON, **receipt_header(circulating.receipt)
    )
    assert empty.status_code == 400 and empty.json() == {"detail": "Message is required.", "field": "body"}
    url = f"/api/letters/invitations/{circulating.token}/signatures"
    unproven = api.post(url, {"name": "Sam", "visibility": "name"}, content_type=JSON)
    assert unproven.status_code == 400 and "vouch" in unproven.json()["detail"]
    assert api.get("/api/orgs/nowhere/letters/contacts").json() == {"detail": "Not found."}


def test_a_refused_withdrawal_is_the_error_page_with_its_status(circulating, org, handler):
    """Nothing typed to keep: the one error page answers, with the refusal's own words."""
    signer = sign(circulating.token, org, "ann@acme.org")
    sign(circulating.token, org, "ben@acme.org")
    letter_release(access=third_party(handler, circulating.letter), confirm_verified=True)
    client = Client()
    assert client.post("/r/acme/letters/return/", {"receipt": signer.receipt}).status_code == 303
    refused = client.post("/r/acme/letters/mine/withdraw/")
    assert refused.status_code == 409
    assert "signatures can no longer be withdrawn" in refused.content.decode()
