"""Verified accounts for matching escrow and letters (crypto.md §4 "Accounts and Sybils").

A reporter proves control of an address on the organization's roster or an allowed domain with a one-time
code, which the background worker mails (confide.verification.tasks). What is kept afterwards is
`account_ref = H("account", PEPPER ‖ canonical address)`: the same person always gets the same reference, so
duplicates can be refused, and the address itself is never stored.
"""

import secrets
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks_db.models import DBTaskResult

from confide import crypto
from confide.core.throttle import write_allow
from confide.tenants.models import Organization
from confide.verification.content import (
    ADDRESS_MAX_CHARS,
    CodeMail,
    VerificationError,
    address_canonical,
    domain_canonical,
)
from confide.verification.keys import account_ref_of, code_key, code_mail_seal, roster_lookup
from confide.verification.models import AllowedDomain, Challenge, RosterEntry
from confide.verification.selectors import address_eligible
from confide.verification.tasks import verification_mail_job

# Eight: the pending cap lets anyone try ~48,000 challenges a day per organization, 5 guesses each.
CODE_DIGITS = 8
MAX_ATTEMPTS = 5


@dataclass(frozen=True)
class VerifiedAccount:
    account_ref: bytes
    organization_id: uuid.UUID


def account_ref_for(*, email: str) -> bytes:
    return account_ref_of(address_canonical(email))


def roster_upload(*, organization: Organization, emails: Iterable[str], replace: bool = False) -> int:
    """Store the roster as keyed hashes; the addresses go no further than this function."""
    _roster_open_check(organization)
    lookups = {roster_lookup(organization, address_canonical(email)) for email in emails if email.strip()}
    with transaction.atomic():
        if replace:
            RosterEntry.objects.filter(organization=organization).delete()
        RosterEntry.objects.bulk_create(
            [RosterEntry(organization=organization, lookup=lookup) for lookup in lookups], ignore_conflicts=True
        )
    return RosterEntry.objects.filter(organization=organization).count()


def _roster_open_check(organization: Organization) -> None:
    """A wound-down organization's roster is frozen (issue 13): everyone on it is former staff, and still
    verifies; nobody is added, replaced or removed."""
    if organization.wound_down_on is not None:
        raise VerificationError(_("This organization was wound down: its roster of former staff is frozen."))


def domain_allow(*, organization: Organization, domain: str) -> AllowedDomain:
    _roster_open_check(organization)
    allowed, _created = AllowedDomain.objects.get_or_create(organization=organization, domain=domain_canonical(domain))
    return allowed


def verification_challenges_purge() -> int:
    """Delete expired challenges. Each holds, to the second, when a reporter asked for a code (G2): it must go
    with its code even when no later request comes along to sweep it."""
    now = timezone.now()
    deleted, _by_model = Challenge.objects.filter(expires_at__lte=now).delete()
    # A queued code email outlives its code only while no worker runs; it goes with the code all the same.
    DBTaskResult.objects.filter(
        task_path=verification_mail_job.module_path,
        enqueued_at__lte=now - timedelta(minutes=settings.CONFIDE_VERIFICATION_MINUTES),
    ).delete()
    return deleted


def verification_start(*, organization: Organization, email: str) -> uuid.UUID:
    """Queue a one-time code for the address if it belongs to the organization's staff. The answer, the work
    and its time are the same either way, so the form does not tell who is on the roster: the request never
    talks to the mail server, and queues one sealed job of one size whether or not anyone is to be mailed."""
    write_allow(scope="verification", organization_id=organization.pk)
    if len(email.strip()) > ADDRESS_MAX_CHARS:
        raise VerificationError(_("An email address looks like name@example.org."), field="email")
    canonical = address_canonical(email)
    now = timezone.now()
    verification_challenges_purge()
    if Challenge.objects.filter(organization=organization).count() >= settings.CONFIDE_VERIFICATION_MAX_PENDING:
        raise VerificationError(
            _("Too many codes are waiting to be used. Please try again in a few minutes."), field="email"
        )
    challenge_id = uuid.uuid4()
    code = "".join(secrets.choice("0123456789") for _ in range(CODE_DIGITS))
    eligible = address_eligible(organization=organization, canonical=canonical)
    # Not eligible: the reference is sealed under a code nobody receives, so confirming always fails.
    sealing_code = code if eligible else secrets.token_hex(16)
    account_ref = account_ref_of(canonical)
    Challenge.objects.create(
        id=challenge_id,
        organization=organization,
        sealed_ref=crypto.aead_encrypt(code_key(challenge_id, sealing_code), account_ref, ad=challenge_id.bytes),
        expires_at=now + timedelta(minutes=settings.CONFIDE_VERIFICATION_MINUTES),
    )
    mail = CodeMail(
        challenge_id=challenge_id,
        to=email.strip() if eligible else "",
        code=code,
        language=translation.get_language() or settings.LANGUAGE_CODE,
    )
    verification_mail_job.enqueue(code_mail_seal(mail.to_bytes()))
    return challenge_id


def verification_confirm(*, organization: Organization, challenge_id: uuid.UUID | str, code: str) -> VerifiedAccount:
    failed = VerificationError(_("That code does not match, or it has expired. Ask for a new one."), field="code")
    try:
        challenge_uuid = challenge_id if isinstance(challenge_id, uuid.UUID) else uuid.UUID(str(challenge_id))
    except ValueError:
        raise failed from None
    code = "".join(str(code).split())
    with transaction.atomic():
        challenge = (
            Challenge.objects.select_for_update()
            .filter(pk=challenge_uuid, organization=organization, expires_at__gt=timezone.now())
            .first()
        )
        if challenge is None:
            raise failed
        try:
            account_ref = crypto.aead_decrypt(
                code_key(challenge_uuid, code), bytes(challenge.sealed_ref), ad=challenge_uuid.bytes
            )
        except crypto.DecryptionError:
            account_ref = None
        if account_ref is None:
            challenge.attempts += 1
            if challenge.attempts >= MAX_ATTEMPTS:
                challenge.delete()
            else:
                challenge.save(update_fields=["attempts"])
        else:
            challenge.delete()  # a code works once
    if account_ref is None:
        raise failed
    return VerifiedAccount(account_ref=account_ref, organization_id=organization.pk)
