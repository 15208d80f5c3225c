"""L is sealed to handlers only: not to an operator or a counselor given an organization."""

import pytest

from tests.helpers.letters import draft
from tests.helpers.staff import make_staff


@pytest.mark.parametrize("role", ["operator", "counselor"])
def test_a_non_handler_given_an_organization_receives_no_letter_key(org, handler, boss, role):
    other = make_staff(f"not-a-handler-{role}", [org], role=role)
    drafted = draft(org, [boss])
    assert not drafted.letter.key_wraps.filter(user=other).exists()
