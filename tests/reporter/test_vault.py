"""The reporter's vault pages, with JavaScript off (plain forms, POST + CSRF)."""

import re

import pytest
from django.test import Client

from confide.escrow.models import Entry, Match, Record
from confide.escrow.services.matching import matches_detect
from confide.reports.models import Report
from tests.helpers.escrow import RECEIPT_RE, name_person, new_vault, vault_client, vault_post


@pytest.fixture
def matched(org, other_org, counselor):
    _, first = new_vault(org, email="ana@acme.example")
    _, second = new_vault(other_org, email="rui@rival.example")
    name_person(first, ["email:boss@campaign.example"], text="Told by Ana")
    name_person(second, ["email:boss@campaign.example"], text="Told by Rui")
    matches_detect()
    return Match.objects.get(), first


def test_a_reporter_opens_a_vault_and_keeps_a_record_for_themselves(org):
    client, receipt = vault_client(org)
    assert len(receipt.split()) == 8
    response = vault_post(client, org, "records/", {"text": "Kept for myself."})
    assert response.status_code == 303
    page = client.get(f"/r/{org.slug}/vault/home/")
    assert "Kept for myself." in page.content.decode()
    assert Record.objects.count() == 1


def test_an_empty_record_is_refused_with_a_message(org):
    client, _ = vault_client(org)
    response = vault_post(client, org, "records/", {"text": "   "})
    assert response.status_code == 400
    assert "Nothing you typed has been lost" in response.content.decode()


def test_a_wrong_receipt_and_another_vaults_receipt_get_the_same_answer(org, other_org):
    other_receipt, _ = new_vault(other_org)
    answers = []
    for receipt in ["not a receipt", "able " * 8, other_receipt]:
        client = Client()
        response = client.post(f"/r/{org.slug}/vault/open/", {"receipt": receipt})
        answers.append((response.status_code, "could not find a vault" in response.content.decode()))
    assert answers == [(400, True)] * 3


def test_without_the_cookie_the_vault_sends_the_reporter_to_the_receipt_page(org):
    response = Client().get(f"/r/{org.slug}/vault/home/")
    assert response.status_code == 303 and response["Location"].endswith("/vault/open/")


def test_a_receipt_reopens_the_vault(org):
    receipt, _access = new_vault(org)
    client = Client()
    response = client.post(f"/r/{org.slug}/vault/open/", {"receipt": receipt.upper().replace(" ", "-")})
    assert response.status_code == 303
    assert client.get(f"/r/{org.slug}/vault/home/").status_code == 200


def test_naming_someone_seals_one_entry_per_identifier(org, counselor):
    client, _ = vault_client(org)
    response = vault_post(
        client,
        org,
        "entries/",
        {"email": "Boss+x@Campaign.example", "phone": "+1 202 555 0143", "text": "It happened twice."},
        page_path="entries/",
    )
    assert response.status_code == 303, response.content.decode()[:2000]
    assert Entry.objects.count() == 2
    home = client.get(f"/r/{org.slug}/vault/home/").content.decode()
    assert "boss@campaign.example" in home and "+12025550143" in home and "(unverified)" in home


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("email", "not-an-address", "name@example.org"),
        ("phone", "12", "+1 202 555 0143"),
        ("handle", "has spaces", "without spaces"),
        ("name", "Bob", "first and a last name"),
    ],
)
def test_a_malformed_identifier_gets_a_message_naming_the_expected_form(org, counselor, field, value, expected):
    client, _ = vault_client(org)
    data = {field: value, "text": "It happened.", "platform": "x" if field == "handle" else ""}
    response = vault_post(client, org, "entries/", data, page_path="entries/")
    assert response.status_code == 400
    assert expected in response.content.decode()
    assert not Entry.objects.exists()


def test_the_reporter_edits_and_withdraws_their_entry(org, counselor):
    client, _ = vault_client(org)
    vault_post(client, org, "entries/", {"email": "boss@campaign.example", "text": "First."}, page_path="entries/")
    home = client.get(f"/r/{org.slug}/vault/home/").content.decode()
    group_id = re.search(r"/entries/([0-9a-f-]{36})/edit/", home).group(1)
    response = vault_post(
        client, org, f"entries/{group_id}/edit/", {"text": "Second."}, page_path=f"entries/{group_id}/edit/"
    )
    assert response.status_code == 303
    assert "Second." in client.get(f"/r/{org.slug}/vault/home/").content.decode()
    response = vault_post(client, org, f"entries/{group_id}/withdraw/", {})
    assert response.status_code == 303
    assert not Entry.objects.exists()


def test_a_record_becomes_a_report_with_its_own_receipt(org, handler):
    client, vault_receipt = vault_client(org)
    vault_post(client, org, "records/", {"text": "Now I want to report it."})
    record = Record.objects.get()
    path = f"records/{record.pk}/report/"
    response = vault_post(client, org, path, {"category": "sexual_harassment"}, page_path=path)
    assert response.status_code == 303 and response["Location"] == f"/r/{org.slug}/receipt/"
    report_receipt = RECEIPT_RE.search(client.get(response["Location"]).content.decode()).group(1)
    assert report_receipt != vault_receipt
    assert Report.objects.count() == 1
    assert "made into a report" in client.get(f"/r/{org.slug}/vault/home/").content.decode()


def test_a_rate_limited_entry_answers_429_with_a_message(org, counselor, settings):
    settings.CONFIDE_OPRF_EVALUATIONS_PER_DAY = 1
    client, _ = vault_client(org)
    data = {"email": "boss@campaign.example", "phone": "+1 202 555 0143", "text": "x"}
    response = vault_post(client, org, "entries/", data, page_path="entries/")
    assert response.status_code == 429
    assert "Too many" in response.content.decode()
    assert not Entry.objects.exists()
