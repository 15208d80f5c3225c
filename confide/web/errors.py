"""Error pages and JSON errors shared by both doors. Errors are always a clear 4xx with a message:
JSON under /api/, a page elsewhere, never a traceback.

The domain raises one family (confide.core.errors); this module is the one place that turns it into HTTP,
for pages (through ExplainedErrorsMiddleware) and for the API (through confide.web.api) alike."""

from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from confide.core.errors import NotFound, Refused, Unavailable


def wants_json(request: HttpRequest) -> bool:
    return request.path.startswith("/api/")


def error_response(request: HttpRequest, status: int, message: str) -> HttpResponse:
    if wants_json(request):
        return JsonResponse({"detail": message}, status=status)
    return render(request, "errors/error.html", {"status": status, "message": message}, status=status)


def refused_response(request: HttpRequest, error: Refused) -> HttpResponse:
    """The answer to any domain error: its status, its sentence, the field at fault (API), Retry-After when the
    caller may try again. A NotFound always says the same words, whatever was missing or forbidden."""
    if isinstance(error, NotFound):
        message = _("Not found.") if wants_json(request) else _("There is nothing at this address.")
    else:
        message = error.message
    if wants_json(request):
        body: dict = {"detail": message}
        if error.field is not None:
            body["field"] = error.field
        response: HttpResponse = JsonResponse(body, status=error.status)
    else:
        response = error_response(request, error.status, message)
    if isinstance(error, Unavailable):
        response["Retry-After"] = str(error.retry_after)
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
