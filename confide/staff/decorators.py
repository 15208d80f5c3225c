"""What every staff page shares: signed in with password and TOTP, the key unlocked, and the staff member."""

from collections.abc import Callable
from functools import wraps
from typing import TypeVar, cast

from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponseBase
from django.shortcuts import redirect

from confide.accounts.models import User
from confide.accounts.services.sessions import UNLOCK_COOKIE, session_key_get

View = TypeVar("View", bound=Callable[..., HttpResponseBase])

MFA_SESSION_KEY = "confide_mfa"
MFA_OK = "ok"
MFA_ENROLL = "enroll"


def signed_in_with_key(request: HttpRequest) -> bool:
    """Authenticated, and the key unlocks (the unlock cookie and the session blob still match)."""
    if not request.user.is_authenticated:
        return False
    secret_key = session_key_get(request=request)
    if secret_key is None:
        return False
    request.staff_secret_key = secret_key  # type: ignore[attr-defined]
    return True


def staff_required(view: View) -> View:
    """Signed in with password AND TOTP, key unlocked. A session whose unlock cookie is gone cannot read
    anything, so it ends; one still enrolling its authenticator goes back to enrolment."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponseBase:
        if not signed_in_with_key(request):
            if request.user.is_authenticated:
                logout(request)
            response = redirect_to_login(request.get_full_path())
            response.delete_cookie(UNLOCK_COOKIE)
            return response
        if request.session.get(MFA_SESSION_KEY) == MFA_ENROLL:
            return redirect("staff_enroll_totp")
        if request.session.get(MFA_SESSION_KEY) != MFA_OK:
            logout(request)
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    return cast(View, wrapper)


def staff_secret_key(request: HttpRequest) -> bytes:
    """The unlocked key that staff_required put on the request."""
    return request.staff_secret_key  # type: ignore[attr-defined]


def staff_user(request: HttpRequest) -> User:
    """The staff member that staff_required let in, typed (request.user is typed for any user)."""
    user = request.user
    if not isinstance(user, User):
        raise PermissionDenied
    return user
