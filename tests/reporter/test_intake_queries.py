"""The API intake is the hot path (bench/intake.py): a report to an organization that never had questions
costs one read (the target, with whether it has questions riding along) and the writes, nothing more."""

import json

import pytest

from confide.reports.models import Report

pytestmark = pytest.mark.django_db

BODY = {"category": "sexual_harassment", "what_happened": "He cornered me after the rally.", "anonymous": True}


def _post(client, body):
    return client.post("/api/orgs/acme/reports", json.dumps(body), content_type="application/json")


def test_a_report_to_an_organization_without_questions_makes_one_read(org, handler, client, django_assert_num_queries):
    _post(client, BODY)  # warm: compiled queries, the language, the URL resolver
    # The target; then the report and its key wraps, inside their transaction (a savepoint in a test).
    with django_assert_num_queries(5):
        assert _post(client, BODY).status_code == 201
    assert Report.objects.count() == 2


def test_an_answer_sent_to_an_organization_without_questions_is_still_refused(org, handler, client):
    response = _post(client, {**BODY, "answers": {"shift": "night"}})
    assert response.status_code in (400, 422) and "answers.shift" in response.content.decode()
    assert not Report.objects.exists()
