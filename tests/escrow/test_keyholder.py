"""The OPRF key holder: its own secret file, blinded elements only, a daily allowance per account (429), the
same answers in-process and as `oprf_serve` over HTTP, and (RFC 9497 VOPRF) a proof with every answer that the
web tier checks against the pinned public key before using it."""

import base64
import inspect
import json
import threading
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from confide import crypto
from confide.core import keyfiles
from confide.escrow import selectors
from confide.escrow.content import OprfRateLimited, OprfUnavailable
from confide.escrow.keys import oprf_rate_key
from confide.escrow.oprf_server import oprf_server
from confide.escrow.services import counsel, team
from confide.escrow.services.keyholder import oprf_output
from confide.staff import counsel as staff_views


def test_secrets_init_creates_the_oprf_key_in_its_own_file(tmp_path: Path):
    keyfiles.secrets_init(tmp_path)
    key = base64.b64decode((tmp_path / keyfiles.OPRF_KEY_FILE).read_text())
    assert len(key) == 32
    assert (tmp_path / keyfiles.OPRF_KEY_FILE).stat().st_mode & 0o777 == 0o600
    keyfiles.secrets_init(tmp_path)  # idempotent: never replaced (that would orphan every index)
    assert base64.b64decode((tmp_path / keyfiles.OPRF_KEY_FILE).read_text()) == key


def test_the_output_is_the_prf_of_the_identifier_under_the_holders_key(db):
    output = oprf_output(identifier="email:boss@campaign.example", account=b"a" * 32)
    assert output == crypto.oprf.voprf_evaluate(keyfiles.oprf_key(), b"email:boss@campaign.example")


def test_a_flood_of_evaluations_hits_the_daily_allowance(db, settings):
    settings.CONFIDE_OPRF_EVALUATIONS_PER_DAY = 3
    for _ in range(3):
        oprf_output(identifier="email:x@y.example", account=b"flooder")
    with pytest.raises(OprfRateLimited):
        oprf_output(identifier="email:x@y.example", account=b"flooder")
    oprf_output(identifier="email:x@y.example", account=b"someone else")  # per account, not global


@pytest.fixture
def served(transactional_db, settings):
    server = oprf_server("127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.CONFIDE_OPRF_TOKEN = "a shared test token"  # the key holder answers no caller without one
    settings.CONFIDE_OPRF_URL = f"http://127.0.0.1:{server.server_address[1]}"
    settings.CONFIDE_OPRF_PUBLIC_KEY = keyfiles.encode_key(crypto.oprf_public_key(keyfiles.oprf_key()))
    yield settings.CONFIDE_OPRF_URL
    server.shutdown()
    server.server_close()


def test_the_http_service_gives_the_same_output_as_in_process(served):
    output = oprf_output(identifier="phone:+12025550143", account=b"acct")
    assert output == crypto.oprf.voprf_evaluate(keyfiles.oprf_key(), b"phone:+12025550143")


def test_the_http_service_answers_429_past_the_allowance(served, settings):
    settings.CONFIDE_OPRF_EVALUATIONS_PER_DAY = 2
    oprf_output(identifier="email:a@b.example", account=b"acct")
    oprf_output(identifier="email:a@b.example", account=b"acct")
    with pytest.raises(OprfRateLimited):
        oprf_output(identifier="email:a@b.example", account=b"acct")


def _post(url: str, body: bytes, token: str | None = "a shared test token") -> tuple[int, dict]:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    request = urllib.request.Request(url + "/evaluate", data=body, headers=headers, method="POST")  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310 - the test's own server
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


@pytest.mark.parametrize(
    "body",
    [
        b"not json",
        b"{}",
        json.dumps({"blinded": "!!", "rate_key": base64.b64encode(b"k" * 32).decode()}).encode(),
        json.dumps(
            {"blinded": base64.b64encode(bytes(32)).decode(), "rate_key": base64.b64encode(b"k" * 32).decode()}
        ).encode(),
        json.dumps(
            {"blinded": base64.b64encode(b"\xff" * 32).decode(), "rate_key": base64.b64encode(b"k").decode()}
        ).encode(),
    ],
)
def test_the_http_service_answers_bad_input_with_400(served, body):
    status, answer = _post(served, body)
    assert status == 400 and answer["detail"]


def test_the_http_service_evaluates_only_blinded_elements(served):
    _blind, blinded = crypto.oprf_blind(b"email:boss@campaign.example")
    rate_key = oprf_rate_key(account=b"acct")
    body = json.dumps({"blinded": base64.b64encode(blinded).decode(), "rate_key": base64.b64encode(rate_key).decode()})
    status, answer = _post(served, body.encode())
    assert status == 200
    evaluated, proof = base64.b64decode(answer["evaluated"]), base64.b64decode(answer["proof"])
    assert evaluated == crypto.oprf_blind_evaluate(keyfiles.oprf_key(), blinded)[0]
    crypto.oprf.proof_verify(crypto.oprf_public_key(keyfiles.oprf_key()), [blinded], [evaluated], proof)


def test_an_unreachable_key_holder_is_a_clear_error(db, settings):
    settings.CONFIDE_OPRF_URL = "http://127.0.0.1:9"
    settings.CONFIDE_OPRF_PUBLIC_KEY = keyfiles.encode_key(crypto.oprf_public_key(keyfiles.oprf_key()))
    with pytest.raises(OprfUnavailable):
        oprf_output(identifier="email:a@b.example", account=b"acct")


def test_counselor_code_has_no_way_to_the_key_holder():
    """crypto.md §4: a counselor who could evaluate the OPRF could test guesses against one share."""
    for module in (counsel, selectors, staff_views, team):
        source = inspect.getsource(module)
        assert "keyholder" not in source and "oprf_" not in source, module.__name__


def test_with_a_shared_token_the_service_refuses_callers_without_it(served, settings):
    settings.CONFIDE_OPRF_TOKEN = "web-tier-secret"
    _blind, blinded = crypto.oprf_blind(b"email:boss@campaign.example")
    body = json.dumps(
        {"blinded": base64.b64encode(blinded).decode(), "rate_key": base64.b64encode(b"k" * 32).decode()}
    ).encode()
    status, answer = _post(served, body, token=None)
    assert status == 401 and "token" in answer["detail"]
    output = oprf_output(identifier="email:boss@campaign.example", account=b"acct")  # the web tier sends it
    assert output == crypto.oprf.voprf_evaluate(keyfiles.oprf_key(), b"email:boss@campaign.example")
