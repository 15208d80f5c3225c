"""Staff authenticate to the API with a token from `staff_login`: `Authorization: Bearer <token>`."""

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja.security import HttpBearer

from confide.accounts.access import Unlocked
from confide.accounts.services.tokens import api_token_resolve
from confide.staff.middleware import staff_language_activate
from confide.web.api_auth import ApiRequest, Rejected

StaffRequest = ApiRequest[Unlocked]


def _rejected() -> Rejected:
    return Rejected(_("Sign in with staff_login and send `Authorization: Bearer <token>`."))


class StaffTokenAuth(HttpBearer):
    openapi_description = "A staff token from `staff_login`: `Authorization: Bearer <token>`."

    def authenticate(self, request: HttpRequest, token: str) -> Unlocked:
        unlocked = api_token_resolve(token=token)
        if unlocked is None:
            raise _rejected()
        # The token owner's language for the answer, refusals included (before this, the browser's).
        staff_language_activate(request, unlocked.user)
        return unlocked

    def __call__(self, request: HttpRequest) -> Unlocked:
        # A missing or non-Bearer header gets the same clear 401 as a wrong token.
        result = super().__call__(request)
        if result is None:
            raise _rejected()
        return result


staff_token = StaffTokenAuth()
