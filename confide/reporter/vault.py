"""The reporter's vault pages. No JavaScript, no server-side session, nothing that fingerprints the reporter."""

import uuid
from collections.abc import Callable

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from confide.core.identifiers import IdentifierError, identifiers_collect
from confide.core.throttle import Throttled
from confide.escrow.access import VaultAccess
from confide.escrow.conversion import entry_to_report, record_to_report
from confide.escrow.keyholder import OprfRateLimited, OprfUnavailable
from confide.escrow.models import ThreadMessage
from confide.escrow.selectors import entry_group_get, entry_group_summary, record_get, vault_access_get, vault_view
from confide.escrow.services import (
    EscrowRefused,
    escrow_entry_create,
    escrow_entry_update,
    escrow_entry_withdraw,
    record_create,
    record_delete,
    vault_create,
)
from confide.escrow.threads import thread_message_create
from confide.reporter.forms.report import ReceiptForm
from confide.reporter.forms.vault import EntryEditForm, EntryForm, MessageForm, RecordForm, ToReportForm
from confide.tenants.models import Organization
from confide.tenants.selectors import organization_for_intake
from confide.web.receipt_cookie import VAULT_COOKIE

WRONG_RECEIPT = _("We could not find a vault with this receipt. Check the words and try again.")
RATE_LIMITED = _("Too many people named from this account today. Please try again tomorrow; nothing was saved.")
UNAVAILABLE = _("Matching is unavailable right now. Please try again later; nothing was saved.")

View = Callable[..., HttpResponse]


def _organization(slug: str) -> Organization:
    organization = organization_for_intake(slug=slug)
    if organization is None:
        raise Http404
    return organization


def _see_other(name: str, organization: Organization, anchor: str = "") -> HttpResponse:
    response = redirect(reverse(name, kwargs={"org_slug": organization.slug}) + anchor)
    response.status_code = 303
    return response


def with_vault(view: View) -> View:
    """Open the vault from the cookie, or send the reporter to the receipt page (which clears it)."""

    def wrapper(request: HttpRequest, org_slug: str, **kwargs) -> HttpResponse:
        organization = _organization(org_slug)
        receipt = VAULT_COOKIE.read(request, slug=organization.slug)
        access = vault_access_get(receipt=receipt, organization=organization) if receipt else None
        if access is None:
            response = _see_other("vault:open", organization)
            VAULT_COOKIE.clear(response, slug=organization.slug)
            return response
        response = view(request, organization, access, **kwargs)
        VAULT_COOKIE.set(response, slug=organization.slug, receipt=receipt or "")  # sliding expiry
        return response

    wrapper.__name__ = view.__name__
    return wrapper


@require_http_methods(["GET", "POST"])
def start(request: HttpRequest, org_slug: str) -> HttpResponse:
    organization = _organization(org_slug)
    if request.method == "GET":
        return render(request, "reporter/escrow/start.html", {"organization": organization})
    created = vault_create(organization=organization)
    # Shown in the POST response only, never in a URL; the cookie lets the reporter go straight in.
    response = render(
        request, "reporter/escrow/receipt.html", {"organization": organization, "receipt": created.receipt}
    )
    VAULT_COOKIE.set(response, slug=organization.slug, receipt=created.receipt)
    return response


@require_http_methods(["GET", "POST"])
def open_vault(request: HttpRequest, org_slug: str) -> HttpResponse:
    organization = _organization(org_slug)
    if request.method == "GET":
        return render(request, "reporter/escrow/open.html", {"organization": organization, "form": ReceiptForm()})
    receipt = request.POST.get("receipt", "")[:200]
    if vault_access_get(receipt=receipt, organization=organization) is None:
        context = {"organization": organization, "form": ReceiptForm(), "problem": WRONG_RECEIPT}
        return render(request, "reporter/escrow/open.html", context, status=400)
    response = _see_other("vault:home", organization)
    VAULT_COOKIE.set(response, slug=organization.slug, receipt=receipt)
    return response


def _home(request, organization, access, *, status=200, **forms) -> HttpResponse:
    context = {
        "organization": organization,
        "view": vault_view(access=access),
        "record_form": forms.get("record_form") or RecordForm(),
        "message_form": forms.get("message_form") or MessageForm(),
        "problem": forms.get("problem"),
    }
    return render(request, "reporter/escrow/home.html", context, status=status)


@require_GET
@with_vault
def home(request: HttpRequest, organization: Organization, access: VaultAccess) -> HttpResponse:
    return _home(request, organization, access)


@require_POST
@with_vault
def record_new(request: HttpRequest, organization: Organization, access: VaultAccess) -> HttpResponse:
    form = RecordForm(request.POST)
    if not form.is_valid():
        return _home(request, organization, access, record_form=form, status=400)
    try:
        record_create(access=access, text=form.cleaned_data["text"])
    except EscrowRefused as error:
        form.add_error("text", error.message)
        return _home(request, organization, access, record_form=form, status=400)
    except Throttled as throttled:  # the text stays in the form
        return _home(request, organization, access, record_form=form, status=429, problem=throttled.message)
    return _see_other("vault:home", organization, "#records")


@require_POST
@with_vault
def record_remove(request, organization, access, record_id: uuid.UUID) -> HttpResponse:
    if not record_delete(access=access, record_id=record_id):
        raise Http404
    return _see_other("vault:home", organization, "#records")


def _entry_page(request, organization, form, *, status=200, problem=None) -> HttpResponse:
    context = {"organization": organization, "form": form, "problem": problem}
    return render(request, "reporter/escrow/entry_form.html", context, status=status)


@require_http_methods(["GET", "POST"])
@with_vault
def entry_new(request: HttpRequest, organization: Organization, access: VaultAccess) -> HttpResponse:
    if request.method == "GET":
        initial = {}
        found = (
            record_get(access=access, record_id=request.GET.get("record"))
            if _is_uuid(request.GET.get("record"))
            else None
        )
        if found is not None:
            initial["text"] = found[1].text
        return _entry_page(request, organization, EntryForm(initial=initial))
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
    except IdentifierError as error:
        form.add_error(error.field if error.field in form.fields else None, str(error))
        return _entry_page(request, organization, form, status=400)
    except EscrowRefused as error:
        form.add_error(error.field if error.field in form.fields else None, error.message)
        return _entry_page(request, organization, form, status=400)
    except OprfRateLimited:
        return _entry_page(request, organization, form, status=429, problem=RATE_LIMITED)
    except Throttled as throttled:
        return _entry_page(request, organization, form, status=429, problem=throttled.message)
    except OprfUnavailable:
        return _entry_page(request, organization, form, status=503, problem=UNAVAILABLE)
    return _see_other("vault:home", organization, "#entries")


def _is_uuid(value) -> bool:
    try:
        uuid.UUID(str(value))
    except ValueError:
        return False
    return True


@require_http_methods(["GET", "POST"])
@with_vault
def entry_edit(request, organization, access, group_id: uuid.UUID) -> HttpResponse:
    group = entry_group_get(access=access, group_id=group_id)
    if group is None:
        raise Http404
    context = {"organization": organization, "entry": entry_group_summary(group)}
    if request.method == "GET":
        form = EntryEditForm(initial={"text": group.text})
        return render(request, "reporter/escrow/entry_edit.html", {**context, "form": form})
    form = EntryEditForm(request.POST)
    try:
        if not form.is_valid():
            raise EscrowRefused("")
        escrow_entry_update(access=access, group=group, text=form.cleaned_data["text"])
    except EscrowRefused as error:
        if error.message:
            form.add_error("text", error.message)
        return render(request, "reporter/escrow/entry_edit.html", {**context, "form": form}, status=400)
    return _see_other("vault:home", organization, "#entries")


@require_POST
@with_vault
def entry_withdraw(request, organization, access, group_id: uuid.UUID) -> HttpResponse:
    group = entry_group_get(access=access, group_id=group_id)
    if group is None:
        raise Http404
    escrow_entry_withdraw(access=access, group=group)
    return _see_other("vault:home", organization, "#entries")


def _to_report(request, organization, *, title: str, text: str, convert) -> HttpResponse:
    context = {"organization": organization, "title": title, "text": text}
    form = ToReportForm(request.POST or None)
    if request.method == "GET":
        return render(request, "reporter/escrow/to_report.html", {**context, "form": form})
    if not form.is_valid():
        return render(request, "reporter/escrow/to_report.html", {**context, "form": form}, status=400)
    try:
        submitted = convert(form.cleaned_data["category"])
    except EscrowRefused as error:
        context["problem"] = error.message
        return render(request, "reporter/escrow/to_report.html", {**context, "form": form}, status=400)
    # The report has its own receipt, shown once, exactly as for a report made from the form.
    return render(
        request,
        "reporter/receipt.html",
        {"organization": organization, "receipt": submitted.receipt, "report": submitted.report},
    )


@require_http_methods(["GET", "POST"])
@with_vault
def record_report(request, organization, access, record_id: uuid.UUID) -> HttpResponse:
    found = record_get(access=access, record_id=record_id)
    if found is None:
        raise Http404
    return _to_report(
        request,
        organization,
        title=str(_("Turn this record into a report")),
        text=found[1].text,
        convert=lambda category: record_to_report(access=access, record_id=record_id, category=category),
    )


@require_http_methods(["GET", "POST"])
@with_vault
def entry_report(request, organization, access, group_id: uuid.UUID) -> HttpResponse:
    group = entry_group_get(access=access, group_id=group_id)
    if group is None:
        raise Http404
    return _to_report(
        request,
        organization,
        title=str(_("Turn this entry into a report")),
        text=group.text,
        convert=lambda category: entry_to_report(access=access, group_id=group.id, category=category),
    )


@require_POST
@with_vault
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
    except EscrowRefused as error:
        form.add_error("body", error.message)
        return _home(request, organization, access, message_form=form, status=400)
    except Throttled as throttled:
        return _home(request, organization, access, message_form=form, status=429, problem=throttled.message)
    return _see_other("vault:home", organization, "#thread")


@require_POST
def leave(request: HttpRequest, org_slug: str) -> HttpResponse:
    organization = _organization(org_slug)
    response = render(request, "reporter/left.html", {"organization": organization})
    VAULT_COOKIE.clear(response, slug=organization.slug)
    return response
