"""Confirming an address of the organization (confide.verification), so the vault's entries count. The
vault keeps only the keyed account reference, inside its encrypted content."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods, require_POST

from confide.escrow.access import VaultAccess
from confide.escrow.services import EscrowRefused, vault_account_set
from confide.reporter.vault import _see_other, with_vault
from confide.tenants.models import Organization


@require_http_methods(["GET", "POST"])
@with_vault
def verify(request: HttpRequest, organization: Organization, access: VaultAccess) -> HttpResponse:
    from confide.reporter.forms.verification import CodeForm, EmailForm
    from confide.verification.services import VerificationError, verification_start

    context = {"organization": organization}
    if request.method == "GET":
        return render(request, "reporter/escrow/verify_email.html", {**context, "form": EmailForm()})
    form = EmailForm(request.POST)
    if not form.is_valid():
        return render(request, "reporter/escrow/verify_email.html", {**context, "form": form}, status=400)
    try:
        challenge = verification_start(organization=organization, email=form.cleaned_data["email"])
    except VerificationError as error:
        form.add_error("email", error.message)
        return render(request, "reporter/escrow/verify_email.html", {**context, "form": form}, status=400)
    code_form = CodeForm(initial={"challenge": str(challenge)})
    return render(request, "reporter/escrow/verify_code.html", {**context, "form": code_form})


@require_POST
@with_vault
def verify_code(request: HttpRequest, organization: Organization, access: VaultAccess) -> HttpResponse:
    from confide.reporter.forms.verification import CodeForm
    from confide.verification.services import VerificationError, verification_confirm

    context = {"organization": organization}
    form = CodeForm(request.POST)
    if not form.is_valid():
        return render(request, "reporter/escrow/verify_code.html", {**context, "form": form}, status=400)
    try:
        account = verification_confirm(
            organization=organization, challenge_id=form.cleaned_data["challenge"], code=form.cleaned_data["code"]
        )
        vault_account_set(access=access, account_ref=account.account_ref, organization_id=account.organization_id)
    except (VerificationError, EscrowRefused) as error:
        form.add_error(None, error.message)
        return render(request, "reporter/escrow/verify_code.html", {**context, "form": form}, status=400)
    return _see_other("vault:home", organization)
