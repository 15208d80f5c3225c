import pyotp
import pytest
from django.test import Client

from confide.accounts.models import SignInThrottle
from confide.accounts.services.sessions import UNLOCK_COOKIE
from confide.audit.models import AuditEntry
from tests.helpers.staff import PASSWORD, csrf_from, make_staff, totp_code

pytestmark = pytest.mark.django_db


def sign_in(client: Client, username: str, password: str = PASSWORD, code: str = ""):
    page = client.get("/staff/login/")
    return client.post(
        "/staff/login/",
        {"username": username, "password": password, "code": code, "csrfmiddlewaretoken": csrf_from(page)},
    )


def problem_of(response) -> str:
    return response.content.decode().split('role="alert"')[1].split("</")[0]


def test_password_and_code_unlock_and_land_in_the_inbox(csrf_client, handler):
    response = sign_in(csrf_client, "hana", code=totp_code(handler))
    assert response.status_code == 302 and response["Location"] == "/staff/"
    assert response.cookies[UNLOCK_COOKIE]["httponly"]
    assert csrf_client.get("/staff/").status_code == 200


@pytest.mark.parametrize("code", ["", "000000", "12345", "abcdef"])
def test_a_missing_or_wrong_code_is_refused_like_a_wrong_password(csrf_client, handler, code):
    if code == "000000" and pyotp.TOTP(handler.totp_secret_for_tests).now() == code:
        pytest.skip("the current code happens to be 000000")
    response = sign_in(csrf_client, "hana", code=code)
    wrong_password = sign_in(Client(enforce_csrf_checks=True), "hana", password="nope", code=totp_code(handler))
    assert response.status_code == wrong_password.status_code == 400
    assert "do not match" in response.content.decode()


def test_a_code_is_accepted_once_and_the_replay_is_audited(handler):
    code = totp_code(handler)
    assert sign_in(Client(enforce_csrf_checks=True), "hana", code=code).status_code == 302
    assert sign_in(Client(enforce_csrf_checks=True), "hana", code=code).status_code == 400
    assert AuditEntry.objects.filter(action="staff.sign_in_failed", subject_id=handler.pk).count() == 1


def test_a_first_sign_in_goes_to_enrolment_and_nowhere_else(org, csrf_client):
    make_staff("nadia", [org], totp=False)
    response = sign_in(csrf_client, "nadia")
    assert response.status_code == 302 and response["Location"] == "/staff/two-factor/"
    assert csrf_client.get("/staff/")["Location"] == "/staff/two-factor/"

    page = csrf_client.get("/staff/two-factor/")
    secret = page.content.decode().split('aria-label="Setup key">')[1].split("<")[0].strip()
    token = csrf_from(page)
    assert csrf_client.post("/staff/two-factor/", {"code": "000001", "csrfmiddlewaretoken": token}).status_code == 400
    confirmed = csrf_client.post("/staff/two-factor/", {"code": pyotp.TOTP(secret).now(), "csrfmiddlewaretoken": token})
    assert confirmed.status_code == 302 and csrf_client.get("/staff/").status_code == 200

    again = sign_in(Client(enforce_csrf_checks=True), "nadia")
    assert again.status_code == 400, "once enrolled, the code is required"


def test_repeated_failures_throttle_the_account_not_the_address(handler, teammate):
    for _ in range(5):
        assert sign_in(Client(enforce_csrf_checks=True), "hana", password="wrong").status_code == 400
    throttled = sign_in(Client(enforce_csrf_checks=True), "hana", password="wrong again")
    assert throttled.status_code == 429 and "Wait 15 minutes" in throttled.content.decode()
    assert sign_in(Client(enforce_csrf_checks=True), "tomas", code=totp_code(teammate)).status_code == 302
    stored = b"".join(bytes(row.key) for row in SignInThrottle.objects.all())
    assert b"hana" not in stored


def test_a_strangers_wrong_passwords_never_lock_the_owner_out(csrf_client, handler):
    for _ in range(3):  # strangers keep at it, and the owner keeps getting in
        for _ in range(8):
            sign_in(Client(enforce_csrf_checks=True), "hana", password="a guess")
        response = sign_in(csrf_client, "hana", code=totp_code(handler))
        assert response.status_code == 302 and response["Location"] == "/staff/"
        csrf_client.cookies.clear()


def test_once_throttled_the_right_password_with_a_wrong_code_answers_like_a_wrong_password(handler):
    for _ in range(5):
        sign_in(Client(enforce_csrf_checks=True), "hana", password="a guess")
    wrong_password = sign_in(Client(enforce_csrf_checks=True), "hana", password="another guess", code="123456")
    wrong_code = sign_in(Client(enforce_csrf_checks=True), "hana", code="123456")
    assert wrong_password.status_code == wrong_code.status_code == 429
    assert problem_of(wrong_password) == problem_of(wrong_code)


def test_wrong_codes_with_the_right_password_refuse_even_the_right_code(handler):
    """Only someone who has the password can get here; without this they could try every code."""
    wrong = "000000" if pyotp.TOTP(handler.totp_secret_for_tests).now() != "000000" else "111111"
    for _ in range(5):
        assert sign_in(Client(enforce_csrf_checks=True), "hana", code=wrong).status_code == 400
    assert sign_in(Client(enforce_csrf_checks=True), "hana", code=totp_code(handler)).status_code == 429


def test_the_api_requires_the_code_too(client, handler, org):
    def login(**data):
        return client.post("/api/staff/login", {"username": "hana", "password": PASSWORD, **data},
                           content_type="application/json")  # fmt: skip

    assert login().status_code == 401
    assert login(totp=totp_code(handler)).status_code == 200
    make_staff("nadia", [org], totp=False)
    enrolling = client.post(
        "/api/staff/login", {"username": "nadia", "password": PASSWORD}, content_type="application/json"
    )
    assert enrolling.status_code == 403 and "two-factor" in enrolling.json()["detail"]


def test_through_the_api_strangers_get_429_and_the_owner_a_token(client, handler):
    def login(**data):
        return client.post("/api/staff/login", {"username": "hana", **data}, content_type="application/json")

    for _ in range(6):
        login(password="a guess")
    throttled = login(password="a guess", totp="123456")
    assert throttled.status_code == 429 and throttled["Retry-After"] == "900"
    assert login(password=PASSWORD, totp=totp_code(handler)).status_code == 200


@pytest.mark.parametrize(
    ("role", "home"),
    [
        ("handler", "/staff/"),
        ("call_taker", "/staff/hotline/"),
        ("counselor", "/staff/escrow/"),
        ("contact", "/staff/letters/"),
    ],
)
def test_each_role_lands_where_its_work_begins(csrf_client, org, role, home):
    user = make_staff(f"user-{role}", [org], role=role)
    response = sign_in(csrf_client, user.username, code=totp_code(user))
    assert response.status_code == 302 and response["Location"] == home


def test_a_safe_next_address_wins_over_the_landing_page(org):
    user = make_staff("cara", [org], role="call_taker")
    client = Client(enforce_csrf_checks=True)
    page = client.get("/staff/login/?next=/staff/password/")
    response = client.post(
        "/staff/login/?next=/staff/password/",
        {"username": "cara", "password": PASSWORD, "code": totp_code(user), "csrfmiddlewaretoken": csrf_from(page)},
    )
    assert response["Location"] == "/staff/password/"
