"""G1/G5 for escrow: identifiers, entries, records, thread messages and the verified address never appear at
rest (database + WAL, media, secrets, logs), below the threshold, after a match, after the counselor reads."""

import re
import secrets

import pytest
from django.core import mail
from django.test import Client

from confide.escrow.models import Match
from confide.escrow.services.matching import match_notifications_send, matches_detect
from confide.verification.services import roster_upload
from tests.helpers.canary import at_rest_sources, hits
from tests.helpers.staff import PASSWORD, totp_code
from tests.helpers.verification import code_sent

pytestmark = pytest.mark.django_db(transaction=True)


def mark(label: str) -> str:
    return f"canary{label}{secrets.token_hex(5)}".lower()


def test_nothing_named_or_written_in_escrow_is_readable_at_rest(org, other_org, counselor, log_buffer, capfd):
    digits = f"{secrets.randbelow(90) + 10}"
    phone_e164 = f"+120255501{digits}"
    marks = {k: mark(k) for k in ["email", "handle", "first", "text", "record", "reply", "counsel", "address"]}
    roster_upload(organization=org, emails=[f"{marks['address']}@acme.example"])
    roster_upload(organization=other_org, emails=["second@rival.example"])
    counselor.email = "cora@thirdparty.example"
    counselor.save()
    client = Client(HTTP_USER_AGENT=mark("agent"))

    receipts = []
    for organization, address in [(org, f"{marks['address']}@acme.example"), (other_org, "second@rival.example")]:
        receipt = client.post(f"/api/orgs/{organization.slug}/vaults").json()["receipt"]
        receipts.append(receipt)
        page_client = Client()
        page_client.post(f"/r/{organization.slug}/vault/open/", {"receipt": receipt})
        response = page_client.post(f"/r/{organization.slug}/vault/verify/", {"email": address})
        challenge = re.search(r'name="challenge" value="([^"]+)"', response.content.decode()).group(1)
        code = code_sent()
        confirmed = page_client.post(
            f"/r/{organization.slug}/vault/verify/code/", {"challenge": challenge, "code": code}
        )
        assert confirmed.status_code == 303
        auth = {"HTTP_AUTHORIZATION": f"Vault {receipt}"}
        person = {
            "email": f"{marks['email']}@campaign.example",
            "phone": f"+1 202 555 01{digits}",
            "handle": marks["handle"],
            "platform": "instagram",
            "name": f"{marks['first']} Person",
        }
        entry = client.post(
            "/api/vault/entries",
            {"person": person, "text": f"It was {marks['text']}."},
            content_type="application/json",
            **auth,
        )
        assert entry.status_code == 201, entry.content
        record = client.post("/api/vault/records", {"text": marks["record"]}, content_type="application/json", **auth)
        assert record.status_code == 201

    sources_before = at_rest_sources()
    matches_detect()
    match_notifications_send()
    token = client.post(
        "/api/staff/login",
        {"username": counselor.username, "password": PASSWORD, "totp": totp_code(counselor)},
        content_type="application/json",
    ).json()["token"]
    staff = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    verified = [m for m in Match.objects.all() if m.verified]
    assert len(verified) == 3  # email and phone and handle; names are scoped to their organization
    opened = client.get(f"/api/escrow/matches/{verified[0].pk}", **staff).json()
    assert marks["text"] in str(opened)
    entry_id = opened["entries"][0]["id"]
    path = f"/api/escrow/matches/{verified[0].pk}/entries/{entry_id}/messages"
    assert client.post(path, {"body": marks["counsel"]}, content_type="application/json", **staff).status_code == 201
    reply = client.post(
        "/api/vault/messages",
        {"body": marks["reply"]},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Vault {receipts[0]}",
    )
    assert reply.status_code == 201

    out, err = capfd.readouterr()
    canaries = [*marks.values(), phone_e164, phone_e164[1:]]
    assert hits(canaries, sources_before) == []
    assert hits(canaries, at_rest_sources(extra_text=log_buffer.getvalue() + out + err)) == []
    assert all(marks["text"] not in message.body for message in mail.outbox)
