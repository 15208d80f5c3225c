"""The Idempotency-Key on the other calls that make something and answer a receipt once (G8): a letter's draft
and a vault. The same key and body make one and answer the same, marked replayed; the same key with another body
gets 409; another key, or none, makes another; a key used for a report means nothing to a letter."""

import json

import pytest

from confide.escrow.models import Vault
from confide.letters.models import Letter
from confide.reports.models import Report
from tests.helpers.letters import LETTER_TEXT

pytestmark = pytest.mark.django_db

JSON = "application/json"


def _draft(boss, chief, **overrides) -> dict:
    return {
        "title": "Please meet us",
        "text": LETTER_TEXT,
        "request": "A meeting",
        "recipients": [boss.pk, chief.pk],
        "threshold": 2,
        "attendees": ["The organizer"],
        **overrides,
    }


def _post(api, url: str, body: dict | None, key: str | None):
    headers = {"HTTP_IDEMPOTENCY_KEY": key} if key is not None else {}
    return api.post(url, json.dumps(body) if body is not None else "", content_type=JSON, **headers)


def test_a_letters_draft_retried_with_its_key_is_drafted_once(api, org, handler, boss, chief):
    first = _post(api, "/api/orgs/acme/letters", _draft(boss, chief), "draft-key-1")
    second = _post(api, "/api/orgs/acme/letters", _draft(boss, chief), "draft-key-1")
    assert first.status_code == second.status_code == 201 and first.json() == second.json()
    assert second["Idempotent-Replayed"] == "true" and not first.has_header("Idempotent-Replayed")
    assert Letter.objects.count() == 1
    other = _post(api, "/api/orgs/acme/letters", _draft(boss, chief, title="Another one"), "draft-key-1")
    assert other.status_code == 409 and "different request" in other.json()["detail"]
    assert Letter.objects.count() == 1
    _post(api, "/api/orgs/acme/letters", _draft(boss, chief), "draft-key-2")
    _post(api, "/api/orgs/acme/letters", _draft(boss, chief), None)
    assert Letter.objects.count() == 3


def test_a_vault_retried_with_its_key_is_opened_once(api, org):
    first = _post(api, "/api/orgs/acme/vaults", None, "vault-key-1")
    second = _post(api, "/api/orgs/acme/vaults", None, "vault-key-1")
    assert first.status_code == second.status_code == 201 and first.json() == second.json()
    assert second["Idempotent-Replayed"] == "true"
    assert Vault.objects.count() == 1
    _post(api, "/api/orgs/acme/vaults", None, "vault-key-2")
    _post(api, "/api/orgs/acme/vaults", None, None)
    assert Vault.objects.count() == 3


def test_one_key_for_a_report_a_letter_and_a_vault_makes_each_once(api, org, handler, boss, chief):
    report = {"what_happened": "He cornered me after the rally.", "category": "sexual_harassment"}
    assert _post(api, "/api/orgs/acme/reports", report, "shared-key").status_code == 201
    assert _post(api, "/api/orgs/acme/letters", _draft(boss, chief), "shared-key").status_code == 201
    assert _post(api, "/api/orgs/acme/vaults", None, "shared-key").status_code == 201
    assert (Report.objects.count(), Letter.objects.count(), Vault.objects.count()) == (1, 1, 1)


def test_a_bad_key_is_refused_with_a_message(api, org):
    response = _post(api, "/api/orgs/acme/vaults", None, "k" * 256)
    assert response.status_code in (400, 422) and "detail" in response.json()
    assert not Vault.objects.exists()
