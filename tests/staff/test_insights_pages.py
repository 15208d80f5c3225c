"""The report page, its downloads and their signatures, and publishing a period to the organization's staff."""

import re

import pytest
import time_machine
from django.core.management import CommandError, call_command

from confide.audit.models import AuditEntry
from tests.helpers.insights import AFTER, PERIOD, file_reports
from tests.helpers.staff import csrf_from

pytestmark = pytest.mark.django_db

PAGE = f"/staff/insights/organizations/acme/{PERIOD}/"


@pytest.fixture(autouse=True)
def _after():
    with time_machine.travel(AFTER, tick=False):
        yield


@pytest.fixture
def closed(org, handler):
    file_reports(org, 6, category="bullying")
    return file_reports(org, 2, category="retaliation")


@pytest.mark.parametrize("persona", ["handler", "contact"])
def test_the_report_page_draws_its_charts_on_the_server_without_script(login, closed, persona, request):
    response = login(request.getfixturevalue(persona)).get(PAGE)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<svg" in html and "<script" not in html
    assert "Retaliation for speaking up" in html and "hidden" in html
    assert AuditEntry.objects.filter(action="insight.report_read").count() == 1


@pytest.mark.parametrize("persona", ["outsider", "other_tenant_handler", "other_contact", "call_taker"])
def test_the_report_page_and_downloads_are_404_for_everyone_else(login, closed, persona, request):
    client = login(request.getfixturevalue(persona))
    for url in (PAGE, f"{PAGE}report.csv", f"{PAGE}report.pdf.sig"):
        assert client.get(url).status_code == 404, url
    token = csrf_from(client.get("/staff/password/"))
    assert client.post(f"{PAGE}publish/", {"csrfmiddlewaretoken": token}).status_code == 404


def test_the_list_shows_only_the_staff_members_organizations(login, closed, handler, other_org):
    html = login(handler).get("/staff/insights/").content.decode()
    assert "Acme for America" in html and "Rival Campaign" not in html


def test_a_download_verifies_with_the_documented_command_and_a_changed_one_does_not(login, closed, handler, tmp_path):
    client = login(handler)
    for fmt in ("csv", "json", "pdf"):
        data = client.get(f"{PAGE}report.{fmt}").content
        signature = client.get(f"{PAGE}report.{fmt}.sig").content
        (tmp_path / f"r.{fmt}").write_bytes(data)
        (tmp_path / f"r.{fmt}.sig").write_bytes(signature)
        call_command("insight_verify", str(tmp_path / f"r.{fmt}"), str(tmp_path / f"r.{fmt}.sig"))
        (tmp_path / f"r.{fmt}").write_bytes(data[:10] + bytes([data[10] ^ 1]) + data[11:])
        with pytest.raises(CommandError, match="NOT VERIFIED"):
            call_command("insight_verify", str(tmp_path / f"r.{fmt}"), str(tmp_path / f"r.{fmt}.sig"))
    assert AuditEntry.objects.filter(action="insight.exported").count() == 6


def test_the_csv_has_no_list_no_text_and_no_day(login, closed, handler):
    csv = login(handler).get(f"{PAGE}report.csv").content.decode()
    assert not re.search(r"\d{4}-\d{2}-\d{2}", csv)
    assert "field office" not in csv.lower() and "regional director" not in csv.lower()
    assert all(r.reference not in csv for r in closed)


def test_a_published_period_has_a_stable_page_on_the_reporter_side(login, closed, contact, reporter):
    reporter_url = f"/r/acme/figures/{PERIOD}/"
    assert reporter.get(reporter_url).status_code == 404
    client = login(contact)
    page = client.get(PAGE)
    response = client.post(f"{PAGE}publish/", {"csrfmiddlewaretoken": csrf_from(page)})
    assert response.status_code == 302
    html = reporter.get(reporter_url).content.decode()
    assert "<svg" in html and "<script" not in html
    assert reporter.get(f"/r/rival/figures/{PERIOD}/").status_code == 404
    assert AuditEntry.objects.filter(action="insight.published").count() == 1
    assert not AuditEntry.objects.filter(action__startswith="insight.report_read", actor_id=None).exists()


def test_fewer_than_k_shows_the_sentence_and_no_number(login, org, handler):
    file_reports(org, 4)
    response = login(handler).get(PAGE)
    assert response.status_code == 422
    assert "Not enough reports to show this safely." in response.content.decode()
