"""API authentication plumbing shared by both doors. Reporters send a receipt in `Authorization` (each
feature its own scheme: `Receipt`, `Vault`), staff a token; cookie sessions are deliberately not accepted by the
API, so there is no CSRF surface. The doors build their own authenticators on these (reporter/api/auth.py,
staff/api/auth.py)."""

from collections.abc import Callable
from typing import Generic, TypeVar

from django.http import HttpRequest
from django.utils.functional import Promise
from ninja.errors import AuthenticationError
from ninja.security import APIKeyHeader

Auth = TypeVar("Auth")


class ApiRequest(HttpRequest, Generic[Auth]):
    """What an API view receives: `auth` is the handle its authenticator opened (ApiRequest[ReporterAccess],
    ApiRequest[Unlocked], …), so the type follows the handle into every endpoint."""

    auth: Auth


class Rejected(AuthenticationError):
    """Missing, malformed or wrong credentials: one 401 answer for all three (no oracle)."""

    def __init__(self, message: str) -> None:
        super().__init__(401, message)
        self.message = message


class ReceiptHeaderAuth(APIKeyHeader, Generic[Auth]):
    """`Authorization: <scheme> <receipt words>`, opened by `opener` (a selector that answers None for a
    malformed, wrong or foreign receipt alike, at the same cost). A missing header gets `missing` when given,
    else the same words as a wrong receipt."""

    param_name = "Authorization"

    def __init__(
        self,
        *,
        scheme: str,
        opener: Callable[..., Auth | None],
        rejected: str | Promise,
        missing: str | Promise | None = None,
    ) -> None:
        self.scheme = scheme
        self.opener = opener
        self.rejected = rejected
        self.missing = missing or rejected
        self.openapi_description = f"`Authorization: {scheme} <the eight receipt words>`."
        super().__init__()

    def authenticate(self, request: HttpRequest, key: str | None) -> Auth:
        scheme, _sep, receipt = (key or "").partition(" ")
        access = self.opener(receipt=receipt if scheme.lower() == self.scheme.lower() else "")
        if access is None:
            raise Rejected(str(self.rejected))
        return access

    def __call__(self, request: HttpRequest) -> Auth:
        result = super().__call__(request)
        if result is None:
            raise Rejected(str(self.missing))
        return result
