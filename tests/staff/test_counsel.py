"""The counselor pages, with JavaScript off: matches across organizations, and 404 for everyone else."""

import pytest
from django.test import Client

from confide.escrow.models import Entry, Match, ThreadMessage
from confide.escrow.selectors.reporter import vault_view
from confide.escrow.services.matching import matches_detect
from tests.helpers.escrow import name_person, new_vault
from tests.helpers.staff import csrf_from, make_staff


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
