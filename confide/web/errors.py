"""Error pages and JSON errors shared by both doors. Errors are always a clear 4xx with a message:
JSON under /api/, a page elsewhere, never a traceback."""

from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from confide.core.throttle import Throttled


def wants_json(request: HttpRequest) -> bool:
    return request.path.startswith("/api/")


def error_response(request: HttpRequest, status: int, message: str) -> HttpResponse:
    if wants_json(request):
        return JsonResponse({"detail": message}, status=status)
    return render(request, "errors/error.html", {"status": status, "message": message}, status=status)


def throttled_response(request: HttpRequest, throttled: Throttled) -> HttpResponse:
    response = error_response(request, 429, throttled.message)
    response["Retry-After"] = str(throttled.retry_after)
    return response


def bad_request(request, exception=None):
    if isinstance(exception, RequestDataTooBig):
        return error_response(request, 413, _("What you sent is too large. Shorten the text or send fewer files."))
    if isinstance(exception, TooManyFieldsSent):
        return error_response(request, 413, _("The form sent too many fields."))
    return error_response(request, 400, _("The request could not be understood. Please go back and try again."))


def permission_denied(request, exception=None):
    return error_response(request, 403, _("You do not have access to this page."))


def not_found(request, exception=None):
    return error_response(request, 404, _("There is nothing at this address."))


def server_error(request):
    return error_response(request, 500, _("Something went wrong on our side. Nothing you sent was shown to anyone."))


def csrf_failure(request, reason=""):
    return error_response(
        request,
        403,
        _("This form expired or was sent from another site. Go back, reload the page and send it again."),
    )
