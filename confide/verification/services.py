"""Verified accounts for matching escrow and letters (crypto.md §4 "Accounts and Sybils").

A reporter proves control of an address on the organization's roster or an allowed domain with a one-time
code. What is kept afterwards is `account_ref = H("account", PEPPER ‖ canonical address)`: the same person
always gets the same reference, so duplicates can be refused, and the address itself is never stored.
"""

import secrets
import smtplib
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from confide import crypto
from confide.core.throttle import write_allow
from confide.tenants.models import Organization
from confide.verification.content import VerificationError, address_canonical, domain_canonical
from confide.verification.keys import account_ref_of, code_key, roster_lookup
from confide.verification.models import AllowedDomain, Challenge, RosterEntry
from confide.verification.selectors import address_eligible

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
    lookups = {roster_lookup(organization, address_canonical(email)) for email in emails if email.strip()}
    with transaction.atomic():
        if replace:
            RosterEntry.objects.filter(organization=organization).delete()
        RosterEntry.objects.bulk_create(
            [RosterEntry(organization=organization, lookup=lookup) for lookup in lookups], ignore_conflicts=True
        )
    return RosterEntry.objects.filter(organization=organization).count()


def domain_allow(*, organization: Organization, domain: str) -> AllowedDomain:
    allowed, _created = AllowedDomain.objects.get_or_create(organization=organization, domain=domain_canonical(domain))
    return allowed


def verification_challenges_purge() -> int:
    """Delete expired challenges. Each holds, to the second, when a reporter asked for a code (G2): it must go
    with its code even when no later request comes along to sweep it."""
    deleted, _by_model = Challenge.objects.filter(expires_at__lte=timezone.now()).delete()
    return deleted


def verification_start(*, organization: Organization, email: str) -> uuid.UUID:
    """Email a one-time code if the address belongs to the organization's staff. The answer is the same
    either way, so the form does not tell who is on the roster."""
    write_allow(scope="verification", organization_id=organization.pk)
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
    if eligible:
        try:
            send_mail(
                subject=_("Your Confide code"),
                message=_(
                    "Your code is %(code)s. It works for %(minutes)d minutes. If you did not ask for it, ignore "
                    "this message: nothing else happens."
                )
                % {"code": code, "minutes": settings.CONFIDE_VERIFICATION_MINUTES},
                from_email=None,
                recipient_list=[email.strip()],
                fail_silently=False,
            )
        except (smtplib.SMTPException, OSError):
            # Not re-raised: a 500 would log the exception, and SMTP errors name the recipient's address.
            Challenge.objects.filter(pk=challenge_id).delete()
            raise VerificationError(
                _("We could not send the code just now. Please try again in a few minutes."), field="email"
            ) from None
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
