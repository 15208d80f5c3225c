"""After speaking up (issue 13): cases handed to an independent body, a reporter's requests to exclude a
holder, and retaliation check-ins. Days only (G2)."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from confide.reports.models.case import Report


class Handover(models.Model):
    """A case about the organization's leadership, handed by its lead to an independent body registered for
    that organization: the body holds a key wrap like a handler, and this row says since when, whether the
    reporter let their identity go with the case, and carries the lead's note under the report key."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="handovers")
    body = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="handovers")
    handed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    handed_on = models.DateField()
    note = models.BinaryField()  # AEAD(K, note, ad=keys.ad_handover)
    # The reporter agreed, in their thread, that the body may see their name and contact (day only).
    identity_shared_on = models.DateField(null=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["report", "body"], name="uniq_handover")]


class HolderExclusionRequest(models.Model):
    """The reporter asked that one holder of their case key be excluded; the lead excludes them or answers in
    the thread, and the reporter's holders list shows which. Days only (G2)."""

    class Outcome(models.TextChoices):
        PENDING = "", _("Waiting for the lead handler")
        EXCLUDED = "excluded", _("Excluded")
        ANSWERED = "answered", _("Answered in the thread")

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="holder_exclusion_requests")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    requested_on = models.DateField()
    outcome = models.CharField(max_length=10, choices=Outcome.choices, blank=True, default="")
    decided_on = models.DateField(null=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["report", "user"], name="uniq_holder_exclusion_request")]


class CheckInPlan(models.Model):
    """When the reporter's thread asks whether anything has changed since they spoke up (issue 13): days after
    the report, chosen by the reporter, and once after the organization winds down. Days only (G2)."""

    report = models.OneToOneField(Report, on_delete=models.CASCADE, primary_key=True, related_name="checkin_plan")
    offsets = models.CharField(max_length=60)  # days after submitted_on, comma-separated, ascending
    after_wind_down = models.BooleanField(default=True)
    stopped = models.BooleanField(default=False)
    next_due_on = models.DateField(null=True)

    class Meta:
        indexes = [models.Index(fields=["next_due_on"], condition=Q(stopped=False), name="checkin_plan_due")]


class CheckIn(models.Model):
    """One dated, content-free question on the thread, and the reporter's answer. The answer is a coarse status
    in the clear, like a category: the deadlines it sets must be visible to the handlers' dashboard. Whatever the
    reporter writes with it goes into the thread or the retaliation case, encrypted."""

    class Kind(models.TextChoices):
        INTERVAL = "interval", _("After speaking up")
        WIND_DOWN = "wind_down", _("After the organization wound down")

    class Answer(models.TextChoices):
        NOTHING = "nothing", _("Nothing has changed")
        WORRIES = "worries", _("Something worries me")
        WORSE = "worse", _("I have been treated worse")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="checkins")
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.INTERVAL)
    offset_days = models.PositiveIntegerField(default=0)  # 0 for the wind-down check-in
    due_on = models.DateField()
    answer = models.CharField(max_length=10, choices=Answer.choices, blank=True)
    answered_on = models.DateField(null=True)
    # "Something worries me": a handler answers in the thread by this day (a message after `thread_seq`).
    respond_by = models.DateField(null=True)
    thread_seq = models.PositiveIntegerField(default=0)
    # "Treated worse": the retaliation case it opened (its key is wrapped under this report's key).
    case = models.ForeignKey(Report, null=True, on_delete=models.SET_NULL, related_name="checkin_origins")

    class Meta:
        ordering = ["due_on", "id"]
        constraints = [
            models.UniqueConstraint(fields=["report", "kind", "offset_days"], name="uniq_checkin"),
        ]
        indexes = [
            models.Index(fields=["respond_by"], condition=Q(respond_by__isnull=False), name="checkin_respond_by"),
        ]
