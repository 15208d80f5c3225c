"""Signing in with password and passkey: the passkey stands in for the code, the TOTP code stays the fallback,
and a passkey answer is held to what a code is held to (once, fresh, this site, this account, the throttle)."""

import pytest
from django.test import Client

from confide.accounts.models import Passkey, PasskeyChallenge, SignInThrottle
from confide.accounts.services.sign_in_throttle import MAX_CODE_FAILURES, MAX_FAILURES
from confide.audit.models import AuditEntry
from tests.helpers.passkeys import SoftAuthenticator, options_of, passkey_add, passkey_sign_in
from tests.helpers.staff import PASSWORD, csrf_from, totp_code

pytestmark = pytest.mark.django_db


@pytest.fixture
def hana_key(login, handler) -> SoftAuthenticator:
    response, authenticator = passkey_add(login(handler))
    assert response.status_code == 302
    return authenticator


def _post(client: Client, **fields):
    page = client.get("/staff/login/")
    data = {"username": "hana", "password": PASSWORD, "code": "", "passkey": ""} | fields
    return client.post("/staff/login/", data | {"csrfmiddlewaretoken": csrf_from(page)})


def test_password_and_passkey_sign_in_and_unlock(handler, hana_key):
    client = Client(enforce_csrf_checks=True)
    response, _answer = passkey_sign_in(client, "hana", hana_key)
    assert response.status_code == 302 and response["Location"] == "/staff/"
    assert client.get("/staff/").status_code == 200
    passkey = Passkey.objects.get()
    assert passkey.sign_count == hana_key.sign_count and passkey.last_used_on is not None
    assert AuditEntry.objects.filter(action="staff.sign_in", actor_id=handler.pk).count() == 2


def test_the_code_still_works_beside_a_passkey(handler, hana_key):
    response = _post(Client(enforce_csrf_checks=True), code=totp_code(handler))
    assert response.status_code == 302


def test_the_sign_in_options_name_no_account_and_no_credential(handler, hana_key):
    options = options_of(Client().get("/staff/login/"), "data-passkey-get")
    assert '"allowCredentials": []' in options and "hana" not in options


def test_a_passkey_does_not_replace_the_password(handler, hana_key):
    response, _answer = passkey_sign_in(Client(enforce_csrf_checks=True), "hana", hana_key, password="wrong password")
    assert response.status_code == 400 and "do not match" in response.content.decode()
    assert Passkey.objects.get().last_used_on is None


def test_a_passkey_answer_is_accepted_once(handler, hana_key):
    client = Client(enforce_csrf_checks=True)
    first, answer = passkey_sign_in(client, "hana", hana_key)
    assert first.status_code == 302
    replayed = _post(Client(enforce_csrf_checks=True), passkey=answer)
    assert replayed.status_code == 400
    assert AuditEntry.objects.filter(action="staff.sign_in_failed", subject_id=handler.pk).count() == 1


def test_an_answer_wrongly_signed_refused_with_the_right_password_is_not_spent_for_a_second_try(handler, hana_key):
    """A challenge is used up even when the password was wrong: the same answer cannot be tried again."""
    page = Client().get("/staff/login/")
    answer = hana_key.get(options_of(page, "data-passkey-get"))
    assert _post(Client(enforce_csrf_checks=True), password="wrong", passkey=answer).status_code == 400
    assert _post(Client(enforce_csrf_checks=True), passkey=answer).status_code == 400


def test_an_expired_challenge_does_not_sign_in(handler, hana_key):
    answer = hana_key.get(options_of(Client().get("/staff/login/"), "data-passkey-get"))
    PasskeyChallenge.objects.update(expires_at="2000-01-01T00:00:00Z")
    assert _post(Client(enforce_csrf_checks=True), passkey=answer).status_code == 400


def test_an_invented_challenge_does_not_sign_in(handler, hana_key):
    answer = hana_key.get('{"challenge": "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "rpId": "testserver"}')
    assert _post(Client(enforce_csrf_checks=True), passkey=answer).status_code == 400


@pytest.mark.parametrize(
    "site",
    [{"origin": "https://evil.example", "rp_id": "evil.example"}, {"origin": "https://evil.example"}],
    ids=["another-site", "another-origin"],
)
def test_a_passkey_answer_for_another_site_is_refused(handler, hana_key, site):
    response, _answer = passkey_sign_in(Client(enforce_csrf_checks=True), "hana", hana_key, **site)
    assert response.status_code == 400 and Passkey.objects.get().last_used_on is None


def test_someone_elses_passkey_does_not_open_my_account(login, handler, teammate):
    _response, toms_key = passkey_add(login(teammate))
    response, _answer = passkey_sign_in(Client(enforce_csrf_checks=True), "hana", toms_key)
    assert response.status_code == 400


def test_a_passkey_that_was_removed_no_longer_signs_in(login, handler, hana_key):
    Passkey.objects.all().delete()
    response, _answer = passkey_sign_in(Client(enforce_csrf_checks=True), "hana", hana_key)
    assert response.status_code == 400


def test_a_counter_that_goes_back_is_refused(handler, hana_key):
    assert passkey_sign_in(Client(enforce_csrf_checks=True), "hana", hana_key)[0].status_code == 302
    hana_key.sign_count = 0  # a clone of the key, still at the counter it was copied at
    assert passkey_sign_in(Client(enforce_csrf_checks=True), "hana", hana_key)[0].status_code == 400


@pytest.mark.parametrize("answer", ["garbage", "{}", '{"id": 1}', "[" * 5000])
def test_a_malformed_answer_is_a_wrong_second_factor_not_a_500(handler, hana_key, answer):
    assert _post(Client(enforce_csrf_checks=True), passkey=answer).status_code == 400


def test_strangers_filling_the_throttle_never_stop_the_right_password_with_the_right_passkey(handler, hana_key):
    for _attempt in range(MAX_FAILURES + 2):
        _post(Client(enforce_csrf_checks=True), password="a stranger's guess")
    assert SignInThrottle.objects.get().failures == MAX_FAILURES
    response, _answer = passkey_sign_in(Client(enforce_csrf_checks=True), "hana", hana_key)
    assert response.status_code == 302
    assert not SignInThrottle.objects.exists()


def test_wrong_passkeys_with_the_right_password_lock_the_second_factor(login, handler, teammate, hana_key):
    _response, not_hanas = passkey_add(login(teammate))
    for _attempt in range(MAX_CODE_FAILURES):
        assert passkey_sign_in(Client(enforce_csrf_checks=True), "hana", not_hanas)[0].status_code == 400
    assert SignInThrottle.objects.get().code_failures == MAX_CODE_FAILURES
    locked, _answer = passkey_sign_in(Client(enforce_csrf_checks=True), "hana", hana_key)
    assert locked.status_code == 429


def test_the_api_sign_in_takes_the_code_and_never_a_passkey(api, handler, hana_key):
    """API tokens are for scripts, made with the code; a passkey needs the browser's ceremony on our pages."""
    answer = hana_key.get(options_of(Client().get("/staff/login/"), "data-passkey-get"))
    payload = {"username": "hana", "password": PASSWORD, "totp": "", "passkey": answer}
    assert api.post("/api/staff/login", payload, content_type="application/json").status_code == 401
    payload["totp"] = totp_code(handler)
    assert api.post("/api/staff/login", payload, content_type="application/json").status_code == 200
