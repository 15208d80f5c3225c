"""One row per background job and slot it was enqueued for: the unique pair is what lets several workers on
several machines each try to schedule the next run while exactly one run is enqueued (issue 14). Slots are
fixed times of day, so a row says nothing about when any report or entry arrived."""

from django.db import models


class JobSlot(models.Model):
    path = models.CharField(max_length=200)  # the job's dotted path
    slot = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["path", "slot"], name="uniq_job_slot")]
