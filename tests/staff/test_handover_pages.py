"""The leadership pages for every persona (issue 13): the lead hands the case to a body and acts on the
reporter's requests; the body reads and answers on its own pages; everyone else (teammate where the lead is
needed, outsider, other tenant, excluded handler, contact, a body of another organization) is refused or gets
the one 404, and a contact of the organization never learns that the case exists."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from confide.reports.models import Attachment, HolderExclusionRequest, KeyWrap, Message
from confide.reports.selectors.reporter import reporter_access_get
from confide.reports.services.exclusion_asks import holder_exclusion_ask
from tests.helpers.leadership import hand_over
from tests.helpers.staff import csrf_from

pytestmark = pytest.mark.django_db

NOT_THE_BODY = ["handler", "teammate", "outsider", "other_tenant_handler", "excluded_handler", "contact", "other_body"]
NOT_ON_THE_CASE = ["outsider", "other_tenant_handler", "excluded_handler", "contact", "other_body", "body"]


def _case(report, suffix: str = "") -> str:
    return f"/staff/cases/{report.pk}/{suffix}"


def _held(report, suffix: str = "") -> str:
    return f"/staff/held/{report.pk}/{suffix}"


def test_the_lead_hands_the_case_over_from_the_case_page(login, leadership, handler, body):
    client = login(handler)
    page = client.get(_case(leadership.report))
    html = page.content.decode()
    assert "Hand this case to an independent body" in html and "union representative" in html
    sent = client.post(
        _case(leadership.report, "handover/"),
        {"body": body.username, "note": "For you.", "csrfmiddlewaretoken": csrf_from(page)},
    )
    assert sent.status_code == 302
    after = client.get(_case(leadership.report)).content.decode()
    assert "The case is now held by: Independent body — union representative" in after
    assert "For you." in after


def test_a_teammate_who_is_not_the_lead_is_refused(login, leadership, teammate, body):
    client = login(teammate)
    page = client.get(_case(leadership.report))
    assert "Hand this case to an independent body" not in page.content.decode()
    sent = client.post(
        _case(leadership.report, "handover/"), {"body": body.username, "csrfmiddlewaretoken": csrf_from(page)}
    )
    assert sent.status_code == 400
    assert not KeyWrap.objects.filter(user=body).exists()


@pytest.mark.parametrize("persona", NOT_ON_THE_CASE)
def test_the_lead_endpoints_are_not_found_for_anyone_off_the_case(login, leadership, handler, body, persona, request):
    holder_exclusion_ask(access=reporter_access_get(receipt=leadership.receipt), slot=1)
    ask = HolderExclusionRequest.objects.get()
    client = login(request.getfixturevalue(persona))
    token = csrf_from(client.get("/staff/password/"))
    report = leadership.report
    responses = [
        client.get(_case(report)),
        client.post(_case(report, "handover/"), {"body": body.username, "csrfmiddlewaretoken": token}),
        client.post(_case(report, f"exclusion-asks/{ask.pk}/exclude/"), {"csrfmiddlewaretoken": token}),
        client.post(_case(report, f"exclusion-asks/{ask.pk}/answer/"), {"answer": "no", "csrfmiddlewaretoken": token}),
        client.get(_case(report, "export/")),
    ]
    assert [r.status_code for r in responses] == [404] * 5
    assert HolderExclusionRequest.objects.get().outcome == ""
    assert not KeyWrap.objects.filter(user=body).exists()


def test_the_body_reads_and_answers_on_its_own_pages(login, leadership, handler, body):
    hand_over(leadership.report, handler, body)
    client = login(body)
    listing = client.get("/staff/held/").content.decode()
    assert leadership.report.reference in listing
    page = client.get(_held(leadership.report))
    html = page.content.decode()
    assert page.status_code == 200 and "Something happened at the field office." in html
    assert "Ana Reporter" not in html and "ana@example.org" not in html  # the reporter has not agreed
    sent = client.post(
        _held(leadership.report, "reply/"),
        {"body": "We hold your case now.", "csrfmiddlewaretoken": csrf_from(page)},
    )
    assert sent.status_code == 303
    assert Message.objects.filter(report=leadership.report, author=body, author_kind="body").count() == 1
    assert client.get(_case(leadership.report)).status_code == 404  # never the handlers' pages
    empty = client.post(_held(leadership.report, "reply/"), {"body": "  ", "csrfmiddlewaretoken": csrf_from(page)})
    assert empty.status_code == 400


@pytest.mark.parametrize("persona", NOT_THE_BODY)
def test_the_body_pages_are_not_found_for_everyone_else(login, leadership, handler, body, persona, request):
    hand_over(leadership.report, handler, body)
    body_client = login(body)
    page = body_client.get(_held(leadership.report))
    body_client.post(
        _held(leadership.report, "reply/"),
        {
            "body": "with a file",
            "attachments": [SimpleUploadedFile("a.txt", b"hello")],
            "csrfmiddlewaretoken": csrf_from(page),
        },
    )
    attachment = Attachment.objects.get(report=leadership.report)
    assert body_client.get(_held(leadership.report, f"attachments/{attachment.pk}/")).status_code == 200
    client = login(request.getfixturevalue(persona))
    token = csrf_from(client.get("/staff/password/"))
    responses = [
        client.get(_held(leadership.report)),
        client.post(_held(leadership.report, "reply/"), {"body": "intrusion", "csrfmiddlewaretoken": token}),
        client.get(_held(leadership.report, f"attachments/{attachment.pk}/")),
    ]
    assert [r.status_code for r in responses] == [404] * 3
    assert leadership.report.reference not in client.get("/staff/held/").content.decode()


def test_a_contact_never_learns_of_a_leadership_case(login, api, token_for, leadership, handler, body, contact):
    hand_over(leadership.report, handler, body)
    reference = leadership.report.reference
    client = login(contact)
    for url in ["/staff/", "/staff/dashboard/", "/staff/letters/", "/staff/held/"]:
        response = client.get(url)
        assert reference not in response.content.decode(), url
    assert client.get(_case(leadership.report)).status_code == 404
    assert client.get(_case(leadership.report, "export/")).status_code == 404
    auth = token_for(contact)
    assert api.get(f"/api/cases/{leadership.report.pk}", **auth).status_code == 404
    assert api.get(f"/api/cases/{leadership.report.pk}/export", **auth).status_code == 404
    assert api.get(f"/api/cases/{leadership.report.pk}/links", **auth).status_code == 404
    listed = api.get("/api/cases", **auth)
    assert reference not in listed.content.decode()


def test_the_lead_acts_on_the_reporters_request_from_the_case_page(login, leadership, handler, teammate):
    holder_exclusion_ask(access=reporter_access_get(receipt=leadership.receipt), slot=1)
    ask = HolderExclusionRequest.objects.get()
    client = login(handler)
    page = client.get(_case(leadership.report))
    assert "tomas" in page.content.decode() and "Exclude them from this case" in page.content.decode()
    done = client.post(
        _case(leadership.report, f"exclusion-asks/{ask.pk}/exclude/"), {"csrfmiddlewaretoken": csrf_from(page)}
    )
    assert done.status_code == 302
    assert not KeyWrap.objects.filter(report=leadership.report, user=teammate).exists()
    again = client.post(
        _case(leadership.report, f"exclusion-asks/{ask.pk}/answer/"),
        {"answer": "x", "csrfmiddlewaretoken": csrf_from(page)},
    )
    assert again.status_code == 400  # already dealt with


@pytest.mark.parametrize("ask_id", ["99999999999999999999999", "x", "-1", "١"])
def test_an_odd_request_id_is_not_found(login, leadership, handler, ask_id):
    client = login(handler)
    token = csrf_from(client.get("/staff/password/"))
    url = _case(leadership.report, f"exclusion-asks/{ask_id}/exclude/")
    assert client.post(url, {"csrfmiddlewaretoken": token}).status_code == 404
