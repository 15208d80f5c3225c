"""Counselor pages. Anyone else, signed in or not as staff, gets 404 on every one of them: counselor_access_get
raises MatchNotFound, which the error middleware answers like any address with nothing at it."""

import uuid
from collections.abc import Callable
from typing import TypeVar, cast

from django import forms
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from confide.accounts.models import User
from confide.core.errors import Refused
from confide.escrow.access import CounselorAccess
from confide.escrow.selectors.common import thread_messages_read
from confide.escrow.selectors.staff import counselor_access_get, match_entry_get, matches_list
from confide.escrow.services.counsel import match_message_create, match_open
from confide.escrow.services.team import counselor_add as counselor_add_service
from confide.staff.decorators import staff_required, staff_secret_key
from confide.staff.forms.counsel import AddCounselorForm, CounselorMessageForm

Result = TypeVar("Result")
View = Callable[..., HttpResponse]


def counselor_required(view: View) -> View:
    @staff_required
    def wrapper(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        user = cast(User, request.user)  # staff_required let only a signed-in staff member through
        access = counselor_access_get(user=user, secret_key=staff_secret_key(request))
        return view(request, access, *args, **kwargs)

    wrapper.__name__ = view.__name__
    return wrapper


def _counsel_action(
    form: forms.Form,
    action: Callable[[], Result],
    *,
    field: str,
    page: Callable[[int], HttpResponse],
    done: Callable[[Result], HttpResponse],
) -> HttpResponse:
    """Run one service for a valid form; a refusal re-renders the page with its message on `field`, with what
    was typed, and changes nothing."""
    if form.is_valid():
        try:
            result = action()
        except Refused as error:
            form.add_error(field, error.message)
        else:
            return done(result)
    return page(400)


@require_GET
@counselor_required
def matches(request: HttpRequest, access: CounselorAccess) -> HttpResponse:
    context = {"matches": matches_list(access=access), "threshold": settings.CONFIDE_ESCROW_THRESHOLD}
    return render(request, "staff/escrow/matches.html", context)


@require_GET
@counselor_required
def match(request: HttpRequest, access: CounselorAccess, match_id: uuid.UUID) -> HttpResponse:
    return render(request, "staff/escrow/match.html", {"opened": match_open(access=access, match_id=match_id)})


def _message_body(form: CounselorMessageForm) -> str:
    labels = dict(CounselorMessageForm.OPTIONS)
    offered = [str(labels[o]) for o in form.cleaned_data["options"]]
    return form.cleaned_data["body"] + ("\n\n" + "\n".join(f"• {o}" for o in offered) if offered else "")


@require_http_methods(["GET", "POST"])
@counselor_required
def thread(request: HttpRequest, access: CounselorAccess, match_id: uuid.UUID, entry_id: uuid.UUID) -> HttpResponse:
    opened = match_open(access=access, match_id=match_id)
    entry = match_entry_get(opened=opened, entry_id=entry_id)
    form = CounselorMessageForm(request.POST or None)

    def page(status: int = 200) -> HttpResponse:
        messages = thread_messages_read(vault_id=entry.vault_id, thread_key=entry.thread_key)
        context = {"opened": opened, "entry": entry, "messages": messages, "form": form}
        return render(request, "staff/escrow/thread.html", context, status=status)

    def done(_message: object) -> HttpResponse:
        response = redirect(reverse("escrow:thread", kwargs={"match_id": match_id, "entry_id": entry_id}) + "#latest")
        response.status_code = 303
        return response

    if request.method != "POST":
        return page()
    return _counsel_action(
        form,
        lambda: match_message_create(access=access, opened=opened, entry=entry, body=_message_body(form)),
        field="body",
        page=page,
        done=done,
    )


@require_http_methods(["GET", "POST"])
@counselor_required
def counselor_add(request: HttpRequest, access: CounselorAccess) -> HttpResponse:
    form = AddCounselorForm(request.POST or None)

    def page(status: int = 200) -> HttpResponse:
        return render(request, "staff/escrow/counselor_add.html", {"form": form}, status=status)

    def done(user: User) -> HttpResponse:
        return render(request, "staff/escrow/counselor_add.html", {"form": AddCounselorForm(), "added": user})

    if request.method != "POST":
        return page()
    return _counsel_action(
        form,
        lambda: counselor_add_service(access=access, username=form.cleaned_data["username"]),
        field="username",
        page=page,
        done=done,
    )
