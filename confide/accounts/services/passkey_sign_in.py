"""Passkeys at sign-in: the options every sign-in page carries, and checking one answer against an account.

The options name no credential (every passkey here is discoverable), so they are the same for every visitor and
say nothing about any account. The answer is checked against the account whose username was typed: a passkey of
another account, another site's, a replayed or expired challenge all count as a wrong second factor."""

from dataclasses import dataclass

from django.utils import timezone
from webauthn import generate_authentication_options, options_to_json, verify_authentication_response
from webauthn.helpers.exceptions import WebAuthnException
from webauthn.helpers.parse_authentication_credential_json import parse_authentication_credential_json
from webauthn.helpers.structs import UserVerificationRequirement

from confide import crypto
from confide.accounts.models import Passkey, User
from confide.accounts.services.passkey_challenges import (
    CEREMONY_TIMEOUT_MS,
    RelyingParty,
    passkey_challenge_new,
    passkey_challenge_use,
)
from confide.accounts.services.passkeys import passkey_user_handle

# RecursionError: JSON nested a few thousand deep (the json module recurses per level).
PARSE_ERRORS = (WebAuthnException, ValueError, TypeError, KeyError, RecursionError)


@dataclass(frozen=True)
class PasskeyMatch:
    passkey: Passkey
    new_sign_count: int


def passkey_sign_in_options(*, rp: RelyingParty) -> str:
    """The options for navigator.credentials.get(), as JSON, with a fresh single-use challenge."""
    options = generate_authentication_options(
        rp_id=rp.id,
        challenge=passkey_challenge_new(user=None),
        timeout=CEREMONY_TIMEOUT_MS,
        user_verification=UserVerificationRequirement.PREFERRED,
    )
    return options_to_json(options)


def passkey_assertion_match(*, user: User | None, rp: RelyingParty, response: str) -> PasskeyMatch | None:
    """The passkey of `user` that signed this answer to one of our challenges, or None. The challenge is used
    up whatever the outcome, so an answer never counts twice; the counter is only moved by passkey_use."""
    try:
        credential = parse_authentication_credential_json(response)
    except PARSE_ERRORS:
        return None
    challenge = passkey_challenge_use(client_data_json=credential.response.client_data_json, user=None)
    if challenge is None or user is None:
        return None
    passkey = Passkey.objects.filter(user=user, credential_id=credential.raw_id).first()
    handle = credential.response.user_handle
    if passkey is None or (handle is not None and not crypto.constant_time_equal(handle, passkey_user_handle(user))):
        return None
    try:
        verified = verify_authentication_response(
            credential=credential,
            expected_challenge=challenge,
            expected_rp_id=rp.id,
            expected_origin=rp.origin,
            credential_public_key=bytes(passkey.public_key),
            credential_current_sign_count=passkey.sign_count,
        )
    except PARSE_ERRORS:
        return None
    return PasskeyMatch(passkey=passkey, new_sign_count=verified.new_sign_count)


def passkey_use(*, match: PasskeyMatch) -> None:
    """After a full sign-in: the authenticator's counter (never backwards) and the day it was last used."""
    rows = Passkey.objects.filter(pk=match.passkey.pk)
    rows.filter(sign_count__lt=match.new_sign_count).update(sign_count=match.new_sign_count)
    rows.update(last_used_on=timezone.localdate())
