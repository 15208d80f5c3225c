"""Issue 11, items 5 and 9: the pages say what they do. Every question but the first may be skipped (the
category too), a form that comes back with errors opens on them, the vault does not open on "not confirmed",
and a letter needs at least two signatures and warns about identifying details."""

import re

import pytest
from django.test import Client

from confide.letters.models import Letter
from confide.reports.models import Report
from tests.helpers.escrow import vault_client
from tests.helpers.staff import csrf_from

pytestmark = pytest.mark.django_db


def post(client: Client, url: str, data: dict):
    return client.post(url, {**data, "csrfmiddlewaretoken": csrf_from(client.get(url))})


def test_a_report_without_a_category_is_filed_as_something_else(org, handler):
    response = post(
        Client(enforce_csrf_checks=True), "/r/acme/", {"what_happened": "It happened.", "identity": "anonymous"}
    )
    assert response.status_code == 303  # filed: on to the receipt page
    assert Report.objects.get().category == Report.Category.OTHER


def test_the_form_says_the_category_is_optional_and_the_handler_can_change_it(org, handler):
    html = Client().get("/r/acme/").content.decode()
    legend = re.search(r"<legend>Which best describes it\?(.*?)</legend>", html, re.DOTALL)
    assert legend and "optional" in legend.group(1)
    assert "skip any question except the first" in html


def test_a_form_with_errors_opens_on_the_summary_with_the_fields_right_after(org, handler):
    html = post(
        Client(enforce_csrf_checks=True), "/r/acme/", {"what_happened": "", "identity": "anonymous"}
    ).content.decode()
    summary, form, notices = (
        html.index('id="errors"'),
        html.index('<form method="post" enctype'),
        html.index("who-reads"),
    )
    assert summary < form < notices, "the notices follow the form when it comes back with errors"
    assert 'id="id_what_happened_error"' in html and 'aria-invalid="true"' in html


def test_the_vault_opens_on_what_it_is_not_on_an_unconfirmed_address(org):
    client, _receipt = vault_client(org)
    html = client.get("/r/acme/vault/home/").content.decode()
    content = html[html.index("<h1>") :]
    assert "not confirmed" not in content
    assert content.index("Only you can open this vault") < content.index("Confirming an address is optional")
    assert "Former staff are as welcome" in content


def test_a_letter_needs_at_least_two_signatures_and_warns_about_identifying_details(org, handler, boss):
    client = Client(enforce_csrf_checks=True)
    html = client.get("/r/acme/letters/new/").content.decode()
    assert "Leave out anything that points at you" in html and 'min="2"' in html
    data = {"title": "T", "text": "A text", "recipients": [str(boss.pk)], "threshold": "1"}
    assert post(client, "/r/acme/letters/new/", data).status_code == 400
    assert not Letter.objects.exists()
