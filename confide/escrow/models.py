"""Matching escrow as stored (crypto.md §4, threat model G5).

In the clear, by design: a vault's organization and day of creation; an entry's match index (equality only),
its account reference (a peppered keyed hash, never an address), whether that account was verified, and the
threshold it was sealed for. Nothing in the database links an entry to its vault: the vault finds its entries
by account reference (kept inside its encrypted content) and reads its own encrypted copy of each.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from confide.reports.models.optin import OptInCheckIn, OptInCheckInPlan
from confide.tenants.models import Organization


class Vault(models.Model):
    """A reporter's anonymous holder, opened by a server-generated receipt (crypto.md §3)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="vaults")
    created_on = models.DateField()
    receipt_lookup = models.BinaryField(unique=True)
    receipt_wrap = models.BinaryField()  # AEAD(R, vault key, ad=vault)
    content = models.BinaryField()  # AEAD(vault key, json, ad=vault): account ref, thread key


class Record(models.Model):
    """ "For myself, for now": a dated, encrypted note only the vault's receipt opens."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    vault = models.ForeignKey(Vault, on_delete=models.CASCADE, related_name="records")
    created_on = models.DateField()
    body = models.BinaryField()  # AEAD(vault key, json, ad=record)

    class Meta:
        ordering = ["created_on", "id"]


class Entry(models.Model):
    """One identifier of one named person from one account (crypto.md §4: (account, π, blob, ciphertext))."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    account_ref = models.BinaryField()
    index = models.BinaryField()
    verified = models.BooleanField()
    threshold = models.PositiveSmallIntegerField()
    blob = models.BinaryField()
    ciphertext = models.BinaryField()
    # The reporter's own copy (AEAD under the vault key: group, text, identifier, p), so that the vault finds and
    # edits its entries by account without the vault row ever being written when an entry is.
    vault_copy = models.BinaryField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["account_ref", "index"], name="uniq_escrow_account_index")]
        indexes = [models.Index(fields=["index", "account_ref"], name="escrow_entry_index")]


class PendingIndex(models.Model):
    """An index the matching job has to look at again: written with every inserted or rewritten entry, deleted
    by the job. It carries no link to an entry row and lives only until the next run (CONFIDE_MATCH_HOURS), so
    a snapshot learns at most that some entry at this index is recent; the job then rewrites the entries at
    the batch's indices in one transaction, so their row versions stop carrying the request's transaction id
    (PostgreSQL xmin) that would sit next to the vault's own writes."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    index = models.BinaryField()
    threshold = models.PositiveSmallIntegerField()


class Match(models.Model):
    """An index where enough distinct accounts met. Created by the matching job, never by a request."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    index = models.BinaryField()
    threshold = models.PositiveSmallIntegerField()
    verified = models.BooleanField()
    accounts = models.PositiveIntegerField()
    found_on = models.DateField()
    notified = models.BooleanField(default=False)

    class Meta:
        ordering = ["-found_on", "id"]
        constraints = [models.UniqueConstraint(fields=["index", "threshold"], name="uniq_match_index")]


class ThreadMessage(models.Model):
    """The counselor and a reporter, about a match. AEAD under a per-vault thread key that both can get: the
    vault from its content, the counselor from an opened entry."""

    class Author(models.TextChoices):
        REPORTER = "reporter", _("Reporter")
        COUNSELOR = "counselor", _("Counselor")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    vault = models.ForeignKey(Vault, on_delete=models.CASCADE, related_name="messages")
    author_kind = models.CharField(max_length=10, choices=Author.choices)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    body = models.BinaryField()
    created_on = models.DateField()
    seq = models.PositiveIntegerField()

    class Meta:
        ordering = ["seq"]
        constraints = [models.UniqueConstraint(fields=["vault", "seq"], name="uniq_thread_seq")]


class CounselorTeam(models.Model):
    """The deployment's counselor key pair: entry blobs are sealed to its public half; its secret half is
    sealed to each counselor and to the recovery key. A singleton (pk=1)."""

    public_key = models.BinaryField()
    recovery_wrap = models.BinaryField()


class CounselorKeyWrap(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="counselor_wrap")
    sealed_secret = models.BinaryField()


class OprfAllowance(models.Model):
    """OPRF evaluations per account and day, under a peppered hash of the account (no time finer than a day)."""

    key = models.BinaryField()
    day = models.DateField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["key", "day"], name="uniq_oprf_allowance")]


class VaultCheckInPlan(OptInCheckInPlan):
    """A vault's opt-in to retaliation check-ins (issue 13): a vault is not a case, so nothing asks until the
    reporter presses the button."""

    vault = models.OneToOneField(Vault, on_delete=models.CASCADE, primary_key=True, related_name="checkin_plan")


class VaultCheckIn(OptInCheckIn):
    """A check-in on the vault home."""

    vault = models.ForeignKey(Vault, on_delete=models.CASCADE, related_name="checkins")

    class Meta(OptInCheckIn.Meta):
        constraints = [
            models.UniqueConstraint(fields=["vault", "kind", "offset_days"], name="uniq_vault_checkin"),
        ]
