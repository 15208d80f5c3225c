"""The survey pages, with a real open round, its survey and a free-text answer, answer odd form and query values
with a page, never a server error, for anonymous respondents and the third party alike."""

import pytest
from django.test import Client

from confide.surveys.services.responses import survey_respond
from tests.helpers.staff import staff_login
from tests.helpers.surveys import credential_for, open_survey
from tests.security.test_page_fuzz import ODD

FIELDS = [
    "credential",
    "q0",
    "q1",
    "free_text",
    "email",
    "challenge",
    "code",
    "receipt",
    "category",
    "organization",
    "kind",
    "title",
    "questions",
    "free_text_prompt",
]


@pytest.mark.django_db
def test_no_survey_page_answers_odd_input_with_a_server_error(nul_refusing_db, org, handler):
    survey_round = open_survey(org)
    survey_respond(
        survey_round=survey_round, credential=credential_for(survey_round, "a@acme.org"), answers=[1, 2], free_text="x"
    )
    base = f"/r/{org.slug}/surveys/"
    urls = [
        base,
        f"{base}thanks/",
        f"{base}receipt/",
        f"{base}receipt/file/",
        f"{base}answer/",
        f"{base}answer/report/",
        *(f"{base}{survey_round.pk}/{step}" for step in ["", "verify/", "code/", "answer/"]),
        "/staff/surveys/",
        f"/staff/surveys/{survey_round.survey_id}/",
        f"/staff/surveys/{survey_round.survey_id}/rounds/",
        f"/staff/surveys/rounds/{survey_round.pk}/texts/",
        f"/staff/surveys/rounds/{survey_round.pk}/close/",
    ]
    errors = []
    for name, client in {"anonymous": Client(), "handler": staff_login(Client(), handler)}.items():
        for url in urls:
            for odd in ODD:
                for response in (client.get(url, {"page": odd}), client.post(url, dict.fromkeys(FIELDS, odd))):
                    if response.status_code >= 500:
                        errors.append((name, response.request["REQUEST_METHOD"], url, odd[:10], response.status_code))
    assert not errors
