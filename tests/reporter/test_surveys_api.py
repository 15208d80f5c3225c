"""The survey API: the questions (public), the code, the credential and the answer; 4xx JSON for bad input,
404 for another organization's round."""

import pytest

from confide.surveys.models import Pending, Spent
from confide.verification.services import roster_upload
from tests.helpers.surveys import open_survey
from tests.helpers.verification import code_sent

pytestmark = pytest.mark.django_db

JSON = "application/json"


def _credential(api, base, email="ann@acme.org"):
    started = api.post(f"{base}/verification", {"email": email}, content_type=JSON)
    assert started.status_code == 202
    return api.post(
        f"{base}/credential", {"challenge": started.json()["challenge"], "code": code_sent()}, content_type=JSON
    )


def test_a_respondent_answers_through_the_api(api, org):
    survey_round = open_survey(org)
    roster_upload(organization=org, emails=["ann@acme.org"])
    base = f"/api/orgs/acme/surveys/{survey_round.pk}"
    survey = api.get(base).json()
    assert survey["questions"][0] == "I feel safe raising a problem here." and survey["scale"] == [1, 2, 3, 4, 5]
    issued = _credential(api, base)
    assert issued.status_code == 201
    credential = issued.json()["credential"]
    answered = api.post(
        f"{base}/responses", {"credential": credential, "answers": [5, 4], "free_text": "Words"}, content_type=JSON
    )
    assert answered.status_code == 201 and len(answered.json()["receipt"].split()) == 8
    again = api.post(f"{base}/responses", {"credential": credential, "answers": [1, 1]}, content_type=JSON)
    assert again.status_code == 409 and "detail" in again.json()
    assert _credential(api, base).status_code == 409  # the same person, a second credential
    assert Pending.objects.count() == 1 and Spent.objects.count() == 1


@pytest.mark.parametrize(
    "payload",
    [
        {"credential": "A" * 64, "answers": [3, 3]},
        {"answers": [3, 3]},
        {"credential": "x", "answers": "3"},
        {"credential": "x", "answers": [3] * 11},
        {"credential": "x", "answers": [3, 3], "free_text": "x" * 5001},
    ],
)
def test_bad_answers_get_a_400_with_a_message(api, org, payload):
    survey_round = open_survey(org)
    refused = api.post(f"/api/orgs/acme/surveys/{survey_round.pk}/responses", payload, content_type=JSON)
    assert refused.status_code in (400, 422) and refused.json()["detail"]  # 422: the schema refuses it
    assert Pending.objects.count() == 0


def test_out_of_range_answers_name_the_question(api, org):
    survey_round = open_survey(org)
    roster_upload(organization=org, emails=["ann@acme.org"])
    base = f"/api/orgs/acme/surveys/{survey_round.pk}"
    credential = _credential(api, base).json()["credential"]
    refused = api.post(f"{base}/responses", {"credential": credential, "answers": [3, 6]}, content_type=JSON)
    assert refused.status_code == 400 and refused.json()["field"] == "q1"


def test_another_organizations_round_is_not_found(api, org, other_org):
    theirs = open_survey(other_org)
    base = f"/api/orgs/acme/surveys/{theirs.pk}"
    assert api.get(base).status_code == 404
    assert api.post(f"{base}/verification", {"email": "a@acme.org"}, content_type=JSON).status_code == 404
    assert (
        api.post(f"{base}/responses", {"credential": "A" * 64, "answers": [1, 1]}, content_type=JSON).status_code == 404
    )
    assert api.get("/api/orgs/acme/surveys/not-a-uuid").status_code in (400, 404, 422)
