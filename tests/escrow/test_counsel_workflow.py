"""The whole reporter ↔ counselor workflow through the pages, JavaScript off: every entry stays the reporter's
to read, edit and withdraw; the counselor's options reach the reporter, who answers; only the reporter turns an
entry or a record into a report."""

import re

import pytest

from confide.escrow.models import Entry, Match, Record, ThreadMessage
from confide.escrow.services.matching import matches_detect
from confide.reports.models import Report
from tests.helpers.escrow import RECEIPT_RE, vault_client, vault_post
from tests.helpers.staff import csrf_from

ACCUSED = "boss@campaign.example"


def _home(client, org) -> str:
    return client.get(f"/r/{org.slug}/vault/home/").content.decode()


def _group_ids(client, org) -> list[str]:
    return re.findall(r"/entries/([0-9a-f-]{36})/edit/", _home(client, org))


def _name(client, org, email, text):
    response = vault_post(client, org, "entries/", {"email": email, "text": text}, page_path="entries/")
    assert response.status_code == 303


def test_the_reporter_reads_edits_and_withdraws_each_of_their_entries(org, counselor):
    client, _ = vault_client(org)
    _name(client, org, "one@campaign.example", "About the first.")
    _name(client, org, "two@campaign.example", "About the second.")
    home = _home(client, org)
    assert "About the first." in home and "About the second." in home
    assert "one@campaign.example" in home and "two@campaign.example" in home
    first, second = _group_ids(client, org)
    for group_id in (first, second):
        path = f"entries/{group_id}/edit/"
        assert vault_post(client, org, path, {"text": f"Edited {group_id}."}, page_path=path).status_code == 303
    home = _home(client, org)
    assert f"Edited {first}." in home and f"Edited {second}." in home
    assert vault_post(client, org, f"entries/{first}/withdraw/", {}).status_code == 303
    assert _group_ids(client, org) == [second]
    assert Entry.objects.count() == 1
    assert vault_post(client, org, f"entries/{second}/withdraw/", {}).status_code == 303
    assert not Entry.objects.exists()


def test_a_record_kept_for_myself_becomes_a_sealed_entry_when_the_reporter_chooses(org, counselor):
    client, _ = vault_client(org)
    vault_post(client, org, "records/", {"text": "Written down on the day."})
    record = Record.objects.get()
    form = client.get(f"/r/{org.slug}/vault/entries/?record={record.pk}").content.decode()
    assert "Written down on the day." in form
    _name(client, org, ACCUSED, "Written down on the day.")
    assert Entry.objects.count() == 1 and Report.objects.count() == 0


@pytest.fixture
def unverified_match(org, counselor):
    """Two reporters who never confirmed an address name the same person, through the pages."""
    clients = []
    for text in ["Told by the first", "Told by the second"]:
        client, _ = vault_client(org)
        _name(client, org, ACCUSED, text)
        clients.append(client)
    matches_detect()
    return Match.objects.get(), clients


def test_the_counselor_pages_flag_an_unverified_match_and_its_entries(unverified_match, counselor, login):
    match, _ = unverified_match
    staff = login(counselor)
    listing = staff.get("/staff/escrow/").content.decode()
    assert "<strong>unverified</strong>" in listing
    page = staff.get(f"/staff/escrow/matches/{match.pk}/").content.decode()
    assert "Unverified match:" in page and page.count("<strong>unverified</strong>") == 2


def test_the_counselor_page_shows_the_operators_threshold(counselor, login, settings):
    settings.CONFIDE_ESCROW_THRESHOLD = 3
    page = login(counselor).get("/staff/escrow/").content.decode()
    assert "A match opens when 3 distinct reporters name the same person." in page


def test_the_counselors_options_reach_the_reporter_who_answers(org, unverified_match, counselor, login):
    match, (first, _second) = unverified_match
    staff = login(counselor)
    page = staff.get(f"/staff/escrow/matches/{match.pk}/")
    threads = re.findall(r'href="(/staff/escrow/matches/[^"]+/entries/[^"]+/)"', page.content.decode())
    thread = next(t for t in threads if "Told by the first" in staff.get(t).content.decode())
    response = staff.post(
        thread,
        {
            "body": "Someone else named the same person.",
            "options": ["joint", "meeting", "nothing"],
            "csrfmiddlewaretoken": csrf_from(page),
        },
    )
    assert response.status_code == 303
    home = _home(first, org)
    assert "Someone else named the same person." in home
    for option in ["A joint report", "A meeting with a counselor", "Nothing for now"]:
        assert option in home
    assert vault_post(first, org, "messages/", {"body": "A meeting, please."}).status_code == 303
    assert "A meeting, please." in staff.get(thread).content.decode()
    assert ThreadMessage.objects.count() == 2
    assert Report.objects.count() == 0  # nothing became a case: only the reporter can do that


def test_an_entry_becomes_a_report_only_when_its_reporter_sends_it(org, unverified_match, handler):
    _match, (first, _second) = unverified_match
    assert Report.objects.count() == 0
    [group_id] = _group_ids(first, org)
    path = f"entries/{group_id}/report/"
    assert "Told by the first" in first.get(f"/r/{org.slug}/vault/{path}").content.decode()
    response = vault_post(first, org, path, {"category": "sexual_harassment"}, page_path=path)
    assert response.status_code == 303 and RECEIPT_RE.search(first.get(response["Location"]).content.decode())
    assert Report.objects.count() == 1
    assert "made into a report" in _home(first, org)


def test_turning_into_a_report_without_a_category_is_refused_with_a_message(org, counselor):
    client, _ = vault_client(org)
    _name(client, org, ACCUSED, "Told once.")
    [group_id] = _group_ids(client, org)
    path = f"entries/{group_id}/report/"
    response = vault_post(client, org, path, {"category": "no such thing"}, page_path=path)
    assert response.status_code == 400
    assert Report.objects.count() == 0
