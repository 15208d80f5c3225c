"""Collective letters as stored (crypto.md §5, threat model G6).

Keys per letter:
- L, the third party's key: sealed to the organization's handlers and to the recovery key, never to a
  recipient. It opens the letter's private key, which opens each signature.
- P, the participants' key: the letter text, the request and the follow-up thread. The organizer's and each
  signer's receipt unwrap it, and so does the invitation link.
- T, the thread key after release, under P: each recipient's copy carries T (never P), so recipients read and
  write the thread from delivery on, and nothing before.
Signatures are written by signers who never hold L: each is AEAD under its own key S, with S sealed to the
letter's public key, whose secret half is stored under L.

In the clear, by design: tenant, status, threshold, dates (days), meeting status and counts.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from confide.reports.models.optin import OptInCheckIn, OptInCheckInPlan
from confide.tenants.models import Organization


class Letter(models.Model):
    class Status(models.TextChoices):
        REVIEW = "review", _("Waiting for the third party's review")
        CIRCULATING = "circulating", _("Collecting signatures")
        RELEASED = "released", _("Delivered to the recipients")
        DECLINED = "declined", _("Not circulated")

    class Meeting(models.TextChoices):
        REQUESTED = "requested", _("Meeting requested")
        ACKNOWLEDGED = "acknowledged", _("Acknowledged")
        SCHEDULED = "scheduled", _("Meeting scheduled")
        HELD = "held", _("Meeting held")
        FOLLOW_UP = "follow_up", _("Follow-up promised")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="letters")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.REVIEW)
    threshold = models.PositiveIntegerField()
    deadline = models.DateField(null=True, blank=True)
    release_at_deadline = models.BooleanField(default=False)
    created_on = models.DateField()
    released_on = models.DateField(null=True)
    meeting_status = models.CharField(max_length=20, choices=Meeting.choices, default=Meeting.REQUESTED)
    answer_due = models.DateField(null=True)
    reminded_on = models.DateField(null=True)
    organizer_lookup = models.BinaryField(unique=True)
    organizer_wrap = models.BinaryField()
    invite_lookup = models.BinaryField(unique=True)
    invite_wrap = models.BinaryField()
    participant_wrap = models.BinaryField()  # P under L
    recovery_wrap = models.BinaryField()  # L sealed to the recovery key
    public_key = models.BinaryField()
    secret_wrap = models.BinaryField()  # the letter's secret key under L
    content = models.BinaryField()  # under P
    invite_box = models.BinaryField()  # the invitation token under P, so the organizer can see the link again
    # At release the thread moves to a fresh key T, stored under P: participants keep reading everything,
    # recipients (who get only T) read nothing written before they received the letter.
    thread_wrap = models.BinaryField(null=True)
    meeting = models.BinaryField(null=True)  # proposed times and attendee decisions, under T
    # Leak tracing is optional (the organizer's choice at drafting, which the third party can change until release).
    fingerprinted = models.BooleanField(default=True)
    # The organizer's mark "about the candidate or senior leadership" (issue 13), in the clear like the report's:
    # such a letter goes to independent bodies only, and no contact ever holds or lists a copy.
    about_leadership = models.BooleanField(default=False)

    class Meta:
        indexes = [models.Index(fields=["organization", "status"]), models.Index(fields=["status", "answer_due"])]


class LetterKeyWrap(models.Model):
    """L sealed to one handler of the letter's organization (the third party)."""

    letter = models.ForeignKey(Letter, on_delete=models.CASCADE, related_name="key_wraps")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="letter_key_wraps")
    sealed_key = models.BinaryField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["letter", "user"], name="uniq_letter_keywrap")]


class Signature(models.Model):
    """One signer. Deleted, not hidden, when withdrawn. No date: when someone signed could point at them."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    letter = models.ForeignKey(Letter, on_delete=models.CASCADE, related_name="signatures")
    # H("letter-signer", PEPPER ‖ account ref ‖ letter id): one signature per verified person and letter,
    # without linking one person's signatures across letters.
    signer_ref = models.BinaryField()
    receipt_lookup = models.BinaryField(unique=True)
    receipt_wrap = models.BinaryField()  # P under the signer's receipt key
    sealed_key = models.BinaryField()  # S sealed to the letter's public key
    body = models.BinaryField()  # name, role, cohort, visibility under S
    # S under the signer's receipt key, so the signer can read back what they signed; never another signer's.
    own_wrap = models.BinaryField(null=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["letter", "signer_ref"], name="uniq_letter_signer")]


class LetterExclusion(models.Model):
    """A handler who declared a conflict of interest on this letter: their copy of L is gone for good (G4)."""

    letter = models.ForeignKey(Letter, on_delete=models.CASCADE, related_name="exclusions")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    recorded_on = models.DateField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["letter", "user"], name="uniq_letter_exclusion")]


class Vouch(models.Model):
    """A one-time code the third party gives a signer it verified itself (e.g. by a call)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    letter = models.ForeignKey(Letter, on_delete=models.CASCADE, related_name="vouches")
    lookup = models.BinaryField(unique=True)
    created_on = models.DateField()


class LetterCopy(models.Model):
    """What one recipient received: the letter with each signature as its signer chose, fingerprinted."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    letter = models.ForeignKey(Letter, on_delete=models.CASCADE, related_name="copies")
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="letter_copies")
    sealed_key = models.BinaryField()  # C sealed to the recipient
    body = models.BinaryField()  # under C
    thread_wrap = models.BinaryField()  # T under C: the recipient answers into the signers' thread
    fingerprint = models.BinaryField(null=True)  # the copy's tracing code under L; none when tracing is off
    acknowledged_on = models.DateField(null=True)
    notified = models.BooleanField(default=False)  # the recipient was told (content-free) that a letter awaits

    class Meta:
        constraints = [models.UniqueConstraint(fields=["letter", "recipient"], name="uniq_letter_copy")]


class Update(models.Model):
    """The follow-up thread every participant reads: status, acknowledgements, answers, meeting news."""

    class Author(models.TextChoices):
        SERVICE = "service", _("Confide")
        THIRD_PARTY = "third_party", _("The third party")
        RECIPIENT = "recipient", _("A recipient")
        ORGANIZER = "organizer", _("The organizer")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    letter = models.ForeignKey(Letter, on_delete=models.CASCADE, related_name="updates")
    seq = models.PositiveIntegerField()
    epoch = models.PositiveSmallIntegerField(default=0)  # 0: under P (before release), 1: under T
    author_kind = models.CharField(max_length=20, choices=Author.choices)
    body = models.BinaryField()  # under P
    created_on = models.DateField()

    class Meta:
        ordering = ["seq"]
        constraints = [models.UniqueConstraint(fields=["letter", "seq"], name="uniq_letter_update_seq")]


class SignerCheckInPlan(OptInCheckInPlan):
    """A signer's opt-in to retaliation check-ins (issue 13), kept with their signature: withdrawing it ends
    them. Counted from the letter's delivery, when the signers spoke up: a signature keeps no date of its own,
    and neither does its plan."""

    signature = models.OneToOneField(Signature, on_delete=models.CASCADE, primary_key=True, related_name="checkin_plan")


class SignerCheckIn(OptInCheckIn):
    """A check-in on the signer's page. Its answer is not kept (see confide.letters.services.checkins)."""

    signature = models.ForeignKey(Signature, on_delete=models.CASCADE, related_name="checkins")

    class Meta(OptInCheckIn.Meta):
        constraints = [
            models.UniqueConstraint(fields=["signature", "kind", "offset_days"], name="uniq_signer_checkin"),
        ]
