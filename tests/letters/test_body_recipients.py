"""Letters may be addressed to the organization's independent bodies as well as its contacts (issue 13), so
staff can write to the party or the union when the campaign's leaders are the problem; a body of another
organization never is a recipient."""

import pytest

from confide.letters.selectors.common import contact_list, contact_name

pytestmark = pytest.mark.django_db


def test_bodies_of_the_organization_can_receive_letters(org, boss, body, other_body, handler):
    recipients = list(contact_list(organization=org))
    assert body in recipients and boss in recipients
    assert other_body not in recipients and handler not in recipients
    assert contact_name(body) == "Independent body: union representative"
    assert contact_name(boss) == "Casey Manager"


def test_the_organizer_sees_the_body_on_the_letter_form(reporter, org, boss, body):
    html = reporter.get("/r/acme/letters/new/").content.decode()
    assert "Independent body: union representative" in html
    assert "unionrep" not in html
