"""G1 for the organizations' own questions: answers typed on the web form, sent to the API or typed by a
call-taker are nowhere at rest (database rows and files, media, secrets, logs); the handler reads them all."""

import pytest

from confide.reports.models import Report
from tests.helpers.canary import at_rest_sources, canary, hits
from tests.helpers.hotline import post, read_back
from tests.helpers.questions import questions_set, read_back_file
from tests.helpers.receipts import submission_of
from tests.helpers.staff import csrf_from

pytestmark = pytest.mark.django_db(transaction=True)


def test_no_answer_to_a_custom_question_is_readable_at_rest(
    org, handler, call_taker, login, reporter, api, token_for, log_buffer, capfd
):
    questions_set(org, handler)
    marks = {k: canary(k) for k in ["WEBSHORT", "WEBLONG", "APISHORT", "APILONG", "CALLSHORT", "CALLLONG", "BAD"]}

    page = reporter.get("/r/acme/")
    form = {
        "submission": submission_of(page),
        "csrfmiddlewaretoken": csrf_from(page),
        "what_happened": "Filed on the web.",
        "category": "other",
        "identity": "anonymous",
        "q_team": marks["WEBSHORT"],
        "q_details": marks["WEBLONG"],
        "q_places": ["office", "online"],
        "q_told": "yes",
    }
    assert reporter.post("/r/acme/", form).status_code == 303
    # A refused answer (a month that is not one) is not kept either, nor logged.
    refused = reporter.get("/r/acme/")
    bad = {**form, "submission": submission_of(refused), "csrfmiddlewaretoken": csrf_from(refused)}
    assert reporter.post("/r/acme/", {**bad, "q_started": marks["BAD"]}).status_code == 400

    answers = {"team": marks["APISHORT"], "details": marks["APILONG"], "role": "staff", "last_day": "2024-05-31"}
    body = {"what_happened": "Filed by API.", "category": "other", "answers": answers}
    assert api.post("/api/orgs/acme/reports", body, content_type="application/json").status_code == 201
    wrong = {**body, "answers": {**answers, "started": marks["BAD"]}}
    assert api.post("/api/orgs/acme/reports", wrong, content_type="application/json").status_code == 400

    client = login(call_taker)
    call = read_back(client, q_team=marks["CALLSHORT"], q_details=marks["CALLLONG"], q_role="volunteer")
    assert read_back_file(client, call).status_code == 200
    post(client, "/staff/hotline/acme/call/", call, {"step": "read_back", "q_started": marks["BAD"]})

    # The handler reads every answer: they went in, they are just not readable at rest.
    auth = token_for(handler)
    read = "".join(str(api.get(f"/api/cases/{r.pk}", **auth).json()) for r in Report.objects.all())
    assert all(marks[k] in read for k in marks if k != "BAD")

    out, err = capfd.readouterr()
    sources = at_rest_sources(extra_text=log_buffer.getvalue() + out + err)
    assert hits(list(marks.values()), sources) == []
