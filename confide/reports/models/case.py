"""Reports as stored: everything a reporter wrote is ciphertext (crypto.md §2).

In the clear, by design (threat model G1): tenant, status, coarse category, dates rounded to the day, counts,
and random identifiers. Reporter-side dates are days, never instants (G2).
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from confide.tenants.models import Organization

INBOX_ORDER = ("-awaiting_handler", "-reporter_active_on", "-submitted_on", "reference")


class Report(models.Model):
    class Status(models.TextChoices):
        # ISO 37002: receive, assess, address, conclude.
        RECEIVED = "received", _("Received")
        ACKNOWLEDGED = "acknowledged", _("Acknowledged")
        ASSESSING = "assessing", _("Being assessed")
        INVESTIGATING = "investigating", _("Being investigated")
        RESOLVED = "resolved", _("Resolved")
        CLOSED = "closed", _("Closed")

    class Outcome(models.TextChoices):
        SUBSTANTIATED = "substantiated", _("Substantiated")
        NOT_SUBSTANTIATED = "not_substantiated", _("Not substantiated")
        INCONCLUSIVE = "inconclusive", _("Inconclusive")
        WITHDRAWN = "withdrawn", _("Withdrawn by the reporter")

    class Category(models.TextChoices):
        SEXUAL_HARASSMENT = "sexual_harassment", _("Sexual harassment")
        SEXUAL_VIOLENCE = "sexual_violence", _("Sexual assault or violence")
        DISCRIMINATION = "discrimination", _("Discrimination")
        BULLYING = "bullying", _("Bullying or intimidation")
        RETALIATION = "retaliation", _("Retaliation for speaking up")
        OTHER = "other", _("Something else")

    class Channel(models.TextChoices):
        WEB = "web", _("Web form")
        API = "api", _("API")
        PHONE = "phone", _("Phone line")
        ESCROW = "escrow", _("From an escrow record")
        LETTER = "letter", _("From a letter")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organization = models.ForeignKey(
        Organization, verbose_name=_("Organization"), on_delete=models.PROTECT, related_name="reports"
    )
    # Random proof-of-report reference the reporter may quote; carries no information.
    reference = models.CharField(_("Reference"), max_length=20, unique=True)
    status = models.CharField(_("Status"), max_length=20, choices=Status.choices, default=Status.RECEIVED)
    outcome = models.CharField(max_length=20, choices=Outcome.choices, blank=True)
    lead = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="led_reports"
    )
    labels = models.ManyToManyField("reports.Label", blank=True, related_name="reports")
    # Deadlines (EU Directive 2019/1937 art. 9): dates, so the dashboard can index and compare them.
    acknowledge_by = models.DateField(null=True)
    acknowledged_on = models.DateField(null=True)
    feedback_by = models.DateField(null=True)
    feedback_given_on = models.DateField(null=True)
    closed_on = models.DateField(null=True)
    # Set when retention or a four-eyes deletion removed the content: the row stays as a tombstone.
    purged_on = models.DateField(null=True)
    category = models.CharField(_("Category"), max_length=30, choices=Category.choices)
    # In the clear, like the category: which door the report came through (for the organization's suppressed
    # figures), and whether it is about the candidate or senior leadership, which keeps it from every contact
    # of the organization.
    channel = models.CharField(max_length=10, choices=Channel.choices, default=Channel.WEB)
    about_leadership = models.BooleanField(default=False)
    # Whether the reporter gave a name or contact (not which), for the organization's suppressed anonymous
    # share; null for reports filed before it was kept.
    named = models.BooleanField(null=True)
    submitted_on = models.DateField(_("Submitted on"))
    reporter_active_on = models.DateField(_("Reporter last active"))
    awaiting_handler = models.BooleanField(default=True)
    # crypto.md §3: peppered lookup of the receipt, and the report key under a receipt-derived key.
    receipt_lookup = models.BinaryField(unique=True)
    receipt_wrap = models.BinaryField()
    recovery_wrap = models.BinaryField()
    content = models.BinaryField()

    class Meta:
        indexes = [
            models.Index(fields=["organization", "status", "submitted_on"]),
            models.Index(fields=["status", "acknowledge_by"]),
            models.Index(fields=["status", "feedback_by"]),
            models.Index(fields=list(INBOX_ORDER), name="report_inbox_order"),
            # Dashboard counts cost what is open or pending, not what the organization ever received.
            models.Index(fields=["status"], condition=~Q(status="closed"), name="report_open_status"),
            models.Index(
                fields=["feedback_by"],
                condition=Q(feedback_given_on__isnull=True, feedback_by__isnull=False) & ~Q(status="closed"),
                name="report_feedback_pending",
            ),
            models.Index(
                fields=["awaiting_handler"],
                condition=Q(awaiting_handler=True) & ~Q(status="closed"),
                name="report_awaiting_open",
            ),
        ]
        verbose_name = _("report")
        verbose_name_plural = _("reports")

    def __str__(self) -> str:
        return self.reference


class KeyWrap(models.Model):
    """The report key sealed to one handler. No row, no access (threat model G4)."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="key_wraps")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="key_wraps")
    sealed_key = models.BinaryField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["report", "user"], name="uniq_keywrap")]
        indexes = [models.Index(fields=["user", "report"])]


class Author(models.TextChoices):
    REPORTER = "reporter", _("Reporter")
    HANDLER = "handler", _("Case handler")
    # An independent body holding a case about the organization's leadership (handover.py).
    BODY = "body", _("Independent body")
    # Written by the service itself, e.g. who holds the case now; the body is the holder's title.
    SYSTEM = "system", _("Notice")


class Message(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="messages")
    seq = models.PositiveIntegerField()
    author_kind = models.CharField(max_length=10, choices=Author.choices)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    body = models.BinaryField()
    created_on = models.DateField()

    class Meta:
        ordering = ["seq"]
        constraints = [models.UniqueConstraint(fields=["report", "seq"], name="uniq_message_seq")]


class Attachment(models.Model):
    """An encrypted file: bytes under a per-file key F (secretstream, padded) in AttachmentChunk rows, name and
    type in `meta` under F, F under the report key. `blob_name` names the file while it is spooled on arrival."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="attachments")
    message = models.ForeignKey(Message, null=True, on_delete=models.CASCADE, related_name="attachments")
    author_kind = models.CharField(max_length=10, choices=Author.choices)
    blob_name = models.CharField(max_length=80, unique=True)
    stored_size = models.PositiveBigIntegerField()
    wrapped_file_key = models.BinaryField()
    meta = models.BinaryField()
    created_on = models.DateField()


class AttachmentChunk(models.Model):
    """A piece of an attachment's ciphertext. In the database, not on a local disk, so that the file commits in the
    transaction that files its report (a receipt shown means the files are kept too) and every web machine
    reaches it without a shared filesystem (issue 14)."""

    attachment = models.ForeignKey(Attachment, on_delete=models.CASCADE, related_name="chunks")
    seq = models.PositiveIntegerField()
    data = models.BinaryField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["attachment", "seq"], name="uniq_attachment_chunk")]


class CaseLink(models.Model):
    """Two cases of one organization that belong together. Directed where the kind says so (a retaliation case
    points at the case it followed); one link per pair, whichever way round."""

    class Kind(models.TextChoices):
        RELATED = "related", _("Related events")
        RETALIATION = "retaliation", _("Retaliation after this case")
        SAME_PERSON = "same_person", _("About the same person")
        ESCROW_MATCH = "escrow_match", _("Opened after an escrow match")
        LETTER = "letter", _("Opened after a collective letter")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    source = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="links_out")
    target = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="links_in")
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.RELATED)
    created_on = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["source", "target"], name="uniq_case_link"),
            models.CheckConstraint(condition=~models.Q(source=models.F("target")), name="case_link_not_to_itself"),
        ]


class CaseExclusion(models.Model):
    """A conflict of interest: this handler's key wrap is gone and may never be created again (G4)."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="exclusions")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    recorded_on = models.DateField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["report", "user"], name="uniq_exclusion")]


class Label(models.Model):
    """A word a team files cases under. Stored in the clear so that lists can filter on it: never a name or
    a detail (the form says so)."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="labels")
    name = models.CharField(max_length=40)

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["organization", "name"], name="uniq_label")]

    def __str__(self) -> str:
        return self.name


class InternalNote(models.Model):
    """Staff-only notes on a case, encrypted under the report key like messages; never shown to the reporter."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    body = models.BinaryField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]


class DeletionRequest(models.Model):
    """The first pair of eyes on deleting an open case; a second handler must approve."""

    report = models.OneToOneField(Report, on_delete=models.CASCADE, related_name="deletion_request")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    requested_at = models.DateTimeField(auto_now_add=True)


class Submission(models.Model):
    """One filing of a form or an API call that may arrive twice (reload, double click, retry), so that it files
    once. Only a peppered keyed hash of the one-time token (or Idempotency-Key) is kept; the answer given the
    first time (receipt, reference, date) is sealed under a key derived from the token and the pepper, so the
    row opens for whoever sends the token again and for nobody else, not even with the database and the pepper.
    `sealed` is emptied once the reporter confirmed the receipt; rows go after a day (submissions_purge_expired).
    """

    lookup = models.BinaryField(max_length=32, unique=True)
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    sealed = models.BinaryField(default=b"")
    created_on = models.DateField(db_index=True)


class ReplyNotice(models.Model):
    """An address the reporter gave for one purpose: a content-free email that a reply is waiting. Sealed under
    the pepper-derived key (keys.reply_notice_key), bound to its report; `pending` says a handler wrote since
    the last notice. No date is kept: the notice goes out in the next digest slot, not when the reply was."""

    report = models.OneToOneField(Report, on_delete=models.CASCADE, primary_key=True, related_name="reply_notice")
    sealed_address = models.BinaryField()
    pending = models.BooleanField(default=False)
