"""G1: submit unique strings everywhere a reporter can write, then search the database (and its WAL), the
media folder, the secrets folder and the logs. Zero hits."""

import secrets

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from tests.helpers.canary import at_rest_sources, canary, hits
from tests.helpers.staff import PASSWORD, totp_code

pytestmark = pytest.mark.django_db(transaction=True)


def test_nothing_a_reporter_writes_is_readable_at_rest(org, handler, log_buffer, capfd):
    marks = {
        k: canary(k)
        for k in [
            "TEXT",
            "WHEN",
            "WHERE",
            "PEOPLE",
            "NAME",
            "CONTACT",
            "AVOID",
            "MSG",
            "FILENAME",
            "FILEBYTES",
            "REPLY",
            "HANDLERFILE",
            "NOTE",
            "IP",
            "AGENT",
        ]
    }
    ip = "203.0.113." + str(secrets.randbelow(200) + 1)
    agent = marks["AGENT"]
    client = Client(REMOTE_ADDR=ip, HTTP_USER_AGENT=agent)

    response = client.post(
        "/api/orgs/acme/reports",
        {
            "what_happened": f"It began with {marks['TEXT']} at the office.",
            "category": "sexual_harassment",
            "when": marks["WHEN"],
            "where": marks["WHERE"],
            "people_involved": marks["PEOPLE"],
            "anonymous": False,
            "name": marks["NAME"],
            "contact": marks["CONTACT"],
            "avoid_handlers": marks["AVOID"],
        },
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    receipt = response.json()["receipt"]
    auth = {"HTTP_AUTHORIZATION": f"Receipt {receipt}"}

    assert (
        client.post(
            "/api/reporter/messages", {"body": marks["MSG"]}, content_type="application/json", **auth
        ).status_code
        == 201
    )
    upload = SimpleUploadedFile(f"{marks['FILENAME']}.txt", (marks["FILEBYTES"] * 50).encode(), "text/plain")
    assert client.post("/api/reporter/attachments", {"files": [upload]}, **auth).status_code == 201

    login = client.post(
        "/api/staff/login",
        {"username": handler.username, "password": PASSWORD, "totp": totp_code(handler)},
        content_type="application/json",
    )
    staff = {"HTTP_AUTHORIZATION": f"Bearer {login.json()['token']}"}
    case_id = client.get("/api/cases", **staff).json()["items"][0]["id"]
    assert (
        client.post(
            f"/api/cases/{case_id}/messages",
            {"body": marks["REPLY"]},
            content_type="application/json",
            **staff,
        ).status_code
        == 201
    )
    note = client.post(f"/api/cases/{case_id}/notes", {"body": marks["NOTE"]}, content_type="application/json", **staff)
    assert note.status_code == 201
    handler_file = SimpleUploadedFile("evidence.bin", marks["HANDLERFILE"].encode() * 10)
    assert client.post(f"/api/cases/{case_id}/attachments", {"files": [handler_file]}, **staff).status_code == 201

    # The case decrypts for the handler: the canaries went in, they are just not readable at rest.
    case = client.get(f"/api/cases/{case_id}", **staff).json()
    assert marks["NAME"] in str(case) and marks["MSG"] in str(case) and marks["NOTE"] in str(case)

    # Error paths log too: make sure they are exercised with the fingerprinting headers set.
    client.get("/r/acme/nonexistent-page/")
    client.get("/api/reporter/report", HTTP_AUTHORIZATION="Receipt wrong words")
    client.post("/api/orgs/acme/reports", "{not json", content_type="application/json")

    out, err = capfd.readouterr()
    sources = at_rest_sources(extra_text=log_buffer.getvalue() + out + err)
    assert hits(list(marks.values()), sources) == []
    assert [where for where, blob in sources.items() if ip.encode() in blob] == []


def test_the_search_finds_plaintext_that_is_stored_in_the_clear(db):
    """Guards the guard: an organization's name is clear by design, so the search must see it everywhere."""
    from confide.tenants.models import Organization

    marker = canary("CLEAR")
    Organization.objects.create(slug="clear", name=marker)
    found = {where for _, where in hits([marker], at_rest_sources())}
    assert "database rows" in found
    if any(name.startswith("database file") for name in at_rest_sources()):
        assert any(name.startswith("database file") for name in found)
