"""The JSON API: reporter and staff operations, OpenAPI at /api/openapi.json, docs at /api/docs.
Every error is a JSON body with a `detail` and a 4xx status; nothing leaks a traceback."""

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from confide.accounts.api import router as accounts_router
from confide.api_auth import ReceiptRejected
from confide.cases.api import router as cases_router
from confide.escrow.api import router as escrow_router
from confide.hotline.api import router as hotline_router
from confide.http import throttled_response
from confide.intake.api import router as intake_router
from confide.letters.api import router as letters_router
from confide.reports.content import ContentError
from confide.reports.keyring import GrantRefused
from confide.reports.selectors import ReportNotFound
from confide.reports.workflow import AssignmentRefused, IllegalTransition
from confide.throttle import Throttled

api = NinjaAPI(
    title="Confide API",
    version="1",
    description="Confidential reporting to an independent third party. Reporters authenticate with their "
    "receipt (`Authorization: Receipt <words>`), staff with a token from `staff_login`.",
    urls_namespace="api",
    docs_url="/docs",
    openapi_url="/openapi.json",
)
api.add_router("/", intake_router)
api.add_router("/", accounts_router)
api.add_router("/", cases_router)
api.add_router("/", escrow_router)
api.add_router("/", letters_router)
api.add_router("/", hotline_router)


@api.exception_handler(ContentError)
def content_error(request: HttpRequest, exc: ContentError):
    return api.create_response(request, {"detail": exc.message, "field": exc.field}, status=400)


@api.exception_handler(ReportNotFound)
def not_found(request: HttpRequest, exc: ReportNotFound):
    return api.create_response(request, {"detail": _("Not found.")}, status=404)


@api.exception_handler(IllegalTransition)
def illegal_transition(request: HttpRequest, exc: IllegalTransition):
    return api.create_response(request, {"detail": str(exc)}, status=409)


@api.exception_handler(AssignmentRefused)
def assignment_refused(request: HttpRequest, exc: AssignmentRefused):
    return api.create_response(request, {"detail": str(exc)}, status=400)


@api.exception_handler(GrantRefused)
def grant_refused(request: HttpRequest, exc: GrantRefused):
    return api.create_response(request, {"detail": str(exc)}, status=400)


@api.exception_handler(Throttled)
def throttled(request: HttpRequest, exc: Throttled):
    return throttled_response(request, exc)


@api.exception_handler(AuthenticationError)
def unauthenticated(request: HttpRequest, exc: AuthenticationError):
    if isinstance(exc, ReceiptRejected):
        message = _("This receipt does not match a report.")
    else:
        message = _("Sign in with staff_login and send `Authorization: Bearer <token>`.")
    return api.create_response(request, {"detail": message}, status=401)


@api.exception_handler(HttpError)
def http_error(request: HttpRequest, exc: HttpError):
    return api.create_response(request, {"detail": str(exc)}, status=exc.status_code)


@api.exception_handler(ValidationError)
def invalid(request: HttpRequest, exc: ValidationError):
    problems = []
    for error in exc.errors:
        where = ".".join(str(part) for part in error.get("loc", ()) if part not in ("body", "payload"))
        problems.append(f"{where}: {error.get('msg', 'invalid')}" if where else error.get("msg", "invalid"))
    return api.create_response(
        request, {"detail": "; ".join(problems) or _("Invalid input."), "errors": exc.errors}, status=422
    )
