"""Letters personas: the third party (the org's handler), recipients (contacts named), a contact not named,
another tenant's handler and contact, an outsider; and a drafted letter moving through its life."""

from dataclasses import dataclass

import pytest

from confide.accounts.services.sign_in import staff_unlock
from confide.letters.content import signature_build
from confide.letters.selectors.reporter import invitation_access_get, participant_access_get
from confide.letters.selectors.staff import third_party_access_get
from confide.letters.services.drafting import letter_draft_create
from confide.letters.services.signatures import signature_create
from confide.letters.services.third_party import letter_review
from confide.verification.services import account_ref_for
from tests.conftest import PASSWORD, make_staff

LETTER_TEXT = (
    "We worked on the 2016 campaign, in the field offices and at headquarters. Several of us experienced "
    "harassment from a senior member of the staff, and we raised it at the time without any answer.\n\n"
    "We are writing together so that none of us stands alone. We ask to meet you, to explain what happened and "
    "to agree on what the organization will do so that it does not happen to the next campaign's staff."
)


@pytest.fixture
def boss(org):
    user = make_staff("boss", [org], role="contact")
    user.first_name, user.last_name = "Casey", "Manager"
    user.save()
    return user


@pytest.fixture
def chief(org):
    user = make_staff("chief", [org], role="contact")
    user.first_name, user.last_name = "Chris", "Chief"
    user.save()
    return user


@pytest.fixture
def bystander(org):
    """A contact of the organization the letter does not name."""
    return make_staff("bystander", [org], role="contact")


@pytest.fixture
def other_contact(other_org):
    return make_staff("othercontact", [other_org], role="contact")


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


@pytest.fixture
def drafted(org, handler, teammate, boss, chief, bystander):
    """Drafted while the organization has two handlers (the third party), two named contacts and one not."""
    return draft(org, [boss, chief])


@pytest.fixture
def circulating(drafted, handler):
    letter_review(access=third_party(handler, drafted.letter), approve=True)
    drafted.letter.refresh_from_db()
    return drafted


def participant(receipt, org=None):
    return participant_access_get(receipt=receipt, organization=org)
