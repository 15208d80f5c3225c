"""Staff pages speak the signed-in staff member's own language (User.language), whatever the browser asks.

LocaleMiddleware has already chosen a language from the language cookie or Accept-Language; reporter pages keep
that choice untouched. Under the staff and operator prefixes a signed-in account's own choice replaces it, so a
handler reading Spanish on a shared or borrowed browser still gets Spanish, and an English account on a browser
set to Spanish still gets English. Before sign-in (the sign-in page, joining by invitation) the browser's
language stands: there is no account yet to ask."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponseBase
from django.utils import translation

from confide.accounts.models import User
from confide.web.database import DATABASE_DOWN

STAFF_PREFIXES = ("/staff/", "/operator/")


def staff_language_activate(request: HttpRequest, user: User) -> None:
    """The account's language for the rest of this request: its pages, its refusals and their headers."""
    translation.activate(user.language or User.Language.ENGLISH)
    request.LANGUAGE_CODE = translation.get_language()  # type: ignore[attr-defined]


class StaffLanguageMiddleware:
    """Below AuthenticationMiddleware (it reads request.user), above the views."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if request.path_info.startswith(STAFF_PREFIXES):
            try:
                user = request.user  # reads the session and the account
                signed_in = user if isinstance(user, User) and user.is_authenticated else None
            except DATABASE_DOWN:  # the view meets it again and answers the calm 503 (web.database)
                signed_in = None
            if signed_in is not None:
                staff_language_activate(request, signed_in)
        return self.get_response(request)
