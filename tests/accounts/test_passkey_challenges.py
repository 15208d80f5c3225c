"""A passkey challenge answers once, even to answers arriving together (threads with their own connections,
so the row is committed: transaction=True), and is never stored as itself."""

import json
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from confide.accounts.models import PasskeyChallenge
from confide.accounts.services.passkey_challenges import passkey_challenge_new, passkey_challenge_use
from tests.helpers.passkeys import b64

PARALLEL = 16


def _client_data(challenge: bytes) -> bytes:
    return json.dumps({"type": "webauthn.get", "challenge": b64(challenge), "origin": "http://testserver"}).encode()


@pytest.mark.django_db(transaction=True)
def test_parallel_answers_to_one_challenge_use_it_once():
    client_data = _client_data(passkey_challenge_new(user=None))
    barrier = threading.Barrier(PARALLEL)

    def answer(_number: int) -> bool:
        try:
            barrier.wait()
            return passkey_challenge_use(client_data_json=client_data, user=None) is not None
        finally:
            connection.close()

    with ThreadPoolExecutor(PARALLEL) as pool:
        assert sum(pool.map(answer, range(PARALLEL))) == 1
    assert not PasskeyChallenge.objects.exists()


@pytest.mark.django_db
def test_a_challenge_is_kept_only_as_a_keyed_hash(handler):
    challenge = passkey_challenge_new(user=handler)
    row = PasskeyChallenge.objects.get()
    assert challenge not in bytes(row.digest) and len(challenge) == 32
    assert passkey_challenge_use(client_data_json=_client_data(challenge), user=None) is None  # bound to hana
    assert passkey_challenge_use(client_data_json=_client_data(challenge), user=handler) == challenge
