"""Survey pages for respondents: no JavaScript, nothing blinded in the browser, so every guarantee comes from
what the server stores (confide/surveys/DESIGN.md). The one-time code proves membership; the credential then
travels in a hidden field of the answer form and is never stored; a free-text answer gets a receipt."""

import uuid

from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.utils.translation import get_language, gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from confide.core.errors import Conflict, NotFound, Refused
from confide.crypto import labels
from confide.reporter.decorators import organization_get, see_other
from confide.reporter.forms.report import ReceiptForm
from confide.reporter.forms.surveys import AnswerForm, TextToReportForm
from confide.reporter.forms.verification import CodeForm, EmailForm
from confide.reporter.receipt import ReceiptPages, receipt_download, receipt_page, redirect_to_receipt
from confide.reporter.report import RECEIPT_PAGES
from confide.surveys.models import Round
from confide.surveys.selectors.reporter import round_open_get, rounds_open_for, text_access_get, text_read
from confide.surveys.services.conversion import survey_text_to_report
from confide.surveys.services.credentials import survey_credential_issue
from confide.surveys.services.responses import survey_respond
from confide.tenants.models import Organization
from confide.verification.services import verification_confirm, verification_start
from confide.web.receipt_cookie import ReceiptCookie
from confide.web.receipt_shown import Shown, ShownCookie

WRONG_RECEIPT = gettext_lazy("We could not find a survey answer with this receipt. Check the words and try again.")

SURVEY_SHOWN = ShownCookie(ReceiptCookie(name="confide_ss", label=labels.SHOWN_RECEIPT_COOKIE, subpath="surveys/"))

SURVEY_RECEIPT_PAGES = ReceiptPages(
    shown=SURVEY_SHOWN,
    template="reporter/surveys/receipt.html",
    page="surveys_public:receipt",
    file="surveys_public:receipt_file",
    back="surveys_public:text",
    title=gettext_lazy("Receipt of a survey answer"),
    done=lambda request, organization, shown: see_other("surveys_public:thanks", organization),
)


def _round(organization: Organization, round_id: uuid.UUID) -> Round:
    return round_open_get(organization=organization, round_id=round_id)


def _page(request: HttpRequest, template: str, context: dict, status: int = 200) -> HttpResponse:
    return render(request, f"reporter/surveys/{template}", context, status=status)


@require_GET
def surveys(request: HttpRequest, org_slug: str) -> HttpResponse:
    organization = organization_get(org_slug)
    context = {"organization": organization, "rounds": rounds_open_for(organization=organization)}
    return _page(request, "list.html", context)


@require_GET
def survey(request: HttpRequest, org_slug: str, round_id: uuid.UUID) -> HttpResponse:
    organization = organization_get(org_slug)
    context = {"organization": organization, "round": _round(organization, round_id), "form": EmailForm()}
    return _page(request, "start.html", context)


@require_POST
def verify(request: HttpRequest, org_slug: str, round_id: uuid.UUID) -> HttpResponse:
    """Step 1: a code to a staff address; the same answer whether or not the address is on the roster."""
    organization = organization_get(org_slug)
    context: dict[str, object] = {"organization": organization, "round": _round(organization, round_id)}
    form = EmailForm(request.POST)
    if not form.is_valid():
        return _page(request, "start.html", {**context, "form": form}, status=400)
    try:
        challenge = verification_start(organization=organization, email=form.cleaned_data["email"])
    except Refused as error:  # the address stays in the form
        form.add_error("email" if error.field == "email" else None, error.message)
        return _page(request, "start.html", {**context, "form": form}, status=error.status)
    return _page(request, "code.html", {**context, "form": CodeForm(initial={"challenge": str(challenge)})})


@require_POST
def code(request: HttpRequest, org_slug: str, round_id: uuid.UUID) -> HttpResponse:
    """Step 2: the code; the credential comes back in the answer form, and the server keeps only the marker."""
    organization = organization_get(org_slug)
    survey_round = _round(organization, round_id)
    context: dict[str, object] = {"organization": organization, "round": survey_round}
    form = CodeForm(request.POST)
    if not form.is_valid():
        return _page(request, "code.html", {**context, "form": form}, status=400)
    try:
        account = verification_confirm(
            organization=organization, challenge_id=form.cleaned_data["challenge"], code=form.cleaned_data["code"]
        )
        credential = survey_credential_issue(survey_round=survey_round, account=account)
    except Conflict as error:
        return _page(request, "taken_part.html", {**context, "problem": error.message}, status=error.status)
    except NotFound:
        raise
    except Refused as error:
        form.add_error(None, error.message)
        return _page(request, "code.html", {**context, "form": form}, status=error.status)
    answer_form = AnswerForm(initial={"credential": credential}, survey=survey_round.survey)
    return _page(request, "answer.html", {**context, "form": answer_form})


@require_POST
def answer(request: HttpRequest, org_slug: str, round_id: uuid.UUID) -> HttpResponse:
    organization = organization_get(org_slug)
    survey_round = _round(organization, round_id)
    context: dict[str, object] = {"organization": organization, "round": survey_round}
    form = AnswerForm(request.POST, survey=survey_round.survey)
    if not form.is_valid():
        return _page(request, "answer.html", {**context, "form": form}, status=400)
    try:
        responded = survey_respond(
            survey_round=survey_round,
            credential=form.cleaned_data["credential"],
            answers=form.answers(),
            free_text=form.cleaned_data.get("free_text", ""),
            language=get_language(),
        )
    except Conflict as error:
        return _page(request, "taken_part.html", {**context, "problem": error.message}, status=error.status)
    except NotFound:
        raise
    except Refused as error:
        form.add_error(error.field if error.field in form.fields else None, error.message)
        return _page(request, "answer.html", {**context, "form": form}, status=error.status)
    if responded.receipt is None:
        return see_other("surveys_public:thanks", organization)
    return redirect_to_receipt(organization, SURVEY_RECEIPT_PAGES, Shown(receipt=responded.receipt))


@require_GET
def thanks(request: HttpRequest, org_slug: str) -> HttpResponse:
    return _page(request, "thanks.html", {"organization": organization_get(org_slug)})


@require_http_methods(["GET", "POST"])
def receipt(request: HttpRequest, org_slug: str) -> HttpResponseBase:
    return receipt_page(request, organization_get(org_slug), SURVEY_RECEIPT_PAGES)


@require_GET
def receipt_file(request: HttpRequest, org_slug: str) -> HttpResponse:
    return receipt_download(request, organization_get(org_slug), SURVEY_RECEIPT_PAGES)


@require_http_methods(["GET", "POST"])
def text(request: HttpRequest, org_slug: str) -> HttpResponse:
    """The author of a free-text answer opens it with its receipt, to turn it into a report if they wish."""
    organization = organization_get(org_slug)
    if request.method == "GET":
        return _page(request, "text_open.html", {"organization": organization, "form": ReceiptForm()})
    receipt_typed = request.POST.get("receipt", "")[:200]
    access = text_access_get(receipt=receipt_typed, organization=organization)
    if access is None:
        context = {"organization": organization, "form": ReceiptForm(), "problem": WRONG_RECEIPT}
        return _page(request, "text_open.html", context, status=400)
    form = TextToReportForm(initial={"receipt": receipt_typed})
    context = {"organization": organization, "text": text_read(access=access), "form": form}
    return _page(request, "text_report.html", context)


@require_POST
def text_report(request: HttpRequest, org_slug: str) -> HttpResponse:
    organization = organization_get(org_slug)
    form = TextToReportForm(request.POST)
    access = text_access_get(receipt=request.POST.get("receipt", "")[:200], organization=organization)
    if access is None:
        context = {"organization": organization, "form": ReceiptForm(), "problem": WRONG_RECEIPT}
        return _page(request, "text_open.html", context, status=400)
    context = {"organization": organization, "text": text_read(access=access), "form": form}
    if not form.is_valid():
        return _page(request, "text_report.html", context, status=400)
    try:
        submitted = survey_text_to_report(
            access=access, category=form.cleaned_data["category"], language=get_language()
        )
    except NotFound:
        raise
    except Refused as error:
        return _page(request, "text_report.html", {**context, "problem": error.message}, status=error.status)
    shown = Shown(
        receipt=submitted.receipt,
        reference=submitted.report.reference,
        submitted_on=submitted.report.submitted_on.isoformat(),
    )
    return redirect_to_receipt(organization, RECEIPT_PAGES, shown)
