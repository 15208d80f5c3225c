"""Every page, for every persona (anonymous, reporter with all three cookies, handler, call-taker, counselor,
contact), answers odd form and query values with a page, never a server error (non-negotiable 1)."""

import re
import uuid

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from confide.escrow.services.team import counselor_enrol
from tests.helpers.escrow import name_person, new_vault
from tests.helpers.letters import draft
from tests.helpers.reports import submit_report
from tests.helpers.staff import make_staff, staff_login

FIELDS = [
    "address",
    "attendee",
    "attendees",
    "avoid_handlers",
    "body",
    "category",
    "challenge",
    "code",
    "cohort",
    "confirm",
    "contact",
    "deadline",
    "decision",
    "email",
    "handle",
    "identity",
    "name",
    "note",
    "options",
    "password",
    "passkey",
    "people_involved",
    "phone",
    "platform",
    "receipt",
    "recipients",
    "release_at_deadline",
    "request",
    "role",
    "safe_to_talk",
    "status",
    "text",
    "threshold",
    "times",
    "title",
    "to_recipients",
    "username",
    "visibility",
    "vouch",
    "what_happened",
    "when",
    "where",
    "consent",
    "feedback_by",
    "heard",
    "labels",
    "lang",
    "mac",
    "nonce",
    "outcome",
    "reference",
    "saved",
    "step",
    "lead",
]
ODD = ["\x00", "a" * 5000, "💥" * 500, "-1", "99999999999999999999", "2024-02-30", "", "NaN"]


def _patterns(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern)
        elif isinstance(pattern, URLResolver):
            yield from _patterns(pattern.url_patterns, prefix + str(pattern.pattern))


@pytest.mark.django_db
def test_no_page_answers_any_persona_with_a_server_error(nul_refusing_db, org, handler):
    counselor = make_staff("fuzzcounselor", role="counselor")
    counselor_enrol(user=counselor)
    call_taker = make_staff("fuzzcalltaker", [org], role="call_taker")
    contact = make_staff("fuzzcontact", [org], role="contact")
    report = submit_report(org)
    drafted = draft(org, [contact])
    vault_receipt, access = new_vault(org, email="fuzz@example.org")
    name_person(access, ["email:someone@example.org"])
    ids = {"report_id": report.report.pk, "letter_id": drafted.letter.pk, "org_slug": org.slug, "token": drafted.token}
    urls = []
    for pattern in _patterns(get_resolver().url_patterns):
        if pattern.startswith(("^", "operator", "api")) or "logout" in pattern:
            continue
        urls.append("/" + re.sub(r"<(?:\w+:)?(\w+)>", lambda m: str(ids.get(m.group(1), uuid.uuid4())), pattern))
    personas = {"anonymous": Client()}
    for user in (handler, call_taker, counselor, contact):
        personas[user.username] = staff_login(Client(), user)
    reporter = Client()
    reporter.post(f"/r/{org.slug}/return/", {"receipt": report.receipt})
    reporter.post(f"/r/{org.slug}/vault/open/", {"receipt": vault_receipt})
    reporter.post(f"/r/{org.slug}/letters/return/", {"receipt": drafted.receipt})
    personas["reporter"] = reporter
    errors = []
    for name, client in personas.items():
        for url in urls:
            for odd in ODD:
                for response in (
                    client.get(url, {"page": odd, "status": odd, "lang": odd, "next": odd}),
                    client.post(url, dict.fromkeys(FIELDS, odd)),
                ):
                    if response.status_code >= 500:
                        errors.append((name, response.request["REQUEST_METHOD"], url, odd[:10], response.status_code))
    assert not errors


@pytest.mark.django_db
def test_every_page_refuses_a_post_without_a_csrf_token(org, handler):
    drafted = draft(org, [make_staff("csrfcontact", [org], role="contact")])
    ids = {"report_id": uuid.uuid4(), "letter_id": drafted.letter.pk, "org_slug": org.slug, "token": drafted.token}
    client = staff_login(Client(enforce_csrf_checks=True), handler)
    accepted = []
    for pattern in _patterns(get_resolver().url_patterns):
        if pattern.startswith(("^", "api")):
            continue
        url = "/" + re.sub(r"<(?:\w+:)?(\w+)>", lambda m: str(ids.get(m.group(1), uuid.uuid4())), pattern)
        if client.post(url, {"body": "x"}).status_code != 403:
            accepted.append(url)
    assert not accepted
