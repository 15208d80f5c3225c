"""Escrow's key derivations and associated data, in one place (crypto.md §3–4). Labels and AD prefixes come
from confide.crypto.labels; changing one would make what is stored under it unreadable."""

import uuid

from confide import crypto
from confide.core import keyfiles
from confide.crypto import labels
from confide.escrow.content import VaultContent

# The key holder's own daily ceiling, one OprfAllowance row for every caller: shorter than the 32-byte rate keys
# oprf_serve accepts, so no rate key a caller names can be this row.
OPRF_CEILING_ROW = b"oprf-ceiling"


def vault_receipt_lookup(normalised: str) -> bytes:
    """Peppered: a copy of the database alone cannot check a guessed receipt."""
    return crypto.keyed_hash(labels.VAULT_RECEIPT_LOOKUP, keyfiles.pepper() + normalised.encode())


def vault_receipt_wrap(*, vault_id: uuid.UUID, normalised: str, vault_key: bytes) -> bytes:
    return crypto.receipt_wrap(
        labels.VAULT_RECEIPT_KEY, normalised, vault_key, pepper=keyfiles.pepper(), ad=ad_vault(vault_id)
    )


def vault_key_for_receipt(*, vault_id: uuid.UUID, normalised: str, receipt_wrap: bytes) -> bytes:
    return crypto.receipt_unwrap(
        labels.VAULT_RECEIPT_KEY, normalised, receipt_wrap, pepper=keyfiles.pepper(), ad=ad_vault(vault_id)
    )


def ad_vault(vault_id: uuid.UUID) -> bytes:
    return labels.AD_VAULT + vault_id.bytes


def ad_record(record_id: uuid.UUID) -> bytes:
    return labels.AD_VAULT_RECORD + record_id.bytes


def ad_vault_copy(entry_id: uuid.UUID) -> bytes:
    return labels.AD_VAULT_COPY + entry_id.bytes


def ad_thread(vault_id: uuid.UUID, message_id: uuid.UUID) -> bytes:
    return labels.AD_VAULT_THREAD + vault_id.bytes + message_id.bytes


def unverified_account_of(content: VaultContent) -> bytes:
    # Per vault and peppered: unverified entries of one vault never count twice, and the table cannot tell
    # which vault they came from.
    return crypto.keyed_hash(labels.ACCOUNT_UNVERIFIED, keyfiles.pepper() + bytes.fromhex(content.unverified_ref))


def account_of(content: VaultContent) -> tuple[bytes, bool]:
    """The account this vault's new entries are made under, and whether it is verified."""
    if content.account_ref is not None:
        return bytes.fromhex(content.account_ref), True
    return unverified_account_of(content), False


def account_refs_of(content: VaultContent) -> list[bytes]:
    """Every account the vault's entries may be stored under (an entry that could not move to the verified
    account stays under the unverified one)."""
    refs = [unverified_account_of(content)]
    if content.account_ref is not None:
        refs.insert(0, bytes.fromhex(content.account_ref))
    return refs


def oprf_rate_key(*, account: bytes) -> bytes:
    # Peppered: the allowance table alone does not say which account was active on which day.
    return crypto.keyed_hash(labels.OPRF_RATE, keyfiles.pepper() + account)


def oprf_pool_keys(*, organization_id: uuid.UUID) -> tuple[bytes, bytes]:
    """The organization's and the deployment's daily pools for unverified evaluations. Peppered, so the table
    alone does not say which organization had unverified entries on which day."""
    pepper = keyfiles.pepper()
    return (
        crypto.keyed_hash(labels.OPRF_POOL, pepper + b"organization:" + organization_id.bytes),
        crypto.keyed_hash(labels.OPRF_POOL, pepper + b"deployment"),
    )
