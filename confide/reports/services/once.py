"""Filing once: a report form posted twice (reload, double click, back and resubmit) or an API call retried with
the same Idempotency-Key files one report, and the second request gets the first answer.

Stored per token: a peppered keyed hash of it, scoped to the organization and the channel (`lookup`), and the
answer sealed under a key derived from the token and the pepper. Neither the database nor the pepper alone opens
the answer: only a request carrying the token again does, and the token only ever lived in the reporter's own
page (or the API client). A form's answer is emptied once the reporter confirmed the receipt; every row goes
after a day.
"""

import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from django.db import IntegrityError
from django.utils.translation import gettext as _

from confide import crypto
from confide.core import keyfiles
from confide.core.clock import today
from confide.core.errors import Refused
from confide.crypto import labels
from confide.reports.models import Submission

# A token answers alike on the day it was used and the next one (dates are days, never instants, G2), so
# "for a day" is at least 24 hours and at most 48.
KEPT_DAYS = 1
# The doors a token scopes: the report form, the API, a new letter's draft form, a new vault's start form.
FORM, API, LETTER, VAULT = "form", "api", "letter", "vault"


class KeyReused(Refused):
    """The Idempotency-Key was used for a different request: answered 409, nothing filed."""

    status = 409


@dataclass(frozen=True)
class Once:
    lookup: bytes
    key: bytes
    body: bytes  # keyed digest of what was sent (API); empty for a form, whose token alone decides
    organization_id: uuid.UUID


@dataclass(frozen=True)
class Answer:
    receipt: str
    reference: str
    submitted_on: date
    once_lookup: bytes  # names the row to empty once the receipt is confirmed
    replayed: bool = True  # this answer was given before: nothing new was filed
    extra: str = ""  # what else the first answer showed once (a new letter's invitation token)


class Twin(Exception):
    """Another request with the same token committed first (raised by a `create` that catches the
    IntegrityError itself, as report_submit does around its reference retries)."""


class Spent(Exception):
    """This token filed a report whose receipt was already confirmed: it cannot be shown again."""


def once_for(*, organization_id: uuid.UUID, channel: str, token: str, body: bytes = b"") -> Once:
    scoped = f"{channel}:{organization_id}:".encode() + token.encode()
    pepper = keyfiles.pepper()
    key = crypto.keyed_hash(labels.SUBMISSION_KEY, pepper + scoped)
    return Once(
        lookup=crypto.keyed_hash(labels.SUBMISSION_LOOKUP, pepper + scoped),
        key=key,
        body=crypto.keyed_hash(labels.SUBMISSION_BODY, key + body) if body else b"",
        organization_id=organization_id,
    )


def _ad(once: Once) -> bytes:
    return labels.AD_SUBMISSION + once.lookup


def _cutoff() -> date:
    return today() - timedelta(days=KEPT_DAYS)


def submission_record(*, once: Once, receipt: str, reference: str, submitted_on: date, extra: str = "") -> None:
    """Called inside the transaction that files the report: the unique lookup makes a racing twin fail."""
    payload = {"r": receipt, "ref": reference, "on": submitted_on.isoformat(), "body": once.body.hex(), "x": extra}
    Submission.objects.filter(lookup=once.lookup, created_on__lt=_cutoff()).delete()  # expired, not yet purged
    Submission.objects.create(
        lookup=once.lookup,
        organization_id=once.organization_id,
        sealed=crypto.aead_encrypt(once.key, json.dumps(payload).encode(), ad=_ad(once)),
        created_on=today(),
    )


def submission_answer(*, once: Once) -> Answer | None:
    """The answer this token got before, None when it was never used (or its day is over). Raises Spent when
    the receipt was already confirmed, KeyReused when the same token came with a different request."""
    row = Submission.objects.filter(
        lookup=once.lookup, organization_id=once.organization_id, created_on__gte=_cutoff()
    ).first()
    if row is None:
        return None
    if not bytes(row.sealed):
        raise Spent
    payload = json.loads(crypto.aead_decrypt(once.key, bytes(row.sealed), ad=_ad(once)))
    if not crypto.constant_time_equal(bytes.fromhex(payload["body"]), once.body):
        raise KeyReused(
            _("This Idempotency-Key was already used for a different request. Send a new key for each new one.")
        )
    return Answer(
        receipt=payload["r"],
        reference=payload["ref"],
        submitted_on=date.fromisoformat(payload["on"]),
        once_lookup=once.lookup,
        extra=payload.get("x", ""),
    )


def once_run(*, once: Once, create: Callable[[], Answer]) -> Answer:
    """The answer this token got before, or `create`'s, which records it with submission_record in its own
    transaction: a twin posted at the same moment fails on the unique lookup and gets the first one's answer.
    Raises Spent when the token's receipt was confirmed already, KeyReused for the same key with another body.
    Used by every door that makes one thing per form or key: a report, a vault, a letter's draft."""
    answer = submission_answer(once=once)
    if answer is not None:
        return answer
    try:
        return create()
    except (IntegrityError, Twin):
        twin = submission_answer(once=once) if submission_exists(once=once) else None
        if twin is None:
            raise
        return twin


def submission_exists(*, once: Once) -> bool:
    return Submission.objects.filter(lookup=once.lookup).exists()


def submission_spend(*, lookup: bytes) -> None:
    """The receipt was confirmed: the answer is forgotten, and the token stays used until its row goes."""
    Submission.objects.filter(lookup=lookup).update(sealed=b"")


def submissions_purge_expired() -> int:
    deleted, _rows = Submission.objects.filter(created_on__lt=_cutoff()).delete()
    return deleted
