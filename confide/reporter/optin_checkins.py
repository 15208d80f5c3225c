"""The four pages behind check-ins on the opt-in of a holder that is not a report (issue 13): a vault's home
and a signer's letter page. Start them, answer one, change the intervals, stop them with one button; a worrying
answer files a retaliation report and shows its receipt on the usual receipt page. Each door gives its own
receipt guard, its page (re-rendered with the problem) and its services."""

import functools
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.translation import get_language
from django.views.decorators.http import require_POST

from confide.core.errors import Refused
from confide.reporter.decorators import page_refused, see_other
from confide.reporter.receipt import redirect_to_receipt
from confide.reporter.report import RECEIPT_PAGES
from confide.tenants.models import Organization
from confide.web.receipt_shown import Shown


@dataclass(frozen=True)
class CheckInViews:
    start: Callable[..., HttpResponse]
    answer: Callable[..., HttpResponse]
    plan: Callable[..., HttpResponse]
    stop: Callable[..., HttpResponse]


def checkin_views(
    *,
    guard: Callable[[Callable[..., Any]], Callable[..., Any]],
    page: Callable[..., HttpResponse],
    home: str,
    start: Callable[..., Any],
    answer: Callable[..., Any],
    plan_set: Callable[..., Any],
    stop: Callable[..., Any],
) -> CheckInViews:
    """`guard` opens the holder from its cookie; `page(request, organization, access, problem=, status=)`;
    `home` the page's URL name; the services take `access=` as everywhere."""

    def refused(request: HttpRequest, organization: Organization, access: object, error: Refused) -> HttpResponse:
        return page_refused(error, functools.partial(page, request, organization, access))

    def back(organization: Organization) -> HttpResponse:
        return see_other(home, organization, "#checkins")

    @require_POST
    @guard
    def start_view(request: HttpRequest, organization: Organization, access: object) -> HttpResponse:
        try:
            start(access=access)
        except Refused as error:
            return refused(request, organization, access, error)
        return back(organization)

    @require_POST
    @guard
    def answer_view(
        request: HttpRequest, organization: Organization, access: object, checkin_id: uuid.UUID
    ) -> HttpResponse:
        try:
            submitted = answer(
                access=access, checkin_id=checkin_id, answer=request.POST.get("answer", ""), language=get_language()
            )
        except Refused as error:
            return refused(request, organization, access, error)
        if submitted is None:
            return back(organization)
        shown = Shown(
            receipt=submitted.receipt,
            reference=submitted.report.reference,
            submitted_on=submitted.report.submitted_on.isoformat(),
        )
        return redirect_to_receipt(organization, RECEIPT_PAGES, shown)

    @require_POST
    @guard
    def plan_view(request: HttpRequest, organization: Organization, access: object) -> HttpResponse:
        offsets = [int(value) if value.isdigit() else -1 for value in request.POST.getlist("offsets")]
        try:
            plan_set(access=access, offsets=offsets, after_wind_down=request.POST.get("after_wind_down") == "on")
        except Refused as error:
            return refused(request, organization, access, error)
        return back(organization)

    @require_POST
    @guard
    def stop_view(request: HttpRequest, organization: Organization, access: object) -> HttpResponse:
        try:
            stop(access=access)
        except Refused as error:
            return refused(request, organization, access, error)
        return back(organization)

    return CheckInViews(start=start_view, answer=answer_view, plan=plan_view, stop=stop_view)
