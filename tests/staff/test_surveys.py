"""The third party's survey pages: handlers of the organization define surveys, open and close rounds, read the
suppressed figures and the free-text answers sealed to them; every other persona gets 404 (G3)."""

import pytest

from confide.surveys.models import Round, Survey
from confide.surveys.services.responses import survey_respond
from tests.helpers.staff import csrf_from, make_staff
from tests.helpers.surveys import credential_for, open_survey

pytestmark = pytest.mark.django_db


def test_a_handler_defines_a_survey_and_runs_a_round(login, org, handler):
    client = login(handler)
    page = client.get("/staff/surveys/")
    data = {
        "organization": str(org.pk),
        "kind": "exit",
        "title": "Leaving us",
        "questions": "I was treated fairly.\n\nI would work here again.\n",
        "free_text_prompt": "Anything else?",
        "csrfmiddlewaretoken": csrf_from(page),
    }
    created = client.post("/staff/surveys/", data)
    assert created.status_code == 303
    survey = Survey.objects.get()
    assert survey.questions == ["I was treated fairly.", "I would work here again."] and survey.kind == "exit"
    shown = client.get(created["Location"])
    assert (
        client.post(f"/staff/surveys/{survey.pk}/rounds/", {"csrfmiddlewaretoken": csrf_from(shown)}).status_code == 303
    )
    survey_round = Round.objects.get()
    page = client.get(f"/staff/surveys/{survey.pk}/")
    assert f"/r/acme/surveys/{survey_round.pk}/" in page.content.decode()
    again = client.post(f"/staff/surveys/{survey.pk}/rounds/", {"csrfmiddlewaretoken": csrf_from(page)})
    assert again.status_code == 400 and "open already" in again.content.decode()
    closed = client.post(f"/staff/surveys/rounds/{survey_round.pk}/close/", {"csrfmiddlewaretoken": csrf_from(page)})
    assert closed.status_code == 303
    survey_round.refresh_from_db()
    assert survey_round.closed_on is not None


@pytest.mark.parametrize("bad", [{"questions": ""}, {"questions": "q\n" * 11}, {"title": " "}, {"kind": "other"}])
def test_a_bad_definition_is_refused_with_a_message(login, org, handler, bad):
    client = login(handler)
    page = client.get("/staff/surveys/")
    data = {"organization": str(org.pk), "kind": "climate", "title": "T", "questions": "Q?", "free_text_prompt": ""}
    data.update(bad, csrfmiddlewaretoken=csrf_from(page))
    refused = client.post("/staff/surveys/", data)
    assert refused.status_code == 400 and not Survey.objects.exists()


def test_a_handler_cannot_define_a_survey_for_another_organization(login, org, other_org, handler):
    client = login(handler)
    page = client.get("/staff/surveys/")
    data = {"organization": str(other_org.pk), "kind": "climate", "title": "T", "questions": "Q?"}
    refused = client.post("/staff/surveys/", {**data, "csrfmiddlewaretoken": csrf_from(page)})
    assert refused.status_code == 400 and not Survey.objects.exists()


@pytest.mark.parametrize(
    ("persona", "sees"),
    [("owner", True), ("teammate", True), ("outsider", False), ("other_tenant", False)],
)
def test_every_survey_page_is_not_found_for_those_outside_the_organization(login, personas, org, persona, sees):
    survey_round = open_survey(org)
    survey_respond(
        survey_round=survey_round,
        credential=credential_for(survey_round, "a@acme.org"),
        answers=[1, 2],
        free_text="Sealed words",
    )
    client = login(getattr(personas, persona))
    listing = client.get("/staff/surveys/")
    assert (survey_round.survey.title in listing.content.decode()) is sees
    token = csrf_from(listing)
    pages = [
        client.get(f"/staff/surveys/{survey_round.survey_id}/"),
        client.get(f"/staff/surveys/rounds/{survey_round.pk}/texts/"),
    ]
    assert [p.status_code for p in pages] == ([200, 200] if sees else [404, 404])
    if sees:
        assert "Sealed words" in pages[1].content.decode()
        return
    writes = [
        client.post(f"/staff/surveys/{survey_round.survey_id}/rounds/", {"csrfmiddlewaretoken": token}),
        client.post(f"/staff/surveys/rounds/{survey_round.pk}/close/", {"csrfmiddlewaretoken": token}),
    ]
    assert [w.status_code for w in writes] == [404, 404]
    survey_round.refresh_from_db()
    assert survey_round.closed_on is None


def test_a_contact_of_the_organization_sees_no_survey_page(login, org, boss):
    survey_round = open_survey(org)
    client = login(boss)
    assert client.get(f"/staff/surveys/{survey_round.survey_id}/").status_code == 404
    assert client.get(f"/staff/surveys/rounds/{survey_round.pk}/texts/").status_code == 404


def test_a_handler_who_joined_later_reads_no_earlier_free_text(login, org):
    survey_round = open_survey(org)
    survey_respond(
        survey_round=survey_round,
        credential=credential_for(survey_round, "a@acme.org"),
        answers=[1, 2],
        free_text="Before you came",
    )
    late = make_staff("lena", [org])
    page = login(late).get(f"/staff/surveys/rounds/{survey_round.pk}/texts/")
    assert page.status_code == 200 and "Before you came" not in page.content.decode()
