import pytest
from django.test import Client

from tests.conftest import PASSWORD, totp_code


@pytest.fixture
def api() -> Client:
    return Client()


@pytest.fixture
def token_for(api):
    def _token(user) -> dict:
        response = api.post(
            "/api/staff/login",
            {"username": user.username, "password": PASSWORD, "totp": totp_code(user)},
            content_type="application/json",
        )
        assert response.status_code == 200, response.content
        return {"HTTP_AUTHORIZATION": f"Bearer {response.json()['token']}"}

    return _token


def receipt_header(receipt: str) -> dict:
    return {"HTTP_AUTHORIZATION": f"Receipt {receipt}"}
