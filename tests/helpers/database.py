"""A database that stops answering, as during a PostgreSQL restart."""

from contextlib import contextmanager
from unittest import mock

from django.db import OperationalError, connections


@contextmanager
def database_unreachable():
    """Every new cursor fails as psycopg does when the server is gone; the test's own connection is restored
    on the way out, so the test database still rolls back."""
    error = OperationalError('connection to server at "127.0.0.1", port 5432 failed: Connection refused')
    with mock.patch.object(connections["default"], "ensure_connection", side_effect=error):
        yield
