"""Passkeys (WebAuthn, via py_webauthn) as a second factor: register several, name and remove them.

Every credential is discoverable (resident key required): the sign-in page asks for "a passkey for this site"
without naming any, so it never says whether an account has passkeys or which. User verification is preferred,
not required: the password stays the first factor (it also unwraps the key), the passkey replaces the code."""

import uuid

from django.utils import timezone
from django.utils.translation import gettext as _
from webauthn import generate_registration_options, options_to_json, verify_registration_response
from webauthn.helpers.exceptions import WebAuthnException
from webauthn.helpers.parse_registration_credential_json import parse_registration_credential_json
from webauthn.helpers.structs import (
    AuthenticatorSelectionCriteria,
    PublicKeyCredentialDescriptor,
    ResidentKeyRequirement,
    UserVerificationRequirement,
)

from confide import crypto
from confide.accounts.models import Passkey, User
from confide.accounts.services.passkey_challenges import (
    CEREMONY_TIMEOUT_MS,
    RelyingParty,
    passkey_challenge_new,
    passkey_challenge_use,
)
from confide.audit.services import Action, audit_record
from confide.core.errors import NotFound, Refused
from confide.crypto import labels

RP_NAME = "Confide"
MAX_PASSKEYS = 10
NAME_MAX = 60


def passkey_user_handle(user: User) -> bytes:
    """The WebAuthn user handle: stable per account, and neither its id nor its name (authenticators keep it)."""
    return crypto.keyed_hash(labels.PASSKEY_USER, str(user.pk).encode(), size=16)


def passkey_registration_options(*, user: User, rp: RelyingParty) -> str:
    """The options for navigator.credentials.create(), as JSON; the challenge waits for this staff member."""
    existing = Passkey.objects.filter(user=user).values_list("credential_id", flat=True)
    options = generate_registration_options(
        rp_id=rp.id,
        rp_name=RP_NAME,
        user_id=passkey_user_handle(user),
        user_name=user.get_username(),
        user_display_name=user.get_username(),
        challenge=passkey_challenge_new(user=user),
        timeout=CEREMONY_TIMEOUT_MS,
        authenticator_selection=AuthenticatorSelectionCriteria(
            resident_key=ResidentKeyRequirement.REQUIRED, user_verification=UserVerificationRequirement.PREFERRED
        ),
        exclude_credentials=[PublicKeyCredentialDescriptor(id=bytes(c)) for c in existing],
    )
    return options_to_json(options)


def _name_clean(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise Refused(_("Give the passkey a name, so you can tell it from the others."), field="name")
    if len(name) > NAME_MAX:
        raise Refused(_("A passkey's name is at most 60 characters."), field="name")
    return name


def passkey_register(*, user: User, rp: RelyingParty, response: str, name: str) -> Passkey:
    """Keep the credential the browser made, once its answer proves it was made for this site, this staff
    member and a challenge we issued. Refused (400) otherwise, with nothing saved."""
    name = _name_clean(name)
    refused = Refused(_("That passkey could not be added: it was not made for this site just now."), field="passkey")
    if Passkey.objects.filter(user=user).count() >= MAX_PASSKEYS:
        raise Refused(_("You have ten passkeys already: remove one first."), field="passkey")
    try:
        credential = parse_registration_credential_json(response)
    except (WebAuthnException, ValueError, TypeError, KeyError, RecursionError):
        raise refused from None
    challenge = passkey_challenge_use(client_data_json=credential.response.client_data_json, user=user)
    if challenge is None:
        raise refused
    try:
        verified = verify_registration_response(
            credential=credential, expected_challenge=challenge, expected_rp_id=rp.id, expected_origin=rp.origin
        )
    except (WebAuthnException, ValueError, TypeError, KeyError, RecursionError):
        raise refused from None
    if Passkey.objects.filter(credential_id=verified.credential_id).exists():
        raise Refused(_("That passkey is registered already."), field="passkey")
    passkey = Passkey.objects.create(
        user=user,
        credential_id=verified.credential_id,
        public_key=verified.credential_public_key,
        sign_count=verified.sign_count,
        name=name,
        created_on=timezone.localdate(),
    )
    audit_record(actor=user, action=Action.STAFF_PASSKEY_ADDED)
    return passkey


def _own(*, user: User, passkey_id: uuid.UUID) -> Passkey:
    passkey = Passkey.objects.filter(user=user, pk=passkey_id).first()
    if passkey is None:  # someone else's, or none at all: the same answer
        raise NotFound()
    return passkey


def passkey_rename(*, user: User, passkey_id: uuid.UUID, name: str) -> Passkey:
    passkey = _own(user=user, passkey_id=passkey_id)
    passkey.name = _name_clean(name)
    passkey.save(update_fields=["name"])
    return passkey


def passkey_remove(*, user: User, passkey_id: uuid.UUID) -> None:
    _own(user=user, passkey_id=passkey_id).delete()
    audit_record(actor=user, action=Action.STAFF_PASSKEY_REMOVED)


def passkeys_remove_all(*, user: User) -> None:
    """A reset second factor (staff_recover --reset-totp) takes the passkeys with the authenticator app."""
    Passkey.objects.filter(user=user).delete()
