"""Surveys as stored (DESIGN.md beside this file). No row carries a sequence number or an instant, and the row
that says a person took part in a round (Marker) shares nothing with the rows their answers went into (Spent,
Pending, Tally, SurveyText): random UUIDs, no foreign key between them, no time finer than a month or a day."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from confide.tenants.models import Organization

SCALE = (1, 2, 3, 4, 5)


class Survey(models.Model):
    """Defined by the third party: a few scaled questions (1 to 5) and an optional free-text box. The questions
    are the third party's words, not a respondent's, so they are in the clear."""

    class Kind(models.TextChoices):
        CLIMATE = "climate", _("Climate survey (rounds)")
        EXIT = "exit", _("Exit survey (stays open to anyone leaving)")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="surveys")
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.CLIMATE)
    title = models.CharField(max_length=200)
    questions = models.JSONField(default=list)  # list of question texts
    free_text_prompt = models.CharField(max_length=300, blank=True)
    created_on = models.DateField()

    def __str__(self) -> str:
        return self.title


class Round(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="rounds")
    opened_on = models.DateField()
    closed_on = models.DateField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["survey"], condition=Q(closed_on__isnull=True), name="uniq_open_round")
        ]


class Marker(models.Model):
    """`H(pepper ‖ round ‖ account_ref)`: this person received their credential for this round. No date."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="+")
    marker = models.BinaryField(max_length=32)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["round", "marker"], name="uniq_survey_marker")]


class Spent(models.Model):
    """`H(nonce)` of a redeemed credential, written with its response: a credential counts once."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="+")
    nonce_hash = models.BinaryField(max_length=32)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["round", "nonce_hash"], name="uniq_survey_spent")]


class Pending(models.Model):
    """One response's scaled answers, sealed under a pepper-derived key, until a batch of at least k of them is
    added to the tallies and deleted (services/tally.py): the tallies never move by one person's answers."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="+")
    sealed = models.BinaryField()


class Tally(models.Model):
    """Counts per (round, month of the batch, question, value). `question` -1 counts respondents (value 0)."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="tallies")
    month = models.DateField()  # the first day of the month the batch was added in
    question = models.SmallIntegerField()
    value = models.SmallIntegerField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["round", "month", "question", "value"], name="uniq_survey_tally")
        ]


class SurveyText(models.Model):
    """A free-text answer, sealed like a report (crypto.md §2): a random key K, the text under AEAD(K), K sealed
    to each handler, to the recovery key and under the author's receipt, which alone turns it into a report."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="texts")
    received_on = models.DateField()
    receipt_lookup = models.BinaryField(unique=True)
    receipt_wrap = models.BinaryField()
    recovery_wrap = models.BinaryField()
    content = models.BinaryField()


class SurveyTextWrap(models.Model):
    text = models.ForeignKey(SurveyText, on_delete=models.CASCADE, related_name="wraps")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    sealed_key = models.BinaryField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["text", "user"], name="uniq_survey_text_wrap")]
