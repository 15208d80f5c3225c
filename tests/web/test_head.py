"""HEAD answers as GET does, with no body: uptime checks use HEAD, and a 405 reads as the service being down."""

import pytest
from django.test import Client


@pytest.mark.parametrize(
    "path",
    ["/", "/r/acme/", "/r/acme/return/", "/r/acme/vault/", "/r/acme/letters/", "/staff/login/"],
)
def test_head_on_a_public_page_answers_200_without_a_body(org, path):
    get = Client().get(path)
    head = Client().head(path)
    assert get.status_code == 200
    assert head.status_code == 200
    assert head.content == b""
    assert head["Content-Type"] == get["Content-Type"]
    assert head["Cache-Control"] == "no-store"
    assert int(head["Content-Length"]) > 0


def test_head_on_a_staff_page_answers_like_get(login, handler, submitted):
    client = login(handler)
    for path in ["/staff/", "/staff/dashboard/", f"/staff/cases/{submitted.report.pk}/"]:
        response = client.head(path)
        assert response.status_code == 200, path
        assert response.content == b""


def test_head_never_runs_a_post_only_view(org):
    response = Client().head("/staff/logout/")
    assert response.status_code == 405
