"""The escrow API: the vault with `Authorization: Vault <receipt>`, counselors with a staff token; everyone
else gets 404 on counselor operations, and every bad input a 4xx with a `detail`."""

import pytest

from confide.escrow.models import Entry, Match, ThreadMessage
from confide.escrow.services.matching import matches_detect
from confide.reports.models import Report
from confide.verification.services import roster_upload
from tests.helpers.api import receipt_header
from tests.helpers.escrow import name_person, new_vault, vault_api_auth
from tests.helpers.staff import make_staff
from tests.helpers.verification import code_sent


def test_a_vault_is_created_used_and_read_through_the_api(api, org, counselor):
    auth = vault_api_auth(api, org)
    assert (
        api.post("/api/vault/records", {"text": "for me"}, content_type="application/json", **auth).status_code == 201
    )
    response = api.post(
        "/api/vault/entries",
        {"person": {"email": "boss@campaign.example", "handle": "@Boss", "platform": "x"}, "text": "It happened."},
        content_type="application/json",
        **auth,
    )
    assert response.status_code == 201, response.content
    entry = response.json()
    assert {i["kind"] for i in entry["identifiers"]} == {"email", "handle"}
    vault = api.get("/api/vault", **auth).json()
    assert vault["records"][0]["text"] == "for me" and vault["entries"][0]["id"] == entry["id"]
    response = api.put(
        f"/api/vault/entries/{entry['id']}", {"text": "Edited."}, content_type="application/json", **auth
    )
    assert response.status_code == 200 and response.json()["text"] == "Edited."
    assert api.delete(f"/api/vault/entries/{entry['id']}", **auth).status_code == 204
    assert not Entry.objects.exists()
    assert api.delete(f"/api/vault/entries/{entry['id']}", **auth).status_code == 404


def test_a_malformed_identifier_gets_a_400_naming_the_expected_form(api, org, counselor):
    auth = vault_api_auth(api, org)
    response = api.post(
        "/api/vault/entries", {"person": {"phone": "call me"}, "text": "x"}, content_type="application/json", **auth
    )
    assert response.status_code == 400
    assert response.json()["field"] == "phone" and "+1 202 555 0143" in response.json()["detail"]


def test_a_second_entry_for_the_same_person_is_refused(api, org, counselor):
    auth = vault_api_auth(api, org)
    body = {"person": {"email": "boss@campaign.example"}, "text": "x"}
    assert api.post("/api/vault/entries", body, content_type="application/json", **auth).status_code == 201
    response = api.post("/api/vault/entries", body, content_type="application/json", **auth)
    assert response.status_code == 400 and "already" in response.json()["detail"]
    assert Entry.objects.count() == 1


def test_a_flood_of_entries_gets_a_clear_429(api, org, counselor, settings):
    settings.CONFIDE_OPRF_EVALUATIONS_PER_DAY = 5
    auth = vault_api_auth(api, org)
    statuses = []
    for n in range(7):
        body = {"person": {"email": f"person{n}@campaign.example"}, "text": "x"}
        statuses.append(api.post("/api/vault/entries", body, content_type="application/json", **auth))
    assert [r.status_code for r in statuses] == [201] * 5 + [429] * 2
    assert "Too many" in statuses[-1].json()["detail"]


@pytest.mark.parametrize("header", [{}, {"HTTP_AUTHORIZATION": "Vault nope"}, receipt_header("able " * 8)])
def test_a_missing_or_wrong_vault_receipt_gets_401(api, db, header):
    response = api.get("/api/vault", **header)
    assert response.status_code == 401 and response.json()["detail"]


def test_another_organizations_intake_address_does_not_exist_for_vaults(api, db):
    assert api.post("/api/orgs/nowhere/vaults").status_code == 404


@pytest.fixture
def matched(org, other_org, counselor):
    _, first = new_vault(org, email="ana@acme.example")
    _, second = new_vault(other_org, email="rui@rival.example")
    name_person(first, ["email:boss@campaign.example"], text="Ana's account")
    name_person(second, ["email:boss@campaign.example"], text="Rui's account")
    matches_detect()
    return Match.objects.get()


def test_a_counselor_reads_a_match_and_writes_to_a_reporter(api, matched, counselor, token_for):
    auth = token_for(counselor)
    [listed] = api.get("/api/escrow/matches", **auth).json()
    assert listed["id"] == str(matched.pk) and listed["accounts"] == 2 and listed["verified"]
    opened = api.get(f"/api/escrow/matches/{matched.pk}", **auth).json()
    assert {e["text"] for e in opened["entries"]} == {"Ana's account", "Rui's account"}
    entry_id = opened["entries"][0]["id"]
    path = f"/api/escrow/matches/{matched.pk}/entries/{entry_id}/messages"
    response = api.post(path, {"body": "Would you like to talk?"}, content_type="application/json", **auth)
    assert response.status_code == 201
    assert [m["body"] for m in api.get(path, **auth).json()] == ["Would you like to talk?"]
    assert ThreadMessage.objects.count() == 1


def test_everyone_but_a_counselor_gets_404_on_counselor_operations(api, matched, personas, token_for):
    entry = Entry.objects.filter(index=matched.index).first()
    paths = [
        "/api/escrow/matches",
        f"/api/escrow/matches/{matched.pk}",
        f"/api/escrow/matches/{matched.pk}/entries/{entry.pk}/messages",
    ]
    users = [
        personas.owner,
        personas.outsider,
        personas.other_tenant,
        personas.excluded,
        make_staff("carl", role="contact"),
    ]
    for user in users:
        auth = token_for(user)
        for path in paths:
            assert api.get(path, **auth).status_code == 404, (user.username, path)
        response = api.post(paths[2], {"body": "hi"}, content_type="application/json", **auth)
        assert response.status_code == 404
    assert not ThreadMessage.objects.exists()


def test_a_vault_receipt_opens_nothing_on_the_counselor_side(api, matched, org):
    auth = vault_api_auth(api, org)
    assert api.get("/api/escrow/matches", **auth).status_code == 401


@pytest.mark.parametrize(
    "body",
    [
        {"person": {"email": "boss@campaign.example"}, "text": "lone \ud800 surrogate"},
        {"person": {"email": "bo\ud800ss@campaign.example"}, "text": "x"},
        {"person": {"handle": "boss", "platform": "myspace"}, "text": "x"},
        {"person": {}, "text": "x"},
        {"person": {"email": "boss@campaign.example"}, "text": "nul \x00 byte"},
    ],
)
def test_unstorable_or_incomplete_entries_get_a_400_with_a_detail(api, org, counselor, body):
    auth = vault_api_auth(api, org)
    response = api.post("/api/vault/entries", body, content_type="application/json", **auth)
    assert response.status_code in (400, 422) and response.json()["detail"]  # 422: the schema refused it first
    assert not Entry.objects.exists()


def test_a_record_and_an_entry_become_reports_with_their_own_receipts(api, org, handler, counselor):
    auth = vault_api_auth(api, org)
    record = api.post("/api/vault/records", {"text": "for me"}, content_type="application/json", **auth).json()
    entry = api.post(
        "/api/vault/entries",
        {"person": {"email": "boss@campaign.example"}, "text": "named"},
        content_type="application/json",
        **auth,
    ).json()
    bad = api.post(
        f"/api/vault/records/{record['id']}/report", {"category": "nonsense"}, content_type="application/json", **auth
    )
    assert bad.status_code == 400 and bad.json()["detail"]
    made = [
        api.post(
            f"/api/vault/{kind}/{item['id']}/report", {"category": "bullying"}, content_type="application/json", **auth
        )
        for kind, item in [("records", record), ("entries", entry)]
    ]
    assert [r.status_code for r in made] == [201, 201]
    assert len({r.json()["receipt"] for r in made}) == 2 and Report.objects.count() == 2
    vault = api.get("/api/vault", **auth).json()
    assert vault["records"][0]["became"] == "report" and vault["entries"][0]["reported"]


def test_an_address_is_verified_through_the_api(api, org, counselor):
    roster_upload(organization=org, emails=["ana@acme.example"])
    auth = vault_api_auth(api, org)
    started = api.post(
        "/api/vault/verification", {"email": "ana@acme.example"}, content_type="application/json", **auth
    )
    assert started.status_code == 202
    code = code_sent()
    wrong = api.post(
        "/api/vault/verification/confirm",
        {"challenge": started.json()["challenge"], "code": "000000" if code != "000000" else "111111"},
        content_type="application/json",
        **auth,
    )
    assert wrong.status_code == 400 and wrong.json()["detail"]
    confirmed = api.post(
        "/api/vault/verification/confirm",
        {"challenge": started.json()["challenge"], "code": code},
        content_type="application/json",
        **auth,
    )
    assert confirmed.status_code == 200 and api.get("/api/vault", **auth).json()["verified"]


def test_a_record_is_deleted_only_by_its_own_vault(api, org, other_org):
    auth = vault_api_auth(api, org)
    other = vault_api_auth(api, org)
    stranger = vault_api_auth(api, other_org)
    record = api.post("/api/vault/records", {"text": "mine"}, content_type="application/json", **auth).json()
    assert api.delete(f"/api/vault/records/{record['id']}", **other).status_code == 404
    assert api.delete(f"/api/vault/records/{record['id']}", **stranger).status_code == 404
    assert api.delete(f"/api/vault/records/{record['id']}").status_code == 401
    assert api.get("/api/vault", **auth).json()["records"][0]["text"] == "mine"
    assert api.delete(f"/api/vault/records/{record['id']}", **auth).status_code == 204
    assert api.get("/api/vault", **auth).json()["records"] == []
    assert api.delete(f"/api/vault/records/{record['id']}", **auth).status_code == 404
