from functools import wraps

from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect

from confide.accounts.services import UNLOCK_COOKIE, session_key_get

MFA_SESSION_KEY = "confide_mfa"
MFA_OK = "ok"
MFA_ENROLL = "enroll"


def signed_in_with_key(request) -> bool:
    """Authenticated, and the key unlocks (the unlock cookie and the session blob still match)."""
    if not request.user.is_authenticated:
        return False
    secret_key = session_key_get(request=request)
    if secret_key is None:
        return False
    request.staff_secret_key = secret_key
    return True


def staff_required(view):
    """Signed in with password AND TOTP, key unlocked. A session whose unlock cookie is gone cannot read
    anything, so it ends; one still enrolling its authenticator goes back to enrolment."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
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

    return wrapper


def staff_secret_key(request) -> bytes:
    """The unlocked key that staff_required put on the request."""
    return request.staff_secret_key
