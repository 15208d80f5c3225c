"""A callback's retaliation check-in (issue 13 item 3): the call-taker asks the caller the check-in's question
and records the answer on the caller's behalf, as the caller would on their own page. Opened again with the
receipt the caller read out, which only this call's pages carry, like the reply to the thread."""

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_POST

from confide.core.errors import NotFound, Refused, Unavailable
from confide.hotline.content import NoSuchReceipt
from confide.hotline.services import callback_access_open, hotline_callback_checkin_answer
from confide.staff.decorators import staff_required, staff_user
from confide.staff.hotline import _line, _no_match_page, _thread_page, speaking


@require_POST
@staff_required
@speaking
def callback_checkin(request: HttpRequest, org_slug: str, checkin_id) -> HttpResponse:
    line, user = _line(request, org_slug), staff_user(request)
    receipt = request.POST.get("receipt", "")[:200]
    try:
        access = callback_access_open(user=user, organization=line.organization, receipt=receipt)
    except NoSuchReceipt:
        return _no_match_page(request, line)
    try:
        checkin = hotline_callback_checkin_answer(
            user=user,
            access=access,
            organization=line.organization,
            checkin_id=checkin_id,
            answer=request.POST.get("answer", ""),
            details=request.POST.get("details", ""),
        )
    except NotFound:
        raise  # another report's check-in, or none: the one 404 of web.errors, whatever was missing
    except Refused as error:  # not an answer, answered before, or the receipt's allowance spent (Throttled)
        response = _thread_page(request, line, access, receipt, problem=error.message, status=error.status)
        if isinstance(error, Unavailable):
            response["Retry-After"] = str(error.retry_after)
        return response
    return _thread_page(request, line, access, receipt, answered=checkin)
