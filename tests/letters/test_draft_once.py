"""A letter is drafted once (G8): the draft form sent again with its one-time token (reload, double click, back
and resubmit) drafts nothing more and shows the same receipt and invitation link; once the organizer confirmed
the receipt, a resend gets 409 and nothing is drafted; a new form drafts a new letter."""

import re
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from confide.letters.models import Letter
from confide.letters.services.drafting_once import letter_draft_create_once
from confide.reports.services.once import LETTER, once_for
from tests.helpers.letters import LETTER_TEXT, receipt_in
from tests.helpers.receipts import type_back
from tests.helpers.staff import csrf_from

NEW = "/r/acme/letters/new/"
TOKEN_RE = re.compile(r'name="submission" value="([^"]+)"')


def _form(client) -> tuple[str, str]:
    page = client.get(NEW)
    return csrf_from(page), TOKEN_RE.search(page.content.decode()).group(1)


def _send(client, recipients, csrf: str, token: str):
    data = {
        "title": "Please meet us",
        "text": LETTER_TEXT,
        "request": "A meeting",
        "recipients": [str(r.pk) for r in recipients],
        "threshold": "3",
        "attendees": "The organizer",
        "submission": token,
        "csrfmiddlewaretoken": csrf,
    }
    return client.post(NEW, data)


def _shown(client, response) -> tuple[str, str]:
    assert response.status_code == 303 and response["Location"] == "/r/acme/letters/receipt/"
    page = client.get(response["Location"])
    invitation = re.search(r"/r/acme/letters/i/[^<\"\s]+", page.content.decode()).group(0)
    return receipt_in(page), invitation


@pytest.mark.django_db
def test_the_same_form_sent_twice_drafts_one_letter_and_shows_the_same_receipt(reporter, org, handler, boss, chief):
    csrf, token = _form(reporter)
    first = _shown(reporter, _send(reporter, [boss, chief], csrf, token))
    second = _shown(reporter, _send(reporter, [boss, chief], csrf, token))
    assert first == second and Letter.objects.count() == 1
    # A fresh form is a new letter.
    csrf, other = _form(reporter)
    assert other != token
    third = _shown(reporter, _send(reporter, [boss, chief], csrf, other))
    assert third != first and Letter.objects.count() == 2


@pytest.mark.django_db
def test_after_the_receipt_is_confirmed_a_resend_drafts_nothing_and_says_so(reporter, org, handler, boss, chief):
    csrf, token = _form(reporter)
    response = _send(reporter, [boss, chief], csrf, token)
    page = reporter.get(response["Location"])
    assert type_back(reporter, page).status_code in (302, 303)
    again = _send(reporter, [boss, chief], csrf, token)
    assert again.status_code == 409 and "This letter was already received" in again.content.decode()
    assert Letter.objects.count() == 1


@pytest.mark.django_db
def test_a_refused_draft_keeps_its_token_and_files_once_when_corrected(reporter, org, handler, boss, chief):
    csrf, token = _form(reporter)
    refused = _send(reporter, [], csrf, token)
    assert refused.status_code == 400 and token in refused.content.decode()
    _shown(reporter, _send(reporter, [boss, chief], csrf, token))
    _shown(reporter, _send(reporter, [boss, chief], csrf, token))
    assert Letter.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_posts_of_one_form_at_once_draft_one_letter(org, handler, boss, chief):
    once = once_for(organization_id=org.pk, channel=LETTER, token="t" * 32)
    barrier = threading.Barrier(4)

    def one(_n: int) -> tuple[str, str]:
        try:
            barrier.wait()
            answer = letter_draft_create_once(
                once=once,
                organization=org,
                title="Please meet us",
                text=LETTER_TEXT,
                request="A meeting",
                recipient_ids=[boss.pk, chief.pk],
                threshold=3,
            )
            return answer.receipt, answer.extra
        finally:
            connection.close()

    with ThreadPoolExecutor(4) as pool:
        answers = set(pool.map(one, range(4)))
    assert len(answers) == 1 and Letter.objects.count() == 1
