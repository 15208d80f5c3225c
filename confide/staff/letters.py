"""The third party's pages: handlers of the letter's organization holding L review, message, vouch, release
and trace. Every lookup goes through third_party_access_get: not visible means 404. The recipients' pages are in
staff/copies.py."""

import uuid
from collections.abc import Callable
from functools import partial

from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from confide.audit.services import Action, audit_record
from confide.core.clock import today
from confide.letters.access import ThirdPartyAccess
from confide.letters.content import LetterConflict
from confide.letters.selectors.common import letter_overview, letter_threshold_met
from confide.letters.selectors.staff import (
    copy_list_for,
    letter_grant_candidates,
    letter_list_visible_to,
    signatures_read,
    third_party_access_get,
)
from confide.letters.services.keyring import letter_access_grant, letter_conflict_declare
from confide.letters.services.release import letter_release
from confide.letters.services.third_party import letter_review, third_party_message, vouch_create
from confide.letters.services.tracing import leak_trace
from confide.staff.actions import form_action, see_other
from confide.staff.decorators import staff_required, staff_secret_key, staff_user
from confide.staff.forms.letters import GrantForm, ReleaseForm, ReviewForm, ThirdPartyMessageForm, TraceForm


@require_GET
@staff_required
def letters(request: HttpRequest) -> HttpResponse:
    """Both lists: the letters this handler is the third party for, and the copies this contact received."""
    user = staff_user(request)
    context = {"letters": letter_list_visible_to(user=user)[:200], "copies": copy_list_for(user=user)[:200]}
    return render(request, "staff/letters/list.html", context)


def _third_party(request: HttpRequest, letter_id: uuid.UUID) -> ThirdPartyAccess:
    return third_party_access_get(user=staff_user(request), secret_key=staff_secret_key(request), letter_id=letter_id)


def _letter_page(
    request: HttpRequest, access: ThirdPartyAccess, *, problem: str | None = None, status: int = 200
) -> HttpResponse:
    context = {
        "overview": letter_overview(letter=access.letter, participant_key=access.participant_key),
        "signatures": signatures_read(access=access),
        "can_release": letter_threshold_met(letter=access.letter, on=today()),
        "review_form": ReviewForm(),
        "release_form": ReleaseForm(),
        "message_form": ThirdPartyMessageForm(),
        "grant_form": GrantForm(),
        "candidates": letter_grant_candidates(access=access),
        "problem": problem,
    }
    return render(request, "staff/letters/letter.html", context, status=status)


def _third_party_action(
    request: HttpRequest,
    letter_id: uuid.UUID,
    form_class: type[Form] | None,
    action: Callable[[ThirdPartyAccess, dict], object],
) -> HttpResponse:
    """Run one service on the letter; a refusal shows the letter again with its message."""
    access = _third_party(request, letter_id)
    return form_action(
        request,
        form_class,
        partial(action, access),
        page=partial(_letter_page, request, access),
        done=partial(see_other, "letters:show_letter", letter_id=access.letter.pk),
    )


@require_GET
@staff_required
def show_letter(request: HttpRequest, letter_id: uuid.UUID) -> HttpResponse:
    access = _third_party(request, letter_id)
    audit_record(actor=access.user, action=Action.LETTER_READ, obj=access.letter)
    return _letter_page(request, access)


@require_POST
@staff_required
def review(request: HttpRequest, letter_id: uuid.UUID) -> HttpResponse:
    return _third_party_action(
        request,
        letter_id,
        ReviewForm,
        lambda access, data: letter_review(access=access, approve=data["decision"] == "approve", note=data["note"]),
    )


@require_POST
@staff_required
def release(request: HttpRequest, letter_id: uuid.UUID) -> HttpResponse:
    return _third_party_action(
        request,
        letter_id,
        ReleaseForm,
        lambda access, data: letter_release(access=access, confirm_verified=data["confirm"]),
    )


@require_POST
@staff_required
def message(request: HttpRequest, letter_id: uuid.UUID) -> HttpResponse:
    return _third_party_action(
        request,
        letter_id,
        ThirdPartyMessageForm,
        lambda access, data: third_party_message(access=access, body=data["body"], to_recipients=data["to_recipients"]),
    )


@require_POST
@staff_required
def grant(request: HttpRequest, letter_id: uuid.UUID) -> HttpResponse:
    """A holder of L gives it to a handler who joined the organization after the letter was drafted."""
    return _third_party_action(
        request,
        letter_id,
        GrantForm,
        lambda access, data: letter_access_grant(access=access, username=data["username"]),
    )


@require_POST
@staff_required
def vouch(request: HttpRequest, letter_id: uuid.UUID) -> HttpResponse:
    """The code is shown once, on its own page: not a redirect, so it is never in an address or the history."""
    access = _third_party(request, letter_id)
    try:
        code = vouch_create(access=access)
    except LetterConflict as error:
        return _letter_page(request, access, problem=error.message, status=error.status)
    return render(request, "staff/letters/vouch.html", {"letter": access.letter, "code": code})


@require_http_methods(["GET", "POST"])
@staff_required
def trace(request: HttpRequest) -> HttpResponse:
    form = TraceForm(request.POST or None)
    context: dict = {"form": form}
    if request.method == "POST":
        if not form.is_valid():
            return render(request, "staff/letters/trace.html", context, status=400)
        found = leak_trace(
            user=staff_user(request), secret_key=staff_secret_key(request), text=form.cleaned_data["text"]
        )
        context["found"], context["searched"] = found, True
    return render(request, "staff/letters/trace.html", context)


@require_POST
@staff_required
def declare_conflict(request: HttpRequest, letter_id: uuid.UUID) -> HttpResponse:
    letter_conflict_declare(access=_third_party(request, letter_id))
    return see_other("letters:letters")
