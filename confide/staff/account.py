"""Staff sign-in, second factor, password change and joining by invitation."""

from django.contrib.auth import login, logout, update_session_auth_hash
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from confide.accounts.content import InvitationInvalid, LoginFailed, SignInThrottled, UsernameTaken
from confide.accounts.models import User
from confide.accounts.services.invitations import invitation_accept, invitation_get
from confide.accounts.services.language import staff_language_set
from confide.accounts.services.passkey_sign_in import passkey_sign_in_options
from confide.accounts.services.passwords import staff_password_change
from confide.accounts.services.sessions import UNLOCK_COOKIE, session_key_store
from confide.accounts.services.sign_in import staff_sign_in
from confide.accounts.services.totp import totp_enroll, totp_secret_new, totp_uri
from confide.crypto import WrongPasswordError
from confide.staff.decorators import (
    MFA_ENROLL,
    MFA_OK,
    MFA_SESSION_KEY,
    signed_in_with_key,
    staff_required,
    staff_user,
)
from confide.staff.forms.account import JoinForm, LanguageForm, PasswordChangeForm, SignInForm, TotpForm
from confide.staff.landing import staff_home_url
from confide.staff.middleware import staff_language_activate
from confide.staff.passkeys import relying_party, script_allowed
from confide.staff.qr import qr_svg

PENDING_TOTP = "confide_totp_pending"


@require_http_methods(["GET", "POST"])
def sign_in(request: HttpRequest) -> HttpResponse:
    form = SignInForm(request.POST or None)
    if request.method == "GET":
        return _sign_in_page(request, {"form": form})
    problem, status = _("That username, password and code do not match an account."), 400
    if form.is_valid():
        data = form.cleaned_data
        try:
            signed = staff_sign_in(
                username=data["username"],
                password=data["password"],
                code=data["code"],
                passkey=data["passkey"],
                rp=relying_party(request),
                request=request,
            )
        except SignInThrottled as error:  # the form again, with the username typed
            problem, status = error.message, error.status
        except LoginFailed as error:
            problem = error.message
        else:
            login(request, signed.unlocked.user)
            request.session[MFA_SESSION_KEY] = MFA_ENROLL if signed.needs_totp_enrollment else MFA_OK
            target = request.GET.get("next", "")
            if signed.needs_totp_enrollment:
                target = "/staff/two-factor/"
            elif not target or not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
                target = staff_home_url(user=signed.unlocked.user)
            response = redirect(target)
            session_key_store(request=request, response=response, secret_key=signed.unlocked.secret_key)
            return response
    return _sign_in_page(request, {"form": form, "problem": problem}, status=status)


def _sign_in_page(request: HttpRequest, context: dict, status: int = 200) -> HttpResponse:
    """The sign-in form, with a passkey ceremony's options for the browsers that run its script."""
    context["passkey_options"] = passkey_sign_in_options(rp=relying_party(request))
    return script_allowed(render(request, "staff/sign_in.html", context, status=status))


@require_http_methods(["GET", "POST"])
def enroll_totp(request: HttpRequest) -> HttpResponse:
    """First sign-in: set up the authenticator. Nothing else is reachable until this is done."""
    user = request.user
    if not isinstance(user, User) or not signed_in_with_key(request):
        return redirect("staff_login")
    if request.session.get(MFA_SESSION_KEY) != MFA_ENROLL:
        return redirect("staff_login")
    secret = request.session.get(PENDING_TOTP) or totp_secret_new()
    request.session[PENDING_TOTP] = secret
    form = TotpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if totp_enroll(user=user, secret=secret, code=form.cleaned_data["code"]):
            del request.session[PENDING_TOTP]
            request.session[MFA_SESSION_KEY] = MFA_OK
            return redirect(staff_home_url(user=user))
        form.add_error("code", _("That code does not match. Check the time on your phone and try again."))
    uri = totp_uri(user=user, secret=secret)  # holds the secret: the page is no-store (web.middleware), never logged
    qr = qr_svg(uri, title=_("QR code to add this account to an authenticator app"))
    context = {"form": form, "secret": secret, "uri": uri, "qr": qr}
    return render(request, "staff/enroll_totp.html", context, status=400 if form.errors else 200)


@require_http_methods(["GET", "POST"])
@staff_required
def change_password(request: HttpRequest) -> HttpResponse:
    form = PasswordChangeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = request.user
        if not isinstance(user, User):
            return redirect("staff_login")
        try:
            staff_password_change(
                user=user,
                old_password=form.cleaned_data["old_password"],
                new_password=form.cleaned_data["new_password"],
            )
        except WrongPasswordError:
            form.add_error("old_password", _("That is not your current password."))
        except ValidationError as error:
            form.add_error("new_password", error)
        else:
            update_session_auth_hash(request, user)
            return render(request, "staff/password_changed.html")
    return render(request, "staff/change_password.html", {"form": form}, status=400 if form.errors else 200)


@require_http_methods(["GET", "POST"])
@staff_required
def account(request: HttpRequest) -> HttpResponse:
    """The account's own settings: the language of its staff pages and mail, and the way to the password."""
    user = staff_user(request)
    form = LanguageForm(request.POST or None, initial={"language": user.language})
    saved = False
    if request.method == "POST" and form.is_valid():
        staff_language_set(user=user, language=form.cleaned_data["language"])
        staff_language_activate(request, user)  # this very answer already in the new language
        saved = True
    status = 400 if form.errors else 200
    return render(request, "staff/account.html", {"form": form, "saved": saved}, status=status)


@require_http_methods(["GET", "POST"])
def join(request: HttpRequest, token: str) -> HttpResponse:
    invitation_get(token=token)  # InvitationInvalid: a 404 page that says why (web.errors)
    form = JoinForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            invitation_accept(
                token=token, username=form.cleaned_data["username"], password=form.cleaned_data["password"]
            )
        except (InvitationInvalid, UsernameTaken) as error:  # the form again, with what was typed
            form.add_error("username", error.message)
        except ValidationError as error:
            form.add_error("password", error)
        else:
            return render(request, "staff/joined.html")
    return render(request, "staff/join.html", {"form": form}, status=400 if form.errors else 200)


@require_POST
def sign_out(request: HttpRequest) -> HttpResponse:
    logout(request)
    response = redirect("staff_login")
    response.delete_cookie(UNLOCK_COOKIE)
    return response
