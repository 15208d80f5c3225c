"""Retaliation check-ins on the reporter's thread (issue 13): answer one, change the intervals, stop them with
one button, and read or write to the retaliation case a "treated worse" answer opened. Behind the receipt, as
the thread; days only."""

import functools

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET, require_POST

from confide.core.errors import Refused
from confide.reporter.decorators import page_refused, see_other
from confide.reporter.report import report_page, with_report
from confide.reports.access import ReporterAccess
from confide.reports.selectors.checkins import checkin_case_access_get
from confide.reports.selectors.common import report_view
from confide.reports.services.checkins import checkin_answer, checkin_plan_set, checkins_stop
from confide.reports.services.messages import message_create_by_reporter
from confide.tenants.models import Organization


def _refused_page(request, organization, access, error: Refused) -> HttpResponse:
    return page_refused(error, functools.partial(report_page, request, organization, access))


@require_POST
@with_report
def answer(request: HttpRequest, organization: Organization, access: ReporterAccess, checkin_id) -> HttpResponse:
    try:
        checkin = checkin_answer(
            access=access,
            checkin_id=checkin_id,
            answer=request.POST.get("answer", ""),
            details=request.POST.get("details", ""),
        )
    except Refused as error:
        return _refused_page(request, organization, access, error)
    if checkin.case_id is not None:
        return see_other("checkins:case", organization)
    return see_other("intake:show_report", organization, anchor="#checkins")


@require_POST
@with_report
def plan(request: HttpRequest, organization: Organization, access: ReporterAccess) -> HttpResponse:
    # Anything but a day count offered is refused by the service, with its sentence.
    offsets = [int(value) if value.isdigit() else -1 for value in request.POST.getlist("offsets")]
    try:
        checkin_plan_set(access=access, offsets=offsets, after_wind_down=request.POST.get("after_wind_down") == "on")
    except Refused as error:
        return _refused_page(request, organization, access, error)
    return see_other("intake:show_report", organization, anchor="#checkins")


@require_POST
@with_report
def stop(request: HttpRequest, organization: Organization, access: ReporterAccess) -> HttpResponse:
    checkins_stop(access=access)
    return see_other("intake:show_report", organization, anchor="#checkins")


def _case_page(request, organization, access, *, problem: object = None, status: int = 200) -> HttpResponse:
    case = checkin_case_access_get(access=access)
    if case is None:
        raise Http404
    context = {
        "organization": organization,
        "original": access.report,
        "view": report_view(access=case, for_staff=False),
        "problem": problem,
    }
    return render(request, "reporter/checkin_case.html", context, status=status)


@require_GET
@with_report
def case(request: HttpRequest, organization: Organization, access: ReporterAccess) -> HttpResponse:
    return _case_page(request, organization, access)


@require_POST
@with_report
def case_reply(request: HttpRequest, organization: Organization, access: ReporterAccess) -> HttpResponse:
    case = checkin_case_access_get(access=access)
    if case is None:
        raise Http404
    try:
        message_create_by_reporter(access=case, body=request.POST.get("body", ""))
    except Refused as error:
        return page_refused(error, functools.partial(_case_page, request, organization, access))
    return see_other("checkins:case", organization, anchor="#latest")
