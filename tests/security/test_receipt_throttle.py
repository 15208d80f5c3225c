"""Threat model A6, "rate limits by receipt": one receipt cannot flood its case, vault or letter thread."""

import pytest
from django.test import Client

from confide.core.throttle import buckets_reset
from confide.reports.models import Message
from tests.helpers.api import receipt_header
from tests.helpers.escrow import new_vault
from tests.helpers.letters import draft
from tests.helpers.reports import submit_report
from tests.helpers.staff import make_staff

pytestmark = pytest.mark.django_db
JSON = "application/json"


@pytest.fixture(autouse=True)
def _tight(settings):
    buckets_reset()
    settings.CONFIDE_RECEIPT_WRITE_LIMIT = (0.001, 2.0)
    settings.CONFIDE_WRITE_LIMITS_DEPLOYMENT = (1000.0, 1000.0)
    yield
    buckets_reset()


def test_a_receipt_past_its_burst_gets_a_429_and_another_receipt_does_not(org, handler):
    api = Client()
    first, second = submit_report(org), submit_report(org)

    def reply(receipt):
        return api.post("/api/reporter/messages", {"body": "hi"}, content_type=JSON, **receipt_header(receipt))

    assert [reply(first.receipt).status_code for _ in range(2)] == [201, 201]
    response = reply(first.receipt)
    assert response.status_code == 429 and response.json()["detail"] and response["Retry-After"]
    assert Message.objects.filter(report=first.report).count() == 2
    assert reply(second.receipt).status_code == 201


def test_the_reply_page_keeps_what_was_typed_when_throttled(org, handler):
    client = Client()
    submitted = submit_report(org)
    client.post(f"/r/{org.slug}/return/", {"receipt": submitted.receipt})
    for _ in range(2):
        assert client.post(f"/r/{org.slug}/report/reply/", {"body": "hello"}).status_code == 303
    response = client.post(f"/r/{org.slug}/report/reply/", {"body": "the words I typed"})
    assert response.status_code == 429
    assert "the words I typed" in response.content.decode()


def test_a_vault_past_its_burst_gets_a_429(org):
    api = Client()
    receipt, _access = new_vault(org)
    auth = {"HTTP_AUTHORIZATION": f"Vault {receipt}"}
    for _ in range(2):
        assert api.post("/api/vault/records", {"text": "note"}, content_type=JSON, **auth).status_code == 201
    assert api.post("/api/vault/records", {"text": "note"}, content_type=JSON, **auth).status_code == 429


def test_a_letter_organizer_past_the_burst_gets_a_429(org, handler):
    api = Client()
    drafted = draft(org, [make_staff("boss", [org], role="contact")])
    auth = receipt_header(drafted.receipt)
    for _ in range(2):
        assert api.post(
            "/api/letters/mine/messages", {"body": "a question"}, content_type=JSON, **auth
        ).status_code in (200, 201)
    assert api.post("/api/letters/mine/messages", {"body": "a question"}, content_type=JSON, **auth).status_code == 429


def test_the_vault_pages_keep_what_was_typed_when_throttled(org):
    client = Client()
    receipt, _access = new_vault(org)
    client.post(f"/r/{org.slug}/vault/open/", {"receipt": receipt})
    for _ in range(2):
        assert client.post(f"/r/{org.slug}/vault/records/", {"text": "a note"}).status_code == 303
    record = client.post(f"/r/{org.slug}/vault/records/", {"text": "my record words"})
    assert record.status_code == 429 and "my record words" in record.content.decode()
    entry = client.post(f"/r/{org.slug}/vault/entries/", {"email": "boss@example.org", "text": "my entry words"})
    assert entry.status_code == 429 and "my entry words" in entry.content.decode()
    # The thread form shows only once a counselor wrote; the refusal is still a page, not an error.
    assert client.post(f"/r/{org.slug}/vault/messages/", {"body": "my message words"}).status_code == 429


def test_the_organizer_page_keeps_what_was_typed_when_throttled(org, handler):
    client = Client()
    drafted = draft(org, [make_staff("boss", [org], role="contact")])
    client.post(f"/r/{org.slug}/letters/return/", {"receipt": drafted.receipt})
    for _ in range(2):
        assert client.post(f"/r/{org.slug}/letters/mine/message/", {"body": "a question"}).status_code == 303
    response = client.post(f"/r/{org.slug}/letters/mine/message/", {"body": "my question words"})
    assert response.status_code == 429 and "my question words" in response.content.decode()
