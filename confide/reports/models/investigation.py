"""Outside investigators on a redacted version, and identities sealed apart until a custodian approves
(issue 15; confide/reports/INVESTIGATION.md)."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from confide.reports.models.case import Report


class SealedIdentity(models.Model):
    """A reporter's name and contact, sealed apart from the account (crypto.md §2) under an identity key I that
    no handler's wrap includes. I = I1 xor I2: I1 is kept under a key derived from the pepper (outside the
    database), I2 is sealed to each identity custodian of the organization (IdentityShare). Neither half opens
    anything alone; the recovery key holds the whole of I, as it holds every report key."""

    report = models.OneToOneField(Report, on_delete=models.CASCADE, primary_key=True, related_name="sealed_identity")
    sealed = models.BinaryField()
    server_share = models.BinaryField()
    recovery_wrap = models.BinaryField()


class IdentityShare(models.Model):
    """I2 of a sealed identity, sealed to one custodian at intake."""

    identity = models.ForeignKey(SealedIdentity, on_delete=models.CASCADE, related_name="shares")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    sealed_share = models.BinaryField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["identity", "user"], name="uniq_identity_share")]


class IdentityDisclosure(models.Model):
    """The lead asks to know who reported; a custodian approves with a written reason, which reaches the lead
    (sealed to them, with I2) and, on release, the reporter's thread. Dates only."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    report = models.OneToOneField(Report, on_delete=models.CASCADE, related_name="identity_disclosure")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    requested_on = models.DateField()
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    approved_on = models.DateField(null=True)
    # A key pair made for this request: its secret half under the report key (so only the case team opens
    # what the custodian seals to it), its public half for the custodian to seal I2 and the reason to.
    request_public_key = models.BinaryField()
    request_secret = models.BinaryField()
    reason_for_lead = models.BinaryField(default=b"")
    share_for_lead = models.BinaryField(default=b"")
    released_on = models.DateField(null=True)


class RedactedVersion(models.Model):
    """What an outside investigator reads: the account and thread with names and details replaced by labels,
    as one document under its own key R. R is kept under the report key (every case handler opens it) and
    sealed to each investigator (Investigation.sealed_key): an investigator never holds the report key."""

    report = models.OneToOneField(Report, on_delete=models.CASCADE, primary_key=True, related_name="redacted")
    key_under_report_key = models.BinaryField()
    document = models.BinaryField()
    revision = models.PositiveIntegerField(default=1)
    prepared_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    prepared_on = models.DateField()


class RedactionLog(models.Model):
    """One preparation of the redacted version: counts in the clear, and what was replaced by which label
    sealed under the report key (case handlers read it; the investigator never does)."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="redaction_log")
    revision = models.PositiveIntegerField()
    prepared_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    prepared_on = models.DateField()
    labels = models.PositiveIntegerField()
    occurrences = models.PositiveIntegerField()
    sealed_mapping = models.BinaryField()

    class Meta:
        ordering = ["revision"]
        constraints = [models.UniqueConstraint(fields=["report", "revision"], name="uniq_redaction_revision")]


class Investigation(models.Model):
    """An outside investigator on one case until a date, checked at every access; the sweep empties
    `sealed_key` (R sealed to them) once the date has passed."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="investigations")
    investigator = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="investigations")
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    invited_on = models.DateField()
    until = models.DateField()
    sealed_key = models.BinaryField(default=b"")
    ended_on = models.DateField(null=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["report", "investigator"], name="uniq_investigation")]
        indexes = [models.Index(fields=["until"], condition=Q(ended_on__isnull=True), name="investigation_open")]


class InvestigationEntry(models.Model):
    """The investigator's notes, interview log and findings, under R: the investigator and the case handlers
    read them, the reporter sees only a findings summary a handler chooses to send."""

    class Kind(models.TextChoices):
        NOTE = "note", _("Note")
        INTERVIEW = "interview", _("Interview log")
        FINDINGS = "findings", _("Findings")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    investigation = models.ForeignKey(Investigation, on_delete=models.CASCADE, related_name="entries")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    body = models.BinaryField()
    created_on = models.DateField()
    sent_to_reporter_on = models.DateField(null=True)

    class Meta:
        ordering = ["created_on", "id"]
