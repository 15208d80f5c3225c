"""Vaults: creating one, and recording its verified account."""

import contextlib
import uuid
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _

from confide import crypto
from confide.core.clock import today
from confide.core.throttle import write_allow
from confide.escrow.access import VaultAccess
from confide.escrow.content import EscrowRefused, VaultContent
from confide.escrow.keys import ad_vault, vault_receipt_lookup, vault_receipt_wrap
from confide.escrow.models import Vault
from confide.escrow.selectors.reporter import vault_entries
from confide.escrow.services.entries import escrow_entry_group_reseal
from confide.reports.services.once import Answer, Once, once_run, submission_record
from confide.tenants.models import Organization


@dataclass(frozen=True)
class CreatedVault:
    vault: Vault
    receipt: str = field(repr=False)  # shown once; never stored

    def __repr__(self) -> str:
        return f"CreatedVault(vault={self.vault.pk})"


def vault_create(
    *, organization: Organization, language: str = crypto.DEFAULT_RECEIPT_LANGUAGE, once: Once | None = None
) -> CreatedVault:
    """A new, empty vault. With `once`, the answer is kept for the start form's token in the same transaction
    (vault_create_once)."""
    write_allow(scope="vault", organization_id=organization.pk)
    vault_id = uuid.uuid4()
    vault_key = crypto.random_key()
    receipt = crypto.receipt_generate(language)
    normalised = crypto.receipt_normalise(receipt)
    with transaction.atomic():
        vault = Vault.objects.create(
            id=vault_id,
            organization=organization,
            created_on=today(),
            receipt_lookup=vault_receipt_lookup(normalised),
            receipt_wrap=vault_receipt_wrap(vault_id=vault_id, normalised=normalised, vault_key=vault_key),
            content=crypto.aead_encrypt(vault_key, VaultContent.fresh().to_bytes(), ad=ad_vault(vault_id)),
        )
        if once is not None:
            submission_record(once=once, receipt=receipt, reference="", submitted_on=vault.created_on)
    return CreatedVault(vault=vault, receipt=receipt)


def vault_create_once(
    *, organization: Organization, once: Once, language: str = crypto.DEFAULT_RECEIPT_LANGUAGE
) -> Answer:
    """A double click on "open a vault", or a reload of its post, opens one vault and shows its receipt again
    (reports.services.once, channel "vault"). Raises Spent once that receipt was confirmed."""

    def create() -> Answer:
        created = vault_create(organization=organization, language=language, once=once)
        return Answer(
            receipt=created.receipt,
            reference="",
            submitted_on=created.vault.created_on,
            once_lookup=once.lookup,
            replayed=False,
        )

    return once_run(once=once, create=create)


def _locked(access: VaultAccess) -> VaultAccess:
    """Re-read the content under a row lock, so two tabs editing one vault never lose each other's entries."""
    vault = Vault.objects.select_for_update().get(pk=access.vault.pk)
    raw = crypto.aead_decrypt(access.vault_key, bytes(vault.content), ad=ad_vault(vault.pk))
    return VaultAccess(vault=vault, vault_key=access.vault_key, content=VaultContent.from_bytes(raw))


def _content_save(access: VaultAccess) -> None:
    access.vault.content = crypto.aead_encrypt(
        access.vault_key, access.content.to_bytes(), ad=ad_vault(access.vault.pk)
    )
    Vault.objects.filter(pk=access.vault.pk).update(content=access.vault.content)


def vault_account_set(*, access: VaultAccess, account_ref: bytes, organization_id: uuid.UUID) -> VaultAccess:
    """Record a verified account, inside the encrypted content only: the database never links a vault to an
    account (which would link it to that account's entries). Entries already made are re-sealed as verified,
    in their own transactions, right after the vault's: only this request holds the vault key and each p, so
    it cannot wait. On PostgreSQL those transaction ids are adjacent to the vault's; the re-sealed rows' indices
    are pending, and the next matching run rewrites them in its one batch transaction, after which live rows
    carry the job's id. Until autovacuum removes the dead versions, and in WAL not yet recycled, the adjacent
    ids remain: an attacker with raw storage in that window links the vault to those entries, and so learns
    the entries' organization and the days and counts of the vault's records and messages, nothing readable."""
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
            escrow_entry_group_reseal(access=locked, group=group)
    return locked
