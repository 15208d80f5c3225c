"""Third-party and recipient operations of the letters API (staff token). Lookups go through the letters
selectors only: not visible means 404. A refusal is raised and answered by the API's one error map
(confide/web/api.py)."""

from ninja import Router, Status

from confide.audit.services import Action, audit_record
from confide.letters.access import CopyAccess, ThirdPartyAccess
from confide.letters.content import LetterError
from confide.letters.models import LetterCopy
from confide.letters.selectors.common import contact_name, letter_overview, signature_count
from confide.letters.selectors.staff import (
    copy_access_get,
    copy_list_for,
    copy_read,
    copy_thread,
    letter_list_visible_to,
    signatures_read,
    third_party_access_get,
)
from confide.letters.services.answers import (
    letter_acknowledge,
    letter_answer,
    meeting_attendee_decide,
    meeting_status_set,
    meeting_times_propose,
)
from confide.letters.services.keyring import letter_access_grant, letter_conflict_declare
from confide.letters.services.release import letter_release
from confide.letters.services.third_party import letter_review, third_party_message, vouch_create
from confide.letters.services.tracing import leak_trace
from confide.staff.api.auth import StaffRequest, staff_token
from confide.web.schemas import FieldProblem, Problem
from confide.web.schemas_letters import (
    CopyOut,
    CopySummary,
    GrantIn,
    LetterMessageIn,
    LetterSummary,
    MeetingIn,
    ReleaseIn,
    ReviewIn,
    ThirdPartyLetterOut,
    ThirdPartyMessageIn,
    TraceIn,
    TraceMatch,
    VouchOut,
    letter_out,
    updates_out,
)

router = Router(tags=["letters (staff)"], auth=staff_token)


def _third_party(request: StaffRequest, letter_id: str) -> ThirdPartyAccess:
    return third_party_access_get(user=request.auth.user, secret_key=request.auth.secret_key, letter_id=letter_id)


def _copy(request: StaffRequest, copy_id: str) -> CopyAccess:
    return copy_access_get(user=request.auth.user, secret_key=request.auth.secret_key, copy_id=copy_id)


def _detail(access: ThirdPartyAccess) -> dict:
    letter = access.letter
    return {
        **letter_out(letter_overview(letter=letter, participant_key=access.participant_key)),
        "id": str(letter.pk),
        "organization": letter.organization.name,
        "signature_list": [{"id": str(s.id), **s.content.__dict__} for s in signatures_read(access=access)],
    }


def _copy_summary(copy: LetterCopy) -> dict:
    return {
        "id": str(copy.pk),
        "organization": copy.letter.organization.name,
        "released_on": copy.letter.released_on,
        "acknowledged_on": copy.acknowledged_on,
    }


def _copy_detail(access: CopyAccess) -> dict:
    document = copy_read(access=access)
    thread = copy_thread(access=access)
    return {
        **_copy_summary(access.copy),
        **{key: document[key] for key in ("title", "text", "request", "signatures", "attendees")},
        "meeting_status": thread.letter.meeting_status,
        "meeting": thread.meeting,
        "updates": [updates_out(u) for u in thread.updates],
    }


@router.get("/staff/letters", operation_id="letter_list", response={200: list[LetterSummary], 401: Problem})
def list_letters(request: StaffRequest):
    return [
        {
            "id": str(letter.pk),
            "organization": letter.organization.name,
            "status": letter.status,
            "threshold": letter.threshold,
            "signatures": signature_count(letter=letter),
            "created_on": letter.created_on,
            "released_on": letter.released_on,
            "meeting_status": letter.meeting_status,
        }
        for letter in letter_list_visible_to(user=request.auth.user)[:200]
    ]


@router.post(
    "/staff/letters/trace",
    operation_id="letter_trace",
    response={200: list[TraceMatch], 400: FieldProblem, 401: Problem},
)
def trace(request: StaffRequest, payload: TraceIn):
    found = leak_trace(user=request.auth.user, secret_key=request.auth.secret_key, text=payload.text)
    return [
        {"letter_id": str(c.letter_id), "copy_id": str(c.pk), "recipient": contact_name(c.recipient)} for c in found
    ]


# Recipients (organization contacts), through their copy.


@router.get(
    "/staff/letters/received", operation_id="letter_received_list", response={200: list[CopySummary], 401: Problem}
)
def list_received(request: StaffRequest):
    return [_copy_summary(copy) for copy in copy_list_for(user=request.auth.user)[:200]]


@router.get(
    "/staff/letters/received/{copy_id}",
    operation_id="letter_copy_get",
    response={200: CopyOut, 401: Problem, 404: Problem},
)
def get_copy(request: StaffRequest, copy_id: str):
    access = _copy(request, copy_id)
    audit_record(actor=request.auth.user, action=Action.LETTER_COPY_READ, obj=access.letter)
    return _copy_detail(access)


@router.post(
    "/staff/letters/received/{copy_id}/acknowledge",
    operation_id="letter_acknowledge",
    response={200: CopyOut, 401: Problem, 404: Problem, 409: Problem},
)
def acknowledge(request: StaffRequest, copy_id: str):
    letter_acknowledge(access=_copy(request, copy_id))
    return _copy_detail(_copy(request, copy_id))


@router.post(
    "/staff/letters/received/{copy_id}/answers",
    operation_id="letter_answer",
    response={200: CopyOut, 400: FieldProblem, 401: Problem, 404: Problem},
)
def answer(request: StaffRequest, copy_id: str, payload: LetterMessageIn):
    access = _copy(request, copy_id)
    letter_answer(access=access, body=payload.body)
    return _copy_detail(access)


@router.post(
    "/staff/letters/received/{copy_id}/meeting",
    operation_id="letter_meeting_update",
    response={200: CopyOut, 400: FieldProblem, 401: Problem, 404: Problem, 409: Problem},
)
def update_meeting(request: StaffRequest, copy_id: str, payload: MeetingIn):
    access = _copy(request, copy_id)
    if payload.times is not None:
        meeting_times_propose(access=access, times=payload.times)
    elif payload.attendee is not None and payload.decision is not None:
        meeting_attendee_decide(access=access, attendee=payload.attendee, accept=payload.decision == "accept")
    elif payload.status is not None:
        meeting_status_set(access=access, status=payload.status, note=payload.note)
    else:
        raise LetterError("Send `times`, `attendee` with `decision`, or `status`.")
    return _copy_detail(_copy(request, copy_id))


# The third party (handlers holding L).


@router.get(
    "/staff/letters/{letter_id}",
    operation_id="letter_review_get",
    response={200: ThirdPartyLetterOut, 401: Problem, 404: Problem},
)
def get_letter(request: StaffRequest, letter_id: str):
    access = _third_party(request, letter_id)
    audit_record(actor=request.auth.user, action=Action.LETTER_READ, obj=access.letter)
    return _detail(access)


@router.post(
    "/staff/letters/{letter_id}/review",
    operation_id="letter_review",
    response={200: ThirdPartyLetterOut, 400: FieldProblem, 401: Problem, 404: Problem, 409: Problem},
)
def review(request: StaffRequest, letter_id: str, payload: ReviewIn):
    letter_review(access=_third_party(request, letter_id), approve=payload.decision == "approve", note=payload.note)
    return _detail(_third_party(request, letter_id))


@router.post(
    "/staff/letters/{letter_id}/release",
    operation_id="letter_release",
    response={200: ThirdPartyLetterOut, 400: FieldProblem, 401: Problem, 404: Problem, 409: Problem},
)
def release(request: StaffRequest, letter_id: str, payload: ReleaseIn):
    letter_release(access=_third_party(request, letter_id), confirm_verified=payload.confirm_verified)
    return _detail(_third_party(request, letter_id))


@router.post(
    "/staff/letters/{letter_id}/vouches",
    operation_id="letter_vouch_create",
    response={201: VouchOut, 401: Problem, 404: Problem, 409: Problem},
)
def create_vouch(request: StaffRequest, letter_id: str):
    return Status(201, {"code": vouch_create(access=_third_party(request, letter_id))})


@router.post(
    "/staff/letters/{letter_id}/messages",
    operation_id="letter_message",
    response={201: ThirdPartyLetterOut, 400: FieldProblem, 401: Problem, 404: Problem},
    summary="Write to the organizer and signers (and, after delivery and only if asked, the recipients)",
)
def write_message(request: StaffRequest, letter_id: str, payload: ThirdPartyMessageIn):
    access = _third_party(request, letter_id)
    third_party_message(access=access, body=payload.body, to_recipients=payload.to_recipients)
    return Status(201, _detail(access))


@router.post(
    "/staff/letters/{letter_id}/grants",
    operation_id="letter_access_grant",
    response={204: None, 400: FieldProblem, 401: Problem, 404: Problem, 409: FieldProblem},
    summary="Give a handler of the organization who joined after drafting the letter's key (never an excluded one)",
)
def grant_access(request: StaffRequest, letter_id: str, payload: GrantIn):
    letter_access_grant(access=_third_party(request, letter_id), username=payload.username)
    return Status(204, None)


@router.post(
    "/staff/letters/{letter_id}/conflict",
    operation_id="letter_conflict_declare",
    response={204: None, 401: Problem, 404: Problem},
)
def declare_conflict(request: StaffRequest, letter_id: str):
    letter_conflict_declare(access=_third_party(request, letter_id))
    return Status(204, None)
