"""Retaliation check-ins for a vault (issue 13), on the reporter's opt-in: a vault is not a case, so nothing is
asked until the reporter presses the button on the vault home, and only once the vault holds something.

The question and its answers are content-free and dated by day. Since no one at the organization reads a vault,
"something worries me" and "I have been treated worse" reach the third party the only way a vault does: as a new
report (channel escrow, category retaliation) with its own receipt, shown once. Nothing stored links the vault to
that report, as with a record turned into a report. Nothing is sent anywhere: a vault leaves no address."""

import uuid
from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext as _

from confide import crypto
from confide.core.clock import today
from confide.core.errors import Conflict, NotFound, Refused
from confide.core.throttle import receipt_write_allow
from confide.escrow.access import VaultAccess
from confide.escrow.models import Record, VaultCheckIn, VaultCheckInPlan
from confide.escrow.selectors.reporter import vault_entries
from confide.escrow.services.conversion import checkin_to_report
from confide.reports.checkin_rules import (
    DEFAULT_OFFSETS,
    OFFSET_CHOICES,
    WORRIES_ANSWER_DAYS,
    offsets_parse,
    offsets_text,
)
from confide.reports.services.submit import SubmittedReport


@dataclass(frozen=True)
class VaultCheckIns:
    """What the vault home shows: the plan (None before the opt-in), the waiting check-in, the answered ones."""

    plan: VaultCheckInPlan | None
    pending: VaultCheckIn | None
    answered: list[VaultCheckIn]
    choices: tuple[int, ...] = OFFSET_CHOICES

    @property
    def offsets(self) -> list[int]:
        return offsets_parse(self.plan.offsets) if self.plan else list(DEFAULT_OFFSETS)


def _next_due(started_on: date, offsets: list[int], after: date) -> date | None:
    days = [started_on + timedelta(days=o) for o in offsets]
    return min((day for day in days if day > after), default=None)


def vault_checkins_view(*, access: VaultAccess) -> VaultCheckIns:
    plan = VaultCheckInPlan.objects.filter(vault=access.vault).first()
    checkins = list(VaultCheckIn.objects.filter(vault=access.vault))
    pending = [c for c in checkins if c.answered_on is None]
    return VaultCheckIns(
        plan=plan, pending=pending[0] if pending else None, answered=[c for c in checkins if c.answered_on]
    )


def vault_checkins_start(*, access: VaultAccess) -> VaultCheckInPlan:
    """The opt-in, with the default intervals counted from today; pressed again after a stop, it resumes."""
    has_something = Record.objects.filter(vault=access.vault).exists() or bool(vault_entries(access=access))
    if not has_something:
        raise Refused(_("Check-ins start once your vault holds a record or an entry."))
    receipt_write_allow(holder_id=access.vault.pk)
    started_on = today()
    plan, created = VaultCheckInPlan.objects.get_or_create(
        vault=access.vault,
        defaults={
            "started_on": started_on,
            "offsets": offsets_text(list(DEFAULT_OFFSETS)),
            "next_due_on": _next_due(started_on, list(DEFAULT_OFFSETS), started_on),
        },
    )
    if not created and plan.stopped:
        return vault_checkin_plan_set(
            access=access, offsets=offsets_parse(plan.offsets), after_wind_down=plan.after_wind_down
        )
    return plan


def vault_checkin_plan_set(*, access: VaultAccess, offsets: list[int], after_wind_down: bool) -> VaultCheckInPlan:
    if any(o not in OFFSET_CHOICES for o in offsets):
        raise Refused(_("Choose among the intervals offered."), field="offsets")
    if not offsets and not after_wind_down:
        raise Refused(_("Choose at least one interval, or stop the check-ins."), field="offsets")
    plan = VaultCheckInPlan.objects.filter(vault=access.vault).first()
    if plan is None:
        raise NotFound()
    receipt_write_allow(holder_id=access.vault.pk)
    asked = set(
        VaultCheckIn.objects.filter(vault=access.vault, kind=VaultCheckIn.Kind.INTERVAL).values_list(
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


def vault_checkins_stop(*, access: VaultAccess) -> None:
    """The one button: no more check-ins, and a waiting one is withdrawn."""
    VaultCheckInPlan.objects.filter(vault=access.vault).update(stopped=True, next_due_on=None)
    VaultCheckIn.objects.filter(vault=access.vault, answered_on__isnull=True).delete()


def _intervals_due(day: date) -> int:
    plans = VaultCheckInPlan.objects.filter(stopped=False, next_due_on__lte=day, vault__organization__intake_open=True)
    made = 0
    for plan in plans:
        offsets = offsets_parse(plan.offsets)
        passed = [o for o in offsets if plan.started_on + timedelta(days=o) <= day]
        if passed:  # a sweep that missed days asks once, for the latest interval passed
            offset = max(passed)
            _checkin, created = VaultCheckIn.objects.get_or_create(
                vault_id=plan.vault_id,
                kind=VaultCheckIn.Kind.INTERVAL,
                offset_days=offset,
                defaults={"due_on": plan.started_on + timedelta(days=offset)},
            )
            made += created
        plan.next_due_on = _next_due(plan.started_on, offsets, day)
        plan.save(update_fields=["next_due_on"])
    return made


def _wind_down_due(day: date) -> int:
    delay = timedelta(days=settings.CONFIDE_CHECKIN_AFTER_WIND_DOWN_DAYS)
    asked = VaultCheckIn.objects.filter(vault=OuterRef("vault"), kind=VaultCheckIn.Kind.WIND_DOWN)
    plans = (
        VaultCheckInPlan.objects.filter(
            stopped=False,
            after_wind_down=True,
            vault__organization__intake_open=True,
            vault__organization__wound_down_on__lte=day - delay,
        )
        .exclude(Exists(asked))
        .select_related("vault__organization")
    )
    made = 0
    for plan in plans:
        wound_down_on = plan.vault.organization.wound_down_on
        if wound_down_on is None or plan.started_on >= wound_down_on:
            continue  # opted in after the wind-down: the campaign had already ended
        VaultCheckIn.objects.get_or_create(
            vault_id=plan.vault_id,
            kind=VaultCheckIn.Kind.WIND_DOWN,
            offset_days=0,
            defaults={"due_on": wound_down_on + delay},
        )
        made += 1
    return made


def vault_checkins_sweep() -> int:
    """Daily, beside the reports' sweep: the vault check-ins that came due today."""
    day = today()
    return _intervals_due(day) + _wind_down_due(day)


CHECKIN_TEXTS = {
    VaultCheckIn.Answer.WORSE: "Check-in from a vault: treated worse since speaking up.",
    VaultCheckIn.Answer.WORRIES: "Check-in from a vault: something worries me since speaking up. "
    "Please answer in this report's thread within {days} days.",
}


def vault_checkin_answer(
    *, access: VaultAccess, checkin_id: object, answer: str, language: str = crypto.DEFAULT_RECEIPT_LANGUAGE
) -> SubmittedReport | None:
    """The answer, once per check-in. "Nothing" stays in the vault; the other two file a retaliation report
    (returned, for its receipt page)."""
    if answer not in VaultCheckIn.Answer.values:
        raise Refused(_("Choose one of the answers."), field="answer")
    checkin_uuid = _uuid_or_none(checkin_id)
    checkin = VaultCheckIn.objects.filter(pk=checkin_uuid, vault=access.vault).first() if checkin_uuid else None
    if checkin is None:
        raise NotFound()
    if checkin.answered_on is not None:
        raise Conflict(_("This check-in was already answered."), field="answer")
    receipt_write_allow(holder_id=access.vault.pk)
    with transaction.atomic():
        submitted = None
        if answer != VaultCheckIn.Answer.NOTHING:
            # Fixed English, for whichever handler reads it: the reporter typed nothing.
            text = CHECKIN_TEXTS[VaultCheckIn.Answer(answer)].format(days=WORRIES_ANSWER_DAYS)
            submitted = checkin_to_report(access=access, text=text, language=language)
        checkin.answer = answer
        checkin.answered_on = today()
        checkin.save(update_fields=["answer", "answered_on"])
    return submitted


def _uuid_or_none(value: object) -> uuid.UUID | None:
    try:
        return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))
    except ValueError:
        return None
