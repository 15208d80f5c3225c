"""An independent body chooses how reporters see it (issue 13: "not a personal name unless the body chooses"):
on its own page, for each organization it is registered for; the holders list follows. Nobody else can change
a body's title, and a title is one short line."""

import pytest

from confide.audit.models import AuditEntry
from confide.reports.selectors.holders import holders_get
from confide.reports.selectors.reporter import reporter_access_get
from confide.tenants.models import Membership
from tests.helpers.leadership import hand_over
from tests.helpers.staff import csrf_from

pytestmark = pytest.mark.django_db

NOT_THE_BODY = ["handler", "outsider", "other_tenant_handler", "contact", "other_body"]


def _url(org) -> str:
    return f"/staff/held/titles/{org.pk}/"


def _set(client, org, title: str):
    page = client.get("/staff/held/")
    return client.post(_url(org), {"title": title, "csrfmiddlewaretoken": csrf_from(page)})


def test_the_body_puts_its_name_in_its_title_and_the_reporter_sees_it(login, leadership, handler, body, org):
    hand_over(leadership.report, handler, body)
    client = login(body)
    page = client.get("/staff/held/").content.decode()
    assert "How reporters see you" in page and 'value="union representative"' in page
    saved = _set(client, org, "  Union representative,\n Maria Lopez ")
    assert saved.status_code == 303 and saved["Location"] == "/staff/held/"
    assert Membership.objects.get(user=body, organization=org).title == "Union representative, Maria Lopez"
    labels = [h.label for h in holders_get(access=reporter_access_get(receipt=leadership.receipt))]
    assert "Independent body: Union representative, Maria Lopez" in labels
    assert AuditEntry.objects.filter(action="body.title_set", actor_id=body.pk, object_id=str(org.pk)).exists()


@pytest.mark.parametrize("title", ["", "   ", "x" * 81, "union\x00rep", "union\u200brep"])
def test_an_empty_overlong_or_control_character_title_is_refused_with_a_message(login, body, org, title):
    response = _set(login(body), org, title)
    assert response.status_code == 400
    assert "Say what you are" in response.content.decode() or "at most 80" in response.content.decode()
    assert Membership.objects.get(user=body, organization=org).title == "union representative"


@pytest.mark.parametrize("persona", NOT_THE_BODY)
def test_nobody_else_can_change_a_bodys_title(login, request, body, org, persona):
    client = login(request.getfixturevalue(persona))
    page = client.get("/staff/held/")
    token = csrf_from(page) if page.status_code == 200 else ""
    response = client.post(_url(org), {"title": "Someone else", "csrfmiddlewaretoken": token})
    assert response.status_code in (403, 404)
    assert Membership.objects.get(user=body, organization=org).title == "union representative"


def test_a_body_of_another_organization_cannot_change_its_title_here(login, other_body, body, org):
    response = _set(login(other_body), org, "Hijacked")
    assert response.status_code == 404
    assert Membership.objects.get(user=body, organization=org).title == "union representative"
