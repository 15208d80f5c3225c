"""Survey pages as a browser without JavaScript uses them: code, credential in the form, answers once, receipt for
a free-text answer, turned into a report by its author only. Another organization's round is not found."""

import re

import pytest

from confide.reports.models import Report
from confide.surveys.models import Marker, Pending, Spent, SurveyText
from confide.verification.services import roster_upload
from tests.helpers.receipts import followed, receipt_of, type_back
from tests.helpers.staff import csrf_from
from tests.helpers.surveys import open_survey
from tests.helpers.verification import code_sent

pytestmark = pytest.mark.django_db

CREDENTIAL_RE = re.compile(r'name="credential" value="([^"]+)"')
CHALLENGE_RE = re.compile(r'name="challenge" value="([^"]+)"')


def _base(survey_round) -> str:
    return f"/r/{survey_round.survey.organization.slug}/surveys/{survey_round.pk}/"


def answer_page(client, survey_round, email="ann@acme.org"):
    """From the survey's page to the answer form, through the one-time code."""
    roster_upload(organization=survey_round.survey.organization, emails=[email])
    start = client.get(_base(survey_round))
    assert start.status_code == 200
    code_page = client.post(_base(survey_round) + "verify/", {"email": email, "csrfmiddlewaretoken": csrf_from(start)})
    challenge = CHALLENGE_RE.search(code_page.content.decode()).group(1)
    data = {"challenge": challenge, "code": code_sent(), "csrfmiddlewaretoken": csrf_from(code_page)}
    return client.post(_base(survey_round) + "code/", data)


def send_answers(client, survey_round, page, answers=("4", "2"), free_text=""):
    data = {f"q{i}": a for i, a in enumerate(answers)}
    data.update(credential=CREDENTIAL_RE.search(page.content.decode()).group(1), free_text=free_text)
    data["csrfmiddlewaretoken"] = csrf_from(page)
    return client.post(_base(survey_round) + "answer/", data)


def test_a_respondent_answers_once_and_only_the_round_is_kept(reporter, org):
    survey_round = open_survey(org)
    page = answer_page(reporter, survey_round)
    assert page.status_code == 200 and "I feel safe raising a problem here." in page.content.decode()
    assert "<script" not in page.content.decode()
    sent = send_answers(reporter, survey_round, page)
    assert sent.status_code == 303 and sent["Location"].endswith("/surveys/thanks/")
    again = send_answers(reporter, survey_round, page)  # back and resubmit
    assert again.status_code == 409 and "used already" in again.content.decode()
    assert Pending.objects.count() == 1 and Spent.objects.count() == 1
    second = answer_page(reporter, survey_round)  # the same person asks for a second credential
    assert second.status_code == 409 and "already taken part" in second.content.decode()
    assert Marker.objects.count() == 1


def test_out_of_range_or_missing_answers_come_back_with_a_message(reporter, org):
    survey_round = open_survey(org)
    page = answer_page(reporter, survey_round)
    for answers in [("9", "2"), ("4",), ("0", "-1")]:
        refused = send_answers(reporter, survey_round, page, answers=answers)
        assert refused.status_code == 400 and 'role="alert"' in refused.content.decode()
    assert Pending.objects.count() == 0
    assert send_answers(reporter, survey_round, page).status_code == 303


def test_a_forged_credential_is_refused_on_the_page(reporter, org):
    survey_round = open_survey(org)
    page = answer_page(reporter, survey_round)
    html = page.content.decode().replace(CREDENTIAL_RE.search(page.content.decode()).group(1), "A" * 64)
    page.content = html.encode()
    refused = send_answers(reporter, survey_round, page)
    assert refused.status_code == 400 and "not valid" in refused.content.decode()
    assert Spent.objects.count() == 0


def test_only_the_author_turns_a_free_text_answer_into_a_report(reporter, org, handler):
    survey_round = open_survey(org)
    sent = send_answers(reporter, survey_round, answer_page(reporter, survey_round), free_text="The rota is unfair")
    receipt_page = followed(reporter, sent)
    receipt = receipt_of(receipt_page)
    assert type_back(reporter, receipt_page).status_code == 303
    wrong = reporter.post(
        "/r/acme/surveys/answer/", {"receipt": "word " * 8, "csrfmiddlewaretoken": csrf_from(receipt_page)}
    )
    assert wrong.status_code == 400
    opened = reporter.post("/r/acme/surveys/answer/", {"receipt": receipt, "csrfmiddlewaretoken": csrf_from(wrong)})
    assert "The rota is unfair" in opened.content.decode()
    data = {"receipt": receipt, "category": "bullying", "csrfmiddlewaretoken": csrf_from(opened)}
    converted = reporter.post("/r/acme/surveys/answer/report/", data)
    assert converted.status_code == 303 and converted["Location"] == "/r/acme/receipt/"
    report = Report.objects.get()
    assert report.category == "bullying" and report.organization == org
    assert not SurveyText.objects.exists()  # converted once; the receipt opens nothing more
    assert reporter.post("/r/acme/surveys/answer/report/", data).status_code == 400


def test_another_organizations_round_is_not_found_here(reporter, org, other_org):
    theirs = open_survey(other_org)
    for path in ["", "verify/", "code/", "answer/"]:
        url = f"/r/acme/surveys/{theirs.pk}/{path}"
        response = reporter.get(url) if not path else reporter.post(url, {})
        assert response.status_code in (403, 404)  # CSRF first on a bare POST; never the round
    page = reporter.get("/r/acme/surveys/")
    assert str(theirs.pk) not in page.content.decode()
    assert reporter.get(f"/r/acme/surveys/{theirs.pk}/").status_code == 404
    assert reporter.get("/r/acme/surveys/not-a-uuid/").status_code == 404


def test_a_receipt_of_another_organization_opens_nothing_here(reporter, org, other_org):
    theirs = open_survey(other_org)
    roster_upload(organization=other_org, emails=["zed@rival.org"])
    start = reporter.get(f"/r/rival/surveys/{theirs.pk}/")
    code_page = reporter.post(
        f"/r/rival/surveys/{theirs.pk}/verify/", {"email": "zed@rival.org", "csrfmiddlewaretoken": csrf_from(start)}
    )
    data = {
        "challenge": CHALLENGE_RE.search(code_page.content.decode()).group(1),
        "code": code_sent(),
        "csrfmiddlewaretoken": csrf_from(code_page),
    }
    page = reporter.post(f"/r/rival/surveys/{theirs.pk}/code/", data)
    receipt = receipt_of(followed(reporter, send_answers(reporter, theirs, page, free_text="Rival's words")))
    opened = reporter.post("/r/acme/surveys/answer/", {"receipt": receipt, "csrfmiddlewaretoken": csrf_from(start)})
    assert opened.status_code == 400 and "Rival's words" not in opened.content.decode()
