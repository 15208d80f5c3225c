"""The lead's side of a case about the organization's leadership (issue 13): handing it to an independent
body, and acting on the reporter's requests that a key holder be excluded. Shown on the case page
(staff/_handover.html, with staff/leadership.py); every action goes through case_action, so a refusal
re-renders the case."""

import uuid

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_POST

from confide.reports.services.exclusion_decisions import holder_exclusion_answer, holder_exclusion_grant
from confide.reports.services.handover import case_handover
from confide.staff.cases import case_action
from confide.staff.decorators import staff_required


@require_POST
@staff_required
def hand_over(request: HttpRequest, report_id: uuid.UUID) -> HttpResponse:
    body, note = request.POST.get("body", "")[:150], request.POST.get("note", "")
    return case_action(request, report_id, lambda a: case_handover(access=a, body_username=body, note=note))


@require_POST
@staff_required
def exclude_holder(request: HttpRequest, report_id: uuid.UUID, ask_id: str) -> HttpResponse:
    return case_action(request, report_id, lambda a: holder_exclusion_grant(access=a, request_id=ask_id))


@require_POST
@staff_required
def answer_ask(request: HttpRequest, report_id: uuid.UUID, ask_id: str) -> HttpResponse:
    answer = request.POST.get("answer", "")
    return case_action(
        request, report_id, lambda a: holder_exclusion_answer(access=a, request_id=ask_id, answer=answer)
    )
