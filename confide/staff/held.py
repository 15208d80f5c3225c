"""An independent body's pages (issue 13): the cases about an organization's leadership handed to it, each
read and answered in the reporter's thread. Every case opens through case_access_get(as_body=True): a case not
handed to this body, or of an organization it is no longer registered for, is the one 404."""

import uuid

from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.views.decorators.http import require_GET, require_POST

from confide.audit.services import Action, audit_record
from confide.core.errors import NotFound, Refused
from confide.reports.access import CaseAccess
from confide.reports.selectors.bodies import handed_over_view, handed_over_visible_to
from confide.reports.selectors.staff import case_access_get
from confide.reports.services.handover import message_create_by_body
from confide.reports.uploads import upload_error_message, upload_rejection, uploads_discard
from confide.staff.actions import see_other
from confide.staff.decorators import staff_required, staff_secret_key, staff_user
from confide.staff.forms.cases import ReplyForm
from confide.staff.paging import inbox_page
from confide.tenants.selectors import body_memberships
from confide.tenants.services import TITLE_MAX, body_title_set
from confide.web.downloads import attachment_download


def held_open(request: HttpRequest, report_id: uuid.UUID) -> CaseAccess:
    return case_access_get(
        user=staff_user(request), secret_key=staff_secret_key(request), report_id=report_id, as_body=True
    )


def _cases_page(request: HttpRequest, *, problem: str = "", status: int = 200) -> HttpResponse:
    user = staff_user(request)
    context = {
        "page": inbox_page(handed_over_visible_to(user=user), request.GET.get("page")),
        "memberships": body_memberships(user=user),
        "title_max": TITLE_MAX,
        "problem": problem,
    }
    return render(request, "staff/held/list.html", context, status=status)


@require_GET
@staff_required
def held_cases(request: HttpRequest) -> HttpResponse:
    return _cases_page(request)


@require_POST
@staff_required
def held_title(request: HttpRequest, organization_id: uuid.UUID) -> HttpResponse:
    """The body's own choice of how reporters see it: the operator's title until it changes it."""
    user = staff_user(request)
    try:
        membership = body_title_set(user=user, organization_id=organization_id, title=request.POST.get("title", ""))
    except NotFound:
        raise
    except Refused as error:
        return _cases_page(request, problem=error.message, status=error.status)
    audit_record(actor=user, action=Action.BODY_TITLE_SET, obj=membership.organization)
    return see_other("held:cases")


def _held_page(
    request: HttpRequest, access: CaseAccess, *, form: ReplyForm | None = None, problem: str = "", status: int = 200
) -> HttpResponse:
    view, handover = handed_over_view(access=access)
    context = {"view": view, "handover": handover, "form": form or ReplyForm(), "problem": problem}
    return render(request, "staff/held/case.html", context, status=status)


@require_GET
@staff_required
def held_case(request: HttpRequest, report_id: uuid.UUID) -> HttpResponse:
    access = held_open(request, report_id)
    audit_record(actor=access.user, action=Action.CASE_READ, obj=access.report)
    return _held_page(request, access)


@require_POST
@staff_required
def held_reply(request: HttpRequest, report_id: uuid.UUID) -> HttpResponse:
    uploads: list = request.FILES.getlist("attachments")
    try:
        access = held_open(request, report_id)
    except Refused:
        uploads_discard(uploads)
        raise
    form = ReplyForm(request.POST)
    reason = upload_rejection(request)
    if reason:
        uploads_discard(uploads)
        form.is_valid()
        return _held_page(request, access, form=form, problem=upload_error_message(reason), status=413)
    if not form.is_valid():
        uploads_discard(uploads)
        return _held_page(request, access, form=form, status=400)
    try:
        message_create_by_body(access=access, body=form.cleaned_data["body"], uploads=uploads)
    except Refused as error:
        uploads_discard(uploads)
        return _held_page(request, access, form=form, problem=error.message, status=400)
    return see_other("held:case", report_id=access.report.pk)


@require_GET
@staff_required
def held_attachment(request: HttpRequest, report_id: uuid.UUID, attachment_id: uuid.UUID) -> HttpResponseBase:
    access = held_open(request, report_id)
    response = attachment_download(access=access, attachment_id=attachment_id)
    audit_record(actor=access.user, action=Action.CASE_ATTACHMENT_READ, obj=access.report)
    return response
