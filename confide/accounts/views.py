from django.contrib.auth import login, logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from confide.accounts.forms import SignInForm
from confide.accounts.services import UNLOCK_COOKIE, LoginFailed, session_key_store, staff_unlock


@require_http_methods(["GET", "POST"])
def sign_in(request: HttpRequest) -> HttpResponse:
    form = SignInForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            try:
                unlocked = staff_unlock(
                    username=form.cleaned_data["username"],
                    password=form.cleaned_data["password"],
                    request=request,
                )
            except LoginFailed:
                pass
            else:
                login(request, unlocked.user)
                target = request.GET.get("next", "")
                if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
                    target = "/staff/"
                response = redirect(target)
                session_key_store(request=request, response=response, secret_key=unlocked.secret_key)
                return response
        return render(
            request,
            "staff/sign_in.html",
            {"form": form, "problem": _("That username and password do not match an account.")},
            status=400,
        )
    return render(request, "staff/sign_in.html", {"form": form})


@require_POST
def sign_out(request: HttpRequest) -> HttpResponse:
    logout(request)
    response = redirect("staff_login")
    response.delete_cookie(UNLOCK_COOKIE)
    return response
