"""A letter to leaders who moved (issue 13): once an organization names its successor, the successor's contacts
can be addressed, receive their copy at release, and read it; nobody else's letters reach them."""

import pytest

from confide.letters.selectors.common import contact_list
from confide.letters.services.release import letter_release
from confide.letters.services.third_party import letter_review
from confide.reports.services.wind_down import organization_successor_set
from confide.tenants.models import Organization
from tests.helpers.letters import copy_of, draft, sign, third_party
from tests.helpers.staff import make_staff

pytestmark = pytest.mark.django_db


def test_a_successors_contact_is_addressed_and_reads_the_copy(org, other_org, handler, teammate, boss, other_contact):
    assert other_contact not in contact_list(organization=org), "no successor: another tenant's leaders are apart"
    organization_successor_set(organization=org, successor=other_org)
    org.refresh_from_db()
    assert set(contact_list(organization=org)) == {boss, other_contact}
    drafted = draft(org, [boss, other_contact])
    letter_review(access=third_party(handler, drafted.letter), approve=True)
    sign(drafted.token, org, "ann@acme.org")
    sign(drafted.token, org, "ben@acme.org")
    copies = letter_release(access=third_party(handler, drafted.letter), confirm_verified=True)
    assert {copy.recipient_id for copy in copies} == {boss.pk, other_contact.pk}
    assert copy_of(other_contact, drafted.letter).copy.letter_id == drafted.letter.pk


def test_the_successors_own_letters_do_not_reach_the_old_leaders(org, other_org, boss):
    organization_successor_set(organization=org, successor=other_org)
    assert boss not in contact_list(organization=other_org)
    third = Organization.objects.create(slug="third", name="Third Campaign")
    stranger = make_staff("stranger", [third], role="contact")
    assert stranger not in contact_list(organization=org)
