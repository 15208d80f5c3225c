"""Schemathesis fuzzes every operation, anonymous and authenticated: no input may produce a 5xx."""

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from tests.helpers.api import receipt_header

schema = schemathesis.openapi.from_wsgi("/api/openapi.json", get_wsgi_application())


@pytest.fixture
def credentials(submitted, handler, token_for):
    return {
        "reporter": receipt_header(submitted.receipt)["HTTP_AUTHORIZATION"],
        "staff": token_for(handler)["HTTP_AUTHORIZATION"],
    }


@pytest.mark.django_db(transaction=True)
@schema.parametrize()
@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_operation_ever_answers_with_a_server_error(case, credentials):
    for authorization in (None, credentials["reporter"], credentials["staff"]):
        headers = {"Authorization": authorization} if authorization else {}
        case.call_and_validate(headers=headers, checks=[not_a_server_error])
