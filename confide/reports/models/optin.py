"""Retaliation check-ins kept where no report is (issue 13): a vault and a letter's signature have no case to
hang them on, so each keeps a plan of its own, started by the reporter's opt-in, and its dated questions. The
two apps subclass these with the row they belong to; confide.reports.services.optin_checkins runs them."""

import uuid

from django.db import models

from confide.reports.models.aftercare import CheckIn


class OptInCheckInPlan(models.Model):
    """Days after the opt-in day, as the report plans count days after the report: neither a vault nor a
    signature keeps a date worth counting from."""

    started_on = models.DateField()
    offsets = models.CharField(max_length=60)  # days after started_on, comma-separated, ascending
    after_wind_down = models.BooleanField(default=True)
    stopped = models.BooleanField(default=False)
    next_due_on = models.DateField(null=True)

    class Meta:
        abstract = True


class OptInCheckIn(models.Model):
    """One dated, content-free question and its coarse answer. A worrying answer files a new retaliation report
    with its own receipt: nothing here links the holder to that report."""

    Kind = CheckIn.Kind
    Answer = CheckIn.Answer

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.INTERVAL)
    offset_days = models.PositiveIntegerField(default=0)
    due_on = models.DateField()
    answer = models.CharField(max_length=10, choices=Answer.choices, blank=True)
    answered_on = models.DateField(null=True)

    class Meta:
        abstract = True
        ordering = ["due_on", "id"]
