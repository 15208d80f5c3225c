"""A staff member's passkeys: the list, adding one (the browser ceremony), naming and removing them.

These pages and the sign-in page are the only ones that run a script: Confide's own static/staff/passkeys.js,
which WebAuthn needs (there is no form-only way to reach an authenticator). `script_allowed` opens the CSP to
scripts from this origin for those responses only; every other page keeps `script-src 'none'`."""

import uuid

from csp.constants import SELF
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.http.request import split_domain_port
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from confide.accounts.selectors import passkeys_of
from confide.accounts.services.passkey_challenges import RelyingParty
from confide.accounts.services.passkeys import (
    passkey_register,
    passkey_registration_options,
    passkey_remove,
    passkey_rename,
)
from confide.core.errors import Refused
from confide.staff.decorators import staff_required, staff_user
from confide.staff.forms.passkeys import PasskeyAddForm, PasskeyRenameForm


def relying_party(request: HttpRequest) -> RelyingParty:
    """From the settings, else the host this page was asked for (ALLOWED_HOSTS has vetted it)."""
    host = request.get_host()
    domain, _port = split_domain_port(host)
    return RelyingParty(
        id=settings.CONFIDE_WEBAUTHN_RP_ID or domain,
        origin=settings.CONFIDE_WEBAUTHN_ORIGIN or f"{request.scheme}://{host}",
    )


def script_allowed(response: HttpResponse) -> HttpResponse:
    """This response may run scripts from Confide's origin (the one it loads is static/staff/passkeys.js)."""
    response._csp_replace = {"script-src": [SELF]}  # type: ignore[attr-defined]  # read by django-csp
    return response


def _page(request: HttpRequest, *, form: PasskeyAddForm, problem: str = "", status: int = 200) -> HttpResponse:
    user = staff_user(request)
    context = {
        "form": form,
        "problem": problem,
        "passkeys": passkeys_of(user=user),
        "options": passkey_registration_options(user=user, rp=relying_party(request)),
    }
    return script_allowed(render(request, "staff/passkeys.html", context, status=status))


@require_http_methods(["GET", "POST"])
@staff_required
def passkeys(request: HttpRequest) -> HttpResponse:
    form = PasskeyAddForm(request.POST or None)
    if request.method == "GET":
        return _page(request, form=form)
    if not form.is_valid():
        return _page(request, form=form, status=400)
    try:
        passkey_register(
            user=staff_user(request),
            rp=relying_party(request),
            response=form.cleaned_data["passkey"],
            name=form.cleaned_data["name"],
        )
    except Refused as error:
        return _page(request, form=form, problem=error.message, status=error.status)
    return redirect("staff_passkeys")


@require_POST
@staff_required
def rename(request: HttpRequest, passkey_id: uuid.UUID) -> HttpResponse:
    form = PasskeyRenameForm(request.POST)
    name = form.cleaned_data["name"] if form.is_valid() else ""
    passkey_rename(user=staff_user(request), passkey_id=passkey_id, name=name)  # Refused: its page (web.errors)
    return redirect("staff_passkeys")


@require_POST
@staff_required
def remove(request: HttpRequest, passkey_id: uuid.UUID) -> HttpResponse:
    passkey_remove(user=staff_user(request), passkey_id=passkey_id)
    return redirect("staff_passkeys")
