"""Letters for tests: drafted, signed and released through the letters services."""

import re
from dataclasses import dataclass

from django.test import Client

from confide.accounts.services.sign_in import staff_unlock
from confide.letters.content import signature_build
from confide.letters.models import LetterCopy
from confide.letters.selectors.reporter import invitation_access_get, participant_access_get
from confide.letters.selectors.staff import copy_access_get, third_party_access_get
from confide.letters.services.drafting import letter_draft_create
from confide.letters.services.signatures import signature_create
from confide.verification.services import account_ref_for
from tests.helpers.staff import PASSWORD, csrf_from

LETTER_TEXT = (
    "We worked on the 2016 campaign, in the field offices and at headquarters. Several of us experienced "
    "harassment from a senior member of the staff, and we raised it at the time without any answer.\n\n"
    "We are writing together so that none of us stands alone. We ask to meet you, to explain what happened and "
    "to agree on what the organization will do so that it does not happen to the next campaign's staff."
)


def third_party(user, letter):
    unlocked = staff_unlock(username=user.username, password=PASSWORD)
    return third_party_access_get(user=unlocked.user, secret_key=unlocked.secret_key, letter_id=letter.pk)


def draft(org, recipients, threshold=2, **overrides):
    values = {
        "organization": org,
        "title": "A request to meet",
        "text": LETTER_TEXT,
        "request": "A meeting with the campaign manager and the chief of staff.",
        "recipient_ids": [r.pk for r in recipients],
        "threshold": threshold,
        "attendees": "The organizer\nA former field organizer",
    }
    values.update(overrides)
    return letter_draft_create(**values)


@dataclass
class Signer:
    email: str
    receipt: str
    signature_id: object


def sign(token, org, email, name="Sam Signer", visibility="name", role="Field organizer", cohort="2016 campaign"):
    access = invitation_access_get(token=token, organization=org)
    assert access is not None
    signed = signature_create(
        access=access,
        account_ref=account_ref_for(email=email),
        content=signature_build(name=name, role=role, cohort=cohort, visibility=visibility),
    )
    return Signer(email=email, receipt=signed.receipt, signature_id=signed.signature.pk)


def participant(receipt, org=None):
    return participant_access_get(receipt=receipt, organization=org)


def copy_of(user, letter):
    unlocked = staff_unlock(username=user.username, password=PASSWORD)
    copy = LetterCopy.objects.get(letter=letter, recipient=user)
    return copy_access_get(user=unlocked.user, secret_key=unlocked.secret_key, copy_id=copy.pk)


def page_post(client: Client, page_url: str, url: str, data: dict):
    """Post a form as a browser would: fetch its page for the CSRF token first."""
    page = client.get(page_url)
    return client.post(url, {**data, "csrfmiddlewaretoken": csrf_from(page)})


def receipt_in(response) -> str:
    return re.search(r'class="receipt"[^>]*>([a-z ]+)<', response.content.decode()).group(1)
