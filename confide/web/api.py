"""The JSON API: reporter and staff operations, OpenAPI at /api/openapi.json, docs at /api/docs.
Every error is a JSON body with a `detail` and a 4xx status; nothing leaks a traceback."""

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Router
from ninja.errors import AuthenticationError, HttpError, ValidationError
from pydantic import BaseModel

from confide.core.errors import Refused
from confide.web.api_auth import Rejected
from confide.web.errors import refused_response
from confide.web.schemas import FieldProblem, Problem, ValidationProblem


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


# The answers any operation can give whatever its own code does, each from one place: the NUL refusal
# (web.middleware, 400 with `field`), schema validation (422, here), authentication (401), Django's body limit
# (413, web.errors), a throttle on a write (429) and a database that is down (503, web.database).
_COMMON_ANSWERS: dict[str, tuple[type[BaseModel], str]] = {
    "400": (FieldProblem, "Refused input, naming the field (or path, query or body) at fault"),
    "401": (Problem, "Missing or wrong credentials"),
    "413": (Problem, "The request is larger than the service accepts"),
    "422": (ValidationProblem, "The input does not fit the schema"),
    "429": (Problem, "Too many requests for now; see Retry-After"),
    "503": (Problem, "The service is briefly unavailable; see Retry-After"),
}


def _answers_possible(method: str, operation: dict) -> list[str]:
    possible = ["400", "503"]
    if operation.get("security"):
        possible.append("401")
    if operation.get("requestBody"):
        possible.append("413")
    if operation.get("requestBody") or operation.get("parameters"):
        possible.append("422")
    if method != "get":
        possible.append("429")
    return possible


def _ref(component: type[BaseModel]) -> dict:
    return {"$ref": f"#/components/schemas/{component.__name__}"}


class ConfideAPI(NinjaAPI):
    """The published contract declares every answer an operation can give, not only its own (issue 10, 7)."""

    def get_openapi_schema(self, *, path_prefix: str | None = None, path_params: dict | None = None):
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        for component, _description in _COMMON_ANSWERS.values():
            components.setdefault(component.__name__, component.model_json_schema())
        for operations in schema["paths"].values():
            for method, operation in operations.items():
                for status in _answers_possible(method, operation):
                    component, description = _COMMON_ANSWERS[status]
                    operation["responses"].setdefault(
                        status,
                        {"description": description, "content": {"application/json": {"schema": _ref(component)}}},
                    )
        return schema


def api_create(*routers: Router) -> NinjaAPI:
    """One API for both doors: the routers come from above (confide.urls), the error mapping from here."""
    api = ConfideAPI(
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
