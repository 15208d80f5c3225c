"""Sealed escrow entries (crypto.md §4). Creating, editing or withdrawing one never writes the vault row: the
vault finds its entries by account and reads its own copy of each, so not even a shared transaction ties a
vault to its entries."""

import json
import uuid

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from confide import crypto
from confide.core.clock import today
from confide.core.throttle import receipt_write_allow
from confide.escrow.access import VaultAccess
from confide.escrow.content import EntryGroup, EntryRow, EscrowRefused, text_clean
from confide.escrow.keys import account_of, account_refs_of, ad_vault_copy
from confide.escrow.models import Entry, PendingIndex
from confide.escrow.selectors.common import counselor_team_public_key
from confide.escrow.services.keyholder import oprf_output


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


def _rows_of(access: VaultAccess, group: EntryGroup) -> QuerySet[Entry]:
    # Ids come from copies only this vault's key opens; the account filter keeps it that way.
    return Entry.objects.filter(
        pk__in=[uuid.UUID(r.id) for r in group.rows], account_ref__in=account_refs_of(access.content)
    )


def escrow_entry_create(*, access: VaultAccess, identifiers: list[str], text: str) -> EntryGroup:
    """One row per identifier (crypto.md §4). Raises EscrowRefused, OprfRateLimited or OprfUnavailable."""
    text = text_clean(text)
    receipt_write_allow(holder_id=access.vault.pk)
    identifiers = list(dict.fromkeys(identifiers))
    if not identifiers:
        raise EscrowRefused(_("Name the person by at least one identifier."))
    team_key = _team_key()
    account_ref, verified = account_of(access.content)
    unverified_in = None if verified else access.vault.organization_id
    outputs = [
        (identifier, oprf_output(identifier=identifier, account=account_ref, unverified_in=unverified_in))
        for identifier in identifiers
    ]
    group = EntryGroup(id=str(uuid.uuid4()), written_on=today().isoformat(), text=text, rows=[])
    entries = []
    for identifier, p in outputs:
        entry = _entry_build(access, group=group, identifier=identifier, p=p, team_key=team_key)
        entries.append(entry)
        group.rows.append(EntryRow(id=str(entry.id), p=p.hex(), identifier=identifier, verified=entry.verified))
    _rows_insert(entries)
    return group


def escrow_entry_group_reseal(*, access: VaultAccess, group: EntryGroup) -> None:
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


def escrow_entry_update(*, access: VaultAccess, group: EntryGroup, text: str) -> EntryGroup:
    group.text = text_clean(text)
    escrow_entry_group_reseal(access=access, group=group)
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
