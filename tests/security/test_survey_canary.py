"""G1 for surveys: a free-text answer, the respondent's address and their credential appear nowhere at rest
(database and its WAL, files, secrets folder, logs), while the handler still reads the answer."""

import pytest
from django.test import Client

from confide.surveys.models import SurveyText
from tests.helpers.canary import at_rest_sources, canary, hits
from tests.helpers.staff import csrf_from
from tests.helpers.surveys import open_survey
from tests.reporter.test_surveys import CREDENTIAL_RE, answer_page, send_answers

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_free_text_answer_and_who_gave_it_are_not_readable_at_rest(org, handler, login, log_buffer, capfd):
    survey_round = open_survey(org)
    text, local = canary("SURVEYTEXT"), canary("who").lower()
    client = Client(enforce_csrf_checks=True)
    page = answer_page(client, survey_round, email=f"{local}@acme.org")
    credential = CREDENTIAL_RE.search(page.content.decode()).group(1)
    assert send_answers(client, survey_round, page, free_text=text).status_code == 303
    assert SurveyText.objects.count() == 1

    staff = login(handler)
    shown = staff.get(f"/staff/surveys/rounds/{survey_round.pk}/texts/")
    assert text in shown.content.decode()
    staff.post(f"/staff/surveys/rounds/{survey_round.pk}/close/", {"csrfmiddlewaretoken": csrf_from(shown)})

    out, err = capfd.readouterr()
    sources = at_rest_sources(extra_text=log_buffer.getvalue() + out + err)
    assert hits([text, local, credential], sources) == []
