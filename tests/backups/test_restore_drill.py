"""The restore drill (issue 14): seed every kind of thing the service keeps, back it up, destroy the database,
restore, and everything opens as before for the people it belongs to. The backup holds no plaintext."""

import base64
import json
import os
import tarfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from confide.escrow.models import Vault
from confide.reports.models import Report
from tests.helpers.escrow import name_person, vault_header
from tests.helpers.letters import participant, sign

pytestmark = pytest.mark.django_db(transaction=True)

ACCOUNT = "CANARY-account-at-the-union-hall"
NAMED = "canary.director@campaign.example"
RECORD = "CANARY-record-for-myself"


@pytest.fixture
def seeded(api, org, handler, circulating, make_vault, counselor):
    filed = api.post(
        "/api/orgs/acme/reports",
        {"what_happened": ACCOUNT, "category": "sexual_harassment"},
        content_type="application/json",
    ).json()
    payload = os.urandom(70_000)
    sent = api.post(
        "/api/reporter/attachments",
        {"files": [SimpleUploadedFile("shot.png", payload, "image/png")], "body": "CANARY-reply"},
        HTTP_AUTHORIZATION=f"Receipt {filed['receipt']}",
    )
    assert sent.status_code == 201
    vault_receipt, access = make_vault(org, email="sam@campaign.example")
    name_person(access, [f"email:{NAMED}"])
    assert (
        api.post(
            "/api/vault/records", {"text": RECORD}, content_type="application/json", **vault_header(vault_receipt)
        ).status_code
        == 201
    )
    signer = sign(circulating.token, org, "lee@campaign.example", name="CANARY Lee Signer")
    return {
        "report": filed,
        "attachment": (sent.json()["attachments"][0]["id"], payload),
        "vault": vault_receipt,
        "organizer": circulating.receipt,
        "signer": signer.receipt,
    }


def _strings(value):
    if isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, str):
        yield value


def _dump(path) -> bytes:
    with tarfile.open(path, "r:gz") as archive:
        return archive.extractfile("data.jsonl").read()


def test_backup_destroy_restore_and_everything_opens_again(seeded, tmp_path, api, handler, login):
    path = tmp_path / "confide.backup"
    call_command("backup", str(path))
    assert oct(path.stat().st_mode & 0o777) == "0o600"

    dump = _dump(path)
    decoded = []
    for line in dump.splitlines():
        for text in _strings(json.loads(line)):
            try:
                decoded.append(base64.b64decode(text, validate=True))
            except ValueError:
                decoded.append(text.encode())
    for canary in (ACCOUNT, NAMED, RECORD, "CANARY-reply", "CANARY Lee Signer", seeded["report"]["receipt"]):
        assert canary.encode() not in dump and not any(canary.encode() in blob for blob in decoded), canary

    call_command("flush", interactive=False, verbosity=0)
    assert not Report.objects.exists() and not Vault.objects.exists()

    call_command("restore", str(path), verbosity=0)

    receipt = seeded["report"]["receipt"]
    thread = api.get("/api/reporter/report", HTTP_AUTHORIZATION=f"Receipt {receipt}")
    assert (
        thread.status_code == 200 and ACCOUNT in thread.content.decode() and "CANARY-reply" in thread.content.decode()
    )
    attachment_id, payload = seeded["attachment"]
    download = api.get(f"/api/reporter/attachments/{attachment_id}", HTTP_AUTHORIZATION=f"Receipt {receipt}")
    assert b"".join(download.streaming_content) == payload
    case = login(handler).get(f"/staff/cases/{Report.objects.get().pk}/")
    assert case.status_code == 200 and ACCOUNT in case.content.decode()
    vault = api.get("/api/vault", **vault_header(seeded["vault"]))
    assert vault.status_code == 200 and RECORD in vault.content.decode() and NAMED in vault.content.decode()
    assert participant(seeded["organizer"]) is not None and participant(seeded["signer"]) is not None
    call_command("verify_audit", verbosity=0)


def test_a_restore_onto_a_database_that_holds_data_is_refused(seeded, tmp_path):
    path = tmp_path / "confide.backup"
    call_command("backup", str(path))
    with pytest.raises(CommandError, match="not empty"):
        call_command("restore", str(path))
    assert Report.objects.count() == 1  # nothing doubled, nothing mixed


def test_a_backup_never_overwrites_a_file(org, tmp_path):
    path = tmp_path / "confide.backup"
    path.write_bytes(b"something precious")
    with pytest.raises(CommandError, match="already exists"):
        call_command("backup", str(path))
    assert path.read_bytes() == b"something precious"


def test_a_file_that_is_not_a_backup_is_refused_clearly(db, tmp_path):
    path = tmp_path / "notes.txt"
    path.write_bytes(b"not a backup at all")
    with pytest.raises(CommandError, match="not a Confide backup"):
        call_command("restore", str(path))
