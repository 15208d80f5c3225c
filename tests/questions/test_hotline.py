"""The hotline asks the organization's own questions too, in the call's language: on the account page, in
the read-back (whose MAC covers the answers) and through the hotline API."""

import pytest

from confide.reports.models import Report
from tests.helpers.hotline import post, read_back
from tests.helpers.questions import ANSWERS, hidden_pairs, questions_set, read_back_file

pytestmark = pytest.mark.django_db

ANSWERED = {
    "q_team": "Field",
    "q_role": "staff",
    "q_places": ["office", "event"],
    "q_started": "2024-03",
    "q_told": "yes",
}


def test_the_call_taker_asks_the_questions_in_the_calls_language(org, handler, call_taker, login):
    questions_set(org, handler)
    client = login(call_taker)
    script = client.get("/staff/hotline/acme/?lang=es")
    account = post(
        client,
        "/staff/hotline/acme/call/",
        script,
        {"step": "account", "lang": "es", "safe_to_talk": "on", "confidentiality_explained": "on"},
    ).content.decode()
    assert "¿En qué equipo estaba?" in account and "Me piden que le haga algunas preguntas más" in account
    assert account.index('name="category"') < account.index('name="q_team"')


def test_the_answers_are_read_back_and_filed(org, handler, call_taker, login):
    questions_set(org, handler)
    client = login(call_taker)
    page = read_back(client, **ANSWERED)
    html = page.content.decode()
    assert page.status_code == 200 and "Which team were you on?" in html and "Office, Event" in html
    assert ("q_places", "office") in hidden_pairs(page) and ("q_places", "event") in hidden_pairs(page)
    filed = read_back_file(client, page)
    assert filed.status_code == 200, filed.content[:500]
    case = login(handler).get(f"/staff/cases/{Report.objects.get().pk}/").content.decode()
    assert "Which team were you on?" in case and "Field" in case and "Paid staff" in case


def test_an_answer_changed_after_the_read_back_is_not_filed(org, handler, call_taker, login):
    questions_set(org, handler)
    client = login(call_taker)
    page = read_back(client, **ANSWERED)
    changed = read_back_file(client, page, q_team="Finance")
    assert changed.status_code == 400 and "was not read back" in changed.content.decode()
    dropped = read_back_file(client, page, q_places="office")
    assert dropped.status_code == 400
    assert not Report.objects.exists()


def test_a_wrong_answer_brings_the_account_back(org, handler, call_taker, login):
    questions_set(org, handler)
    client = login(call_taker)
    page = read_back(client, **{**ANSWERED, "q_started": "March"})
    html = page.content.decode()
    assert page.status_code == 400 and "please give a month as year-month" in html and 'value="Field"' in html
    missing = read_back(client, **{**ANSWERED, "q_team": ""})
    assert missing.status_code == 400 and "This field is required." in missing.content.decode()


PHONE_REPORT = {
    "what_happened": "He said [[you owe me]] in the van.",
    "category": "sexual_harassment",
    "language": "es",
    "consent_read_back": True,
}


def test_the_hotline_api_takes_answers_and_refuses_wrong_ones(api, token_for, org, handler, call_taker):
    questions_set(org, handler)
    auth = token_for(call_taker)
    url = "/api/hotline/orgs/acme/reports"
    wrong = api.post(url, {**PHONE_REPORT, "answers": {"team": ""}}, content_type="application/json", **auth)
    assert wrong.status_code == 400 and wrong.json()["field"] == "answers.team"
    assert "¿En qué equipo estaba?" in wrong.json()["detail"]  # the call's language
    assert not Report.objects.exists()
    filed = api.post(url, {**PHONE_REPORT, "answers": ANSWERS}, content_type="application/json", **auth)
    assert filed.status_code == 201, filed.content
    case = api.get(f"/api/cases/{Report.objects.get().pk}", **token_for(handler)).json()
    assert case["content"]["answers"]["values"]["role"] == "volunteer"
