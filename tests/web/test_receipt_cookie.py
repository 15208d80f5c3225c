from django.http import HttpResponse
from django.test import RequestFactory

from confide.web.receipt_cookie import LETTER_COOKIE, REPORT_COOKIE, VAULT_COOKIE

RECEIPT = "abacus abdomen abdominal abide abiding ability ablaze able"


def _request_with(response: HttpResponse, name: str, *, as_name: str | None = None):
    request = RequestFactory().get("/")
    request.COOKIES[as_name or name] = response.cookies[name].value
    return request


def test_each_feature_reads_back_its_own_receipt_on_its_own_path():
    for cookie in (REPORT_COOKIE, VAULT_COOKIE, LETTER_COOKIE):
        response = HttpResponse()
        cookie.set(response, slug="acme", receipt=RECEIPT)
        morsel = response.cookies[cookie.name]
        assert morsel["path"] == f"/r/acme/{cookie.subpath}"
        assert morsel["httponly"] and morsel["samesite"] == "Strict"
        assert RECEIPT.split()[0] not in morsel.value
        assert cookie.read(_request_with(response, cookie.name), slug="acme") == RECEIPT


def test_a_cookie_opens_neither_for_another_organization_nor_as_another_feature():
    response = HttpResponse()
    VAULT_COOKIE.set(response, slug="acme", receipt=RECEIPT)
    assert VAULT_COOKIE.read(_request_with(response, VAULT_COOKIE.name), slug="rival") is None
    as_report = _request_with(response, VAULT_COOKIE.name, as_name=REPORT_COOKIE.name)
    assert REPORT_COOKIE.read(as_report, slug="acme") is None


def test_garbage_and_oversized_cookies_read_as_absent():
    request = RequestFactory().get("/")
    for value in ["", "not base64!", "A" * 3000]:
        request.COOKIES[REPORT_COOKIE.name] = value
        assert REPORT_COOKIE.read(request, slug="acme") is None


def test_a_visit_renews_a_valid_cookie_and_leaves_no_cookie_alone():
    first = HttpResponse()
    LETTER_COOKIE.set(first, slug="acme", receipt=RECEIPT)
    renewed = HttpResponse()
    LETTER_COOKIE.refresh(_request_with(first, LETTER_COOKIE.name), renewed, slug="acme")
    assert LETTER_COOKIE.read(_request_with(renewed, LETTER_COOKIE.name), slug="acme") == RECEIPT
    untouched = HttpResponse()
    LETTER_COOKIE.refresh(RequestFactory().get("/"), untouched, slug="acme")
    assert LETTER_COOKIE.name not in untouched.cookies
