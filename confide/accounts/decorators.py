from functools import wraps

from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login

from confide.accounts.services import UNLOCK_COOKIE, session_key_get


def staff_required(view):
    """Signed in AND key unlocked: a session whose unlock cookie is gone cannot read anything, so it ends."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        user = request.user
        secret_key = session_key_get(request=request) if user.is_authenticated else None
        if secret_key is None:
            if user.is_authenticated:
                logout(request)
            response = redirect_to_login(request.get_full_path())
            response.delete_cookie(UNLOCK_COOKIE)
            return response
        request.staff_secret_key = secret_key
        return view(request, *args, **kwargs)

    return wrapper


def staff_secret_key(request) -> bytes:
    """The unlocked key that staff_required put on the request."""
    return request.staff_secret_key
