"""The load balancer's two questions get empty answers: up, and ready unless the database is down."""

import pytest
from django.test import Client

from tests.helpers.database import database_unreachable

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/healthz", "/readyz"])
def test_a_healthy_instance_answers_200_with_nothing_in_it(path):
    response = Client().get(path)
    assert response.status_code == 200 and response.content == b""
    assert "no-store" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    assert not response.cookies
    assert "Server" not in response and "X-Version" not in response


@pytest.mark.parametrize("path", ["/healthz", "/readyz"])
def test_head_is_answered_for_uptime_checks(path):
    assert Client().head(path).status_code == 200


def test_readiness_answers_503_with_retry_after_while_the_database_is_down(log_buffer):
    with database_unreachable():
        response = Client().get("/readyz")
    assert response.status_code == 503 and int(response["Retry-After"]) > 0
    assert response.content == b""
    assert "Traceback" not in log_buffer.getvalue()


def test_liveness_does_not_depend_on_the_database():
    with database_unreachable():
        assert Client().get("/healthz").status_code == 200


def test_a_write_to_a_health_check_is_refused():
    assert Client().post("/healthz").status_code == 405
