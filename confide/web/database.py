"""A database that is unreachable or recovering (a PostgreSQL restart or failover, SQLite's lock timeout) is a
pause, not a fault (threat model G8: no server errors): the answer is a calm 503 with Retry-After, for pages
and the API alike, and the log says which kind of failure it was and nothing else. The exception's own text
is left out: a driver's message can quote the statement, and a traceback per request buries the one line an
operator needs during an outage."""

import logging

from django import db
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from confide.core.errors import Unavailable
from confide.web.errors import refused_response

try:
    import psycopg
except ImportError:  # a SQLite-only installation has no psycopg
    _DRIVER_ERRORS: tuple[type[Exception], ...] = ()
else:
    # Django wraps what its cursors raise, but psycopg's pool and a connection Django did not open raise raw.
    _DRIVER_ERRORS = (psycopg.OperationalError, psycopg.InterfaceError)

DATABASE_DOWN: tuple[type[Exception], ...] = (db.OperationalError, db.InterfaceError, *_DRIVER_ERRORS)

# A PostgreSQL restart takes seconds; a client that waits this long usually finds it back.
RETRY_AFTER_SECONDS = 15

logger = logging.getLogger(__name__)


def database_down(exception: BaseException) -> Unavailable:
    """The domain error for a database that did not answer; logged here once, without content."""
    logger.warning("database unavailable (%s): answered 503", type(exception).__name__)
    return Unavailable(
        _("The service is briefly unavailable; nothing was changed. Please try again in a moment."),
        retry_after=RETRY_AFTER_SECONDS,
    )


class DatabaseDownMiddleware:
    """Turns a database failure that no view handled into the 503 of confide.web.errors. Django's own handler
    would answer 500 and log a traceback."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, DATABASE_DOWN):
            return refused_response(request, database_down(exception))
        return None
