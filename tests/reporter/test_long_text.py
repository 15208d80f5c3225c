"""Issue 11: nothing a reporter writes is cut without a word. A long account arrives whole; one past the stated
limit is refused with the form kept whole and the limit said at the field. No field carries a maxlength that
a browser would use to cut pasted text."""

import re

import pytest
from django.test import Client

from confide.core.text import LONG_TEXT_MAX_CHARS
from confide.escrow.selectors.reporter import records_read, vault_access_get
from confide.letters.models import Letter
from confide.reports.models import Message, Report
from confide.reports.selectors.common import report_view
from confide.reports.selectors.reporter import reporter_access_get
from tests.helpers.escrow import vault_client
from tests.helpers.receipts import followed
from tests.helpers.reports import submit_report
from tests.helpers.staff import csrf_from

pytestmark = pytest.mark.django_db

# 60,000 characters, as in the issue, with accents and an emoji so bytes and characters differ.
LONG = ("Él me siguió hasta el coche después del mitin 😞 y no paró. " * 1100)[:60_000].strip()
TOO_LONG = "Él lo hizo. " * (LONG_TEXT_MAX_CHARS // 12 + 1)
FORM = {"what_happened": LONG, "category": "bullying", "identity": "anonymous"}


def post(client: Client, page: str, url: str, data: dict):
    return client.post(url, {**data, "csrfmiddlewaretoken": csrf_from(client.get(page))})


def receipt_of(response) -> str:
    return re.search(r'<p class="receipt"[^>]*>([^<]+)</p>', response.content.decode()).group(1).strip()


def textarea(html: str, name: str) -> str:
    match = re.search(rf'<textarea name="{name}"[^>]*>\n?(.*?)</textarea>', html, re.DOTALL)
    assert match, f"no textarea {name}"
    return match.group(1)


def test_no_reporter_page_has_a_maxlength_that_would_cut_pasted_text(org, handler):
    client = Client()
    for url in ["/r/acme/", "/r/acme/return/", "/r/acme/letters/new/", "/r/acme/vault/open/"]:
        assert "maxlength" not in client.get(url).content.decode(), url


def test_a_60000_character_account_arrives_whole(org, handler):
    client = Client(enforce_csrf_checks=True)
    response = followed(client, post(client, "/r/acme/", "/r/acme/", FORM))
    assert response.status_code == 200
    access = reporter_access_get(receipt=receipt_of(response), organization=org)
    assert report_view(access=access, for_staff=False).content.what_happened == LONG


@pytest.mark.parametrize("language", ["en", "es"])
def test_an_account_past_the_limit_is_refused_with_the_form_kept_and_the_limit_at_the_field(org, handler, language):
    client = Client(enforce_csrf_checks=True, headers={"accept-language": language})
    response = post(client, "/r/acme/", "/r/acme/", {**FORM, "what_happened": TOO_LONG, "when": "Marzo"})
    html = response.content.decode()
    assert response.status_code == 400 and not Report.objects.exists()
    assert textarea(html, "what_happened").strip() == TOO_LONG.strip()
    assert 'value="Marzo"' in html
    stated = {"en": "Up to 200,000 characters.", "es": "Hasta 200\xa0000 caracteres."}[language]
    assert stated in html
    error = re.search(r'<p class="error" id="id_what_happened_error">([^<]+)</p>', html)
    assert error and ("200,000" in error.group(1) or "200\xa0000" in error.group(1))


def test_a_long_reply_arrives_whole_and_one_past_the_limit_is_kept(org, handler):
    submitted = submit_report(org)
    client = Client(enforce_csrf_checks=True)
    post(client, "/r/acme/return/", "/r/acme/return/", {"receipt": submitted.receipt})
    assert post(client, "/r/acme/report/", "/r/acme/report/reply/", {"body": LONG}).status_code == 303
    refused = post(client, "/r/acme/report/", "/r/acme/report/reply/", {"body": TOO_LONG})
    assert refused.status_code == 400 and Message.objects.count() == 1
    assert textarea(refused.content.decode(), "body").strip() == TOO_LONG.strip()
    access = reporter_access_get(receipt=submitted.receipt, organization=org)
    assert [m.body for m in report_view(access=access, for_staff=False).messages] == [LONG]


def test_a_long_vault_record_is_kept_whole(org):
    client, receipt = vault_client(org)
    assert post(client, "/r/acme/vault/home/", "/r/acme/vault/records/", {"text": LONG}).status_code == 303
    refused = post(client, "/r/acme/vault/home/", "/r/acme/vault/records/", {"text": TOO_LONG})
    assert refused.status_code == 400
    assert textarea(refused.content.decode(), "text").strip() == TOO_LONG.strip()
    records = records_read(access=vault_access_get(receipt=receipt, organization=org))
    assert [r.text for r in records] == [LONG]


def test_a_long_letter_is_taken_and_one_past_the_limit_is_kept(org, handler, boss):
    client = Client(enforce_csrf_checks=True)
    data = {"title": "T", "recipients": [str(boss.pk)], "threshold": "2"}
    refused = post(client, "/r/acme/letters/new/", "/r/acme/letters/new/", {**data, "text": TOO_LONG})
    assert refused.status_code == 400 and not Letter.objects.exists()
    assert textarea(refused.content.decode(), "text").strip() == TOO_LONG.strip()
    drafted = post(client, "/r/acme/letters/new/", "/r/acme/letters/new/", {**data, "text": LONG})
    assert followed(client, drafted).status_code == 200
    assert Letter.objects.count() == 1


def test_the_api_takes_a_long_account(api, org, handler):
    response = api.post(
        "/api/orgs/acme/reports", {"what_happened": LONG, "category": "other"}, content_type="application/json"
    )
    assert response.status_code == 201
    access = reporter_access_get(receipt=response.json()["receipt"], organization=org)
    assert report_view(access=access, for_staff=False).content.what_happened == LONG
