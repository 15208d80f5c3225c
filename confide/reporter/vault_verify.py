"""Confirming an address of the organization (confide.verification), so the vault's entries count. The
vault keeps only the keyed account reference, inside its encrypted content."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods, require_POST

from confide.core.errors import Refused
from confide.escrow.access import VaultAccess
from confide.escrow.services.vaults import vault_account_set
from confide.reporter.decorators import see_other
from confide.reporter.forms.verification import CodeForm, EmailForm
from confide.reporter.vault import refusal_shown, vault_required
from confide.tenants.models import Organization
from confide.verification.services import verification_confirm, verification_start


@require_http_methods(["GET", "POST"])
@vault_required
def verify(request: HttpRequest, organization: Organization, access: VaultAccess) -> HttpResponse:
    context: dict[str, object] = {"organization": organization}
    if request.method == "GET":
        return render(request, "reporter/escrow/verify_email.html", {**context, "form": EmailForm()})
    form = EmailForm(request.POST)
    if not form.is_valid():
        return render(request, "reporter/escrow/verify_email.html", {**context, "form": form}, status=400)
    try:
        challenge = verification_start(organization=organization, email=form.cleaned_data["email"])
    except Refused as error:
        context["problem"] = refusal_shown(form, error)
        return render(request, "reporter/escrow/verify_email.html", {**context, "form": form}, status=error.status)
    code_form = CodeForm(initial={"challenge": str(challenge)})
    return render(request, "reporter/escrow/verify_code.html", {**context, "form": code_form})


@require_POST
@vault_required
def verify_code(request: HttpRequest, organization: Organization, access: VaultAccess) -> HttpResponse:
    context: dict[str, object] = {"organization": organization}
    form = CodeForm(request.POST)
    if not form.is_valid():
        return render(request, "reporter/escrow/verify_code.html", {**context, "form": form}, status=400)
    try:
        account = verification_confirm(
            organization=organization, challenge_id=form.cleaned_data["challenge"], code=form.cleaned_data["code"]
        )
        vault_account_set(access=access, account_ref=account.account_ref, organization_id=account.organization_id)
    except Refused as error:
        form.add_error(None, error.message)
        return render(request, "reporter/escrow/verify_code.html", {**context, "form": form}, status=error.status)
    return see_other("vault:home", organization)
