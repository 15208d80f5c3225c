"""The hotline's refusals are the core.errors family, answered by the one map (web.errors): the API with its
status, sentence, field and Retry-After; the console in the language of the call."""

import pytest

from confide.core.errors import Conflict, NotFound, Refused, Unavailable
from confide.hotline.content import (
    AlreadyFiled,
    CallbackThrottled,
    ConsentMissing,
    LineClosed,
    LineNotFound,
    NoSuchReceipt,
    NotACallTaker,
)
from tests.helpers.reports import submit_report
from tests.helpers.staff import csrf_from

STATUSES = [
    (LineNotFound, NotFound, 404),
    (LineClosed, NotFound, 404),
    (NotACallTaker, Refused, 403),
    (ConsentMissing, Refused, 400),
    (AlreadyFiled, Conflict, 409),
    (NoSuchReceipt, Refused, 400),
    (CallbackThrottled, Unavailable, 429),
]


@pytest.mark.parametrize(("error", "family", "status"), STATUSES)
def test_every_hotline_error_is_in_the_family_with_its_status_and_a_sentence(error, family, status):
    refusal = error()
    assert isinstance(refusal, family) and refusal.status == status and refusal.message


def _post(api, url: str, data: dict, auth: dict):
    return api.post(url, data, content_type="application/json", **auth)


def test_the_api_names_the_field_at_fault(api, token_for, org, handler, call_taker):
    auth = token_for(call_taker)
    no_match = _post(api, "/api/hotline/orgs/acme/callback", {"receipt": "x"}, auth)
    assert no_match.status_code == 400 and no_match.json()["field"] == "receipt"
    report = {"what_happened": "Something.", "category": "other", "language": "en", "consent_read_back": False}
    no_consent = _post(api, "/api/hotline/orgs/acme/reports", report, auth)
    assert no_consent.status_code == 400 and no_consent.json()["field"] == "consent_read_back"


def test_a_throttled_api_callback_says_when_to_try_again(api, token_for, org, handler, call_taker, settings):
    settings.CONFIDE_HOTLINE_CALLBACK_FAILURES = 1
    submitted = submit_report(org)
    auth = token_for(call_taker)
    assert _post(api, "/api/hotline/orgs/acme/callback", {"receipt": "x"}, auth).status_code == 400
    limited = _post(api, "/api/hotline/orgs/acme/callback", {"receipt": submitted.receipt}, auth)
    assert limited.status_code == 429
    assert limited["Retry-After"] == str(settings.CONFIDE_HOTLINE_CALLBACK_WINDOW_MINUTES * 60)
    assert "Wait 15 minutes" in limited.json()["detail"]


def test_a_line_that_is_not_yours_gets_the_one_not_found_answer(api, token_for, org, other_org, handler, call_taker):
    auth = token_for(call_taker)
    rival = _post(api, "/api/hotline/orgs/rival/callback", {"receipt": "x"}, auth)
    missing = _post(api, "/api/hotline/orgs/nowhere/callback", {"receipt": "x"}, auth)
    assert rival.status_code == missing.status_code == 404
    assert rival.json() == missing.json()


def test_the_console_refuses_in_the_language_of_the_call(org, call_taker, login):
    client = login(call_taker)
    page = client.get("/staff/hotline/acme/?lang=es")
    response = client.post(
        "/staff/hotline/acme/call/", {"csrfmiddlewaretoken": csrf_from(page), "lang": "es", "step": "nonsense"}
    )
    assert response.status_code == 400
    assert "Este paso de la llamada no existe. Empiece la llamada de nuevo." in response.content.decode()
