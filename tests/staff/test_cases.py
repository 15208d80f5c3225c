import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from confide.accounts.services.sessions import UNLOCK_COOKIE
from confide.reports.models import Attachment, Message, Report
from tests.helpers.staff import csrf_from

pytestmark = pytest.mark.django_db

OUTSIDERS = ["outsider", "other_tenant", "excluded"]


def case_url(report, suffix=""):
    return f"/staff/cases/{report.pk}/{suffix}"


def test_sign_out_is_a_post_and_ends_access(login, handler, submitted):
    client = login(handler)
    assert client.get("/staff/logout/").status_code == 405
    page = client.get("/staff/")
    assert client.post("/staff/logout/", {"csrfmiddlewaretoken": csrf_from(page)}).status_code == 302
    assert client.get("/staff/").status_code == 302


def test_a_session_without_its_unlock_cookie_cannot_read(login, handler, submitted):
    client = login(handler)
    del client.cookies[UNLOCK_COOKIE]
    response = client.get(case_url(submitted.report))
    assert response.status_code == 302 and response["Location"].startswith("/staff/login/")


def test_a_session_with_a_forged_unlock_cookie_cannot_read(login, handler, submitted):
    client = login(handler)
    client.cookies[UNLOCK_COOKIE] = "AAAA" * 11
    assert client.get(case_url(submitted.report)).status_code == 302


@pytest.mark.parametrize(("persona", "sees"), [("owner", True), ("teammate", True), *[(p, False) for p in OUTSIDERS]])
def test_the_inbox_lists_only_visible_reports(login, personas, submitted, persona, sees):
    html = login(getattr(personas, persona)).get("/staff/").content.decode()
    assert (submitted.report.reference in html) is sees


def test_the_inbox_tolerates_bad_filters_and_pages(login, handler, submitted):
    client = login(handler)
    for query in ["?page=999", "?page=abc", "?status=bogus", "?status=new&page=-1"]:
        assert client.get("/staff/" + query).status_code == 200


def _attach(client, report):
    page = client.get(case_url(report))
    client.post(
        case_url(report, "reply/"),
        {
            "body": "see file",
            "attachments": [SimpleUploadedFile("note.txt", b"hello")],
            "csrfmiddlewaretoken": csrf_from(page),
        },
    )
    return Attachment.objects.get(report=report)


@pytest.mark.parametrize("persona", OUTSIDERS)
def test_every_case_endpoint_is_not_found_for_those_without_a_key(login, personas, submitted, persona, handler):
    attachment = _attach(login(handler), submitted.report)
    client = login(getattr(personas, persona))
    token = csrf_from(client.get("/staff/"))
    report = submitted.report
    responses = [
        client.get(case_url(report)),
        client.post(case_url(report, "reply/"), {"body": "intrusion", "csrfmiddlewaretoken": token}),
        client.post(case_url(report, "status/"), {"status": "closed", "csrfmiddlewaretoken": token}),
        client.get(case_url(report, f"attachments/{attachment.pk}/")),
        client.post(case_url(report, "access/"), {"username": "tomas", "csrfmiddlewaretoken": token}),
        client.post(case_url(report, "conflict/"), {"confirm": "yes", "csrfmiddlewaretoken": token}),
        client.post(case_url(report, "lead/"), {"username": "tomas", "csrfmiddlewaretoken": token}),
        client.post(case_url(report, "exclusions/"), {"username": "tomas", "csrfmiddlewaretoken": token}),
        client.post(case_url(report, "notes/"), {"note": "intrusion", "csrfmiddlewaretoken": token}),
        client.post(case_url(report, "labels/"), {"labels": "x", "csrfmiddlewaretoken": token}),
        client.post(case_url(report, "deletion/"), {"csrfmiddlewaretoken": token}),
        client.post(case_url(report, "deletion/approve/"), {"csrfmiddlewaretoken": token}),
        client.post(case_url(report, "deadline/"), {"feedback_by": "2030-01-01", "csrfmiddlewaretoken": token}),
        client.get(case_url(report, "export/")),
    ]
    assert [r.status_code for r in responses] == [404] * 14
    assert Report.objects.get(pk=report.pk).status == "received"
    assert not Message.objects.filter(report=report, body__isnull=False).exclude(author=handler).exists()


def test_unknown_case_ids_are_not_found(login, handler, submitted):
    client = login(handler)
    assert client.get("/staff/cases/00000000-0000-0000-0000-000000000000/").status_code == 404
    assert client.get("/staff/cases/not-a-uuid/").status_code == 404


def test_the_handler_reads_and_replies(login, handler, submitted):
    client = login(handler)
    page = client.get(case_url(submitted.report))
    html = page.content.decode()
    assert "Something happened at the field office." in html and "A regional director" in html
    response = client.post(
        case_url(submitted.report, "reply/"), {"body": "Thank you.", "csrfmiddlewaretoken": csrf_from(page)}
    )
    assert response.status_code == 302
    assert "Thank you." in client.get(case_url(submitted.report)).content.decode()


def test_status_changes_follow_the_rules(login, handler, submitted):
    client = login(handler)
    token = csrf_from(client.get(case_url(submitted.report)))
    assert (
        client.post(
            case_url(submitted.report, "status/"), {"status": "acknowledged", "csrfmiddlewaretoken": token}
        ).status_code
        == 302
    )
    refused = client.post(case_url(submitted.report, "status/"), {"status": "received", "csrfmiddlewaretoken": token})
    assert refused.status_code == 400 and "cannot go from" in refused.content.decode()
    assert Report.objects.get(pk=submitted.report.pk).status == "acknowledged"


def test_attachments_from_the_handler_round_trip(login, handler, submitted):
    client = login(handler)
    attachment = _attach(client, submitted.report)
    download = client.get(case_url(submitted.report, f"attachments/{attachment.pk}/"))
    assert b"".join(download.streaming_content) == b"hello"


def test_an_oversized_handler_file_is_refused(login, handler, submitted, settings):
    settings.CONFIDE_ATTACHMENT_MAX_BYTES = 10
    client = login(handler)
    page = client.get(case_url(submitted.report))
    response = client.post(
        case_url(submitted.report, "reply/"),
        {
            "body": "kept",
            "attachments": [SimpleUploadedFile("big.bin", b"x" * 100)],
            "csrfmiddlewaretoken": csrf_from(page),
        },
    )
    assert response.status_code == 413
    assert not Attachment.objects.exists() and not Message.objects.exists()


def test_staff_pages_need_a_login(submitted):
    assert Client().get(case_url(submitted.report)).status_code == 302


def test_the_case_page_title_is_plain_text(login, handler, submitted):
    import re

    html = login(handler).get(case_url(submitted.report)).content.decode()
    title = re.search(r"<title>(.*?)</title>", html, flags=re.S).group(1)
    assert submitted.report.reference in title and "<" not in title
