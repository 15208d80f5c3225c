import pytest

from confide import crypto

OWNER = b"user:1"


def wrap(secret, password="first password"):
    return crypto.secret_key_wrap(secret, password=password, owner_id=OWNER, cost=crypto.TEST_COST)


def test_a_wrapped_secret_key_unwraps_with_its_password():
    pair = crypto.keypair_generate()
    assert crypto.secret_key_unwrap(wrap(pair.secret_key), password="first password", owner_id=OWNER) == (
        pair.secret_key
    )


def test_it_rejects_the_wrong_password():
    with pytest.raises(crypto.WrongPasswordError):
        crypto.secret_key_unwrap(wrap(crypto.random_key()), password="guess", owner_id=OWNER)


def test_a_wrapped_key_is_bound_to_its_owner():
    with pytest.raises(crypto.WrongPasswordError):
        crypto.secret_key_unwrap(wrap(crypto.random_key()), password="first password", owner_id=b"user:2")


def test_changing_the_password_rewraps_the_same_key():
    secret = crypto.random_key()
    rewrapped = crypto.secret_key_rewrap(
        wrap(secret),
        old_password="first password",
        new_password="second",
        owner_id=OWNER,
        cost=crypto.TEST_COST,
    )
    assert crypto.secret_key_unwrap(rewrapped, password="second", owner_id=OWNER) == secret
    with pytest.raises(crypto.WrongPasswordError):
        crypto.secret_key_unwrap(rewrapped, password="first password", owner_id=OWNER)


def test_the_session_blob_needs_the_cookie_secret():
    secret = crypto.random_key()
    cookie_secret, blob = crypto.session_unlock_seal(secret)
    assert crypto.session_unlock_open(cookie_secret, blob) == secret
    with pytest.raises(crypto.DecryptionError):
        crypto.session_unlock_open(crypto.random_key(), blob)
    assert secret not in blob


def test_production_cost_meets_the_design():
    assert crypto.PRODUCTION_COST.memlimit >= 64 * 1024 * 1024
    assert crypto.PRODUCTION_COST.opslimit >= 3
