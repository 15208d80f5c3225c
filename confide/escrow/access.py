"""An unlocked vault and what is inside its encrypted content, for one request only."""

import json
import uuid
from dataclasses import dataclass, field
from datetime import date

from confide import crypto
from confide.escrow.models import Vault

CONTENT_VERSION = 1


def ad_vault(vault_id: uuid.UUID) -> bytes:
    return b"vault:" + vault_id.bytes


def ad_record(record_id: uuid.UUID) -> bytes:
    return b"vault-record:" + record_id.bytes


def ad_thread(vault_id: uuid.UUID, message_id: uuid.UUID) -> bytes:
    return b"vault-thread:" + vault_id.bytes + message_id.bytes


@dataclass
class EntryRow:
    """One stored Entry row: the OPRF output p is what lets the vault re-seal or withdraw without asking the
    key holder again."""

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
    entries: list[EntryGroup] = field(default_factory=list)

    def to_bytes(self) -> bytes:
        data = {
            "v": CONTENT_VERSION,
            "thread_key": self.thread_key,
            "unverified_ref": self.unverified_ref,
            "account_ref": self.account_ref,
            "account_organization": self.account_organization,
            "entries": [
                {
                    "id": g.id,
                    "written_on": g.written_on,
                    "text": g.text,
                    "reported": g.reported,
                    "rows": [vars(r) for r in g.rows],
                }
                for g in self.entries
            ],
        }
        return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()

    @classmethod
    def from_bytes(cls, raw: bytes) -> "VaultContent":
        data = json.loads(raw)
        entries = [
            EntryGroup(
                id=g["id"],
                written_on=g["written_on"],
                text=g["text"],
                reported=g.get("reported", False),
                rows=[EntryRow(**r) for r in g["rows"]],
            )
            for g in data["entries"]
        ]
        return cls(
            thread_key=data["thread_key"],
            unverified_ref=data["unverified_ref"],
            account_ref=data.get("account_ref"),
            account_organization=data.get("account_organization"),
            entries=entries,
        )

    @classmethod
    def fresh(cls) -> "VaultContent":
        return cls(thread_key=crypto.random_key().hex(), unverified_ref=crypto.random_key().hex())

    @property
    def verified(self) -> bool:
        return self.account_ref is not None

    def group(self, group_id: str) -> EntryGroup | None:
        return next((g for g in self.entries if g.id == group_id), None)


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
