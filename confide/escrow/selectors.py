"""Reads on vaults. A vault opens only with its receipt; access control for vaults lives here."""

import json
from dataclasses import dataclass
from datetime import date

from confide import crypto
from confide.core.identifiers import identifier_display, identifier_kind
from confide.escrow.access import (
    EntryGroup,
    EntryRow,
    VaultAccess,
    VaultContent,
    account_refs_of,
    ad_record,
    ad_vault,
    ad_vault_copy,
)
from confide.escrow.models import Entry, Record, Vault
from confide.escrow.services import vault_receipt_key, vault_receipt_lookup
from confide.escrow.threads import thread_messages_read
from confide.tenants.models import Organization

# Looked up when the receipt is malformed, so malformed and wrong receipts cost the same (no oracle).
_DECOY = "decoy " * 7 + "decoy"


def vault_access_get(*, receipt: str, organization: Organization | None = None) -> VaultAccess | None:
    """None for a malformed, wrong or other organization's receipt alike."""
    try:
        normalised = crypto.receipt_normalise(receipt or "")
    except crypto.ReceiptFormatError:
        normalised, valid = _DECOY, False
    else:
        valid = True
    vaults = Vault.objects.select_related("organization").filter(receipt_lookup=vault_receipt_lookup(normalised))
    if organization is not None:
        vaults = vaults.filter(organization=organization)
    vault = vaults.first()
    if vault is None or not valid:
        return None
    try:
        vault_key = crypto.aead_decrypt(vault_receipt_key(normalised), bytes(vault.receipt_wrap), ad=ad_vault(vault.pk))
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


def records_read(*, access: VaultAccess) -> list[RecordView]:
    views = []
    for record in Record.objects.filter(vault=access.vault):
        data = json.loads(crypto.aead_decrypt(access.vault_key, bytes(record.body), ad=ad_record(record.pk)))
        views.append(
            RecordView(id=str(record.pk), created_on=record.created_on, text=data["text"], became=data["became"])
        )
    return views


def record_get(*, access: VaultAccess, record_id) -> tuple[Record, RecordView] | None:
    record = Record.objects.filter(pk=record_id, vault=access.vault).first()
    if record is None:
        return None
    data = json.loads(crypto.aead_decrypt(access.vault_key, bytes(record.body), ad=ad_record(record.pk)))
    return record, RecordView(id=str(record.pk), created_on=record.created_on, text=data["text"], became=data["became"])


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


def entry_group_get(*, access: VaultAccess, group_id) -> EntryGroup | None:
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
