"""The report form (no JavaScript) asks the organization's own questions after the standard ones, in the
reporter's language; a wrong or missing answer brings the form back with everything typed; the case page shows
the questions as they were when the report was filed, whatever was edited since."""

import pytest

from confide.reports.models import Report
from tests.helpers.questions import QUESTIONS, questions_set
from tests.helpers.receipts import followed, submission_of
from tests.helpers.staff import csrf_from

pytestmark = pytest.mark.django_db

FORM = {
    "what_happened": "He cornered me after the rally.",
    "category": "sexual_harassment",
    "identity": "anonymous",
    "q_team": "Field",
    "q_role": "volunteer",
    "q_places": ["office", "online"],
    "q_started": "2024-03",
    "q_last_day": "2024-05-31",
    "q_told": "no",
}


def _post(client, data, **extra):
    page = client.get("/r/acme/", **extra)
    return client.post(
        "/r/acme/", {"submission": submission_of(page), **data, "csrfmiddlewaretoken": csrf_from(page)}, **extra
    )


def test_the_form_asks_the_questions_after_the_standard_ones(reporter, org, handler):
    questions_set(org, handler)
    html = reporter.get("/r/acme/").content.decode()
    assert html.index('name="avoid_handlers"') < html.index('name="q_team"') < html.index('name="attachments"')
    assert "Which team were you on?" in html and "For example field, finance." in html
    assert 'type="checkbox" name="q_places" value="online"' in html and 'type="month" name="q_started"' in html
    assert "<script" not in html


def test_the_form_asks_them_in_spanish_for_a_spanish_reader(reporter, org, handler):
    questions_set(org, handler)
    html = reporter.get("/r/acme/", HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert "¿En qué equipo estaba?" in html and "Personal pagado" in html and "Which team" not in html


def test_an_organization_without_questions_shows_the_standard_form(reporter, org):
    assert 'name="q_' not in reporter.get("/r/acme/").content.decode()


def test_answers_are_filed_and_shown_to_the_handler_as_asked(reporter, org, handler, login):
    questions_set(org, handler)
    response = followed(reporter, _post(reporter, FORM))
    assert response.status_code == 200 and Report.objects.count() == 1
    case = login(handler).get(f"/staff/cases/{Report.objects.get().pk}/").content.decode()
    assert "Which team were you on?" in case and "Field" in case
    assert "Office, Online" in case and "2024-03" in case and "Volunteer" in case
    assert "Anything else we should know?" in case and "not answered" in case


def test_a_report_keeps_its_questions_after_the_form_is_edited(reporter, org, handler, login):
    questions_set(org, handler)
    followed(reporter, _post(reporter, FORM))
    edited = [{**QUESTIONS[0], "label": {"en": "Which department?", "es": "¿Qué departamento?"}}]
    questions_set(org, handler, edited)
    questions_set(org, handler, [])  # every question removed
    case = login(handler).get(f"/staff/cases/{Report.objects.get().pk}/").content.decode()
    assert "Which team were you on?" in case and "Which department?" not in case and "version 1" in case


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"q_team": ""}, "q_team", "This field is required."),
        ({"q_role": "boss"}, "q_role", "Select a valid choice."),
        ({"q_places": ["moon"]}, "q_places", "Select a valid choice."),
        ({"q_started": "2024-13"}, "q_started", "please give a month as year-month"),
        ({"q_last_day": "31/05/2024"}, "q_last_day", "please give a date as year-month-day"),
        ({"q_told": "maybe"}, "q_told", "Select a valid choice."),
    ],
)
def test_a_wrong_answer_brings_the_form_back_with_everything_typed(reporter, org, handler, changes, field, message):
    questions_set(org, handler)
    response = _post(reporter, {**FORM, **changes})
    html = response.content.decode()
    assert response.status_code == 400 and message in html
    assert f'href="#id_{field}' in html  # the summary links to the question
    assert "He cornered me after the rally." in html
    assert field == "q_team" or 'value="Field"' in html
    assert not Report.objects.exists()


def test_the_refusal_is_in_spanish_for_a_spanish_reader(reporter, org, handler):
    questions_set(org, handler)
    response = _post(reporter, {**FORM, "q_started": "marzo"}, HTTP_ACCEPT_LANGUAGE="es")
    assert response.status_code == 400 and "indique un mes como año-mes" in response.content.decode()


def test_an_answer_to_a_question_removed_since_the_page_was_shown_is_ignored(reporter, org, handler):
    questions_set(org, handler)
    page = reporter.get("/r/acme/")
    questions_set(org, handler, [QUESTIONS[0]])
    data = {"submission": submission_of(page), **FORM, "csrfmiddlewaretoken": csrf_from(page)}
    assert reporter.post("/r/acme/", data).status_code == 303
    assert Report.objects.count() == 1


def test_a_required_question_added_since_the_page_was_shown_is_asked_for(reporter, org, handler):
    questions_set(org, handler, [QUESTIONS[1]])
    page = reporter.get("/r/acme/")
    questions_set(org, handler)
    data = {"submission": submission_of(page), **FORM, "q_team": "", "csrfmiddlewaretoken": csrf_from(page)}
    response = reporter.post("/r/acme/", data)
    assert response.status_code == 400 and 'name="q_team"' in response.content.decode()
    assert not Report.objects.exists()


def test_the_notice_no_longer_says_only_the_first_question_is_needed(reporter, org, handler):
    assert "skip any question except the first" in reporter.get("/r/acme/").content.decode()
    questions_set(org, handler)
    html = reporter.get("/r/acme/").content.decode()
    assert "skip any question marked optional" in html and "except the first" not in html
