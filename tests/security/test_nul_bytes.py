"""PostgreSQL refuses a NUL character in any text parameter (psycopg raises DataError before the query runs),
so a NUL that reaches a lookup is a 500 there, while SQLite, which the suite runs on, accepts it. The fixture
makes every database refuse NUL the same way; requests carrying one must get a clear 4xx, never reach a query."""

import pytest
from django.db import DataError, connection
from django.test import Client

from tests.conftest import api_token

api = Client()


def _refuse_nul_like_postgresql(execute, sql, params, many, context):
    rows = params if many else [params]
    for row in rows or ():
        for value in (row.values() if isinstance(row, dict) else row) or ():
            if isinstance(value, str) and "\x00" in value:
                raise DataError("PostgreSQL text fields cannot contain NUL (0x00) bytes")
    return execute(sql, params, many, context)


@pytest.fixture
def nul_refusing_db(db):
    with connection.execute_wrapper(_refuse_nul_like_postgresql):
        yield


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
