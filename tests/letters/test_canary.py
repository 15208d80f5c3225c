"""G1 and G6 at rest: unique strings go in everywhere a letter's participants write, then the database (and
its WAL), the media and secrets folders and the logs are searched. Zero hits."""

import pytest
from django.test import Client

from confide.verification.services import roster_upload
from tests.helpers.api import receipt_header
from tests.helpers.canary import at_rest_sources, canary, hits
from tests.helpers.staff import api_token
from tests.helpers.verification import code_sent

pytestmark = pytest.mark.django_db(transaction=True)
JSON = "application/json"


def test_nothing_a_letters_participants_write_is_readable_at_rest(org, handler, boss, log_buffer, capfd):
    marks = {
        k: canary(k)
        for k in [
            "TITLE",
            "TEXT",
            "REQUEST",
            "ATTENDEE",
            "SIGNERNAME",
            "SIGNERROLE",
            "COHORT",
            "HIDDENNAME",
            "NOTE",
            "ANSWER",
            "TIME",
            "WHEN",
            "MESSAGE",
            "AGENT",
            "QUESTION",
        ]
    }
    emails = [f"{canary('mail').lower()}@acme.org", f"{canary('mail').lower()}@acme.org"]
    roster_upload(organization=org, emails=emails)
    client = Client(HTTP_USER_AGENT=marks["AGENT"], REMOTE_ADDR="198.51.100.77")
    created = client.post(
        "/api/orgs/acme/letters",
        {
            "title": marks["TITLE"],
            "text": f"We write about {marks['TEXT']} in the field offices.",
            "request": marks["REQUEST"],
            "recipients": [boss.pk],
            "threshold": 2,
            "attendees": [marks["ATTENDEE"]],
        },
        content_type=JSON,
    )
    assert created.status_code == 201
    token = created.json()["invitation_token"]
    organizer = receipt_header(created.json()["receipt"])
    asked = client.post("/api/letters/mine/messages", {"body": marks["QUESTION"]}, content_type=JSON, **organizer)
    assert asked.status_code == 201
    staff = api_token(handler)
    letter_id = client.get("/api/staff/letters", **staff).json()[0]["id"]
    client.post(
        f"/api/staff/letters/{letter_id}/review",
        {"decision": "approve", "note": marks["NOTE"]},
        content_type=JSON,
        **staff,
    )
    receipts = []
    for email, name, visibility in (
        (emails[0], marks["SIGNERNAME"], "name"),
        (emails[1], marks["HIDDENNAME"], "verified"),
    ):
        start = client.post(f"/api/letters/invitations/{token}/verification", {"email": email}, content_type=JSON)
        code = code_sent()
        signed = client.post(
            f"/api/letters/invitations/{token}/signatures",
            {
                "challenge": start.json()["challenge"],
                "code": code,
                "name": name,
                "role": marks["SIGNERROLE"],
                "cohort": marks["COHORT"],
                "visibility": visibility,
            },
            content_type=JSON,
        )
        assert signed.status_code == 201
        receipts.append(signed.json()["receipt"])
    assert (
        client.post(
            f"/api/staff/letters/{letter_id}/release", {"confirm_verified": True}, content_type=JSON, **staff
        ).json()["status"]
        == "released"
    )

    contact = api_token(boss)
    copy_id = client.get("/api/staff/letters/received", **contact).json()[0]["id"]
    base = f"/api/staff/letters/received/{copy_id}"
    client.post(base + "/acknowledge", **contact)
    client.post(base + "/answers", {"body": marks["ANSWER"]}, content_type=JSON, **contact)
    client.post(base + "/meeting", {"times": [marks["TIME"]]}, content_type=JSON, **contact)
    client.post(base + "/meeting", {"attendee": marks["ATTENDEE"], "decision": "accept"}, content_type=JSON, **contact)
    client.post(base + "/meeting", {"status": "scheduled", "note": marks["WHEN"]}, content_type=JSON, **contact)
    copy = client.get(base, **contact).json()
    assert marks["SIGNERNAME"] in str(copy) and marks["HIDDENNAME"] not in str(copy)
    trace = client.post("/api/staff/letters/trace", {"text": copy["text"]}, content_type=JSON, **staff)
    assert trace.status_code == 200

    # Everything went in and can be read by those holding keys: it is only unreadable at rest.
    mine = client.get("/api/letters/mine", **receipt_header(receipts[0])).json()
    assert marks["ANSWER"] in str(mine) and marks["WHEN"] in str(mine) and marks["QUESTION"] in str(mine)
    assert mine["signature"]["name"] == marks["SIGNERNAME"] and mine["signature"]["cohort"] == marks["COHORT"]
    client.get(f"/r/acme/letters/i/{token}/")
    client.get("/api/letters/mine", HTTP_AUTHORIZATION="Receipt wrong words")

    out, err = capfd.readouterr()
    sources = at_rest_sources(extra_text=log_buffer.getvalue() + out + err)
    assert hits(list(marks.values()) + emails, sources) == []
