"""Counselor pages. Anyone else, signed in or not as staff, gets 404 on every one of them."""

import uuid
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import get_user_model
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from confide.audit.services import Action, audit_record
from confide.escrow.counsel import (
    CounselorAccess,
    MatchNotFound,
    counselor_access_get,
    match_entry_get,
    match_open,
    matches_list,
)
from confide.escrow.models import ThreadMessage
from confide.escrow.services import EscrowRefused
from confide.escrow.team import TeamRefused, counselor_enrol
from confide.escrow.threads import thread_message_create, thread_messages_read
from confide.staff.decorators import staff_required, staff_secret_key
from confide.staff.forms.counsel import AddCounselorForm, CounselorMessageForm

View = Callable[..., HttpResponse]


def counselor_required(view: View) -> View:
    @staff_required
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        access = counselor_access_get(user=request.user, secret_key=staff_secret_key(request))
        if access is None:
            raise Http404
        return view(request, access, *args, **kwargs)

    wrapper.__name__ = view.__name__
    return wrapper


@require_GET
@counselor_required
def matches(request: HttpRequest, access: CounselorAccess) -> HttpResponse:
    context = {"matches": matches_list(access=access), "threshold": settings.CONFIDE_ESCROW_THRESHOLD}
    return render(request, "staff/escrow/matches.html", context)


def _opened(access: CounselorAccess, match_id: uuid.UUID):
    try:
        return match_open(access=access, match_id=match_id)
    except MatchNotFound:
        raise Http404 from None


@require_GET
@counselor_required
def match(request: HttpRequest, access: CounselorAccess, match_id: uuid.UUID) -> HttpResponse:
    return render(request, "staff/escrow/match.html", {"opened": _opened(access, match_id)})


@require_http_methods(["GET", "POST"])
@counselor_required
def thread(request: HttpRequest, access: CounselorAccess, match_id: uuid.UUID, entry_id: uuid.UUID) -> HttpResponse:
    opened = _opened(access, match_id)
    try:
        entry = match_entry_get(opened=opened, entry_id=entry_id)
    except MatchNotFound:
        raise Http404 from None
    form = CounselorMessageForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            labels = dict(CounselorMessageForm.OPTIONS)
            offered = [str(labels[o]) for o in form.cleaned_data["options"]]
            body = form.cleaned_data["body"] + ("\n\n" + "\n".join(f"• {o}" for o in offered) if offered else "")
            try:
                thread_message_create(
                    vault_id=entry.vault_id,
                    thread_key=entry.thread_key,
                    body=body,
                    author_kind=ThreadMessage.Author.COUNSELOR,
                    author=access.user,
                )
            except EscrowRefused as error:
                form.add_error("body", error.message)
            else:
                audit_record(actor=access.user, action=Action.ESCROW_MESSAGE, obj=opened.match)
                response = redirect(
                    reverse("escrow:thread", kwargs={"match_id": match_id, "entry_id": entry_id}) + "#latest"
                )
                response.status_code = 303
                return response
        status = 400
    messages = thread_messages_read(vault_id=entry.vault_id, thread_key=entry.thread_key)
    context = {"opened": opened, "entry": entry, "messages": messages, "form": form}
    return render(request, "staff/escrow/thread.html", context, status=status)


@require_http_methods(["GET", "POST"])
@counselor_required
def counselor_add(request: HttpRequest, access: CounselorAccess) -> HttpResponse:
    form = AddCounselorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = get_user_model().objects.filter(username=form.cleaned_data["username"], is_active=True).first()
        try:
            if user is None:
                raise TeamRefused("")
            counselor_enrol(user=user, team_secret=access.team_secret)
        except TeamRefused:
            form.add_error("username", _("No active counselor with a key pair has this username."))
        else:
            audit_record(actor=access.user, action=Action.ESCROW_COUNSELOR_ADDED, subject=user)
            return render(request, "staff/escrow/counselor_add.html", {"form": AddCounselorForm(), "added": user})
    status = 400 if request.method == "POST" else 200
    return render(request, "staff/escrow/counselor_add.html", {"form": form}, status=status)
