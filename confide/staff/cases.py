"""Staff-facing case pages. Every case lookup goes through case_access_get: not visible means 404 (a
ReportNotFound, answered by the central error mapping, confide.web.errors)."""

import uuid
from collections.abc import Callable
from datetime import date

from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from confide.audit.services import Action, audit_record
from confide.core.errors import NotFound, Refused
from confide.reports.access import CaseAccess
from confide.reports.models import CaseLink, Report
from confide.reports.selectors.common import report_view
from confide.reports.selectors.dashboard import dashboard_for
from confide.reports.selectors.staff import (
    case_access_get,
    case_deletion_request_get,
    case_grant_candidates,
    case_links_get,
    case_notes_get,
    case_team_get,
    report_list_visible_to,
)
from confide.reports.services.keyring import case_access_grant, case_conflict_declare
from confide.reports.services.messages import message_create_by_handler
from confide.reports.services.notes import case_labels_set, case_note_add
from confide.reports.services.retention import case_deletion_approve, case_deletion_request
from confide.reports.services.workflow import (
    TRANSITIONS,
    case_exclusion_record,
    case_feedback_deadline_set,
    case_lead_assign,
    report_category_update,
    report_status_update,
)
from confide.reports.uploads import upload_error_message, upload_rejection, uploads_discard
from confide.staff.decorators import staff_required, staff_secret_key, staff_user
from confide.staff.documents import case_export_response
from confide.staff.forms.cases import InboxFilter, ReplyForm
from confide.staff.investigation_panel import investigation_panel
from confide.staff.leadership import case_leadership_get
from confide.staff.paging import inbox_page
from confide.web.downloads import attachment_download


@require_GET
@staff_required
def inbox(request: HttpRequest) -> HttpResponse:
    filters = InboxFilter(request.GET)
    reports = report_list_visible_to(user=staff_user(request))
    if filters.is_valid() and filters.cleaned_data["status"]:
        reports = reports.filter(status=filters.cleaned_data["status"])
    page = inbox_page(reports, request.GET.get("page"))
    return render(request, "staff/inbox.html", {"page": page, "filters": filters})


@require_GET
@staff_required
def dashboard(request: HttpRequest) -> HttpResponse:
    return render(request, "staff/dashboard.html", {"board": dashboard_for(user=staff_user(request))})


def case_open(request: HttpRequest, report_id: uuid.UUID) -> CaseAccess:
    """The case, or ReportNotFound: the 404 page, whether the case is missing or not this user's."""
    return case_access_get(user=staff_user(request), secret_key=staff_secret_key(request), report_id=report_id)


def _case_page(
    request: HttpRequest,
    access: CaseAccess,
    *,
    form: ReplyForm | None = None,
    problem: str | None = None,
    status: int = 200,
) -> HttpResponse:
    report = access.report
    allowed = TRANSITIONS[report.status]
    context = {
        "view": report_view(access=access, for_staff=True),
        "notes": case_notes_get(access=access),
        "team": case_team_get(access=access),
        "grant_candidates": case_grant_candidates(access=access),
        "status_choices": [(s.value, s.label) for s in Report.Status if s in allowed],
        "outcomes": Report.Outcome.choices,
        "categories": Report.Category.choices,
        "labels": ", ".join(label.name for label in report.labels.all()),
        "form": form or ReplyForm(),
        "problem": problem,
        "deletion_request": case_deletion_request_get(access=access),
        "links": case_links_get(access=access),
        "link_kinds": CaseLink.Kind.choices,
        "investigation": investigation_panel(access=access),
        "leadership": case_leadership_get(access=access),
    }
    return render(request, "staff/case.html", context, status=status)


@require_GET
@staff_required
def show_case(request: HttpRequest, report_id: uuid.UUID) -> HttpResponse:
    access = case_open(request, report_id)
    audit_record(actor=request.user, action=Action.CASE_READ, obj=access.report)
    return _case_page(request, access)


def _uploads(request: HttpRequest) -> list:
    return request.FILES.getlist("attachments")


@require_POST
@staff_required
def reply(request: HttpRequest, report_id: uuid.UUID) -> HttpResponse:
    try:
        access = case_open(request, report_id)
    except Refused:
        uploads_discard(_uploads(request))
        raise
    form = ReplyForm(request.POST)
    reason = upload_rejection(request)
    if reason:
        uploads_discard(_uploads(request))
        form.is_valid()
        return _case_page(request, access, form=form, problem=upload_error_message(reason), status=413)
    if not form.is_valid():
        uploads_discard(_uploads(request))
        return _case_page(request, access, form=form, status=400)
    try:
        message_create_by_handler(
            access=access,
            body=form.cleaned_data["body"],
            uploads=_uploads(request),
            acknowledge=form.cleaned_data["acknowledge"],
        )
    except Refused as error:
        uploads_discard(_uploads(request))
        return _case_page(request, access, form=form, problem=error.message, status=400)
    return redirect("cases:show_case", report_id=access.report.pk)


def case_action(
    request: HttpRequest,
    report_id: uuid.UUID,
    action: Callable[[CaseAccess], object],
    *,
    done: Callable[[CaseAccess], HttpResponse] | None = None,
) -> HttpResponse:
    """Run one change on a case; a refusal re-renders the case with its message and changes nothing.
    Afterwards `done` answers (the case page by default)."""
    access = case_open(request, report_id)
    # These forms are read field by field, not through Django forms (which refuse NUL themselves), and
    # PostgreSQL refuses NUL in any text it is asked to look up.
    if any("\x00" in value for _name, values in request.POST.lists() for value in values):
        problem = _("The form contains a character that cannot be stored.")
        return _case_page(request, access, problem=problem, status=400)
    try:
        action(access)
    except NotFound:
        raise  # the one 404, never a problem shown on the case page
    except Refused as error:
        return _case_page(request, access, problem=error.message, status=400)
    if done is not None:
        return done(access)
    return redirect("cases:show_case", report_id=access.report.pk)


def _to_inbox(access: CaseAccess) -> HttpResponse:
    return redirect("cases:inbox")


@require_POST
@staff_required
def change_status(request: HttpRequest, report_id: uuid.UUID) -> HttpResponse:
    status, outcome = request.POST.get("status", ""), request.POST.get("outcome", "")
    return case_action(request, report_id, lambda a: report_status_update(access=a, status=status, outcome=outcome))


@require_POST
@staff_required
def change_category(request: HttpRequest, report_id: uuid.UUID) -> HttpResponse:
    category = request.POST.get("category", "")
    return case_action(request, report_id, lambda a: report_category_update(access=a, category=category))


@require_POST
@staff_required
def assign_lead(request: HttpRequest, report_id: uuid.UUID) -> HttpResponse:
    username = request.POST.get("username", "")
    return case_action(request, report_id, lambda a: case_lead_assign(access=a, username=username))


@require_POST
@staff_required
def change_deadline(request: HttpRequest, report_id: uuid.UUID) -> HttpResponse:
    try:
        feedback_by = date.fromisoformat(request.POST.get("feedback_by", ""))
    except ValueError:
        return _case_page(request, case_open(request, report_id), problem=_("Give the date as YYYY-MM-DD."), status=400)
    return case_action(request, report_id, lambda a: case_feedback_deadline_set(access=a, feedback_by=feedback_by))


@require_POST
@staff_required
def grant_access(request: HttpRequest, report_id: uuid.UUID) -> HttpResponse:
    username = request.POST.get("username", "")
    return case_action(request, report_id, lambda a: case_access_grant(access=a, username=username))


@require_POST
@staff_required
def record_conflict(request: HttpRequest, report_id: uuid.UUID) -> HttpResponse:
    username = request.POST.get("username", "")
    return case_action(request, report_id, lambda a: case_exclusion_record(access=a, username=username))


@require_POST
@staff_required
def add_note(request: HttpRequest, report_id: uuid.UUID) -> HttpResponse:
    body = request.POST.get("note", "")
    return case_action(request, report_id, lambda a: case_note_add(access=a, body=body))


@require_POST
@staff_required
def set_labels(request: HttpRequest, report_id: uuid.UUID) -> HttpResponse:
    names = request.POST.get("labels", "")[:1000].split(",")
    return case_action(request, report_id, lambda a: case_labels_set(access=a, names=names))


@require_POST
@staff_required
def request_deletion(request: HttpRequest, report_id: uuid.UUID) -> HttpResponse:
    return case_action(request, report_id, lambda a: case_deletion_request(access=a))


@require_POST
@staff_required
def approve_deletion(request: HttpRequest, report_id: uuid.UUID) -> HttpResponse:
    return case_action(request, report_id, lambda a: case_deletion_approve(access=a), done=_to_inbox)


@require_POST
@staff_required
def declare_conflict(request: HttpRequest, report_id: uuid.UUID) -> HttpResponse:
    access = case_open(request, report_id)
    if request.POST.get("confirm") != "yes":
        problem = _("Tick the box to confirm: you will lose access to this case for good.")
        return _case_page(request, access, problem=problem, status=400)
    case_conflict_declare(access=access)
    return redirect("cases:inbox")


@require_GET
@staff_required
def export_case(request: HttpRequest, report_id: uuid.UUID) -> HttpResponse:
    return case_export_response(access=case_open(request, report_id))


@require_GET
@staff_required
def download_attachment(request: HttpRequest, report_id: uuid.UUID, attachment_id: uuid.UUID) -> HttpResponseBase:
    access = case_open(request, report_id)
    response = attachment_download(access=access, attachment_id=attachment_id)
    audit_record(actor=request.user, action=Action.CASE_ATTACHMENT_READ, obj=access.report)
    return response
