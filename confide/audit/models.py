"""The tamper-evident record of staff actions (crypto.md §6, threat model G7).

Rows hold ids and actions, never content. Reporter actions are not recorded here: a timestamped row per
reporter visit would be the fingerprint G2 forbids.
"""

import uuid

from django.db import models


class AuditEntry(models.Model):
    seq = models.PositiveBigIntegerField(unique=True)
    at = models.DateTimeField()
    actor_id = models.BigIntegerField(null=True)  # no foreign key: deleting a user must not rewrite history
    action = models.CharField(max_length=50)
    object_type = models.CharField(max_length=30, blank=True)
    object_id = models.CharField(max_length=64, blank=True)
    subject_id = models.BigIntegerField(null=True)  # the staff member acted upon (grant, exclusion), if any
    prev = models.BinaryField()
    hash = models.BinaryField()

    class Meta:
        ordering = ["seq"]
        indexes = [models.Index(fields=["object_type", "object_id"])]


class AuditHead(models.Model):
    """One row: the chain's tip. Appenders lock it, so concurrent writers never fork the chain."""

    seq = models.PositiveBigIntegerField(default=0)
    hash = models.BinaryField()


class PendingEntry(models.Model):
    """A row timed to the day (a call-taker's filing, a reporter's check-in answer), kept out of the chain until
    its day is over. Appended at once, its place between exact-time rows would date it to the minute, which the
    day was meant to hide; the daily job appends each past day's rows together, in random order. No time, no
    sequence: the id is random."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    day = models.DateField()
    actor_id = models.BigIntegerField(null=True)
    action = models.CharField(max_length=50)
    object_type = models.CharField(max_length=30, blank=True)
    object_id = models.CharField(max_length=64, blank=True)
    subject_id = models.BigIntegerField(null=True)
