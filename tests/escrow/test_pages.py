"""The reporter's vault pages and the counselor pages, with JavaScript off (plain forms, POST + CSRF)."""

import re

import pytest
from django.test import Client

from confide.escrow.models import Entry, Match, Record, ThreadMessage
from confide.escrow.selectors import vault_view
from confide.escrow.services.matching import matches_detect
from confide.reports.models import Report
from tests.conftest import csrf_from, make_staff
from tests.escrow.conftest import name_person, new_vault

RECEIPT_RE = re.compile(r'<p class="receipt"[^>]*>([^<]+)</p>')


def _vault_client(org) -> tuple[Client, str]:
    client = Client(enforce_csrf_checks=True)
    page = client.get(f"/r/{org.slug}/vault/")
    response = client.post(f"/r/{org.slug}/vault/", {"csrfmiddlewaretoken": csrf_from(page)})
    assert response.status_code == 200
    return client, RECEIPT_RE.search(response.content.decode()).group(1)


def _post(client, org, path, data, page_path="home/"):
    page = client.get(f"/r/{org.slug}/vault/{page_path}")
    return client.post(f"/r/{org.slug}/vault/{path}", {**data, "csrfmiddlewaretoken": csrf_from(page)})


def test_a_reporter_opens_a_vault_and_keeps_a_record_for_themselves(org):
    client, receipt = _vault_client(org)
    assert len(receipt.split()) == 8
    response = _post(client, org, "records/", {"text": "Kept for myself."})
    assert response.status_code == 303
    page = client.get(f"/r/{org.slug}/vault/home/")
    assert "Kept for myself." in page.content.decode()
    assert Record.objects.count() == 1


def test_an_empty_record_is_refused_with_a_message(org):
    client, _ = _vault_client(org)
    response = _post(client, org, "records/", {"text": "   "})
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
    client, _ = _vault_client(org)
    response = _post(
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
    client, _ = _vault_client(org)
    data = {field: value, "text": "It happened.", "platform": "x" if field == "handle" else ""}
    response = _post(client, org, "entries/", data, page_path="entries/")
    assert response.status_code == 400
    assert expected in response.content.decode()
    assert not Entry.objects.exists()


def test_the_reporter_edits_and_withdraws_their_entry(org, counselor):
    client, _ = _vault_client(org)
    _post(client, org, "entries/", {"email": "boss@campaign.example", "text": "First."}, page_path="entries/")
    home = client.get(f"/r/{org.slug}/vault/home/").content.decode()
    group_id = re.search(r"/entries/([0-9a-f-]{36})/edit/", home).group(1)
    response = _post(
        client, org, f"entries/{group_id}/edit/", {"text": "Second."}, page_path=f"entries/{group_id}/edit/"
    )
    assert response.status_code == 303
    assert "Second." in client.get(f"/r/{org.slug}/vault/home/").content.decode()
    response = _post(client, org, f"entries/{group_id}/withdraw/", {})
    assert response.status_code == 303
    assert not Entry.objects.exists()


def test_a_record_becomes_a_report_with_its_own_receipt(org, handler):
    client, vault_receipt = _vault_client(org)
    _post(client, org, "records/", {"text": "Now I want to report it."})
    record = Record.objects.get()
    path = f"records/{record.pk}/report/"
    response = _post(client, org, path, {"category": "sexual_harassment"}, page_path=path)
    assert response.status_code == 200
    report_receipt = RECEIPT_RE.search(response.content.decode()).group(1)
    assert report_receipt != vault_receipt
    assert Report.objects.count() == 1
    assert "made into a report" in client.get(f"/r/{org.slug}/vault/home/").content.decode()


def test_a_rate_limited_entry_answers_429_with_a_message(org, counselor, settings):
    settings.CONFIDE_OPRF_EVALUATIONS_PER_DAY = 1
    client, _ = _vault_client(org)
    data = {"email": "boss@campaign.example", "phone": "+1 202 555 0143", "text": "x"}
    response = _post(client, org, "entries/", data, page_path="entries/")
    assert response.status_code == 429
    assert "Too many" in response.content.decode()
    assert not Entry.objects.exists()


@pytest.fixture
def matched(org, other_org, counselor):
    _, first = new_vault(org, email="ana@acme.example")
    _, second = new_vault(other_org, email="rui@rival.example")
    name_person(first, ["email:boss@campaign.example"], text="Told by Ana")
    name_person(second, ["email:boss@campaign.example"], text="Told by Rui")
    matches_detect()
    return Match.objects.get(), first


def test_a_counselor_opens_a_match_across_organizations_and_writes_to_a_reporter(matched, counselor, login):
    match, first = matched
    client = login(counselor)
    assert client.get("/staff/escrow/").status_code == 200
    page = client.get(f"/staff/escrow/matches/{match.pk}/")
    body = page.content.decode()
    assert "Told by Ana" in body and "Told by Rui" in body
    entry_id = Entry.objects.filter(index=match.index).values_list("id", flat=True)
    thread_path = next(
        f"/staff/escrow/matches/{match.pk}/entries/{e}/"
        for e in entry_id
        if "Told by Ana" in client.get(f"/staff/escrow/matches/{match.pk}/entries/{e}/").content.decode()
    )
    response = client.post(
        thread_path,
        {
            "body": "Others named the same person.",
            "options": ["joint", "meeting"],
            "csrfmiddlewaretoken": csrf_from(page),
        },
    )
    assert response.status_code == 303
    assert ThreadMessage.objects.get().vault_id == first.vault.pk

    [message] = vault_view(access=first)["messages"]
    assert "Others named the same person." in message["body"] and "joint report" in message["body"]


def test_the_counselor_sees_nothing_below_threshold(org, counselor, login):
    _, vault = new_vault(org, email="ana@acme.example")
    name_person(vault, ["email:boss@campaign.example"], text="Alone so far")
    matches_detect()
    client = login(counselor)
    assert "Alone so far" not in client.get("/staff/escrow/").content.decode()
    assert "No matches." in client.get("/staff/escrow/").content.decode()


def test_everyone_but_a_counselor_gets_404_on_counselor_pages(matched, personas, db, login):
    match, _ = matched
    entry = Entry.objects.filter(index=match.index).first()
    contact = make_staff("carl", role="contact")
    unenrolled = make_staff("cleo", role="counselor")  # a counselor the team never added
    paths = [
        "/staff/escrow/",
        f"/staff/escrow/matches/{match.pk}/",
        f"/staff/escrow/matches/{match.pk}/entries/{entry.pk}/",
        "/staff/escrow/counselors/add/",
    ]
    for user in [personas.owner, personas.outsider, personas.other_tenant, personas.excluded, contact, unenrolled]:
        client = login(user)
        for path in paths:
            assert client.get(path).status_code == 404, (user.username, path)


def test_anonymous_visitors_are_sent_to_sign_in(matched):
    match, _ = matched
    response = Client().get(f"/staff/escrow/matches/{match.pk}/")
    assert response.status_code == 302 and "/staff/login/" in response["Location"]


def test_a_counselor_adds_another_counselor(counselor, login):
    new = make_staff("cato", role="counselor")
    client = login(counselor)
    page = client.get("/staff/escrow/counselors/add/")
    response = client.post(
        "/staff/escrow/counselors/add/", {"username": "cato", "csrfmiddlewaretoken": csrf_from(page)}
    )
    assert response.status_code == 200 and "can now open matches" in response.content.decode()
    assert login(new).get("/staff/escrow/").status_code == 200


def test_a_handler_cannot_be_added_as_counselor(counselor, handler, login):
    client = login(counselor)
    page = client.get("/staff/escrow/counselors/add/")
    response = client.post(
        "/staff/escrow/counselors/add/", {"username": handler.username, "csrfmiddlewaretoken": csrf_from(page)}
    )
    assert response.status_code == 400
