"""The reporter's optional reply notice, set and removed from the thread page behind the receipt."""

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_POST

from confide.core.errors import Refused
from confide.core.throttle import Throttled
from confide.reporter.decorators import see_other
from confide.reporter.report import report_page, with_report
from confide.reports.access import ReporterAccess
from confide.reports.services.notices import reply_notice_remove, reply_notice_set
from confide.tenants.models import Organization


@require_POST
@with_report
def notice_set(request: HttpRequest, organization: Organization, access: ReporterAccess) -> HttpResponse:
    try:
        reply_notice_set(access=access, address=request.POST.get("address", ""))
    except Throttled as throttled:
        response = report_page(request, organization, access, notice_problem=throttled.message, status=429)
        response["Retry-After"] = str(throttled.retry_after)
        return response
    except Refused as error:
        return report_page(request, organization, access, notice_problem=error.message, status=400)
    return see_other("intake:show_report", organization, anchor="#notice")


@require_POST
@with_report
def notice_remove(request: HttpRequest, organization: Organization, access: ReporterAccess) -> HttpResponse:
    reply_notice_remove(access=access)
    return see_other("intake:show_report", organization, anchor="#notice")
