"""The reporter's optional reply notice, set and removed from the thread page behind the receipt."""

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_POST

from confide.core.errors import Refused
from confide.reporter.decorators import page_refused, see_other
from confide.reporter.report import report_page, with_report
from confide.reports.access import ReporterAccess
from confide.reports.services.notices import reply_notice_remove, reply_notice_set
from confide.tenants.models import Organization


@require_POST
@with_report
def notice_set(request: HttpRequest, organization: Organization, access: ReporterAccess) -> HttpResponse:
    try:
        reply_notice_set(access=access, address=request.POST.get("address", ""))
    except Refused as error:
        return page_refused(
            error,
            lambda problem, status: report_page(request, organization, access, notice_problem=problem, status=status),
        )
    return see_other("intake:show_report", organization, anchor="#notice")


@require_POST
@with_report
def notice_remove(request: HttpRequest, organization: Organization, access: ReporterAccess) -> HttpResponse:
    reply_notice_remove(access=access)
    return see_other("intake:show_report", organization, anchor="#notice")
