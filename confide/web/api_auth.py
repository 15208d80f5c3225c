"""API authentication. Reporters: `Authorization: Receipt <words>`. Staff: `Authorization: Bearer <token>`.
Cookie sessions are deliberately not accepted by the API, so there is no CSRF surface."""

from typing import Any

from django.http import HttpRequest
from ninja.errors import AuthenticationError
from ninja.security import APIKeyHeader, HttpBearer

from confide.accounts.services import Unlocked, api_token_resolve
from confide.reports.access import ReporterAccess
from confide.reports.selectors import reporter_access_get


class ApiRequest(HttpRequest):
    """What an API view receives: `auth` is a ReporterAccess or an Unlocked staff member."""

    auth: Any


class ReceiptRejected(AuthenticationError):
    """Missing, malformed or wrong receipt: one answer for all three (no oracle)."""


class TokenRejected(AuthenticationError):
    pass


class ReceiptAuth(APIKeyHeader):
    param_name = "Authorization"
    openapi_description = "The reporter's receipt: `Authorization: Receipt <eight words>`."

    def authenticate(self, request, key: str | None) -> ReporterAccess:
        scheme, _, receipt = (key or "").partition(" ")
        access = reporter_access_get(receipt=receipt if scheme.lower() == "receipt" else "")
        if access is None:
            raise ReceiptRejected()
        return access


class StaffTokenAuth(HttpBearer):
    openapi_description = "A staff token from `staff_login`: `Authorization: Bearer <token>`."

    def authenticate(self, request, token: str) -> Unlocked:
        unlocked = api_token_resolve(token=token)
        if unlocked is None:
            raise TokenRejected()
        return unlocked

    def __call__(self, request):
        # A missing or non-Bearer header gets the same clear 401 as a wrong token.
        result = super().__call__(request)
        if result is None:
            raise TokenRejected()
        return result
