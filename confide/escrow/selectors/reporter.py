"""Reads the vault's reporter reaches, opened with its receipt: records, entries, the thread."""

import json
import uuid
from dataclasses import dataclass
from datetime import date

from confide import crypto
from confide.core.identifiers import identifier_display, identifier_kind
from confide.core.receipts import receipt_normalise_or_decoy
from confide.escrow.access import VaultAccess
from confide.escrow.content import EntryGroup, EntryRow, VaultContent
from confide.escrow.keys import (
    account_refs_of,
    ad_record,
    ad_vault,
    ad_vault_copy,
    vault_key_for_receipt,
    vault_receipt_lookup,
)
from confide.escrow.models import Entry, Record, Vault
from confide.escrow.selectors.common import thread_messages_read
from confide.tenants.models import Organization


def vault_access_get(*, receipt: str, organization: Organization | None = None) -> VaultAccess | None:
    """None for a malformed, wrong or other organization's receipt alike, at the same cost (a malformed one is
    looked up as a decoy): the receipt openers (reporter.decorators.with_receipt, ReceiptHeaderAuth) want None."""
    given = receipt_normalise_or_decoy(receipt)
    vaults = Vault.objects.select_related("organization").filter(receipt_lookup=vault_receipt_lookup(given.normalised))
    if organization is not None:
        vaults = vaults.filter(organization=organization)
    vault = vaults.first()
    if vault is None or not given.valid:
        return None
    try:
        vault_key = vault_key_for_receipt(
            vault_id=vault.pk, normalised=given.normalised, receipt_wrap=bytes(vault.receipt_wrap)
        )
        content = VaultContent.from_bytes(crypto.aead_decrypt(vault_key, bytes(vault.content), ad=ad_vault(vault.pk)))
    except crypto.DecryptionError:
        return None
    return VaultAccess(vault=vault, vault_key=vault_key, content=content)


@dataclass(frozen=True)
class RecordView:
    id: str
    created_on: date
    text: str
    became: str

    def __repr__(self) -> str:
        return f"RecordView(id={self.id})"  # never the text


def _record_view(access: VaultAccess, record: Record) -> RecordView:
    data = json.loads(crypto.aead_decrypt(access.vault_key, bytes(record.body), ad=ad_record(record.pk)))
    return RecordView(id=str(record.pk), created_on=record.created_on, text=data["text"], became=data["became"])


def records_read(*, access: VaultAccess) -> list[RecordView]:
    return [_record_view(access, record) for record in Record.objects.filter(vault=access.vault)]


def record_get(*, access: VaultAccess, record_id: object) -> tuple[Record, RecordView] | None:
    """The vault's record and what it says; None for another vault's, a missing one, or a malformed id."""
    try:
        record_uuid = uuid.UUID(str(record_id))
    except ValueError:
        return None
    record = Record.objects.filter(pk=record_uuid, vault=access.vault).first()
    return None if record is None else (record, _record_view(access, record))


def vault_entries(*, access: VaultAccess) -> list[EntryGroup]:
    """The vault's entries: rows under its accounts whose copy its key opens (one verified account may have
    made entries from another vault too; those stay closed here)."""
    groups: dict[str, EntryGroup] = {}
    rows = Entry.objects.filter(account_ref__in=account_refs_of(access.content)).only("id", "verified", "vault_copy")
    for entry in rows:
        try:
            data = json.loads(
                crypto.aead_decrypt(access.vault_key, bytes(entry.vault_copy), ad=ad_vault_copy(entry.id))
            )
        except crypto.DecryptionError:
            continue
        group = groups.setdefault(
            data["group"],
            EntryGroup(id=data["group"], written_on=data["written_on"], text=data["text"], rows=[]),
        )
        group.reported = group.reported or data["reported"]
        group.rows.append(
            EntryRow(id=str(entry.id), p=data["p"], identifier=data["identifier"], verified=entry.verified)
        )
    return sorted(groups.values(), key=lambda g: (g.written_on, g.id))


def entry_group_get(*, access: VaultAccess, group_id: object) -> EntryGroup | None:
    return next((g for g in vault_entries(access=access) if g.id == str(group_id)), None)


def entry_group_summary(group: EntryGroup) -> dict:
    return {
        "id": group.id,
        "written_on": group.written,
        "text": group.text,
        "reported": group.reported,
        "identifiers": [
            {"kind": identifier_kind(r.identifier), "value": identifier_display(r.identifier), "verified": r.verified}
            for r in group.rows
        ],
    }


def vault_view(*, access: VaultAccess) -> dict:
    return {
        "verified": access.content.verified,
        "created_on": access.vault.created_on,
        "records": records_read(access=access),
        "entries": [entry_group_summary(g) for g in vault_entries(access=access)],
        "messages": thread_messages_read(vault_id=access.vault.pk, thread_key=access.thread_key),
    }


# The counselor team and its matches
