"""Escrow's one error family: every refusal is a core.errors.Refused, answered by web.api (JSON) and the error
middleware (pages) with its status, its sentence, its field and, when the reporter may try again, Retry-After;
and every handle keeps keys and content out of its repr."""

import pytest

from confide.core.errors import NotFound, Refused, Unavailable
from confide.core.identifiers import IdentifierError
from confide.escrow.access import OpenedEntry
from confide.escrow.content import (
    MESSAGE_MAX_CHARS,
    EscrowRefused,
    MatchNotFound,
    OprfProofRefused,
    OprfRateLimited,
    OprfUnavailable,
    TeamRefused,
)
from confide.escrow.selectors.staff import counselor_access_get
from confide.verification.content import VerificationError
from tests.helpers.escrow import new_vault
from tests.helpers.staff import make_staff

JSON = "application/json"


def test_every_escrow_refusal_is_one_family_with_its_status():
    for error in (EscrowRefused("x", field="text"), TeamRefused("x"), IdentifierError("x"), VerificationError("x")):
        assert isinstance(error, Refused) and error.status == 400 and error.message == "x"
    assert isinstance(MatchNotFound(), NotFound) and MatchNotFound().status == 404
    assert isinstance(OprfUnavailable(), Unavailable) and OprfUnavailable().status == 503
    assert isinstance(OprfProofRefused(), OprfUnavailable)
    limited = OprfRateLimited()
    assert isinstance(limited, Unavailable) and limited.status == 429
    assert 0 < limited.retry_after <= 24 * 3600 + 1  # back at midnight UTC


def test_a_spent_allowance_answers_429_with_retry_after(api, org, counselor, settings):
    settings.CONFIDE_OPRF_EVALUATIONS_PER_DAY = 0
    receipt = api.post(f"/api/orgs/{org.slug}/vaults").json()["receipt"]
    body = {"person": {"email": "boss@campaign.example"}, "text": "x"}
    response = api.post("/api/vault/entries", body, content_type=JSON, HTTP_AUTHORIZATION=f"Vault {receipt}")
    assert response.status_code == 429 and "Too many" in response.json()["detail"]
    assert 0 < int(response["Retry-After"]) <= 24 * 3600 + 1


def test_a_wrong_code_is_refused_on_the_code_field(api, org):
    receipt = api.post(f"/api/orgs/{org.slug}/vaults").json()["receipt"]
    auth = {"HTTP_AUTHORIZATION": f"Vault {receipt}"}
    started = api.post("/api/vault/verification", {"email": "nobody@acme.example"}, content_type=JSON, **auth)
    assert started.status_code == 202
    body = {"challenge": started.json()["challenge"], "code": "12345678"}
    wrong = api.post("/api/vault/verification/confirm", body, content_type=JSON, **auth)
    assert wrong.status_code == 400 and wrong.json()["field"] == "code" and wrong.json()["detail"]
    bad = api.post("/api/vault/verification", {"email": "not an address"}, content_type=JSON, **auth)
    assert bad.status_code == 400 and bad.json()["field"] == "email"


@pytest.mark.parametrize("role", ["handler", "contact", "counselor"])
def test_anyone_but_a_counselor_of_the_team_is_not_found(db, role):
    user = make_staff(f"someone-{role}", role=role)  # a counselor outside the team holds no wrap
    with pytest.raises(MatchNotFound):
        counselor_access_get(user=user, secret_key=b"k" * 32)
    with pytest.raises(MatchNotFound):
        counselor_access_get(user=user, secret_key=None)


def test_handles_show_no_key_and_no_content(org, counselor_access):
    receipt, access = new_vault(org)
    shown = repr(access) + repr(access.content) + repr(counselor_access)
    assert access.vault_key.hex() not in shown and access.content.thread_key not in shown
    assert counselor_access.team_secret.hex() not in shown and receipt not in shown
    entry = OpenedEntry(
        id=access.vault.pk,
        identifier="boss@campaign.example",
        kind="email",
        text="What he did",
        written_on=access.vault.created_on,
        organization="Acme",
        verified=True,
        vault_id=access.vault.pk,
        thread_key=b"t" * 32,
    )
    assert "boss" not in repr(entry) and "What he did" not in repr(entry)


def test_the_openapi_document_names_the_vault_message_shape_and_every_status(api, db):
    document = api.get("/api/openapi.json").json()
    schemas = document["components"]["schemas"]
    assert schemas["VaultMessageIn"]["properties"]["body"]["maxLength"] == MESSAGE_MAX_CHARS  # escrow's
    body = document["paths"]["/api/vault/messages"]["post"]["requestBody"]["content"][JSON]["schema"]
    assert body["$ref"].endswith("/VaultMessageIn")  # not a report's MessageIn, whose limit differs
    entries = document["paths"]["/api/vault/entries"]["post"]["responses"]
    assert {"201", "400", "401", "429", "503"} <= set(entries)
