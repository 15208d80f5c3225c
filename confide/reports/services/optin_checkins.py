"""Retaliation check-ins on the reporter's opt-in, for a holder that is not a report (issue 13): a vault, a
letter's signature. One runner for both, told which plan and check-in models to use and how the holder reaches
its organization; the apps keep only what differs: the holder, and how a worrying answer is filed.

Nothing here is sent anywhere: neither holder keeps an address. "Something worries me" and "I have been treated
worse" reach the third party the only way such a holder can: as a new retaliation report with its own receipt,
shown once, due for acknowledgement within 7 and 2 days. Nothing stored links the holder to that report."""

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.db import models, transaction
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext as _

from confide.core.clock import today
from confide.core.errors import Conflict, NotFound, Refused
from confide.core.throttle import receipt_write_allow
from confide.reports.checkin_rules import (
    DEFAULT_OFFSETS,
    OFFSET_CHOICES,
    RETALIATION_ACKNOWLEDGE_DAYS,
    WORRIES_ANSWER_DAYS,
    offsets_parse,
    offsets_text,
)
from confide.reports.models.optin import OptInCheckIn, OptInCheckInPlan
from confide.reports.services.submit import SubmittedReport

# Days the third party has to acknowledge the report a worrying answer files.
ANSWER_DEADLINES = {
    OptInCheckIn.Answer.WORRIES: WORRIES_ANSWER_DAYS,
    OptInCheckIn.Answer.WORSE: RETALIATION_ACKNOWLEDGE_DAYS,
}

# (answer, acknowledge within days) -> the filed report
FileReport = Callable[[str, int], SubmittedReport]


@dataclass(frozen=True)
class OptInView:
    """What the holder's page shows: the plan (None before the opt-in), the waiting check-in, the answered."""

    plan: Any
    pending: Any
    answered: list[Any]
    choices: tuple[int, ...] = OFFSET_CHOICES

    @property
    def offsets(self) -> list[int]:
        return offsets_parse(self.plan.offsets) if self.plan else list(DEFAULT_OFFSETS)


def _next_due(started_on: date, offsets: list[int], after: date) -> date | None:
    days = [started_on + timedelta(days=o) for o in offsets]
    return min((day for day in days if day > after), default=None)


def _uuid_or_none(value: object) -> uuid.UUID | None:
    try:
        return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))
    except ValueError:
        return None


@dataclass(frozen=True)
class OptInCheckIns:
    plan_model: type[OptInCheckInPlan]
    checkin_model: type[OptInCheckIn]
    holder: str  # the field of both models naming the holder: "vault", "signature"
    organization: str  # the path from the holder to its organization: "organization", "letter__organization"
    # False: an answer keeps neither what it was nor its day (the row reads as answered on the day it was asked),
    # for a holder whose answers, beside the report a worrying one files, could name who filed it.
    keep_answers: bool = True

    def _of(self, holder: models.Model) -> dict[str, models.Model]:
        return {self.holder: holder}

    def view(self, *, holder: models.Model) -> OptInView:
        checkins = list(self.checkin_model._default_manager.filter(**self._of(holder)))
        pending = [c for c in checkins if c.answered_on is None]
        return OptInView(
            plan=self.plan_model._default_manager.filter(**self._of(holder)).first(),
            pending=pending[0] if pending else None,
            answered=[c for c in checkins if c.answered_on],
        )

    def start(self, *, holder: models.Model, started_on: date | None = None) -> OptInCheckInPlan:
        """The opt-in, with the default intervals counted from `started_on` (today if None); pressed again after
        a stop, it resumes."""
        receipt_write_allow(holder_id=holder.pk)
        started_on = started_on or today()
        plan, created = self.plan_model._default_manager.get_or_create(
            **self._of(holder),
            defaults={
                "started_on": started_on,
                "offsets": offsets_text(list(DEFAULT_OFFSETS)),
                "next_due_on": _next_due(started_on, list(DEFAULT_OFFSETS), started_on),
            },
        )
        if not created and plan.stopped:
            return self.plan_set(
                holder=holder, offsets=offsets_parse(plan.offsets), after_wind_down=plan.after_wind_down
            )
        return plan

    def plan_set(self, *, holder: models.Model, offsets: list[int], after_wind_down: bool) -> OptInCheckInPlan:
        if any(o not in OFFSET_CHOICES for o in offsets):
            raise Refused(_("Choose among the intervals offered."), field="offsets")
        if not offsets and not after_wind_down:
            raise Refused(_("Choose at least one interval, or stop the check-ins."), field="offsets")
        plan = self.plan_model._default_manager.filter(**self._of(holder)).first()
        if plan is None:
            raise NotFound()
        receipt_write_allow(holder_id=holder.pk)
        asked = set(
            self.checkin_model._default_manager.filter(**self._of(holder), kind=OptInCheckIn.Kind.INTERVAL).values_list(
                "offset_days", flat=True
            )
        )
        plan.offsets = offsets_text(offsets)
        plan.after_wind_down = after_wind_down
        plan.stopped = False
        remaining = [o for o in offsets if o not in asked]
        plan.next_due_on = _next_due(plan.started_on, remaining, today() - timedelta(days=1))
        plan.save()
        return plan

    def stop(self, *, holder: models.Model) -> None:
        """The one button: no more check-ins, and a waiting one is withdrawn."""
        self.plan_model._default_manager.filter(**self._of(holder)).update(stopped=True, next_due_on=None)
        self.checkin_model._default_manager.filter(**self._of(holder), answered_on__isnull=True).delete()

    def _open(self) -> dict[str, object]:
        """Only organizations still taking reports ask: a worrying answer must have somewhere to go."""
        return {f"{self.holder}__{self.organization}__intake_open": True}

    def _intervals_due(self, day: date) -> int:
        plans = self.plan_model._default_manager.filter(stopped=False, next_due_on__lte=day, **self._open())
        made = 0
        for plan in plans:
            offsets = offsets_parse(plan.offsets)
            passed = [o for o in offsets if plan.started_on + timedelta(days=o) <= day]
            if passed:  # a sweep that missed days asks once, for the latest interval passed
                offset = max(passed)
                _checkin, created = self.checkin_model._default_manager.get_or_create(
                    **{f"{self.holder}_id": getattr(plan, f"{self.holder}_id")},
                    kind=OptInCheckIn.Kind.INTERVAL,
                    offset_days=offset,
                    defaults={"due_on": plan.started_on + timedelta(days=offset)},
                )
                made += created
            plan.next_due_on = _next_due(plan.started_on, offsets, day)
            plan.save(update_fields=["next_due_on"])
        return made

    def _wind_down_due(self, day: date) -> int:
        delay = timedelta(days=settings.CONFIDE_CHECKIN_AFTER_WIND_DOWN_DAYS)
        organization = f"{self.holder}__{self.organization}"
        asked = self.checkin_model._default_manager.filter(
            **{self.holder: OuterRef(self.holder)}, kind=OptInCheckIn.Kind.WIND_DOWN
        )
        plans = (
            self.plan_model._default_manager.filter(
                stopped=False,
                after_wind_down=True,
                **self._open(),
                **{f"{organization}__wound_down_on__lte": day - delay},
            )
            .exclude(Exists(asked))
            .values_list(f"{self.holder}_id", "started_on", f"{organization}__wound_down_on")
        )
        made = 0
        for holder_id, started_on, wound_down_on in plans:
            if started_on >= wound_down_on:
                continue  # opted in after the wind-down: the campaign had already ended
            _checkin, created = self.checkin_model._default_manager.get_or_create(
                **{f"{self.holder}_id": holder_id},
                kind=OptInCheckIn.Kind.WIND_DOWN,
                offset_days=0,
                defaults={"due_on": wound_down_on + delay},
            )
            made += created
        return made

    def sweep(self) -> int:
        """Daily, beside the reports' sweep: the check-ins that came due today."""
        day = today()
        return self._intervals_due(day) + self._wind_down_due(day)

    def answer(
        self, *, holder: models.Model, checkin_id: object, answer: str, file_report: FileReport
    ) -> SubmittedReport | None:
        """The answer, once per check-in. "Nothing" stays with the holder; the other two file a retaliation
        report through `file_report` (returned, for its receipt page), in the same transaction."""
        if answer not in OptInCheckIn.Answer.values:
            raise Refused(_("Choose one of the answers."), field="answer")
        checkin_uuid = _uuid_or_none(checkin_id)
        checkin = None
        if checkin_uuid is not None:
            checkin = self.checkin_model._default_manager.filter(pk=checkin_uuid, **self._of(holder)).first()
        if checkin is None:
            raise NotFound()
        if checkin.answered_on is not None:
            raise Conflict(_("This check-in was already answered."), field="answer")
        receipt_write_allow(holder_id=holder.pk)
        with transaction.atomic():
            # A conditional update: of two answers sent at once, one files a report, the other is told.
            kept = {"answer": answer, "answered_on": today()} if self.keep_answers else {"answered_on": checkin.due_on}
            taken = self.checkin_model._default_manager.filter(pk=checkin.pk, answered_on__isnull=True).update(**kept)
            if taken != 1:
                raise Conflict(_("This check-in was already answered."), field="answer")
            if answer == OptInCheckIn.Answer.NOTHING:
                return None
            return file_report(answer, ANSWER_DEADLINES[OptInCheckIn.Answer(answer)])
