"""Reporter-facing pages. No JavaScript, no server-side session, nothing that fingerprints the reporter."""

import uuid

from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from confide.core.errors import Refused
from confide.core.throttle import Throttled, write_allow
from confide.reporter.decorators import organization_get, see_other, with_receipt
from confide.reporter.forms.report import ReceiptForm, ReplyForm, ReportForm, attachment_limit_mb
from confide.reporter.questions import questions_for, with_answers
from confide.reporter.receipt import ReceiptPages, receipt_download, receipt_page, redirect_to_receipt
from confide.reporter.status import thread_facts
from confide.reports.access import ReporterAccess
from confide.reports.content import content_from_form
from confide.reports.selectors.common import report_view
from confide.reports.selectors.holders import holders_page_get
from confide.reports.selectors.identity import identity_sealed_apart
from confide.reports.selectors.notices import reply_notice_on_file
from confide.reports.selectors.reporter import intake_target_get, reporter_access_get
from confide.reports.services.messages import message_create_by_reporter
from confide.reports.services.once import FORM, Answer, Spent, once_for, submission_answer, submission_spend
from confide.reports.services.submit import report_submit_once
from confide.reports.uploads import upload_error_message, upload_rejection, uploads_discard
from confide.tenants.models import Organization
from confide.web.database import DATABASE_DOWN, database_down
from confide.web.downloads import attachment_download
from confide.web.receipt_cookie import REPORT_COOKIE, csrf_cookie_clear
from confide.web.receipt_shown import REPORT_SHOWN, Shown, submission_token, submission_token_from

WRONG_RECEIPT = _("We could not find a report with this receipt. Check the words and try again.")

with_report = with_receipt(REPORT_COOKIE, reporter_access_get, away="intake:enter_receipt")


def _receipt_saved(request: HttpRequest, organization: Organization, shown: Shown) -> HttpResponse:
    if shown.once:  # the form's one-time token stays used, but its sealed receipt is forgotten now
        submission_spend(lookup=bytes.fromhex(shown.once))
    return see_other("intake:receipt_saved", organization)


RECEIPT_PAGES = ReceiptPages(
    shown=REPORT_SHOWN,
    template="reporter/receipt.html",
    page="intake:receipt",
    file="intake:receipt_file",
    back="intake:enter_receipt",
    title=_("Receipt of a report"),
    done=_receipt_saved,
)


def answer_shown(answer: Answer) -> Shown:
    return Shown(
        receipt=answer.receipt,
        reference=answer.reference,
        submitted_on=answer.submitted_on.isoformat(),
        once=answer.once_lookup.hex(),
    )


def _uploads(request: HttpRequest) -> list:
    return request.FILES.getlist("attachments")


def _upload_problem(request: HttpRequest) -> str | None:
    reason = upload_rejection(request)
    if reason:
        uploads_discard(_uploads(request))
        return upload_error_message(reason)
    return None


def _identity_sealed_apart(organization: Organization) -> bool | None:
    """Where a name given now would go; None while the database is down (the form comes back all the same, and
    its notice then promises nothing it cannot check)."""
    try:
        return identity_sealed_apart(organization_id=organization.pk)
    except DATABASE_DOWN:
        return None


def _form_page(
    request: HttpRequest, organization: Organization, form: ReportForm, *, problem: object = None, status: int = 200
) -> HttpResponse:
    # A form sent back keeps its one-time token: sent again once it went through, it files nothing more.
    submission = submission_token_from(request) if request.method == "POST" else submission_token()
    context = {
        "organization": organization,
        "limit_mb": attachment_limit_mb(),
        "form": form,
        "problem": problem,
        "submission": submission,
        "identity_sealed_apart": _identity_sealed_apart(organization),
    }
    return render(request, "reporter/form.html", context, status=status)


def _database_down_page(
    request: HttpRequest, organization: Organization, form: ReportForm, error: BaseException
) -> HttpResponse:
    """The report was not filed (its transaction rolled back); the form comes back with what was typed."""
    uploads_discard(_uploads(request))
    unavailable = database_down(error)
    problem = _("%(reason)s What you wrote is still below; files need to be attached again.") % {
        "reason": unavailable.message
    }
    response = _form_page(request, organization, form, problem=problem, status=503)
    response["Retry-After"] = str(unavailable.retry_after)
    return response


@require_http_methods(["GET", "POST"])
def submit(request: HttpRequest, org_slug: str) -> HttpResponse:
    if request.method == "GET":
        organization = organization_get(org_slug)
        return _form_page(request, organization, questions_for(ReportForm(), organization))

    form = ReportForm(request.POST)
    try:
        organization = organization_get(org_slug)
        questions_for(form, organization)
    except DATABASE_DOWN as error:
        # The first query of a post is this one: during a restart the organization is not to be had, and a
        # stand-in named by its address lets the form come back with what was typed all the same.
        return _database_down_page(request, Organization(slug=org_slug, name=org_slug), form, error)
    problem = _upload_problem(request)
    if problem:
        form.is_valid()
        return _form_page(request, organization, form, problem=problem, status=413)
    if not form.is_valid():
        uploads_discard(_uploads(request))
        return _form_page(request, organization, form, status=400)
    try:
        content = content_from_form(form.cleaned_data, anonymous=form.anonymous)
        content = with_answers(content, form, organization)
        target = intake_target_get(slug=organization.slug)
        if target is None:  # intake closed between the page and the post
            raise Http404
        once = once_for(organization_id=target.organization_id, channel=FORM, token=submission_token_from(request))
        answer = submission_answer(once=once)
        if answer is None:  # a reload or a second click files nothing, and is not throttled as a new report
            write_allow(scope="intake", organization_id=target.organization_id)
            answer = report_submit_once(
                target=target,
                content=content,
                uploads=_uploads(request),
                once=once,
                language=get_language(),
                about_leadership=bool(form.cleaned_data.get("about_leadership")),
            )
        if answer.replayed:
            uploads_discard(_uploads(request))
    except Spent:
        uploads_discard(_uploads(request))
        return render(request, "reporter/receipt_spent.html", {"organization": organization}, status=409)
    except Throttled as throttled:
        uploads_discard(_uploads(request))
        # The form comes back with everything typed, so waiting costs the reporter nothing but the files.
        problem = _("%(reason)s What you wrote is still below; files need to be attached again.") % {
            "reason": throttled.message
        }
        response = _form_page(request, organization, form, problem=problem, status=429)
        response["Retry-After"] = str(throttled.retry_after)
        return response
    except Refused as error:
        uploads_discard(_uploads(request))
        form.add_error(error.field if error.field in form.fields else None, error.message)
        return _form_page(request, organization, form, status=400)
    except DATABASE_DOWN as error:
        return _database_down_page(request, organization, form, error)
    except Exception:
        uploads_discard(_uploads(request))
        raise
    # Committed: a redirect to the receipt page, so that reloading it files nothing (the receipt goes in its
    # short-lived cookie, never in a URL).
    return redirect_to_receipt(organization, RECEIPT_PAGES, answer_shown(answer))


@require_http_methods(["GET", "POST"])
def receipt(request: HttpRequest, org_slug: str) -> HttpResponseBase:
    return receipt_page(request, organization_get(org_slug), RECEIPT_PAGES)


@require_GET
def receipt_file(request: HttpRequest, org_slug: str) -> HttpResponse:
    return receipt_download(request, organization_get(org_slug), RECEIPT_PAGES)


@require_GET
def receipt_saved(request: HttpRequest, org_slug: str) -> HttpResponse:
    return render(request, "reporter/receipt_saved.html", {"organization": organization_get(org_slug)})


@require_http_methods(["GET", "POST"])
def enter_receipt(request: HttpRequest, org_slug: str) -> HttpResponse:
    organization = organization_get(org_slug)
    if request.method == "POST":
        access = reporter_access_get(receipt=request.POST.get("receipt", "")[:200], organization=organization)
        if access is not None:
            response = see_other("intake:show_report", organization)
            REPORT_COOKIE.set(response, slug=organization.slug, receipt=request.POST["receipt"])
            return response
        # Malformed and wrong receipts get the same page (no oracle), and lose nothing typed but the receipt.
        return render(
            request,
            "reporter/enter_receipt.html",
            {"organization": organization, "form": ReceiptForm(), "problem": WRONG_RECEIPT},
            status=400,
        )
    return render(request, "reporter/enter_receipt.html", {"organization": organization, "form": ReceiptForm()})


def report_page(
    request: HttpRequest,
    organization: Organization,
    access: ReporterAccess,
    *,
    form: ReplyForm | None = None,
    problem: object = None,
    notice_problem: object = None,
    status: int = 200,
) -> HttpResponse:
    view = report_view(access=access, for_staff=False)
    context = {
        "organization": organization,
        "view": view,
        "facts": thread_facts(view),
        "notice_on_file": reply_notice_on_file(report=access.report),
        "notice_problem": notice_problem,
        "form": form or ReplyForm(),
        "problem": problem,
        "limit_mb": attachment_limit_mb(),
        "holders": holders_page_get(access=access),
    }
    return render(request, "reporter/report.html", context, status=status)


@require_GET
@with_report
def show_report(request: HttpRequest, organization: Organization, access: ReporterAccess) -> HttpResponse:
    return report_page(request, organization, access)


@require_POST
@with_report
def reply(request: HttpRequest, organization: Organization, access: ReporterAccess) -> HttpResponse:
    form = ReplyForm(request.POST)
    problem = _upload_problem(request)
    if problem:
        form.is_valid()
        return report_page(request, organization, access, form=form, problem=problem, status=413)
    if not form.is_valid():
        uploads_discard(_uploads(request))
        return report_page(request, organization, access, form=form, status=400)
    try:
        message_create_by_reporter(access=access, body=form.cleaned_data["body"], uploads=_uploads(request))
    except Throttled as throttled:
        uploads_discard(_uploads(request))
        # The form comes back with the text typed, as on the report form.
        response = report_page(request, organization, access, form=form, problem=throttled.message, status=429)
        response["Retry-After"] = str(throttled.retry_after)
        return response
    except Refused as error:
        uploads_discard(_uploads(request))
        return report_page(request, organization, access, form=form, problem=error.message, status=400)
    return see_other("intake:show_report", organization, anchor="#latest")


@require_GET
@with_report
def download_attachment(
    request: HttpRequest, organization: Organization, access: ReporterAccess, attachment_id: uuid.UUID
) -> HttpResponseBase:
    return attachment_download(access=access, attachment_id=attachment_id)


@require_POST
def leave(request: HttpRequest, org_slug: str) -> HttpResponse:
    organization = organization_get(org_slug)
    response = render(request, "reporter/left.html", {"organization": organization})
    REPORT_COOKIE.clear(response, slug=organization.slug)
    csrf_cookie_clear(request, response)
    return response
