"""Response hardening and error pages shared by both sides. Errors are always a clear 4xx with a message:
JSON under /api/, a page elsewhere, never a traceback."""

from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.http import HttpRequest, HttpResponse, JsonResponse, StreamingHttpResponse
from django.middleware.csrf import CsrfViewMiddleware
from django.shortcuts import render
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

from confide.throttle import Throttled


class SecurityHeadersMiddleware:
    """Headers Django's SecurityMiddleware does not set. Pages are never cached: a shared phone or a
    library computer must not keep a receipt or a case in its history."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault(
            "Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()"
        )
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        if not request.path.startswith("/static/"):
            response.headers["Cache-Control"] = "no-store"
        return response


class ExplainedErrorsMiddleware:
    """Django answers a wrong method with an empty 405; give it the same clear message as every other error."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.status_code == 405 and not getattr(response, "content", b"x"):
            explained = error_response(request, 405, _("This address does not accept that kind of request."))
            explained["Allow"] = response.get("Allow", "")
            return explained
        return response

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, Throttled):
            return throttled_response(request, exception)
        return None


class NulCharactersMiddleware:
    """A NUL character has no business in an address, a query or a JSON text, and PostgreSQL refuses it in
    any text parameter (psycopg raises before the query runs): refused here, once, with a clear 400, instead of
    a 500 wherever one reaches a lookup. Form fields are left to Django's forms, which refuse NUL per field and
    keep what was typed; uploads may contain NUL bytes legitimately."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if self._carries_nul(request):
            return error_response(request, 400, _("The request contains a NUL character, which is not allowed."))
        return self.get_response(request)

    @staticmethod
    def _carries_nul(request: HttpRequest) -> bool:
        if "\x00" in request.path_info or "%00" in request.META.get("QUERY_STRING", ""):
            return True
        if request.content_type != "application/json":
            return False
        try:
            body = request.body
        except RequestDataTooBig:
            return False  # the view's own read raises again, and answers 413
        return b"\\u0000" in body.lower()


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


SAFE_INLINE_TYPES = {"image/png", "image/jpeg", "application/pdf", "text/plain"}


def attachment_response(meta: dict, chunks) -> StreamingHttpResponse:
    """A decrypted file as a download. Never rendered by the browser as a page of ours (no stored XSS)."""
    content_type = meta.get("type", "")
    response = StreamingHttpResponse(
        chunks, content_type=content_type if content_type in SAFE_INLINE_TYPES else "application/octet-stream"
    )
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=meta.get("name") or "file"
    )
    response["Content-Length"] = str(meta.get("size", ""))
    return response


class CsrfMiddleware(CsrfViewMiddleware):
    """Django's CSRF protection, adapted to `Referrer-Policy: no-referrer`.

    Under that policy browsers send `Origin: null` and no Referer on our own form posts, which stock Django
    rejects. Neither header can be relied on here, so the defence is the token, checked against a
    SameSite=Strict cookie that a cross-site page cannot make the browser send.
    """

    def _origin_verified(self, request: HttpRequest) -> bool:
        if request.META.get("HTTP_ORIGIN") == "null":
            return True
        return super()._origin_verified(request)  # type: ignore[misc]  # private in Django 5.2, pinned by tests

    def _check_referer(self, request: HttpRequest) -> None:
        if not request.META.get("HTTP_REFERER"):
            return
        super()._check_referer(request)  # type: ignore[misc]  # private in Django 5.2, pinned by tests
