"""One map from the domain's errors to HTTP, for pages and the API alike (confide/web/errors.py)."""

import json

import pytest
from django.test import RequestFactory

from confide.core.errors import Conflict, NotFound, Refused, Unavailable
from confide.core.throttle import Throttled
from confide.web.errors import refused_response

factory = RequestFactory()


@pytest.mark.parametrize(
    ("error", "status"),
    [
        (Refused("No.", field="text"), 400),
        (NotFound(), 404),
        (Conflict("Not now."), 409),
        (Throttled(retry_after=7), 429),
        (Unavailable("Down.", retry_after=30), 503),
    ],
)
def test_the_api_answers_each_kind_with_its_status_and_a_sentence(error, status):
    response = refused_response(factory.post("/api/x"), error)
    body = json.loads(response.content)
    assert response.status_code == status and body["detail"]
    assert body.get("field") == error.field


def test_retry_after_is_given_whenever_trying_again_may_work():
    assert refused_response(factory.get("/api/x"), Throttled(retry_after=7))["Retry-After"] == "7"
    assert refused_response(factory.get("/r/acme/"), Unavailable("Down.", retry_after=30))["Retry-After"] == "30"
    assert "Retry-After" not in refused_response(factory.get("/api/x"), Refused("No."))


def test_not_found_says_the_same_words_whatever_the_domain_said():
    """Missing and forbidden must read alike (threat model G3, G4)."""
    said = [json.loads(refused_response(factory.get("/api/x"), NotFound(m)).content) for m in ("", "case 7 hidden")]
    assert said[0] == said[1] == {"detail": "Not found."}


@pytest.mark.django_db
def test_a_page_gets_the_error_page_with_the_message():
    response = refused_response(factory.get("/r/acme/"), Conflict("This letter was already released."))
    assert response.status_code == 409 and b"This letter was already released." in response.content
