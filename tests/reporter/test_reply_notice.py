"""The optional reply notice: an address the reporter leaves behind their receipt, sealed at rest, used only for
a content-free email in the digest's slots after a handler writes, removable at any time."""

from datetime import UTC, datetime

import pytest
import time_machine
from django.core import mail
from django.test import Client

from confide.notifications.services import digest_slot_after
from confide.notifications.tasks import staff_digest_job
from confide.reports.models import ReplyNotice
from confide.reports.services.retention import report_purge
from tests.helpers.canary import at_rest_sources, canary, hits
from tests.helpers.reports import submit_report
from tests.helpers.staff import csrf_from, make_staff, staff_login
from tests.helpers.thread import handler_reply, thread_open

pytestmark = pytest.mark.django_db


def _leave_address(client: Client, receipt: str, address: str):
    thread_open(client, receipt)
    page = client.get("/r/acme/report/")
    return client.post("/r/acme/report/notice/", {"address": address, "csrfmiddlewaretoken": csrf_from(page)})


def _remove(client: Client):
    page = client.get("/r/acme/report/")
    return client.post("/r/acme/report/notice/remove/", {"csrfmiddlewaretoken": csrf_from(page)})


@pytest.fixture
def address() -> str:
    return f"{canary('NOTICE').lower()}@mail.example"


@pytest.mark.django_db(transaction=True)
def test_the_address_is_sealed_at_rest_and_never_shown_back(csrf_client, org, handler, address):
    submitted = submit_report(org)
    response = _leave_address(csrf_client, submitted.receipt, address)
    assert response.status_code == 303 and response["Location"] == "/r/acme/report/#notice"
    assert ReplyNotice.objects.filter(report=submitted.report).exists()
    assert hits([address, address.split("@")[0]], at_rest_sources()) == []
    page = csrf_client.get("/r/acme/report/").content.decode()
    assert "An address is on file" in page and address not in page


def test_a_notice_goes_out_in_the_next_slot_after_a_handler_writes_and_says_nothing_of_the_case(
    csrf_client, org, handler, unlock, address, settings
):
    settings.CONFIDE_SITE_URL = "https://report.example/"
    submitted = submit_report(org, what_happened="NOTICECONTENT in the field office")
    _leave_address(csrf_client, submitted.receipt, address)
    staff_digest_job.call()
    assert mail.outbox == [], "nothing is sent before a handler writes"
    reply_at = datetime(2026, 4, 2, 13, 17, tzinfo=UTC)
    with time_machine.travel(reply_at, tick=False):
        handler_reply(report=submitted.report, user=handler, secret_key=unlock(handler).secret_key)
    with time_machine.travel(digest_slot_after(reply_at), tick=False):
        staff_digest_job.call()
    [notice] = [message for message in mail.outbox if message.to == [address]]
    assert "A new message is waiting for you" in notice.subject and "Un nuevo mensaje" in notice.subject
    assert "https://report.example/" in notice.body and "I have a receipt" in notice.body
    for secret in ["NOTICECONTENT", "field office", submitted.report.reference, org.name, org.slug, "13:17"]:
        assert secret not in notice.body and secret not in notice.subject, secret
    mail.outbox.clear()
    staff_digest_job.call()
    assert [m for m in mail.outbox if m.to == [address]] == [], "one notice per reply, not one per slot"


def test_no_notice_once_the_reporter_removed_the_address(csrf_client, org, handler, unlock, address):
    submitted = submit_report(org)
    _leave_address(csrf_client, submitted.receipt, address)
    assert _remove(csrf_client).status_code == 303
    assert not ReplyNotice.objects.exists()
    handler_reply(report=submitted.report, user=handler, secret_key=unlock(handler).secret_key)
    staff_digest_job.call()
    assert [m for m in mail.outbox if address in m.to] == []
    assert "An address is on file" not in csrf_client.get("/r/acme/report/").content.decode()


def test_a_malformed_address_is_refused_with_a_message(csrf_client, org, handler):
    submitted = submit_report(org)
    response = _leave_address(csrf_client, submitted.receipt, "not an address")
    assert response.status_code == 400
    assert "An email address looks like name@example.org." in response.content.decode()
    assert not ReplyNotice.objects.exists()


def test_purging_the_report_deletes_the_address(csrf_client, org, handler, address):
    submitted = submit_report(org)
    _leave_address(csrf_client, submitted.receipt, address)
    report_purge(report=submitted.report)
    assert not ReplyNotice.objects.exists()


def test_no_staff_page_shows_the_address_not_even_to_the_team(csrf_client, submitted, handler, excluded_handler):
    address = f"{canary('STAFFVIEW').lower()}@mail.example"
    _leave_address(csrf_client, submitted.receipt, address)
    case_url = f"/staff/cases/{submitted.report.pk}/"
    team = staff_login(Client(), handler)
    case_page = team.get(case_url)
    assert case_page.status_code == 200 and submitted.report.reference in case_page.content.decode()
    operator = staff_login(Client(), make_staff("otto", role="operator"))
    seen = [
        *(team.get(url).content.decode() for url in ["/staff/", "/staff/dashboard/", case_url]),
        staff_login(Client(), excluded_handler).get(case_url).content.decode(),
        operator.get(f"/operator/reports/report/{submitted.report.pk}/change/").content.decode(),
    ]
    for html in seen:
        assert address not in html and address.split("@")[0] not in html
