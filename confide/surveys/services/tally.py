"""Adding waiting responses to the tallies in batches, never one by one (DESIGN.md "Timing").

A response is first a Pending row, its answers sealed under a pepper-derived key. A round's pending rows are
added to the counters only when at least 2k wait, and then all but k of them, so that k always stay for the next
batch; when the round closes the rest (at least k) go in. A counter therefore never moves by fewer than k
people's answers, and a copy of the WAL that sees the counters change sees sums of at least k responses. A round
that never had k respondents never moves its counters at all: its rows stay sealed, and its figures are
suppressed anyway.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import F

from confide import crypto
from confide.core.clock import today
from confide.surveys import keys
from confide.surveys.content import RESPONDENTS, PendingAnswers
from confide.surveys.models import Pending, Round, Tally


def _month(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


def _add(survey_round: Round, month: datetime.date, question: int, value: int, count: int) -> None:
    tally, _created = Tally.objects.get_or_create(round=survey_round, month=month, question=question, value=value)
    Tally.objects.filter(pk=tally.pk).update(count=F("count") + count)


def round_tally(*, survey_round: Round, closing: bool = False) -> int:
    """Add a batch of the round's pending responses to its tallies; the number added (0 when none was due)."""
    k = settings.CONFIDE_INSIGHT_K
    with transaction.atomic():
        Round.objects.select_for_update().filter(pk=survey_round.pk).first()  # one batch of a round at a time
        waiting = list(Pending.objects.filter(round=survey_round).order_by("id"))  # random ids: no arrival order
        if len(waiting) < k or (not closing and len(waiting) < 2 * k):
            return 0
        batch = waiting if closing else waiting[: len(waiting) - k]
        counts: dict[tuple[int, int], int] = {}
        key = keys.pending_key()
        for row in batch:
            raw = crypto.aead_decrypt(key, bytes(row.sealed), ad=keys.ad_pending(survey_round.pk, row.pk))
            for question, value in enumerate(PendingAnswers.from_bytes(raw).answers):
                counts[(question, value)] = counts.get((question, value), 0) + 1
        month = _month(today())
        _add(survey_round, month, RESPONDENTS, 0, len(batch))
        for (question, value), count in sorted(counts.items()):
            _add(survey_round, month, question, value, count)
        Pending.objects.filter(pk__in=[row.pk for row in batch]).delete()
    return len(batch)


def surveys_tally() -> int:
    """The daily job's part: every open round with enough waiting."""
    added = 0
    for survey_round in Round.objects.filter(closed_on__isnull=True):
        added += round_tally(survey_round=survey_round)
    return added
