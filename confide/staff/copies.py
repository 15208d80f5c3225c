"""The recipients' pages: an organization's contacts read the copy of a delivered letter addressed to them,
acknowledge it, answer, and work out the meeting. Every lookup goes through copy_access_get: not visible means
404. The list of copies is on the letters list (staff/letters.py)."""

import uuid
from collections.abc import Callable
from functools import partial

from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET, require_POST

from confide.audit.services import Action, audit_record
from confide.letters.access import CopyAccess
from confide.letters.selectors.staff import copy_access_get, copy_read, copy_thread
from confide.letters.services.answers import (
    letter_acknowledge,
    letter_answer,
    meeting_attendee_decide,
    meeting_status_set,
    meeting_times_propose,
)
from confide.staff.actions import form_action, see_other
from confide.staff.decorators import staff_required, staff_secret_key, staff_user
from confide.staff.forms.letters import AttendeeForm, MeetingForm, MessageForm, TimesForm


def _copy(request: HttpRequest, copy_id: uuid.UUID) -> CopyAccess:
    return copy_access_get(user=staff_user(request), secret_key=staff_secret_key(request), copy_id=copy_id)


def _copy_page(
    request: HttpRequest, access: CopyAccess, *, problem: str | None = None, status: int = 200
) -> HttpResponse:
    context = {
        "copy": access.copy,
        "document": copy_read(access=access),
        "overview": copy_thread(access=access),
        "answer_form": MessageForm(),
        "times_form": TimesForm(),
        "meeting_form": MeetingForm(),
        "problem": problem,
    }
    return render(request, "staff/letters/copy.html", context, status=status)


def _copy_action(
    request: HttpRequest,
    copy_id: uuid.UUID,
    form_class: type[Form] | None,
    action: Callable[[CopyAccess, dict], object],
) -> HttpResponse:
    """Run one service on the copy; a refusal shows the copy again with its message."""
    access = _copy(request, copy_id)
    return form_action(
        request,
        form_class,
        partial(action, access),
        page=partial(_copy_page, request, access),
        done=partial(see_other, "letters:show_copy", copy_id=access.copy.pk),
    )


@require_GET
@staff_required
def show_copy(request: HttpRequest, copy_id: uuid.UUID) -> HttpResponse:
    access = _copy(request, copy_id)
    audit_record(actor=access.user, action=Action.LETTER_COPY_READ, obj=access.letter)
    return _copy_page(request, access)


@require_POST
@staff_required
def acknowledge(request: HttpRequest, copy_id: uuid.UUID) -> HttpResponse:
    return _copy_action(request, copy_id, None, lambda access, data: letter_acknowledge(access=access))


@require_POST
@staff_required
def answer(request: HttpRequest, copy_id: uuid.UUID) -> HttpResponse:
    return _copy_action(
        request, copy_id, MessageForm, lambda access, data: letter_answer(access=access, body=data["body"])
    )


@require_POST
@staff_required
def propose_times(request: HttpRequest, copy_id: uuid.UUID) -> HttpResponse:
    return _copy_action(
        request, copy_id, TimesForm, lambda access, data: meeting_times_propose(access=access, times=data["times"])
    )


@require_POST
@staff_required
def decide_attendee(request: HttpRequest, copy_id: uuid.UUID) -> HttpResponse:
    return _copy_action(
        request,
        copy_id,
        AttendeeForm,
        lambda access, data: meeting_attendee_decide(
            access=access, attendee=data["attendee"], accept=data["decision"] == "accept"
        ),
    )


@require_POST
@staff_required
def update_meeting(request: HttpRequest, copy_id: uuid.UUID) -> HttpResponse:
    return _copy_action(
        request,
        copy_id,
        MeetingForm,
        lambda access, data: meeting_status_set(access=access, status=data["status"], note=data["note"]),
    )
