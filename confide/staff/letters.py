"""The third party's pages (handlers of the letter's organization holding L) and the recipients' pages
(contacts holding their copy). Every lookup goes through one selector: not visible means 404."""

from collections.abc import Callable
from functools import partial

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from confide.audit.services import Action, audit_record
from confide.core.clock import today
from confide.letters.access import CopyAccess, ThirdPartyAccess
from confide.letters.answers import (
    letter_acknowledge,
    letter_answer,
    meeting_attendee_decide,
    meeting_status_set,
    meeting_times_propose,
)
from confide.letters.content import LetterError
from confide.letters.keyring import letter_access_grant, letter_conflict_declare, letter_grant_candidates
from confide.letters.release import leak_trace, letter_release
from confide.letters.selectors import (
    LetterNotFound,
    copies_for_recipient,
    copy_access_get,
    copy_read,
    copy_thread,
    letter_overview,
    letters_for_third_party,
    signatures_read,
    third_party_access_get,
    threshold_met,
)
from confide.letters.services import letter_review, third_party_message, vouch_create
from confide.staff.decorators import staff_required, staff_secret_key
from confide.staff.forms.letters import (
    AttendeeForm,
    GrantForm,
    MeetingForm,
    MessageForm,
    ReleaseForm,
    ReviewForm,
    ThirdPartyMessageForm,
    TimesForm,
    TraceForm,
)


def _see_other(name: str, **kwargs) -> HttpResponse:
    response = redirect(name, **kwargs)
    response.status_code = 303
    return response


@require_GET
@staff_required
def letters(request: HttpRequest) -> HttpResponse:
    context = {
        "letters": letters_for_third_party(user=request.user)[:200],
        "copies": copies_for_recipient(user=request.user)[:200],
    }
    return render(request, "staff/letters/list.html", context)


def _third_party(request: HttpRequest, letter_id) -> ThirdPartyAccess:
    try:
        return third_party_access_get(user=request.user, secret_key=staff_secret_key(request), letter_id=letter_id)
    except LetterNotFound:
        raise Http404 from None


def _letter_page(request, access: ThirdPartyAccess, *, problem=None, status=200, **extra) -> HttpResponse:
    context = {
        "overview": letter_overview(letter=access.letter, participant_key=access.participant_key),
        "signatures": signatures_read(access=access),
        "can_release": threshold_met(letter=access.letter, on=today()),
        "review_form": ReviewForm(),
        "release_form": ReleaseForm(),
        "message_form": ThirdPartyMessageForm(),
        "grant_form": GrantForm(),
        "candidates": letter_grant_candidates(access=access),
        "problem": problem,
        **extra,
    }
    return render(request, "staff/letters/letter.html", context, status=status)


@require_GET
@staff_required
def show_letter(request: HttpRequest, letter_id) -> HttpResponse:
    access = _third_party(request, letter_id)
    audit_record(actor=request.user, action=Action.LETTER_READ, obj=access.letter)
    return _letter_page(request, access)


def _form_action(request, access, form_class, action: Callable, *, page: Callable, done: Callable[[], HttpResponse]):
    """Validate the form, run the service, and show the same page again with the problem if either refuses."""
    form = form_class(request.POST) if form_class else None
    if form is not None and not form.is_valid():
        problem = "; ".join(str(e) for errors in form.errors.values() for e in errors)
        return page(request, access, problem=problem, status=400)
    try:
        action(access, form.cleaned_data if form is not None else {})
    except LetterError as error:
        return page(request, access, problem=error.message, status=error.status)
    return done()


def _third_party_action(request, letter_id, form_class, action: Callable[[ThirdPartyAccess, dict], object]):
    access = _third_party(request, letter_id)
    done = partial(_see_other, "letters:show_letter", letter_id=access.letter.pk)
    return _form_action(request, access, form_class, action, page=_letter_page, done=done)


@require_POST
@staff_required
def review(request: HttpRequest, letter_id) -> HttpResponse:
    return _third_party_action(
        request,
        letter_id,
        ReviewForm,
        lambda access, data: letter_review(access=access, approve=data["decision"] == "approve", note=data["note"]),
    )


@require_POST
@staff_required
def release(request: HttpRequest, letter_id) -> HttpResponse:
    return _third_party_action(
        request,
        letter_id,
        ReleaseForm,
        lambda access, data: letter_release(access=access, confirm_verified=data["confirm"]),
    )


@require_POST
@staff_required
def message(request: HttpRequest, letter_id) -> HttpResponse:
    return _third_party_action(
        request,
        letter_id,
        ThirdPartyMessageForm,
        lambda access, data: third_party_message(access=access, body=data["body"], to_recipients=data["to_recipients"]),
    )


@require_POST
@staff_required
def grant(request: HttpRequest, letter_id) -> HttpResponse:
    """A holder of L gives it to a handler who joined the organization after the letter was drafted."""
    return _third_party_action(
        request,
        letter_id,
        GrantForm,
        lambda access, data: letter_access_grant(access=access, username=data["username"]),
    )


@require_POST
@staff_required
def vouch(request: HttpRequest, letter_id) -> HttpResponse:
    access = _third_party(request, letter_id)
    try:
        code = vouch_create(access=access)
    except LetterError as error:
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
        found = leak_trace(user=request.user, secret_key=staff_secret_key(request), text=form.cleaned_data["text"])
        context["found"], context["searched"] = found, True
    return render(request, "staff/letters/trace.html", context)


@require_POST
@staff_required
def declare_conflict(request: HttpRequest, letter_id) -> HttpResponse:
    letter_conflict_declare(access=_third_party(request, letter_id))
    return _see_other("letters:letters")


# Recipients (organization contacts).


def _copy(request: HttpRequest, copy_id) -> CopyAccess:
    try:
        return copy_access_get(user=request.user, secret_key=staff_secret_key(request), copy_id=copy_id)
    except LetterNotFound:
        raise Http404 from None


def _copy_page(request, access: CopyAccess, *, problem=None, status=200) -> HttpResponse:
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


@require_GET
@staff_required
def show_copy(request: HttpRequest, copy_id) -> HttpResponse:
    access = _copy(request, copy_id)
    audit_record(actor=request.user, action=Action.LETTER_COPY_READ, obj=access.letter)
    return _copy_page(request, access)


def _copy_action(request, copy_id, form_class, action: Callable[[CopyAccess, dict], object]):
    access = _copy(request, copy_id)
    done = partial(_see_other, "letters:show_copy", copy_id=access.copy.pk)
    return _form_action(request, access, form_class, action, page=_copy_page, done=done)


@require_POST
@staff_required
def acknowledge(request: HttpRequest, copy_id) -> HttpResponse:
    return _copy_action(request, copy_id, None, lambda access, data: letter_acknowledge(access=access))


@require_POST
@staff_required
def answer(request: HttpRequest, copy_id) -> HttpResponse:
    return _copy_action(
        request, copy_id, MessageForm, lambda access, data: letter_answer(access=access, body=data["body"])
    )


@require_POST
@staff_required
def propose_times(request: HttpRequest, copy_id) -> HttpResponse:
    return _copy_action(
        request, copy_id, TimesForm, lambda access, data: meeting_times_propose(access=access, times=data["times"])
    )


@require_POST
@staff_required
def decide_attendee(request: HttpRequest, copy_id) -> HttpResponse:
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
def update_meeting(request: HttpRequest, copy_id) -> HttpResponse:
    return _copy_action(
        request,
        copy_id,
        MeetingForm,
        lambda access, data: meeting_status_set(access=access, status=data["status"], note=data["note"]),
    )
