"""Outside investigators (issue 15): the case team's forms (redact, invite, end, send findings, ask for and
open the sealed identity) on the case page, and the investigator's own pages. An investigator reaches only
investigation_access_get: anything not theirs is the one 404, a period that is over a plain 403. Their pages
offer no download and are not cached: nothing to export."""

import uuid
from datetime import date

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from confide.accounts.models import User
from confide.audit.services import Action, audit_record
from confide.core.errors import NotFound, Refused
from confide.reports.access_investigation import InvestigationAccess
from confide.reports.investigation_errors import RedactionRefused
from confide.reports.models import InvestigationEntry
from confide.reports.selectors.investigation import (
    entries_get,
    investigation_access_get,
    investigation_is_open,
    investigation_list_for,
    redacted_document,
)
from confide.reports.services.identity import identity_disclosure_release, identity_disclosure_request
from confide.reports.services.investigation import (
    investigation_entry_add,
    investigation_findings_send,
    investigator_end,
    investigator_invite,
    redaction_prepare,
)
from confide.staff.cases import case_action
from confide.staff.decorators import staff_required, staff_secret_key, staff_user

ENTRY_MAX_POST = 60_000


def _until(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise RedactionRefused(_("Give the last day of access as YYYY-MM-DD."), field="until") from None


@require_POST
@staff_required
def prepare_redaction(request: HttpRequest, report_id: uuid.UUID) -> HttpResponse:
    replacements = request.POST.get("replacements", "")[:ENTRY_MAX_POST]
    return case_action(request, report_id, lambda a: redaction_prepare(access=a, replacements=replacements))


@require_POST
@staff_required
def invite_investigator(request: HttpRequest, report_id: uuid.UUID) -> HttpResponse:
    username, until = request.POST.get("username", "")[:150], request.POST.get("until", "")[:20]
    return case_action(
        request, report_id, lambda a: investigator_invite(access=a, username=username, until=_until(until))
    )


@require_POST
@staff_required
def end_investigation(request: HttpRequest, report_id: uuid.UUID, investigation_id: uuid.UUID) -> HttpResponse:
    return case_action(request, report_id, lambda a: investigator_end(access=a, investigation_id=investigation_id))


@require_POST
@staff_required
def send_findings(request: HttpRequest, report_id: uuid.UUID, entry_id: uuid.UUID) -> HttpResponse:
    return case_action(request, report_id, lambda a: investigation_findings_send(access=a, entry_id=entry_id))


@require_POST
@staff_required
def request_identity(request: HttpRequest, report_id: uuid.UUID) -> HttpResponse:
    return case_action(request, report_id, lambda a: identity_disclosure_request(access=a))


@require_POST
@staff_required
def release_identity(request: HttpRequest, report_id: uuid.UUID) -> HttpResponse:
    if request.POST.get("confirm") != "yes":
        return case_action(request, report_id, lambda a: _unconfirmed())
    return case_action(request, report_id, lambda a: identity_disclosure_release(access=a))


def _unconfirmed() -> None:
    raise Refused(_("Tick the box to confirm: the reporter will be told in their thread."))


def _open(request: HttpRequest, investigation_id: uuid.UUID) -> InvestigationAccess:
    return investigation_access_get(
        user=staff_user(request), secret_key=staff_secret_key(request), investigation_id=investigation_id
    )


def _private(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "no-store"
    return response


@require_GET
@staff_required
def investigations(request: HttpRequest) -> HttpResponse:
    user = staff_user(request)
    if user.role != User.Role.INVESTIGATOR:
        raise NotFound()
    rows = [(i, investigation_is_open(i)) for i in investigation_list_for(user=user)]
    return _private(render(request, "staff/investigation/list.html", {"rows": rows}))


def _page(request: HttpRequest, access: InvestigationAccess, *, problem: str = "", status: int = 200) -> HttpResponse:
    context = {
        "access": access,
        "document": redacted_document(report_id=access.report.pk, redaction_key=access.redaction_key),
        "entries": entries_get(investigation=access.investigation, redaction_key=access.redaction_key),
        "kinds": InvestigationEntry.Kind.choices,
        "problem": problem,
        "typed": request.POST.get("body", "") if request.method == "POST" else "",
    }
    return _private(render(request, "staff/investigation/show.html", context, status=status))


@require_GET
@staff_required
def show_investigation(request: HttpRequest, investigation_id: uuid.UUID) -> HttpResponse:
    access = _open(request, investigation_id)
    audit_record(actor=access.user, action=Action.INVESTIGATION_READ, obj=access.report)
    return _page(request, access)


@require_POST
@staff_required
def add_entry(request: HttpRequest, investigation_id: uuid.UUID) -> HttpResponse:
    access = _open(request, investigation_id)
    try:
        investigation_entry_add(
            access=access,
            kind=request.POST.get("kind", "")[:20],
            body=request.POST.get("body", "")[:ENTRY_MAX_POST],
        )
    except Refused as error:
        if error.status != 400:
            raise
        return _page(request, access, problem=error.message, status=400)
    return redirect("investigation:show", investigation_id=access.investigation.pk)
