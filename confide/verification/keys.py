"""Verification's keyed derivations (crypto.md §4 "Accounts and Sybils"), labels from confide.crypto.labels.
Every one is peppered: a copy of the database alone cannot test an address against them."""

import base64
import uuid

from confide import crypto
from confide.core import keyfiles
from confide.crypto import labels
from confide.tenants.models import Organization


def account_ref_of(canonical: str) -> bytes:
    """`H("account", PEPPER ‖ canonical address)`: the same person always gets the same reference."""
    return crypto.keyed_hash(labels.ACCOUNT, keyfiles.pepper() + canonical.encode())


def roster_lookup(organization: Organization, canonical: str) -> bytes:
    # Salted by organization: two rosters listing one person do not share a value.
    return crypto.keyed_hash(labels.ROSTER, keyfiles.pepper() + organization.pk.bytes + canonical.encode())


def code_key(challenge_id: uuid.UUID, code: str) -> bytes:
    return crypto.keyed_hash(labels.VERIFICATION_CODE, keyfiles.pepper() + challenge_id.bytes + code.encode())


def code_mail_key() -> bytes:
    """The key a queued code email is sealed under in the task table: peppered, so the table (or a copy of the
    database) does not say who asked for a code."""
    return crypto.keyed_hash(labels.VERIFICATION_MAIL, keyfiles.pepper())


def code_mail_seal(plaintext: bytes) -> str:
    return base64.b64encode(crypto.aead_encrypt(code_mail_key(), plaintext, ad=labels.AD_VERIFICATION_MAIL)).decode()


def code_mail_open(sealed: str) -> bytes:
    """The plaintext, or crypto.DecryptionError."""
    return crypto.aead_decrypt(code_mail_key(), base64.b64decode(sealed), ad=labels.AD_VERIFICATION_MAIL)
