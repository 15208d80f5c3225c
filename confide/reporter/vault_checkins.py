"""Retaliation check-ins on the vault home (issue 13), on the reporter's opt-in: start them, answer one, change
the intervals, stop them with one button. A worrying answer files a retaliation report and shows its receipt on
the usual receipt page."""

import uuid

from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import get_language
from django.views.decorators.http import require_POST

from confide.core.errors import NotFound, Refused
from confide.core.throttle import Throttled
from confide.escrow.access import VaultAccess
from confide.escrow.services.checkins import (
    vault_checkin_answer,
    vault_checkin_plan_set,
    vault_checkins_start,
    vault_checkins_stop,
)
from confide.reporter.decorators import see_other
from confide.reporter.receipt import redirect_to_receipt
from confide.reporter.report import RECEIPT_PAGES
from confide.reporter.vault import _home, vault_required
from confide.tenants.models import Organization
from confide.web.receipt_shown import Shown


def _refused(
    request: HttpRequest, organization: Organization, access: VaultAccess, error: Refused | Throttled
) -> HttpResponse:
    if isinstance(error, NotFound):
        raise Http404  # another vault's check-in, or none
    if isinstance(error, Throttled):
        response = _home(request, organization, access, problem=error.message, status=429)
        response["Retry-After"] = str(error.retry_after)
        return response
    return _home(request, organization, access, problem=error.message, status=error.status)


@require_POST
@vault_required
def start(request: HttpRequest, organization: Organization, access: VaultAccess) -> HttpResponse:
    try:
        vault_checkins_start(access=access)
    except (Refused, Throttled) as error:
        return _refused(request, organization, access, error)
    return see_other("vault:home", organization, "#checkins")


@require_POST
@vault_required
def answer(
    request: HttpRequest, organization: Organization, access: VaultAccess, checkin_id: uuid.UUID
) -> HttpResponse:
    try:
        submitted = vault_checkin_answer(
            access=access, checkin_id=checkin_id, answer=request.POST.get("answer", ""), language=get_language()
        )
    except (Refused, Throttled) as error:
        return _refused(request, organization, access, error)
    if submitted is None:
        return see_other("vault:home", organization, "#checkins")
    shown = Shown(
        receipt=submitted.receipt,
        reference=submitted.report.reference,
        submitted_on=submitted.report.submitted_on.isoformat(),
    )
    return redirect_to_receipt(organization, RECEIPT_PAGES, shown)


@require_POST
@vault_required
def plan(request: HttpRequest, organization: Organization, access: VaultAccess) -> HttpResponse:
    offsets = [int(value) if value.isdigit() else -1 for value in request.POST.getlist("offsets")]
    try:
        vault_checkin_plan_set(
            access=access, offsets=offsets, after_wind_down=request.POST.get("after_wind_down") == "on"
        )
    except (Refused, Throttled) as error:
        return _refused(request, organization, access, error)
    return see_other("vault:home", organization, "#checkins")


@require_POST
@vault_required
def stop(request: HttpRequest, organization: Organization, access: VaultAccess) -> HttpResponse:
    vault_checkins_stop(access=access)
    return see_other("vault:home", organization, "#checkins")
