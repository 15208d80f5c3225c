"""The reporter's holders section on the thread page (issue 13): asking that a holder be excluded, and letting
an independent body holding the case see their identity (or taking that back). Nothing here is recorded in
the audit log or dated beyond the day (G2)."""

import functools
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_POST

from confide.core.errors import Refused
from confide.reporter.decorators import page_refused, see_other
from confide.reporter.report import report_page, with_report
from confide.reports.access import ReporterAccess
from confide.reports.services.exclusion_asks import holder_exclusion_ask
from confide.reports.services.handover import handover_identity_share, handover_identity_withdraw
from confide.tenants.models import Organization


def _run(
    request: HttpRequest, organization: Organization, access: ReporterAccess, action: Callable[[], object]
) -> HttpResponse:
    try:
        action()
    except Refused as error:
        return page_refused(error, functools.partial(report_page, request, organization, access))
    return see_other("intake:show_report", organization, anchor="#holders")


@require_POST
@with_report
def ask_exclusion(request: HttpRequest, organization: Organization, access: ReporterAccess) -> HttpResponse:
    slot = request.POST.get("holder", "")[:10]
    return _run(request, organization, access, lambda: holder_exclusion_ask(access=access, slot=slot))


@require_POST
@with_report
def share_identity(request: HttpRequest, organization: Organization, access: ReporterAccess) -> HttpResponse:
    return _run(request, organization, access, lambda: handover_identity_share(access=access))


@require_POST
@with_report
def withdraw_identity(request: HttpRequest, organization: Organization, access: ReporterAccess) -> HttpResponse:
    return _run(request, organization, access, lambda: handover_identity_withdraw(access=access))
