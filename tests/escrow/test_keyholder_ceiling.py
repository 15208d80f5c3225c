"""The key holder's own limits (F9): `oprf_serve` starts only with a shared token, and a deployment-wide daily
ceiling holds whatever rate key the caller names, so a compromised web tier cannot evaluate without bound."""

import base64
import json
import os
import threading
import urllib.error
import urllib.request

import pytest
from django.core.management import CommandError, call_command

from confide import crypto
from confide.core import keyfiles
from confide.escrow.content import OprfCeilingReached
from confide.escrow.management.commands import oprf_serve
from confide.escrow.oprf_server import oprf_server
from confide.escrow.services.keyholder import oprf_blinded_evaluate, oprf_output

TOKEN = "a shared test token"


class _Started(Exception):
    pass


class _NeverServes:
    server_address = ("127.0.0.1", 0)

    def serve_forever(self):
        raise _Started

    def server_close(self):
        pass


@pytest.fixture
def not_serving(monkeypatch):
    monkeypatch.setattr(oprf_serve, "oprf_server", lambda host, port: _NeverServes())


def test_oprf_serve_refuses_to_start_without_a_token(db, settings, not_serving):
    settings.CONFIDE_OPRF_TOKEN = ""
    with pytest.raises(CommandError, match="CONFIDE_OPRF_TOKEN"):
        call_command("oprf_serve", "--port", "0")


def test_oprf_serve_starts_with_a_token(db, settings, not_serving):
    settings.CONFIDE_OPRF_TOKEN = TOKEN
    with pytest.raises(_Started):
        call_command("oprf_serve", "--port", "0")


def test_no_choice_of_rate_key_escapes_the_daily_ceiling(db, settings):
    settings.CONFIDE_OPRF_CEILING_PER_DAY = 3
    _blind, blinded = crypto.oprf_blind(b"email:boss@campaign.example")
    for _ in range(3):
        oprf_blinded_evaluate(blinded=blinded, rate_key=os.urandom(32))
    with pytest.raises(OprfCeilingReached):
        oprf_blinded_evaluate(blinded=blinded, rate_key=os.urandom(32))


@pytest.fixture
def served(transactional_db, settings):
    server = oprf_server("127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.CONFIDE_OPRF_TOKEN = TOKEN
    settings.CONFIDE_OPRF_URL = f"http://127.0.0.1:{server.server_address[1]}"
    settings.CONFIDE_OPRF_PUBLIC_KEY = keyfiles.encode_key(crypto.oprf_public_key(keyfiles.oprf_key()))
    yield settings
    server.shutdown()
    server.server_close()


def _evaluate(url: str, *, token: str | None, rate_key: bytes) -> tuple[int, dict]:
    _blind, blinded = crypto.oprf_blind(b"email:boss@campaign.example")
    body = json.dumps({"blinded": base64.b64encode(blinded).decode(), "rate_key": base64.b64encode(rate_key).decode()})
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    request = urllib.request.Request(url + "/evaluate", data=body.encode(), headers=headers, method="POST")  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310 - the test's own server
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def test_a_caller_with_the_token_and_fresh_rate_keys_hits_the_ceiling_with_429(served):
    served.CONFIDE_OPRF_CEILING_PER_DAY = 4
    statuses = [_evaluate(served.CONFIDE_OPRF_URL, token=TOKEN, rate_key=os.urandom(32))[0] for _ in range(6)]
    assert statuses == [200] * 4 + [429] * 2
    with pytest.raises(OprfCeilingReached) as refused:  # the web tier says it is the service's limit
        oprf_output(identifier="email:boss@campaign.example", account=b"someone new")
    assert "limit for today" in refused.value.message and refused.value.status == 429


def test_a_key_holder_without_a_token_answers_no_caller(served):
    served.CONFIDE_OPRF_TOKEN = ""
    status, answer = _evaluate(served.CONFIDE_OPRF_URL, token=None, rate_key=os.urandom(32))
    assert status == 401 and "token" in answer["detail"]
