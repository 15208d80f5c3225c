"""An unlocked vault and what is inside its encrypted content, for one request only."""

import json
import uuid
from dataclasses import dataclass, field
from datetime import date

from confide import crypto
from confide.core import keyfiles
from confide.escrow.models import Vault

CONTENT_VERSION = 1


def ad_vault(vault_id: uuid.UUID) -> bytes:
    return b"vault:" + vault_id.bytes


def ad_record(record_id: uuid.UUID) -> bytes:
    return b"vault-record:" + record_id.bytes


def ad_vault_copy(entry_id: uuid.UUID) -> bytes:
    return b"vault-copy:" + entry_id.bytes


def ad_thread(vault_id: uuid.UUID, message_id: uuid.UUID) -> bytes:
    return b"vault-thread:" + vault_id.bytes + message_id.bytes


@dataclass
class EntryRow:
    """One stored Entry row, as its vault copy tells it: the OPRF output p is what lets the vault re-seal
    without asking the key holder again."""

    id: str
    p: str
    identifier: str
    verified: bool


@dataclass
class EntryGroup:
    """What the reporter wrote about one person, under one or more identifiers."""

    id: str
    written_on: str
    text: str
    rows: list[EntryRow]
    reported: bool = False

    @property
    def written(self) -> date:
        return date.fromisoformat(self.written_on)


@dataclass
class VaultContent:
    thread_key: str
    unverified_ref: str
    account_ref: str | None = None
    account_organization: str | None = None

    def to_bytes(self) -> bytes:
        data = {
            "v": CONTENT_VERSION,
            "thread_key": self.thread_key,
            "unverified_ref": self.unverified_ref,
            "account_ref": self.account_ref,
            "account_organization": self.account_organization,
        }
        return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()

    @classmethod
    def from_bytes(cls, raw: bytes) -> "VaultContent":
        data = json.loads(raw)
        return cls(
            thread_key=data["thread_key"],
            unverified_ref=data["unverified_ref"],
            account_ref=data.get("account_ref"),
            account_organization=data.get("account_organization"),
        )

    @classmethod
    def fresh(cls) -> "VaultContent":
        return cls(thread_key=crypto.random_key().hex(), unverified_ref=crypto.random_key().hex())

    @property
    def verified(self) -> bool:
        return self.account_ref is not None


@dataclass
class VaultAccess:
    vault: Vault
    vault_key: bytes = field(repr=False)
    content: VaultContent = field(repr=False)

    def __repr__(self) -> str:
        return f"VaultAccess(vault={self.vault.pk})"

    @property
    def thread_key(self) -> bytes:
        return bytes.fromhex(self.content.thread_key)


def account_of(content: VaultContent) -> tuple[bytes, bool]:
    """The account this vault's new entries are made under, and whether it is verified."""
    if content.account_ref is not None:
        return bytes.fromhex(content.account_ref), True
    return unverified_account_of(content), False


def unverified_account_of(content: VaultContent) -> bytes:
    # Per vault and peppered: unverified entries of one vault never count twice, and the table cannot tell
    # which vault they came from.
    return crypto.keyed_hash("account-unverified", keyfiles.pepper() + bytes.fromhex(content.unverified_ref))


def account_refs_of(content: VaultContent) -> list[bytes]:
    """Every account the vault's entries may be stored under (an entry that could not move to the verified
    account stays under the unverified one)."""
    refs = [unverified_account_of(content)]
    if content.account_ref is not None:
        refs.insert(0, bytes.fromhex(content.account_ref))
    return refs
