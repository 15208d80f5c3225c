"""A letter marked "about the candidate or senior leadership" (issue 13): it goes to independent bodies only, a
contact among its recipients is refused with nothing saved, and no contact ever lists, opens or answers it."""

import pytest
import time_machine
from django.test import Client

from confide.accounts.models import User
from confide.insights.protect import figures_protect
from confide.insights.selectors.figures import raw_figures
from confide.insights.services.documents import period_from
from confide.letters.models import Letter, LetterCopy
from confide.letters.services.release import letter_release
from confide.letters.services.third_party import letter_review
from confide.tenants.models import Membership
from tests.helpers.insights import IN_PERIOD, PERIOD
from tests.helpers.letters import copy_of, draft, page_post, sign, third_party
from tests.helpers.staff import staff_login

pytestmark = pytest.mark.django_db

JSON = "application/json"
REFUSAL = "A letter about the campaign&#x27;s leadership goes to an independent body"


def _form(*recipients, **overrides):
    data = {
        "title": "About the campaign manager",
        "text": "Several of us were harassed by the campaign manager. We ask the union to act for us, together.",
        "recipients": [str(r.pk) for r in recipients],
        "threshold": "2",
        "about_leadership": "on",
    }
    data.update(overrides)
    return data


def _released(org, handler, recipients, **overrides):
    drafted = draft(org, recipients, about_leadership=True, **overrides)
    letter_review(access=third_party(handler, drafted.letter), approve=True)
    sign(drafted.token, org, "ann@acme.org")
    sign(drafted.token, org, "ben@acme.org")
    letter_release(access=third_party(handler, drafted.letter), confirm_verified=True)
    return drafted.letter


def test_the_draft_page_offers_the_mark_and_lists_bodies_apart(reporter, org, boss, body):
    html = reporter.get("/r/acme/letters/new/").content.decode()
    assert "This is about the candidate or the campaign&#x27;s senior leadership" in html
    bodies, leaders = html.split('id="recipients_bodies"')[1].split('id="recipients_leaders"')
    assert "Independent body: union representative" in bodies and "Casey Manager" not in bodies
    assert "Casey Manager" in leaders


def test_the_web_draft_refuses_a_contact_and_keeps_the_draft(reporter, org, boss, body):
    response = page_post(reporter, "/r/acme/letters/new/", "/r/acme/letters/new/", _form(boss, body))
    assert response.status_code == 400
    html = response.content.decode()
    assert REFUSAL in html and 'id="id_recipients_error"' in html
    assert "Several of us were harassed" in html
    assert Letter.objects.count() == 0


def test_the_web_draft_to_a_body_is_marked(reporter, org, boss, body):
    response = page_post(reporter, "/r/acme/letters/new/", "/r/acme/letters/new/", _form(body))
    assert response.status_code in (302, 303)
    assert Letter.objects.get().about_leadership is True
    unmarked = page_post(reporter, "/r/acme/letters/new/", "/r/acme/letters/new/", _form(boss, about_leadership=""))
    assert unmarked.status_code in (302, 303)
    assert Letter.objects.filter(about_leadership=False).count() == 1


def test_the_api_refuses_a_contact_with_a_400_naming_recipients(api, org, boss, body):
    payload = {
        "title": "About the campaign manager",
        "text": "Several of us were harassed by the campaign manager. We ask the union to act for us, together.",
        "recipients": [boss.pk, body.pk],
        "threshold": 2,
        "about_leadership": True,
    }
    refused = api.post("/api/orgs/acme/letters", payload, content_type=JSON)
    assert refused.status_code == 400
    assert refused.json()["field"] == "recipients"
    assert "goes to an independent body, not to its leaders" in refused.json()["detail"]
    assert Letter.objects.count() == 0
    contacts = {c["id"]: c["independent_body"] for c in api.get("/api/orgs/acme/letters/contacts").json()}
    assert contacts == {boss.pk: False, body.pk: True}
    created = api.post("/api/orgs/acme/letters", {**payload, "recipients": [body.pk]}, content_type=JSON)
    assert created.status_code == 201, created.content
    assert Letter.objects.get().about_leadership is True


def test_the_body_reads_it_and_no_contact_sees_it_anywhere(api, org, handler, boss, contact, body, token_for):
    letter = _released(org, handler, [body])
    copy = LetterCopy.objects.get(letter=letter)
    assert copy.recipient == body
    assert copy_of(body, letter).copy == copy
    assert [c["id"] for c in api.get("/api/staff/letters/received", **token_for(body)).json()] == [str(copy.pk)]
    text = api.get(f"/api/staff/letters/received/{copy.pk}", **token_for(body)).json()["text"]
    for leader in (boss, contact):
        headers = token_for(leader)
        assert api.get("/api/staff/letters/received", **headers).json() == []
        assert api.get("/api/staff/letters", **headers).json() == []
        assert api.get(f"/api/staff/letters/received/{copy.pk}", **headers).status_code == 404
        assert api.get(f"/api/staff/letters/{letter.pk}", **headers).status_code == 404
        assert api.post("/api/staff/letters/trace", {"text": text}, content_type=JSON, **headers).json() == []
        page = staff_login(Client(), leader)
        assert "About the campaign manager" not in page.get("/staff/letters/").content.decode()
        assert page.get(f"/staff/letters/received/{copy.pk}/").status_code == 404
        assert page.get(f"/staff/letters/{letter.pk}/").status_code == 404


def test_a_body_who_becomes_a_contact_loses_the_copy(api, org, handler, body, token_for):
    letter = _released(org, handler, [body])
    copy = LetterCopy.objects.get(letter=letter)
    headers = token_for(body)
    assert len(api.get("/api/staff/letters/received", **headers).json()) == 1
    User.objects.filter(pk=body.pk).update(role=User.Role.CONTACT)
    Membership.objects.filter(user=body).update(role=Membership.Role.CONTACT)
    assert api.get("/api/staff/letters/received", **headers).json() == []
    assert api.get(f"/api/staff/letters/received/{copy.pk}", **headers).status_code == 404


def test_a_recipient_turned_contact_before_release_gets_no_copy(org, handler, body, other_body):
    second = draft(org, [body], about_leadership=True)
    User.objects.filter(pk=body.pk).update(role=User.Role.CONTACT)
    Membership.objects.filter(user=body).update(role=Membership.Role.CONTACT)
    letter_review(access=third_party(handler, second.letter), approve=True)
    sign(second.token, org, "ann@acme.org")
    sign(second.token, org, "ben@acme.org")
    with pytest.raises(Exception, match="None of the recipients"):
        letter_release(access=third_party(handler, second.letter), confirm_verified=True)
    assert not LetterCopy.objects.exists()


def test_a_body_of_another_organization_is_no_recipient(api, org, other_body):
    payload = {
        "title": "About the campaign manager",
        "text": "Several of us were harassed by the campaign manager. We ask the union to act for us, together.",
        "recipients": [other_body.pk],
        "threshold": 2,
        "about_leadership": True,
    }
    refused = api.post("/api/orgs/acme/letters", payload, content_type=JSON)
    assert refused.status_code == 400 and refused.json()["field"] == "recipients"
    assert Letter.objects.count() == 0


def test_the_third_party_sees_the_mark(org, handler, body):
    drafted = draft(org, [body], about_leadership=True)
    page = staff_login(Client(), handler).get(f"/staff/letters/{drafted.letter.pk}/").content.decode()
    assert 'id="about-leadership"' in page
    plain = draft(org, [body])
    assert (
        'id="about-leadership"'
        not in staff_login(Client(), handler).get(f"/staff/letters/{plain.letter.pk}/").content.decode()
    )


def test_a_leadership_letter_counts_only_in_the_closed_periods_aggregate(org, handler, body):
    with time_machine.travel(IN_PERIOD, tick=False):
        _released(org, handler, [body])
    raw = raw_figures(period=period_from(PERIOD), organization_ids=[org.pk])[org.pk]
    assert (raw.letters_released, raw.signatures) == (1, 2)  # like any letter: no figure of its own
    assert figures_protect(raw, k=5) == {"enough": False, "k": 5}  # below k reports the period shows nothing
