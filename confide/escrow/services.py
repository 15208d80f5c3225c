"""Writes on vaults, records and escrow entries (crypto.md §3–4). Views, API and commands call these."""

import contextlib
import json
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from confide import crypto
from confide.core import keyfiles
from confide.core.clock import today
from confide.core.throttle import receipt_write_allow, write_allow
from confide.escrow.access import (
    EntryGroup,
    EntryRow,
    VaultAccess,
    VaultContent,
    account_of,
    account_refs_of,
    ad_record,
    ad_vault,
    ad_vault_copy,
)
from confide.escrow.keyholder import oprf_output
from confide.escrow.models import Entry, PendingIndex, Record, Vault
from confide.escrow.team import counselor_team_public_key
from confide.tenants.models import Organization

TEXT_MAX_CHARS = 20_000


class EscrowRefused(ValueError):
    """Input or state that cannot become an entry; the message is shown to the reporter."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


@dataclass(frozen=True)
class CreatedVault:
    vault: Vault
    receipt: str  # shown once; never stored


def vault_receipt_lookup(normalised: str) -> bytes:
    return crypto.keyed_hash("vault-receipt-lookup", keyfiles.pepper() + normalised.encode())


def vault_receipt_key(normalised: str) -> bytes:
    return crypto.keyed_hash("vault-receipt-key", normalised.encode())


def text_clean(text: str, *, field: str = "text") -> str:
    text = (text or "").strip()
    if not text:
        raise EscrowRefused(_("Please write what happened, in your own words."), field)
    if len(text) > TEXT_MAX_CHARS:
        raise EscrowRefused(_("This field is limited to %(limit)d characters.") % {"limit": TEXT_MAX_CHARS}, field)
    if "\x00" in text or not _encodable(text):
        raise EscrowRefused(_("This field contains a character that cannot be stored."), field)
    return text


def _encodable(text: str) -> bool:
    try:
        text.encode()
    except UnicodeEncodeError:  # a lone surrogate, which JSON allows and UTF-8 does not
        return False
    return True


def vault_create(*, organization: Organization) -> CreatedVault:
    write_allow(scope="vault", organization_id=organization.pk)
    vault_id = uuid.uuid4()
    vault_key = crypto.random_key()
    receipt = crypto.receipt_generate()
    normalised = crypto.receipt_normalise(receipt)
    vault = Vault.objects.create(
        id=vault_id,
        organization=organization,
        created_on=today(),
        receipt_lookup=vault_receipt_lookup(normalised),
        receipt_wrap=crypto.aead_encrypt(vault_receipt_key(normalised), vault_key, ad=ad_vault(vault_id)),
        content=crypto.aead_encrypt(vault_key, VaultContent.fresh().to_bytes(), ad=ad_vault(vault_id)),
    )
    return CreatedVault(vault=vault, receipt=receipt)


def _content_save(access: VaultAccess) -> None:
    access.vault.content = crypto.aead_encrypt(
        access.vault_key, access.content.to_bytes(), ad=ad_vault(access.vault.pk)
    )
    Vault.objects.filter(pk=access.vault.pk).update(content=access.vault.content)


def _locked(access: VaultAccess) -> VaultAccess:
    """Re-read the content under a row lock, so two tabs editing one vault never lose each other's entries."""
    vault = Vault.objects.select_for_update().get(pk=access.vault.pk)
    raw = crypto.aead_decrypt(access.vault_key, bytes(vault.content), ad=ad_vault(vault.pk))
    return VaultAccess(vault=vault, vault_key=access.vault_key, content=VaultContent.from_bytes(raw))


def vault_account_set(*, access: VaultAccess, account_ref: bytes, organization_id: uuid.UUID) -> VaultAccess:
    """Record a verified account, inside the encrypted content only: the database never links a vault to an
    account (which would link it to that account's entries). Entries already made are re-sealed as verified,
    in their own transactions, right after the vault's: only this request holds the vault key and each p, so
    it cannot wait. On PostgreSQL those transaction ids are adjacent to the vault's; the re-sealed rows' indices
    are pending, and the next matching run rewrites them in its one batch transaction, after which live rows
    carry the job's id. Until autovacuum removes the dead versions, and in WAL not yet recycled, the adjacent
    ids remain: an attacker with raw storage in that window links the vault to those entries, and so learns
    the entries' organization and the days and counts of the vault's records and messages, nothing readable."""
    from confide.escrow.selectors import vault_entries

    if organization_id != access.vault.organization_id:
        raise EscrowRefused(_("This address was verified for another organization."))
    groups = vault_entries(access=access)
    with transaction.atomic():
        locked = _locked(access)
        locked.content.account_ref = account_ref.hex()
        locked.content.account_organization = str(organization_id)
        _content_save(locked)
    for group in groups:
        # Fails only when this account already named the person from another vault: that entry stays unverified.
        with contextlib.suppress(EscrowRefused):
            _group_reseal(locked, group)
    return locked


# Records: "for myself, for now"


def record_create(*, access: VaultAccess, text: str) -> Record:
    text = text_clean(text)
    receipt_write_allow(holder_id=access.vault.pk)
    record_id = uuid.uuid4()
    body = json.dumps({"text": text, "became": ""}, ensure_ascii=False).encode()
    return Record.objects.create(
        id=record_id,
        vault=access.vault,
        created_on=today(),
        body=crypto.aead_encrypt(access.vault_key, body, ad=ad_record(record_id)),
    )


def record_mark(*, access: VaultAccess, record: Record, text: str, became: str) -> None:
    body = json.dumps({"text": text, "became": became}, ensure_ascii=False).encode()
    Record.objects.filter(pk=record.pk, vault=access.vault).update(
        body=crypto.aead_encrypt(access.vault_key, body, ad=ad_record(record.pk))
    )


def record_delete(*, access: VaultAccess, record_id: uuid.UUID) -> bool:
    deleted, _rows = Record.objects.filter(pk=record_id, vault=access.vault).delete()
    return deleted > 0


# Escrow entries. Creating, editing or withdrawing one never writes the vault row: the vault finds its entries
# by account and reads its own copy of each, so not even a shared transaction ties a vault to its entries.


def _plaintext(access: VaultAccess, *, group: EntryGroup, identifier: str, p: bytes, verified: bool) -> bytes:
    """What the counselor reads once a match opens, including what they need to write to this reporter."""
    threshold = settings.CONFIDE_ESCROW_THRESHOLD
    data = {
        "identifier": identifier,
        "text": group.text,
        "written_on": group.written_on,
        "organization": access.vault.organization.name,
        "vault": str(access.vault.pk),
        "group": group.id,
        "thread_key": access.content.thread_key,
        "verified": verified,
    }
    if verified:
        unverified_p = crypto.unlinked_input(p)
        data["unverified_index"] = crypto.match_index(unverified_p).hex()
        data["unverified_wrap"] = crypto.wrap_key_for(p=unverified_p, threshold=threshold).hex()
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()


def _vault_copy(access: VaultAccess, *, entry_id: uuid.UUID, group: EntryGroup, identifier: str, p: bytes) -> bytes:
    data = {
        "group": group.id,
        "written_on": group.written_on,
        "text": group.text,
        "reported": group.reported,
        "identifier": identifier,
        "p": p.hex(),
    }
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
    return crypto.aead_encrypt(access.vault_key, raw, ad=ad_vault_copy(entry_id))


def _entry_build(access: VaultAccess, *, group: EntryGroup, identifier: str, p: bytes, team_key: bytes) -> Entry:
    account_ref, verified = account_of(access.content)
    sealed = crypto.entry_seal(
        p=p if verified else crypto.unlinked_input(p),
        threshold=settings.CONFIDE_ESCROW_THRESHOLD,
        account_ref=account_ref,
        entry=_plaintext(access, group=group, identifier=identifier, p=p, verified=verified),
        counselor_public_key=team_key,
    )
    entry_id = uuid.uuid4()
    return Entry(
        id=entry_id,
        account_ref=account_ref,
        index=sealed.index,
        verified=verified,
        threshold=settings.CONFIDE_ESCROW_THRESHOLD,
        blob=sealed.blob,
        ciphertext=sealed.ciphertext,
        vault_copy=_vault_copy(access, entry_id=entry_id, group=group, identifier=identifier, p=p),
    )


def _team_key() -> bytes:
    team_key = counselor_team_public_key()
    if team_key is None:
        raise EscrowRefused(_("Matching is not available yet: no counselor has been set up. Please try later."))
    return team_key


def _pending_add(entries: list[Entry]) -> None:
    """Tell the matching job which indices to look at, so it never has to count the whole table."""
    PendingIndex.objects.bulk_create(
        PendingIndex(index=bytes(entry.index), threshold=entry.threshold) for entry in entries
    )


def _rows_insert(entries: list[Entry]) -> None:
    try:
        with transaction.atomic():
            Entry.objects.bulk_create(entries)
            _pending_add(entries)
    except IntegrityError:
        raise EscrowRefused(
            _("You already have an entry naming this person. Edit that entry instead of adding another.")
        ) from None


def escrow_entry_create(*, access: VaultAccess, identifiers: list[str], text: str) -> EntryGroup:
    """One row per identifier (crypto.md §4). Raises EscrowRefused, OprfRateLimited or OprfUnavailable."""
    text = text_clean(text)
    receipt_write_allow(holder_id=access.vault.pk)
    identifiers = list(dict.fromkeys(identifiers))
    if not identifiers:
        raise EscrowRefused(_("Name the person by at least one identifier."))
    team_key = _team_key()
    account_ref, _verified = account_of(access.content)
    outputs = [(identifier, oprf_output(identifier=identifier, account=account_ref)) for identifier in identifiers]
    group = EntryGroup(id=str(uuid.uuid4()), written_on=today().isoformat(), text=text, rows=[])
    entries = []
    for identifier, p in outputs:
        entry = _entry_build(access, group=group, identifier=identifier, p=p, team_key=team_key)
        entries.append(entry)
        group.rows.append(EntryRow(id=str(entry.id), p=p.hex(), identifier=identifier, verified=entry.verified))
    _rows_insert(entries)
    return group


def _group_reseal(access: VaultAccess, group: EntryGroup) -> None:
    """Replace the group's rows with freshly sealed ones under the vault's current account. Reuses each p:
    editing never asks the key holder again."""
    team_key = _team_key()
    with transaction.atomic():
        _rows_of(access, group).delete()
        entries, rows = [], []
        for row in group.rows:
            p = bytes.fromhex(row.p)
            entry = _entry_build(access, group=group, identifier=row.identifier, p=p, team_key=team_key)
            entries.append(entry)
            rows.append(EntryRow(id=str(entry.id), p=row.p, identifier=row.identifier, verified=entry.verified))
        _rows_insert(entries)
    group.rows = rows


def _rows_of(access: VaultAccess, group: EntryGroup):
    # Ids come from copies only this vault's key opens; the account filter keeps it that way.
    return Entry.objects.filter(
        pk__in=[uuid.UUID(r.id) for r in group.rows], account_ref__in=account_refs_of(access.content)
    )


def escrow_entry_update(*, access: VaultAccess, group: EntryGroup, text: str) -> EntryGroup:
    group.text = text_clean(text)
    _group_reseal(access, group)
    return group


def escrow_entry_withdraw(*, access: VaultAccess, group: EntryGroup) -> None:
    """Deletes the rows, not hides them: a withdrawn entry no longer counts towards any match."""
    _rows_of(access, group).delete()


def escrow_entry_mark_reported(*, access: VaultAccess, group: EntryGroup) -> None:
    group.reported = True
    with transaction.atomic():
        # Pending again, so the job's rewrite also drops the transaction id shared with the new report.
        _pending_add(list(_rows_of(access, group).only("index", "threshold")))
        for row in group.rows:
            entry_id = uuid.UUID(row.id)
            copy = _vault_copy(
                access, entry_id=entry_id, group=group, identifier=row.identifier, p=bytes.fromhex(row.p)
            )
            Entry.objects.filter(pk=entry_id, account_ref__in=account_refs_of(access.content)).update(vault_copy=copy)
