"""The identity custodian's pages (issue 15): the requests to open a reporter's sealed identity waiting for
them, and the approval with a written reason. Anyone else gets the one 404."""

import uuid

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from confide.accounts.access import Unlocked
from confide.accounts.models import User
from confide.core.errors import NotFound, Refused
from confide.reports.selectors.identity import custodian_disclosures_pending
from confide.reports.services.identity import REASON_MAX_CHARS, identity_disclosure_approve
from confide.staff.decorators import staff_required, staff_secret_key, staff_user


def _custodian(request: HttpRequest) -> User:
    user = staff_user(request)
    if user.role != User.Role.CUSTODIAN:
        raise NotFound()
    return user


def _page(request: HttpRequest, *, problem: str = "", failed: str = "", status: int = 200) -> HttpResponse:
    context = {
        "pending": custodian_disclosures_pending(user=_custodian(request)),
        "problem": problem,
        "failed": failed,
        "typed": request.POST.get("reason", "") if failed else "",
        "reason_max": REASON_MAX_CHARS,
    }
    return render(request, "staff/custodian/requests.html", context, status=status)


@require_GET
@staff_required
def requests(request: HttpRequest) -> HttpResponse:
    return _page(request)


@require_POST
@staff_required
def approve(request: HttpRequest, disclosure_id: uuid.UUID) -> HttpResponse:
    user = _custodian(request)
    try:
        identity_disclosure_approve(
            unlocked=Unlocked(user=user, secret_key=staff_secret_key(request)),
            disclosure_id=disclosure_id,
            reason=request.POST.get("reason", "")[: REASON_MAX_CHARS * 2],
        )
    except NotFound:
        raise
    except Refused as error:
        return _page(request, problem=error.message, failed=str(disclosure_id), status=error.status)
    return redirect("custodian:requests")
