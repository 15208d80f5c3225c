"""CSRF under `Referrer-Policy: no-referrer`: our own posts arrive with `Origin: null` and no Referer."""

import pytest
from django.test import Client

from tests.helpers.staff import csrf_from

pytestmark = pytest.mark.django_db


def post_receipt(client: Client, token: str | None, **headers):
    data = {"receipt": "x"}
    if token:
        data["csrfmiddlewaretoken"] = token
    return client.post("/r/acme/return/", data, **headers)


@pytest.mark.parametrize("secure", [False, True])
def test_our_own_form_with_a_null_origin_and_no_referer_is_accepted(org, secure):
    client = Client(enforce_csrf_checks=True)
    token = csrf_from(client.get("/r/acme/return/", secure=secure))
    assert post_receipt(client, token, HTTP_ORIGIN="null", secure=secure).status_code == 400  # reached the view


def test_a_null_origin_without_the_token_is_refused(org):
    client = Client(enforce_csrf_checks=True)
    client.get("/r/acme/return/")
    assert post_receipt(client, None, HTTP_ORIGIN="null").status_code == 403


def test_a_foreign_origin_is_refused_even_with_a_token(org):
    client = Client(enforce_csrf_checks=True)
    token = csrf_from(client.get("/r/acme/return/"))
    assert post_receipt(client, token, HTTP_ORIGIN="https://evil.example").status_code == 403


def test_a_foreign_referer_is_still_checked_over_https(org):
    client = Client(enforce_csrf_checks=True)
    token = csrf_from(client.get("/r/acme/return/", secure=True))
    response = post_receipt(client, token, HTTP_REFERER="https://evil.example/page", secure=True)
    assert response.status_code == 403


def test_the_csrf_cookie_lasts_only_as_long_as_the_browser_session(org):
    client = Client(enforce_csrf_checks=True)
    cookie = client.get("/r/acme/return/").cookies["csrftoken"]
    assert cookie.value
    assert not cookie["max-age"] and not cookie["expires"]


@pytest.mark.parametrize("leave", ["/r/acme/report/leave/", "/r/acme/vault/leave/", "/r/acme/letters/mine/leave/"])
def test_leaving_and_forgetting_this_browser_clears_the_csrf_cookie(org, leave):
    client = Client(enforce_csrf_checks=True)
    token = csrf_from(client.get("/r/acme/return/"))
    left = client.post(leave, {"csrfmiddlewaretoken": token}, HTTP_ORIGIN="null")
    assert left.status_code == 200
    cookie = left.cookies["csrftoken"]
    assert cookie.value == "" and cookie["max-age"] == 0
