"""The JSON API: reporter and staff operations, OpenAPI at /api/openapi.json, docs at /api/docs.
Every error is a JSON body with a `detail` and a 4xx status; nothing leaks a traceback."""

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Router
from ninja.errors import AuthenticationError, HttpError, ValidationError

from confide.core.errors import Refused
from confide.web.api_auth import Rejected
from confide.web.errors import refused_response


def _json(request: HttpRequest, data: dict, *, status: int) -> HttpResponse:
    return JsonResponse(data, status=status)


def refused(request: HttpRequest, exc: Refused):
    return refused_response(request, exc)


def unauthenticated(request: HttpRequest, exc: AuthenticationError):
    if isinstance(exc, Rejected):
        message = exc.message
    else:
        message = _("Sign in with staff_login and send `Authorization: Bearer <token>`.")
    return _json(request, {"detail": message}, status=401)


def http_error(request: HttpRequest, exc: HttpError):
    return _json(request, {"detail": str(exc)}, status=exc.status_code)


def invalid(request: HttpRequest, exc: ValidationError):
    problems = []
    for error in exc.errors:
        where = ".".join(str(part) for part in error.get("loc", ()) if part not in ("body", "payload"))
        problems.append(f"{where}: {error.get('msg', 'invalid')}" if where else error.get("msg", "invalid"))
    return _json(request, {"detail": "; ".join(problems) or _("Invalid input."), "errors": exc.errors}, status=422)


def api_create(*routers: Router) -> NinjaAPI:
    """One API for both doors: the routers come from above (confide.urls), the error mapping from here."""
    api = NinjaAPI(
        title="Confide API",
        version="1",
        description="Confidential reporting to an independent third party. Reporters authenticate with their "
        "receipt (`Authorization: Receipt <words>`), staff with a token from `staff_login`.",
        urls_namespace="api",
        docs_url="/docs",
        openapi_url="/openapi.json",
    )
    for router in routers:
        api.add_router("/", router)
    api.exception_handler(Refused)(refused)
    api.exception_handler(AuthenticationError)(unauthenticated)
    api.exception_handler(HttpError)(http_error)
    api.exception_handler(ValidationError)(invalid)
    return api
