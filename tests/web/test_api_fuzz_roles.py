"""The schema fuzz again, with the credentials the first fuzz lacks: a verified vault, a letter organizer, a
counselor, a call-taker and an organization contact. Their operations must answer bad input with a 4xx too."""

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from confide.escrow.services.team import counselor_enrol
from tests.helpers.escrow import name_person, new_vault
from tests.helpers.letters import draft
from tests.helpers.staff import make_staff

schema = schemathesis.openapi.from_wsgi("/api/openapi.json", get_wsgi_application())


@pytest.fixture
def role_credentials(org, handler, token_for):
    counselor = make_staff("fuzzcounselor", role="counselor")
    counselor_enrol(user=counselor)
    call_taker = make_staff("fuzzcalltaker", [org], role="call_taker")
    contact = make_staff("fuzzcontact", [org], role="contact")
    vault_receipt, access = new_vault(org, email="fuzz@example.org")
    name_person(access, ["email:someone@example.org"])
    drafted = draft(org, [contact])
    return [
        f"Vault {vault_receipt}",
        f"Receipt {drafted.receipt}",
        token_for(counselor)["HTTP_AUTHORIZATION"],
        token_for(call_taker)["HTTP_AUTHORIZATION"],
        token_for(contact)["HTTP_AUTHORIZATION"],
    ]


@pytest.mark.django_db(transaction=True)
@schema.parametrize()
@settings(max_examples=5, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_operation_answers_any_role_with_a_server_error(case, role_credentials):
    for authorization in role_credentials:
        case.call_and_validate(headers={"Authorization": authorization}, checks=[not_a_server_error])
