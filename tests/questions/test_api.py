"""org_form_get and the answers of report_submit: the current questions in the language asked for; answers
checked against them, clear 400s naming the field with nothing filed; answers kept inside the encrypted content."""

import json

import pytest

from confide.reports.content import ReportContent
from confide.reports.models import Report
from tests.helpers.questions import ANSWERS, QUESTIONS, questions_set

pytestmark = pytest.mark.django_db

REPORT = {"what_happened": "It happened at the office.", "category": "other"}


def _submit(api, answers, slug="acme", **headers):
    body = {**REPORT, "answers": answers}
    return api.post(f"/api/orgs/{slug}/reports", body, content_type="application/json", **headers)


def test_the_form_is_described_in_the_language_asked_for(api, org, handler):
    version = questions_set(org, handler)
    english = api.get("/api/orgs/acme/form").json()
    spanish = api.get("/api/orgs/acme/form?lang=es").json()
    assert english["version"] == spanish["version"] == str(version.pk) and english["number"] == 1
    assert [q["key"] for q in english["questions"]] == [q["key"] for q in QUESTIONS]
    assert english["questions"][0]["label"] == "Which team were you on?" and english["language"] == "en"
    assert spanish["questions"][0]["label"] == "¿En qué equipo estaba?"
    assert spanish["questions"][2]["options"] == [
        {"key": "staff", "label": "Personal pagado"},
        {"key": "volunteer", "label": "Voluntario"},
    ]
    assert api.get("/api/orgs/acme/form", HTTP_ACCEPT_LANGUAGE="es").json()["language"] == "es"


def test_an_organization_without_questions_has_an_empty_form(api, org):
    assert api.get("/api/orgs/acme/form").json() == {
        "organization": "acme",
        "language": "en",
        "version": None,
        "number": 0,
        "questions": [],
    }


def test_an_unknown_or_closed_organization_is_404(api, org):
    assert api.get("/api/orgs/nobody/form").status_code == 404
    org.intake_open = False
    org.save()
    assert api.get("/api/orgs/acme/form").status_code == 404


def test_a_bad_language_is_refused(api, org):
    assert api.get("/api/orgs/acme/form?lang=fr").status_code == 422


def test_answers_are_kept_inside_the_encrypted_content(api, org, handler, token_for, unlock):
    version = questions_set(org, handler)
    response = _submit(api, ANSWERS)
    assert response.status_code == 201, response.content
    report = Report.objects.get()
    assert b"Field" not in bytes(report.content) and b"volunteer" not in bytes(report.content)
    auth = token_for(handler)
    answers = api.get(f"/api/cases/{report.pk}", **auth).json()["content"]["answers"]
    assert answers["form"] == str(version.pk) and answers["number"] == 1
    assert answers["values"] == {**ANSWERS, "places": ["office", "event"]}
    assert answers["questions"][0]["label"] == QUESTIONS[0]["label"]
    # The reporter reads them back with the receipt too.
    mine = api.get("/api/reporter/report", HTTP_AUTHORIZATION=f"Receipt {response.json()['receipt']}")
    assert mine.json()["content"]["answers"]["values"]["team"] == "Field"


@pytest.mark.parametrize(
    ("answers", "field"),
    [
        ({}, "answers.team"),
        ({"team": "  "}, "answers.team"),
        ({**ANSWERS, "role": "manager"}, "answers.role"),
        ({**ANSWERS, "places": "office,event"}, "answers.places"),
        ({**ANSWERS, "started": "2024-3"}, "answers.started"),
        ({**ANSWERS, "last_day": "yesterday"}, "answers.last_day"),
        ({**ANSWERS, "told": "no"}, "answers.told"),
        ({**ANSWERS, "colour": "red"}, "answers.colour"),
        ({**ANSWERS, "team": "nul\x00"}, None),  # the NUL refusal comes first, from the middleware
    ],
)
def test_an_answer_that_does_not_fit_is_a_400_naming_it_and_nothing_is_filed(api, org, handler, answers, field):
    questions_set(org, handler)
    response = _submit(api, answers)
    assert response.status_code == 400, response.content
    body = response.json()
    assert body["detail"]
    if field is not None:
        assert body["field"] == field
    assert not Report.objects.exists()


def test_answers_that_are_not_an_object_are_refused_by_the_schema(api, org, handler):
    questions_set(org, handler)
    assert _submit(api, ["Field"]).status_code == 422
    assert not Report.objects.exists()


def test_answers_to_an_organization_without_questions_are_refused(api, org):
    response = _submit(api, {"team": "Field"})
    assert response.status_code == 400 and response.json()["field"] == "answers.team"
    assert _submit(api, {}).status_code == 201


def test_answers_are_checked_against_the_current_version(api, org, handler):
    questions_set(org, handler)
    questions_set(org, handler, [QUESTIONS[6]])  # only yes/no is left
    assert _submit(api, ANSWERS).json()["field"] == "answers.team"
    assert _submit(api, {"told": True}).status_code == 201


def test_a_retry_with_the_same_key_and_other_answers_files_nothing(api, org, handler):
    questions_set(org, handler)
    first = _submit(api, ANSWERS, HTTP_IDEMPOTENCY_KEY="k-1")
    again = _submit(api, ANSWERS, HTTP_IDEMPOTENCY_KEY="k-1")
    other = _submit(api, {**ANSWERS, "team": "Finance"}, HTTP_IDEMPOTENCY_KEY="k-1")
    assert first.status_code == again.status_code == 201 and other.status_code == 409
    assert Report.objects.count() == 1


def test_a_report_filed_before_questions_existed_still_decodes():
    stored = {**json.loads(ReportContent(what_happened="Old", category="other").to_bytes())}
    stored.pop("answers")
    content = ReportContent.from_bytes(json.dumps(stored).encode())
    assert content.answers == {} and content.what_happened == "Old"


def test_each_organization_has_its_own_questions(api, org, other_org, handler, other_tenant_handler):
    questions_set(other_org, other_tenant_handler, [QUESTIONS[6]])
    assert api.get("/api/orgs/acme/form").json()["questions"] == []
    assert [q["key"] for q in api.get("/api/orgs/rival/form").json()["questions"]] == ["told"]
    # Answers to another organization's questions are not accepted here.
    assert _submit(api, {"told": True}).json()["field"] == "answers.told"
