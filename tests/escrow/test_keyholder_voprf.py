"""RFC 9497 VOPRF in escrow: the web tier uses no key holder answer whose proof fails against the pinned public
key, says so in the log without content, and tells the reporter matching is unavailable (503) with what they
typed kept and nothing saved."""

import base64
import io
import logging
import threading

import pytest
from django.core.management import call_command

from confide import crypto
from confide.core import keyfiles
from confide.escrow import oprf_server
from confide.escrow.checks import oprf_settings_check
from confide.escrow.content import OprfProofRefused, OprfUnavailable
from confide.escrow.models import Entry
from confide.escrow.services import keyholder
from confide.escrow.services.keyholder import oprf_output
from tests.helpers.escrow import vault_client, vault_post

IDENTIFIER = "email:proofcanary-7f3a@campaign.example"


def _pinned() -> str:
    return keyfiles.encode_key(crypto.oprf_public_key(keyfiles.oprf_key()))


def _another_key_holder(*, blinded: bytes, rate_key: bytes) -> tuple[bytes, bytes]:
    """A key holder using some other key, with a proof that is valid for that other key."""
    return crypto.oprf_blind_evaluate(crypto.oprf_key_generate(), blinded)


def _wrong_element(*, blinded: bytes, rate_key: bytes) -> tuple[bytes, bytes]:
    """The right key's proof, next to an element that is not skS times the blinded element."""
    _evaluated, proof = crypto.oprf_blind_evaluate(keyfiles.oprf_key(), blinded)
    return crypto.oprf_blind_evaluate(keyfiles.oprf_key(), crypto.oprf_blind(b"someone else")[1])[0], proof


@pytest.fixture
def logged():
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    logging.getLogger("confide.escrow.services.keyholder").addHandler(handler)
    yield stream
    logging.getLogger("confide.escrow.services.keyholder").removeHandler(handler)


@pytest.mark.parametrize("holder", [_another_key_holder, _wrong_element])
def test_an_in_process_answer_without_a_valid_proof_is_refused_and_logged_without_content(
    db, monkeypatch, logged, holder
):
    monkeypatch.setattr(keyholder, "oprf_blinded_evaluate", holder)
    with pytest.raises(OprfProofRefused):
        oprf_output(identifier=IDENTIFIER, account=b"acct")
    log = logged.getvalue()
    assert "proof did not verify" in log
    assert "proofcanary" not in log


@pytest.fixture
def served(transactional_db, settings):
    server = oprf_server.oprf_server("127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.CONFIDE_OPRF_TOKEN = "a shared test token"  # the key holder answers no caller without one
    settings.CONFIDE_OPRF_URL = f"http://127.0.0.1:{server.server_address[1]}"
    settings.CONFIDE_OPRF_PUBLIC_KEY = _pinned()
    yield settings
    server.shutdown()
    server.server_close()


def test_the_http_service_end_to_end_with_its_proof(served):
    assert oprf_output(identifier=IDENTIFIER, account=b"acct") == crypto.oprf.voprf_evaluate(
        keyfiles.oprf_key(), IDENTIFIER.encode()
    )


@pytest.mark.parametrize("holder", [_another_key_holder, _wrong_element])
def test_an_http_key_holder_answering_without_a_valid_proof_is_refused(served, monkeypatch, logged, holder):
    monkeypatch.setattr(oprf_server, "oprf_blinded_evaluate", holder)
    with pytest.raises(OprfProofRefused):
        oprf_output(identifier=IDENTIFIER, account=b"acct")
    assert "proof did not verify" in logged.getvalue()


def test_a_pinned_key_that_is_not_the_holders_refuses_every_answer(served):
    served.CONFIDE_OPRF_PUBLIC_KEY = keyfiles.encode_key(crypto.oprf_public_key(crypto.oprf_key_generate()))
    with pytest.raises(OprfProofRefused):
        oprf_output(identifier=IDENTIFIER, account=b"acct")


def test_an_answer_without_a_proof_is_unusable(served, monkeypatch):
    """A mode 0x00 key holder (no proof) is not silently accepted."""
    original = oprf_server.OprfHandler._answer

    def without_proof(self, status, body):
        original(self, status, {key: value for key, value in body.items() if key != "proof"})

    monkeypatch.setattr(oprf_server.OprfHandler, "_answer", without_proof)
    with pytest.raises(OprfUnavailable):
        oprf_output(identifier=IDENTIFIER, account=b"acct")


@pytest.mark.parametrize("configured", ["", "not base64!", base64.b64encode(b"short").decode()])
def test_a_remote_key_holder_without_a_valid_pinned_key_is_refused(db, settings, logged, configured):
    settings.CONFIDE_OPRF_URL = "http://127.0.0.1:9"
    settings.CONFIDE_OPRF_PUBLIC_KEY = configured
    with pytest.raises(OprfUnavailable):
        oprf_output(identifier=IDENTIFIER, account=b"acct")
    assert "CONFIDE_OPRF_PUBLIC_KEY" in logged.getvalue()
    assert [error.id for error in oprf_settings_check()] == ["escrow.E001"]


def test_the_settings_check_passes_in_process_and_with_a_pinned_key(settings):
    settings.CONFIDE_OPRF_URL = ""
    assert oprf_settings_check() == []
    settings.CONFIDE_OPRF_URL = "http://127.0.0.1:9"
    settings.CONFIDE_OPRF_PUBLIC_KEY = _pinned()
    assert oprf_settings_check() == []


def test_the_public_key_command_prints_the_key_to_pin():
    out = io.StringIO()
    call_command("oprf_public_key", stdout=out)
    assert out.getvalue().strip() == _pinned()


def test_a_refused_proof_answers_503_keeps_what_the_reporter_typed_and_saves_nothing(org, counselor, monkeypatch):
    monkeypatch.setattr(keyholder, "oprf_blinded_evaluate", _another_key_holder)
    client, _ = vault_client(org)
    data = {"email": "proofcanary-7f3a@campaign.example", "text": "What he said at the fundraiser."}
    response = vault_post(client, org, "entries/", data, page_path="entries/")
    assert response.status_code == 503
    page = response.content.decode()
    assert "unavailable" in page
    assert "What he said at the fundraiser." in page and "proofcanary-7f3a@campaign.example" in page
    assert not Entry.objects.exists()


def test_through_the_api_a_refused_proof_is_a_503_with_a_detail(api, org, counselor, monkeypatch):
    from tests.helpers.escrow import vault_api_auth

    monkeypatch.setattr(keyholder, "oprf_blinded_evaluate", _wrong_element)
    auth = vault_api_auth(api, org)
    body = {"person": {"email": "boss@campaign.example"}, "text": "It happened."}
    response = api.post("/api/vault/entries", body, content_type="application/json", **auth)
    assert response.status_code == 503 and "unavailable" in response.json()["detail"]
    assert not Entry.objects.exists()
