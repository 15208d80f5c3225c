"""Reporter-facing pages. No JavaScript, no server-side session, nothing that fingerprints the reporter."""

import uuid

from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from confide.core.throttle import Throttled, write_allow
from confide.reporter.forms.report import ReceiptForm, ReplyForm, ReportForm, attachment_limit_mb
from confide.reports.access import ReporterAccess
from confide.reports.content import ContentError, content_from_form
from confide.reports.selectors import (
    intake_target_get,
    report_view,
    reporter_access_get,
)
from confide.reports.services import message_create_by_reporter, report_submit
from confide.reports.uploads import upload_error_message, upload_rejection, uploads_discard
from confide.tenants.models import Organization
from confide.tenants.selectors import organization_for_intake
from confide.web.downloads import attachment_download
from confide.web.receipt_cookie import REPORT_COOKIE

WRONG_RECEIPT = _("We could not find a report with this receipt. Check the words and try again.")


def _organization(slug: str) -> Organization:
    organization = organization_for_intake(slug=slug)
    if organization is None:
        raise Http404
    return organization


def _uploads(request: HttpRequest) -> list:
    return request.FILES.getlist("attachments")


def _upload_problem(request: HttpRequest) -> str | None:
    reason = upload_rejection(request)
    if reason:
        uploads_discard(_uploads(request))
        return upload_error_message(reason)
    return None


@require_http_methods(["GET", "POST"])
def submit(request: HttpRequest, org_slug: str) -> HttpResponse:
    organization = _organization(org_slug)
    context = {"organization": organization, "limit_mb": attachment_limit_mb()}
    if request.method == "GET":
        return render(request, "reporter/form.html", {**context, "form": ReportForm()})

    form = ReportForm(request.POST)
    problem = _upload_problem(request)
    if problem:
        form.is_valid()
        return render(request, "reporter/form.html", {**context, "form": form, "problem": problem}, status=413)
    if not form.is_valid():
        uploads_discard(_uploads(request))
        return render(request, "reporter/form.html", {**context, "form": form}, status=400)
    data = form.cleaned_data
    try:
        content = content_from_form(data, anonymous=form.anonymous)
    except ContentError as error:
        uploads_discard(_uploads(request))
        form.add_error(error.field if error.field in form.fields else None, error.message)
        return render(request, "reporter/form.html", {**context, "form": form}, status=400)
    try:
        target = intake_target_get(slug=organization.slug)
        if target is None:  # intake closed between the page and the post
            raise Http404
        write_allow(scope="intake", organization_id=target.organization_id)
        submitted = report_submit(target=target, content=content, uploads=_uploads(request))
    except Throttled as throttled:
        uploads_discard(_uploads(request))
        # The form comes back with everything typed, so waiting costs the reporter nothing but the files.
        problem = _("%(reason)s What you wrote is still below; files need to be attached again.") % {
            "reason": throttled.message
        }
        response = render(request, "reporter/form.html", {**context, "form": form, "problem": problem}, status=429)
        response["Retry-After"] = str(throttled.retry_after)
        return response
    except Exception:
        uploads_discard(_uploads(request))
        raise
    # Rendered in the POST response itself: the receipt is never put in a URL and shown only this once.
    return render(
        request,
        "reporter/receipt.html",
        {"organization": organization, "receipt": submitted.receipt, "report": submitted.report},
    )


@require_POST
def receipt_saved(request: HttpRequest, org_slug: str) -> HttpResponse:
    organization = _organization(org_slug)
    if request.POST.get("saved") != "yes":
        return render(request, "reporter/receipt_unconfirmed.html", {"organization": organization}, status=400)
    return render(request, "reporter/receipt_saved.html", {"organization": organization})


@require_http_methods(["GET", "POST"])
def enter_receipt(request: HttpRequest, org_slug: str) -> HttpResponse:
    organization = _organization(org_slug)
    form = ReceiptForm(request.POST or None)
    if request.method == "POST":
        access = reporter_access_get(receipt=request.POST.get("receipt", "")[:200], organization=organization)
        if access is not None:
            response = redirect("intake:show_report", org_slug=organization.slug)
            response.status_code = 303
            REPORT_COOKIE.set(response, slug=organization.slug, receipt=request.POST["receipt"])
            return response
        # Malformed and wrong receipts get the same page (no oracle), and lose nothing typed but the receipt.
        form = ReceiptForm()
        return render(
            request,
            "reporter/enter_receipt.html",
            {"organization": organization, "form": form, "problem": WRONG_RECEIPT},
            status=400,
        )
    return render(request, "reporter/enter_receipt.html", {"organization": organization, "form": form})


def _access(request: HttpRequest, organization: Organization) -> ReporterAccess | None:
    receipt = REPORT_COOKIE.read(request, slug=organization.slug)
    if receipt is None:
        return None
    return reporter_access_get(receipt=receipt, organization=organization)


def _to_return_page(organization: Organization) -> HttpResponse:
    response = redirect("intake:enter_receipt", org_slug=organization.slug)
    response.status_code = 303
    REPORT_COOKIE.clear(response, slug=organization.slug)
    return response


def _report_page(request, organization, access, *, form=None, problem=None, status=200) -> HttpResponse:
    context = {
        "organization": organization,
        "view": report_view(access=access, for_staff=False),
        "form": form or ReplyForm(),
        "problem": problem,
        "limit_mb": attachment_limit_mb(),
    }
    response = render(request, "reporter/report.html", context, status=status)
    REPORT_COOKIE.refresh(request, response, slug=organization.slug)
    return response


@require_GET
def show_report(request: HttpRequest, org_slug: str) -> HttpResponse:
    organization = _organization(org_slug)
    access = _access(request, organization)
    if access is None:
        return _to_return_page(organization)
    return _report_page(request, organization, access)


@require_POST
def reply(request: HttpRequest, org_slug: str) -> HttpResponse:
    organization = _organization(org_slug)
    access = _access(request, organization)
    if access is None:
        uploads_discard(_uploads(request))
        return _to_return_page(organization)
    form = ReplyForm(request.POST)
    problem = _upload_problem(request)
    if problem:
        form.is_valid()
        return _report_page(request, organization, access, form=form, problem=problem, status=413)
    if not form.is_valid():
        uploads_discard(_uploads(request))
        return _report_page(request, organization, access, form=form, status=400)
    try:
        message_create_by_reporter(access=access, body=form.cleaned_data["body"], uploads=_uploads(request))
    except ContentError as error:
        uploads_discard(_uploads(request))
        return _report_page(request, organization, access, form=form, problem=error.message, status=400)
    except Throttled as throttled:
        uploads_discard(_uploads(request))
        # The form comes back with the text typed, as on the report form.
        response = _report_page(request, organization, access, form=form, problem=throttled.message, status=429)
        response["Retry-After"] = str(throttled.retry_after)
        return response
    response = redirect(reverse("intake:show_report", kwargs={"org_slug": organization.slug}) + "#latest")
    response.status_code = 303
    return response


@require_GET
def download_attachment(request: HttpRequest, org_slug: str, attachment_id: uuid.UUID) -> HttpResponseBase:
    organization = _organization(org_slug)
    access = _access(request, organization)
    if access is None:
        return _to_return_page(organization)
    return attachment_download(access=access, attachment_id=attachment_id)


@require_POST
def leave(request: HttpRequest, org_slug: str) -> HttpResponse:
    organization = _organization(org_slug)
    response = render(request, "reporter/left.html", {"organization": organization})
    REPORT_COOKIE.clear(response, slug=organization.slug)
    return response
