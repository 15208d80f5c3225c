"""The letters API: the same rules as the pages, 4xx JSON for bad input, 404 for every other persona."""

import pytest
from django.test import Client

from confide.letters.models import Letter, LetterCopy, Signature
from confide.verification.services import roster_upload
from tests.helpers.api import receipt_header
from tests.helpers.letters import LETTER_TEXT, draft, sign
from tests.helpers.reports import submit_report
from tests.helpers.verification import code_sent

pytestmark = pytest.mark.django_db

JSON = "application/json"


def draft_payload(*recipients, **overrides):
    payload = {
        "title": "Please meet us",
        "text": LETTER_TEXT,
        "request": "A meeting",
        "recipients": [r.pk for r in recipients],
        "threshold": 2,
        "attendees": ["The organizer"],
    }
    payload.update(overrides)
    return payload


def test_the_whole_life_of_a_letter_through_the_api(api, org, handler, boss, chief, token_for):
    roster_upload(organization=org, emails=["ann@acme.org", "ben@acme.org", "cat@acme.org"])
    contacts = api.get("/api/orgs/acme/letters/contacts").json()
    assert {c["name"] for c in contacts} == {"Casey Manager", "Chris Chief"}
    created = api.post("/api/orgs/acme/letters", draft_payload(boss, chief), content_type=JSON)
    assert created.status_code == 201, created.content
    organizer = receipt_header(created.json()["receipt"])
    token = created.json()["invitation_token"]
    assert api.get(f"/api/letters/invitations/{token}").status_code == 404  # not reviewed yet

    staff = token_for(handler)
    letter_id = api.get("/api/staff/letters", **staff).json()[0]["id"]
    reviewed = api.post(f"/api/staff/letters/{letter_id}/review", {"decision": "approve"}, content_type=JSON, **staff)
    assert reviewed.json()["status"] == "circulating"

    receipts = []
    for email, visibility in (("ann@acme.org", "name"), ("ben@acme.org", "verified")):
        start = api.post(f"/api/letters/invitations/{token}/verification", {"email": email}, content_type=JSON)
        code = code_sent()
        signed = api.post(
            f"/api/letters/invitations/{token}/signatures",
            {
                "challenge": start.json()["challenge"],
                "code": code,
                "name": email.split("@")[0].title(),
                "cohort": "2016",
                "visibility": visibility,
            },
            content_type=JSON,
        )
        assert signed.status_code == 201, signed.content
        receipts.append(receipt_header(signed.json()["receipt"]))
    public = api.get(f"/api/letters/invitations/{token}").json()
    assert public["signatures"] == 2 and "Ann" not in str(public)

    released = api.post(
        f"/api/staff/letters/{letter_id}/release", {"confirm_verified": True}, content_type=JSON, **staff
    )
    assert released.status_code == 200 and released.json()["status"] == "released"

    boss_headers = token_for(boss)
    copies = api.get("/api/staff/letters/received", **boss_headers).json()
    assert len(copies) == 1
    copy = api.get(f"/api/staff/letters/received/{copies[0]['id']}", **boss_headers).json()
    assert any(s.startswith("Ann") for s in copy["signatures"])
    assert not any(s.startswith("Ben") for s in copy["signatures"])
    ack = api.post(f"/api/staff/letters/received/{copies[0]['id']}/acknowledge", **boss_headers)
    assert ack.status_code == 200
    answered = api.post(
        f"/api/staff/letters/received/{copies[0]['id']}/answers",
        {"body": "Next Tuesday works."},
        content_type=JSON,
        **boss_headers,
    )
    assert answered.status_code == 200
    for headers in [organizer, *receipts]:
        mine = api.get("/api/letters/mine", **headers).json()
        assert mine["meeting_status"] == "acknowledged"
        assert "Next Tuesday works." in str(mine["updates"])


def test_bad_drafts_get_4xx_json_and_nothing_is_created(api, org, boss, other_contact, handler):
    cases = [
        draft_payload(boss, threshold=0),
        draft_payload(boss, threshold=200_000),
        draft_payload(other_contact),
        draft_payload(handler),
        draft_payload(recipients=[]),
        draft_payload(boss, title=""),
        draft_payload(boss, text="\ud800"),
    ]
    for payload in cases:
        response = api.post("/api/orgs/acme/letters", payload, content_type=JSON)
        assert 400 <= response.status_code < 500, (payload, response.content)
        assert "detail" in response.json()
    assert Letter.objects.count() == 0


def test_signing_twice_after_release_and_withdrawing_others_are_refused(api, circulating, org, handler):
    ann = sign(circulating.token, org, "ann@acme.org")
    ben = sign(circulating.token, org, "ben@acme.org")
    response = api.delete(f"/api/letters/signatures/{ben.signature_id}", **receipt_header(ann.receipt))
    assert response.status_code == 404
    response = api.delete(f"/api/letters/signatures/{ann.signature_id}", **receipt_header(circulating.receipt))
    assert response.status_code == 404
    assert Signature.objects.count() == 2
    response = api.delete(f"/api/letters/signatures/{ann.signature_id}", **receipt_header(ann.receipt))
    assert response.status_code == 204
    assert not Signature.objects.filter(pk=ann.signature_id).exists()


def test_the_api_refuses_a_second_signature_by_vouch(api, circulating, handler, token_for):
    staff = token_for(handler)
    code = api.post(f"/api/staff/letters/{circulating.letter.pk}/vouches", **staff).json()["code"]
    url = f"/api/letters/invitations/{circulating.token}/signatures"
    body = {"vouch": code, "name": "Vic", "visibility": "verified"}
    assert api.post(url, body, content_type=JSON).status_code == 201
    again = api.post(url, body, content_type=JSON)
    assert again.status_code == 409 and "already signed" in again.json()["detail"]


def test_a_report_receipt_is_not_a_letter_receipt(api, circulating, org):
    report = submit_report(org)
    assert api.get("/api/letters/mine", **receipt_header(report.receipt)).status_code == 401
    assert api.get("/api/letters/mine").status_code == 401


@pytest.mark.parametrize("persona", ["outsider", "other_tenant_handler", "other_contact", "bystander", "boss"])
def test_the_third_party_operations_are_404_for_everyone_else(api, circulating, persona, request, token_for):
    headers = token_for(request.getfixturevalue(persona))
    letter_id = circulating.letter.pk
    assert api.get("/api/staff/letters", **headers).json() == []
    assert api.get(f"/api/staff/letters/{letter_id}", **headers).status_code == 404
    for path, body in (("review", {"decision": "approve"}), ("release", {"confirm_verified": True}), ("vouches", {})):
        response = api.post(f"/api/staff/letters/{letter_id}/{path}", body, content_type=JSON, **headers)
        assert response.status_code == 404
    circulating.letter.refresh_from_db()
    assert circulating.letter.status == Letter.Status.CIRCULATING


@pytest.fixture
def released(circulating, org, handler, api, token_for):
    sign(circulating.token, org, "ann@acme.org")
    sign(circulating.token, org, "ben@acme.org")
    api.post(
        f"/api/staff/letters/{circulating.letter.pk}/release",
        {"confirm_verified": True},
        content_type=JSON,
        **token_for(handler),
    )
    return circulating


@pytest.mark.parametrize("persona", ["outsider", "other_tenant_handler", "other_contact", "bystander", "handler"])
def test_a_copy_is_404_for_everyone_but_its_recipient(api, released, persona, request, token_for, boss):
    headers = token_for(request.getfixturevalue(persona))
    copy = LetterCopy.objects.get(recipient=boss)
    assert api.get("/api/staff/letters/received", **headers).json() == []
    base = f"/api/staff/letters/received/{copy.pk}"
    assert api.get(base, **headers).status_code == 404
    assert api.post(base + "/acknowledge", **headers).status_code == 404
    assert api.post(base + "/answers", {"body": "x"}, content_type=JSON, **headers).status_code == 404
    assert api.post(base + "/meeting", {"status": "held"}, content_type=JSON, **headers).status_code == 404
    copy.refresh_from_db()
    assert copy.acknowledged_on is None


def test_recipients_endpoints_reveal_no_signer_before_release(api, circulating, org, boss, token_for):
    sign(circulating.token, org, "ann@acme.org", name="Ann Hidden Until Release")
    headers = token_for(boss)
    assert api.get("/api/staff/letters/received", **headers).json() == []
    assert api.get("/api/staff/letters", **headers).json() == []
    assert api.get(f"/api/staff/letters/{circulating.letter.pk}", **headers).status_code == 404


def test_a_contact_gets_nothing_from_the_cases_api(api, org, boss, token_for):
    submit_report(org)
    assert api.get("/api/cases", **token_for(boss)).json()["items"] == []


def test_the_trace_operation_names_the_recipient(api, released, handler, chief, token_for):
    copy_id = api.get("/api/staff/letters/received", **token_for(chief)).json()[0]["id"]
    text = api.get(f"/api/staff/letters/received/{copy_id}", **token_for(chief)).json()["text"]
    found = api.post("/api/staff/letters/trace", {"text": text}, content_type=JSON, **token_for(handler)).json()
    assert [m["recipient"] for m in found] == ["Chris Chief"]


def test_a_bad_meeting_update_is_a_4xx(api, released, boss, token_for):
    headers = token_for(boss)
    copy_id = api.get("/api/staff/letters/received", **headers).json()[0]["id"]
    base = f"/api/staff/letters/received/{copy_id}/meeting"
    assert api.post(base, {}, content_type=JSON, **headers).status_code == 400
    assert api.post(base, {"attendee": "Nobody", "decision": "accept"}, content_type=JSON, **headers).status_code == 400
    assert api.post(base, {"status": "held"}, content_type=JSON, **headers).status_code == 200
    assert api.post(base, {"status": "scheduled"}, content_type=JSON, **headers).status_code == 409


def test_unknown_tokens_and_ids_are_404(api, org, handler, token_for):
    client = Client()
    assert client.get("/api/letters/invitations/nope").status_code == 404
    assert client.get("/api/letters/invitations/%00").status_code in (400, 404)  # 400: NUL refused before routing
    assert client.get("/api/orgs/nowhere/letters/contacts").status_code == 404
    assert client.get("/api/staff/letters/not-a-uuid", **token_for(handler)).status_code == 404


def test_a_receipt_of_another_letter_reaches_only_its_own_letter(api, circulating, org, boss, handler, token_for):
    other = draft(org, [boss], title="Another letter")
    api.post(
        f"/api/staff/letters/{other.letter.pk}/review", {"decision": "approve"}, content_type=JSON, **token_for(handler)
    )
    ours = sign(circulating.token, org, "ann@acme.org")
    theirs = sign(other.token, org, "ann@acme.org")
    assert api.get("/api/letters/mine", **receipt_header(other.receipt)).json()["title"] == "Another letter"
    response = api.delete(f"/api/letters/signatures/{ours.signature_id}", **receipt_header(theirs.receipt))
    assert response.status_code == 404
    response = api.delete(f"/api/letters/signatures/{ours.signature_id}", **receipt_header(other.receipt))
    assert response.status_code == 404
    assert Signature.objects.count() == 2


def test_an_excluded_handler_gets_404_after_declaring_a_conflict(api, circulating, teammate, token_for):
    headers = token_for(teammate)
    url = f"/api/staff/letters/{circulating.letter.pk}"
    assert api.get(url, **headers).status_code == 200
    assert api.post(url + "/conflict", **headers).status_code == 204
    assert api.get(url, **headers).status_code == 404
    assert api.post(url + "/release", {"confirm_verified": True}, content_type=JSON, **headers).status_code == 404


def test_the_api_turns_fingerprints_off_only_when_asked(api, org, boss):
    on = api.post("/api/orgs/acme/letters", draft_payload(boss, threshold=2), content_type=JSON)
    off = api.post("/api/orgs/acme/letters", draft_payload(boss, threshold=2, fingerprinted=False), content_type=JSON)
    assert on.status_code == off.status_code == 201
    assert sorted(Letter.objects.values_list("fingerprinted", flat=True)) == [False, True]
    mine = api.get("/api/letters/mine", **receipt_header(off.json()["receipt"])).json()
    assert mine["fingerprinted"] is False
