"""Only call-takers of an organization reach its console pages; everyone else gets 404 (403 on the index)."""

import pytest

from confide.reports.models import Report
from tests.helpers.hotline import file_call, hidden_fields, post, read_back
from tests.helpers.staff import csrf_from, make_staff

ORG_PAGES_GET = ["/staff/hotline/acme/", "/staff/hotline/acme/callback/"]
ORG_PAGES_POST = [
    "/staff/hotline/acme/call/",
    "/staff/hotline/acme/file/",
    "/staff/hotline/acme/receipt/",
    "/staff/hotline/acme/callback/",
    "/staff/hotline/acme/callback/reply/",
]
STRANGERS = ["handler", "outsider", "other_call_taker", "contact", "other_tenant_handler"]


@pytest.fixture
def stranger(request, org, other_org):
    return request.getfixturevalue(request.param)


@pytest.mark.parametrize("stranger", STRANGERS, indirect=True)
def test_it_hides_an_organizations_line_from_anyone_who_does_not_take_its_calls(stranger, login):
    client = login(stranger)
    for url in ORG_PAGES_GET:
        assert client.get(url).status_code == 404, url
    csrf = csrf_from(client.get("/staff/password/"))
    for url in ORG_PAGES_POST:
        response = client.post(url, {"csrfmiddlewaretoken": csrf, "step": "account", "receipt": "x"})
        assert response.status_code == 404, url


@pytest.mark.parametrize("stranger", ["handler", "outsider", "contact"], indirect=True)
def test_the_console_is_refused_to_staff_who_are_not_call_takers(stranger, login):
    response = login(stranger).get("/staff/hotline/")
    assert response.status_code == 403
    assert "for call-takers" in response.content.decode()


def test_a_call_taker_sees_only_their_own_organizations(org, other_org, call_taker, other_call_taker, login):
    page = login(call_taker).get("/staff/hotline/").content.decode()
    assert "Acme for America" in page and "Rival Campaign" not in page
    page = login(other_call_taker).get("/staff/hotline/").content.decode()
    assert "Rival Campaign" in page and "Acme for America" not in page


def test_a_closed_intake_takes_no_calls(org, call_taker, login):
    org.intake_open = False
    org.save()
    client = login(call_taker)
    assert client.get("/staff/hotline/acme/").status_code == 404
    assert "Acme for America" not in client.get("/staff/hotline/").content.decode()


def test_signed_out_visitors_are_sent_to_sign_in(org, client):
    response = client.get("/staff/hotline/acme/")
    assert response.status_code == 302 and "/staff/login/" in response["Location"]


def test_a_call_taker_of_another_organization_cannot_file_for_it(org, other_org, handler, call_taker, login):
    client = login(call_taker)
    page = read_back(client)
    make_staff("rival-handler", [other_org])
    data = hidden_fields(page) | {"consent": "yes"}
    assert post(client, "/staff/hotline/rival/file/", page, data).status_code == 404
    assert not Report.objects.exists()
    assert file_call(client).status_code == 200
