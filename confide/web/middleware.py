"""Response hardening shared by both doors: security headers, explained errors, NUL refusal, CSRF."""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.middleware.csrf import CsrfViewMiddleware
from django.utils.translation import gettext as _

from confide.core.errors import Refused
from confide.web.errors import error_response, refused_response


class TrustedProxyMiddleware:
    """Django believes SECURE_PROXY_SSL_HEADER from whoever sends it. Only a proxy listed in
    CONFIDE_TRUSTED_PROXIES may say the request came over TLS; from anyone else the header is dropped before
    SecurityMiddleware or a secure cookie decision reads it. The address is compared here and kept nowhere."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        header = getattr(settings, "SECURE_PROXY_SSL_HEADER", None)
        if header and request.META.get("REMOTE_ADDR") not in settings.CONFIDE_TRUSTED_PROXIES:
            request.META.pop(header[0], None)
        return self.get_response(request)


class HeadAsGetMiddleware:
    """HEAD answers as GET does, without the body (RFC 9110 §9.3.2): uptime checks use it, and the views'
    `require_GET`/`require_http_methods` would answer it 405. Outermost, so every other layer (headers, CSRF,
    the view) sees a GET and the response keeps all its headers; only the body goes."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if request.method != "HEAD":
            return self.get_response(request)
        request.method = "GET"
        response = self.get_response(request)
        if response.streaming:
            response.close()  # a file download (whitenoise, attachments) sets its own Content-Length
            response.streaming_content = []  # type: ignore[attr-defined]
        else:
            response.headers.setdefault("Content-Length", str(len(response.content)))  # type: ignore[attr-defined]
            response.content = b""  # type: ignore[attr-defined]
        return response


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
    """Django answers a wrong method with an empty 405; give it the same clear message as every other error.
    A domain error no view caught becomes its page here (confide.web.errors), never a 500."""

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
        if isinstance(exception, Refused):
            return refused_response(request, exception)
        return None


class NulCharactersMiddleware:
    """A NUL character has no business in an address, a query or a JSON text, and PostgreSQL refuses it in
    any text parameter (psycopg raises before the query runs): refused here, once, with a clear 400, instead of
    a 500 wherever one reaches a lookup. Form fields are left to Django's forms, which refuse NUL per field and
    keep what was typed; uploads may contain NUL bytes legitimately."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        where = self._nul_in(request)
        if where:
            # A Refused naming the part at fault: the API's declared 400 shape (FieldProblem) carries `field`.
            message = _("The request contains a NUL character, which is not allowed.")
            return refused_response(request, Refused(message, field=where))
        return self.get_response(request)

    @staticmethod
    def _nul_in(request: HttpRequest) -> str | None:
        if "\x00" in request.path_info:
            return "path"
        if "%00" in request.META.get("QUERY_STRING", ""):
            return "query"
        if request.content_type != "application/json":
            return None
        try:
            body = request.body
        except RequestDataTooBig:
            return None  # the view's own read raises again, and answers 413
        return "body" if b"\\u0000" in body.lower() else None


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
