"""The reporter's vault pages. No JavaScript, no server-side session, nothing that fingerprints the reporter.

Every page behind the receipt is wrapped in `with_receipt`, which opens the vault from its cookie. A refusal
from escrow re-renders the form with what was typed: on its field when it names one of the form's, else as
the page's problem (a spent allowance, matching unavailable), with the refusal's status."""

import uuid
from collections.abc import Callable

from django import forms
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from confide.core.errors import Refused, Unavailable
from confide.core.identifiers import identifiers_collect
from confide.escrow.access import VaultAccess
from confide.escrow.models import ThreadMessage
from confide.escrow.selectors.reporter import (
    entry_group_get,
    entry_group_summary,
    record_get,
    vault_access_get,
    vault_view,
)
from confide.escrow.services.checkins import vault_checkins_view
from confide.escrow.services.conversion import entry_to_report, record_to_report
from confide.escrow.services.entries import escrow_entry_create, escrow_entry_update, escrow_entry_withdraw
from confide.escrow.services.records import record_create, record_delete
from confide.escrow.services.threads import thread_message_create
from confide.escrow.services.vaults import vault_create_once
from confide.reporter.decorators import organization_get, see_other, with_receipt
from confide.reporter.forms.report import ReceiptForm
from confide.reporter.forms.vault import EntryEditForm, EntryForm, MessageForm, RecordForm, ToReportForm
from confide.reporter.receipt import ReceiptPages, receipt_download, receipt_page, redirect_to_receipt
from confide.reporter.report import RECEIPT_PAGES
from confide.reports.services.once import VAULT, Spent, once_for, submission_spend
from confide.reports.services.submit import SubmittedReport
from confide.tenants.models import Organization
from confide.web.receipt_cookie import VAULT_COOKIE, csrf_cookie_clear
from confide.web.receipt_shown import VAULT_SHOWN, Shown, submission_token, submission_token_from

WRONG_RECEIPT = _("We could not find a vault with this receipt. Check the words and try again.")

vault_required = with_receipt(VAULT_COOKIE, vault_access_get, away="vault:open")

VAULT_RECEIPT_PAGES = ReceiptPages(
    shown=VAULT_SHOWN,
    template="reporter/escrow/receipt.html",
    page="vault:receipt",
    file="vault:receipt_file",
    back="vault:open",
    title=_("Receipt of a private vault"),
    done=lambda request, organization, shown: _receipt_saved(organization, shown),
)


def _receipt_saved(organization: Organization, shown: Shown) -> HttpResponse:
    if shown.once:  # the start form's token stays used, but its sealed receipt is forgotten now
        submission_spend(lookup=bytes.fromhex(shown.once))
    return see_other("vault:home", organization)


def refusal_shown(form: forms.Form, error: Refused) -> str | None:
    """Put a refusal on the form: on its field when it names one of the form's, else on the whole form. A
    dependency that is down or busy is no fault of the form: its sentence comes back as the page's problem."""
    if isinstance(error, Unavailable):
        return error.message
    form.add_error(error.field if error.field in form.fields else None, error.message)
    return None


@require_http_methods(["GET", "POST"])
def start(request: HttpRequest, org_slug: str) -> HttpResponse:
    organization = organization_get(org_slug)
    if request.method == "GET":
        context = {"organization": organization, "submission": submission_token()}
        return render(request, "reporter/escrow/start.html", context)
    once = once_for(organization_id=organization.pk, channel=VAULT, token=submission_token_from(request))
    try:
        answer = vault_create_once(organization=organization, once=once, language=get_language())
    except Spent:
        return render(request, "reporter/escrow/start_spent.html", {"organization": organization}, status=409)
    # Never in a URL: the receipt page is reached by a redirect (a reload opens no second vault, nor does a
    # second click), the receipt in its short-lived cookie; the vault's own cookie lets the reporter go in.
    shown = Shown(receipt=answer.receipt, once=answer.once_lookup.hex())
    response = redirect_to_receipt(organization, VAULT_RECEIPT_PAGES, shown)
    VAULT_COOKIE.set(response, slug=organization.slug, receipt=answer.receipt)
    return response


@require_http_methods(["GET", "POST"])
def receipt(request: HttpRequest, org_slug: str) -> HttpResponseBase:
    return receipt_page(request, organization_get(org_slug), VAULT_RECEIPT_PAGES)


@require_GET
def receipt_file(request: HttpRequest, org_slug: str) -> HttpResponse:
    return receipt_download(request, organization_get(org_slug), VAULT_RECEIPT_PAGES)


@require_http_methods(["GET", "POST"])
def open_vault(request: HttpRequest, org_slug: str) -> HttpResponse:
    organization = organization_get(org_slug)
    if request.method == "GET":
        return render(request, "reporter/escrow/open.html", {"organization": organization, "form": ReceiptForm()})
    receipt = request.POST.get("receipt", "")[:200]
    if vault_access_get(receipt=receipt, organization=organization) is None:
        context = {"organization": organization, "form": ReceiptForm(), "problem": WRONG_RECEIPT}
        return render(request, "reporter/escrow/open.html", context, status=400)
    response = see_other("vault:home", organization)
    VAULT_COOKIE.set(response, slug=organization.slug, receipt=receipt)
    return response


def _home(
    request: HttpRequest,
    organization: Organization,
    access: VaultAccess,
    *,
    status: int = 200,
    record_form: RecordForm | None = None,
    message_form: MessageForm | None = None,
    problem: str | None = None,
) -> HttpResponse:
    context = {
        "organization": organization,
        "view": vault_view(access=access),
        "checkins": vault_checkins_view(access=access),
        "record_form": record_form or RecordForm(),
        "message_form": message_form or MessageForm(),
        "problem": problem,
    }
    return render(request, "reporter/escrow/home.html", context, status=status)


@require_GET
@vault_required
def home(request: HttpRequest, organization: Organization, access: VaultAccess) -> HttpResponse:
    return _home(request, organization, access)


@require_POST
@vault_required
def record_new(request: HttpRequest, organization: Organization, access: VaultAccess) -> HttpResponse:
    form = RecordForm(request.POST)
    if not form.is_valid():
        return _home(request, organization, access, record_form=form, status=400)
    try:
        record_create(access=access, text=form.cleaned_data["text"])
    except Refused as error:  # the text stays in the form
        problem = refusal_shown(form, error)
        return _home(request, organization, access, record_form=form, problem=problem, status=error.status)
    return see_other("vault:home", organization, "#records")


@require_POST
@vault_required
def record_remove(
    request: HttpRequest, organization: Organization, access: VaultAccess, record_id: uuid.UUID
) -> HttpResponse:
    if not record_delete(access=access, record_id=record_id):
        raise Http404
    return see_other("vault:home", organization, "#records")


def _entry_page(
    request: HttpRequest, organization: Organization, form: EntryForm, *, status: int = 200, problem: str | None = None
) -> HttpResponse:
    context = {"organization": organization, "form": form, "problem": problem}
    return render(request, "reporter/escrow/entry_form.html", context, status=status)


@require_http_methods(["GET", "POST"])
@vault_required
def entry_new(request: HttpRequest, organization: Organization, access: VaultAccess) -> HttpResponse:
    if request.method == "GET":
        found = record_get(access=access, record_id=request.GET.get("record"))
        return _entry_page(request, organization, EntryForm(initial={"text": found[1].text} if found else {}))
    form = EntryForm(request.POST)
    if not form.is_valid():
        return _entry_page(request, organization, form, status=400)
    data = form.cleaned_data
    try:
        identifiers = identifiers_collect(
            email=data["email"],
            phone=data["phone"],
            handle=data["handle"],
            platform=data["platform"],
            name=data["name"],
            tenant=organization.slug,
        )
        escrow_entry_create(access=access, identifiers=identifiers, text=data["text"])
    except Refused as error:
        problem = refusal_shown(form, error)
        response = _entry_page(request, organization, form, status=error.status, problem=problem)
        if isinstance(error, Unavailable):  # busy, down or a spent daily allowance: says when to try again
            response["Retry-After"] = str(error.retry_after)
        return response
    return see_other("vault:home", organization, "#entries")


@require_http_methods(["GET", "POST"])
@vault_required
def entry_edit(
    request: HttpRequest, organization: Organization, access: VaultAccess, group_id: uuid.UUID
) -> HttpResponse:
    group = entry_group_get(access=access, group_id=group_id)
    if group is None:
        raise Http404
    context = {"organization": organization, "entry": entry_group_summary(group)}
    if request.method == "GET":
        form = EntryEditForm(initial={"text": group.text})
        return render(request, "reporter/escrow/entry_edit.html", {**context, "form": form})
    form = EntryEditForm(request.POST)
    if not form.is_valid():
        return render(request, "reporter/escrow/entry_edit.html", {**context, "form": form}, status=400)
    try:
        escrow_entry_update(access=access, group=group, text=form.cleaned_data["text"])
    except Refused as error:
        context["problem"] = refusal_shown(form, error)
        return render(request, "reporter/escrow/entry_edit.html", {**context, "form": form}, status=error.status)
    return see_other("vault:home", organization, "#entries")


@require_POST
@vault_required
def entry_withdraw(
    request: HttpRequest, organization: Organization, access: VaultAccess, group_id: uuid.UUID
) -> HttpResponse:
    group = entry_group_get(access=access, group_id=group_id)
    if group is None:
        raise Http404
    escrow_entry_withdraw(access=access, group=group)
    return see_other("vault:home", organization, "#entries")


def _to_report(
    request: HttpRequest,
    organization: Organization,
    *,
    title: str,
    text: str,
    convert: Callable[[str], SubmittedReport | None],
) -> HttpResponse:
    context: dict[str, object] = {"organization": organization, "title": title, "text": text}
    form = ToReportForm(request.POST or None)
    if request.method == "GET":
        return render(request, "reporter/escrow/to_report.html", {**context, "form": form})
    if not form.is_valid():
        return render(request, "reporter/escrow/to_report.html", {**context, "form": form}, status=400)
    try:
        submitted = convert(form.cleaned_data["category"])
    except Refused as error:
        context["problem"] = error.message
        return render(request, "reporter/escrow/to_report.html", {**context, "form": form}, status=error.status)
    if submitted is None:
        raise Http404
    # The report has its own receipt, on the same receipt page as a report made from the form.
    shown = Shown(
        receipt=submitted.receipt,
        reference=submitted.report.reference,
        submitted_on=submitted.report.submitted_on.isoformat(),
    )
    return redirect_to_receipt(organization, RECEIPT_PAGES, shown)


@require_http_methods(["GET", "POST"])
@vault_required
def record_report(
    request: HttpRequest, organization: Organization, access: VaultAccess, record_id: uuid.UUID
) -> HttpResponse:
    found = record_get(access=access, record_id=record_id)
    if found is None:
        raise Http404
    return _to_report(
        request,
        organization,
        title=str(_("Turn this record into a report")),
        text=found[1].text,
        convert=lambda category: record_to_report(
            access=access, record_id=record_id, category=category, language=get_language()
        ),
    )


@require_http_methods(["GET", "POST"])
@vault_required
def entry_report(
    request: HttpRequest, organization: Organization, access: VaultAccess, group_id: uuid.UUID
) -> HttpResponse:
    group = entry_group_get(access=access, group_id=group_id)
    if group is None:
        raise Http404
    return _to_report(
        request,
        organization,
        title=str(_("Turn this entry into a report")),
        text=group.text,
        convert=lambda category: entry_to_report(
            access=access, group_id=group.id, category=category, language=get_language()
        ),
    )


@require_POST
@vault_required
def message_new(request: HttpRequest, organization: Organization, access: VaultAccess) -> HttpResponse:
    form = MessageForm(request.POST)
    if not form.is_valid():
        return _home(request, organization, access, message_form=form, status=400)
    try:
        thread_message_create(
            vault_id=access.vault.pk,
            thread_key=access.thread_key,
            body=form.cleaned_data["body"],
            author_kind=ThreadMessage.Author.REPORTER,
        )
    except Refused as error:
        problem = refusal_shown(form, error)
        return _home(request, organization, access, message_form=form, problem=problem, status=error.status)
    return see_other("vault:home", organization, "#thread")


@require_POST
def leave(request: HttpRequest, org_slug: str) -> HttpResponse:
    organization = organization_get(org_slug)
    response = render(request, "reporter/left.html", {"organization": organization})
    VAULT_COOKIE.clear(response, slug=organization.slug)
    csrf_cookie_clear(request, response)
    return response
