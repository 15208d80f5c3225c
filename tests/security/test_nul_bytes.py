"""PostgreSQL refuses a NUL character in any text parameter (psycopg raises DataError before the query runs),
so a NUL that reaches a lookup is a 500 there, while SQLite, which the suite runs on, accepts it. The fixture
makes every database refuse NUL the same way; requests carrying one must get a clear 4xx, never reach a query."""

import pytest
from django.test import Client

from tests.helpers.staff import api_token

api = Client()


@pytest.mark.parametrize(
    "path",
    [
        "/api/orgs/ac%00me/letters/contacts",
        "/api/orgs/%00/reports",
        "/api/orgs/%00/vaults",
        "/api/orgs/%00/letters",
        "/api/hotline/orgs/%00/reports",
        "/staff/join/%00/",
    ],
)
def test_a_nul_in_a_path_gets_a_4xx(nul_refusing_db, org, path):
    for method in (api.get, api.post):
        response = method(path, {}, content_type="application/json")
        assert 400 <= response.status_code < 500, (path, response.status_code)


def test_a_nul_in_a_query_string_gets_a_4xx(nul_refusing_db, org, handler, login):
    client = login(handler)
    assert 400 <= client.get("/staff/?status=%00").status_code < 500
    assert 400 <= client.get("/r/acme/?lang=%00").status_code < 500


def test_a_nul_in_an_api_login_gets_a_401_or_400(nul_refusing_db, handler):
    response = api.post(
        "/api/staff/login",
        {"username": "hand\x00ler", "password": "x", "totp": "123456"},
        content_type="application/json",
    )
    assert response.status_code in (400, 401, 422) and response.json()["detail"]


def test_a_nul_in_a_grant_username_gets_a_4xx(nul_refusing_db, submitted, handler):
    response = api.post(
        f"/api/cases/{submitted.report.pk}/access",
        {"username": "team\x00mate"},
        content_type="application/json",
        **api_token(handler),
    )
    assert 400 <= response.status_code < 500 and response.json()["detail"]


@pytest.mark.parametrize("path", ["lead/", "access/", "exclusions/", "labels/", "notes/", "status/"])
def test_a_nul_in_a_case_form_gets_a_400_and_changes_nothing(nul_refusing_db, login, handler, submitted, path):
    client = login(handler)
    url = f"/staff/cases/{submitted.report.pk}/"
    token = client.get(url).content.decode().split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    fields = {"username": "to\x00mas", "labels": "a\x00b", "note": "x\x00y", "status": "acknowledged\x00"}
    response = client.post(url + path, {**fields, "csrfmiddlewaretoken": token})
    assert response.status_code == 400
    assert "cannot be stored" in response.content.decode()
