"""What a load balancer asks (issue 14): is the process up (`/healthz`), and can it serve (`/readyz`).

Neither says anything else: no version, no database name, no timing, an empty body. An outsider learns from
them only what any page would tell. The readiness check asks the database one trivial question and answers
503 with Retry-After while it cannot, so a balancer sends reporters to an instance that can take their report.
"""

from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from confide.web.database import DATABASE_DOWN, RETRY_AFTER_SECONDS


def _empty(status: int) -> HttpResponse:
    return HttpResponse(b"", status=status, content_type="text/plain")


@require_safe
@never_cache
def live(request: HttpRequest) -> HttpResponse:
    return _empty(200)


@require_safe
@never_cache
def ready(request: HttpRequest) -> HttpResponse:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DATABASE_DOWN:
        response = _empty(503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return _empty(200)
