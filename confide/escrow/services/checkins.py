"""Retaliation check-ins for a vault (issue 13), on the reporter's opt-in: a vault is not a case, so nothing is
asked until the reporter presses the button on the vault home, and only once the vault holds something.

The runner is confide.reports.services.optin_checkins, shared with letter signers. Since no one at the
organization reads a vault, a worrying answer reaches the third party as a new report (channel escrow, category
retaliation) with its own receipt, as a record turned into a report: nothing stored links the two."""

from django.utils.translation import gettext as _

from confide import crypto
from confide.core.errors import Refused
from confide.escrow.access import VaultAccess
from confide.escrow.models import Record, VaultCheckIn, VaultCheckInPlan
from confide.escrow.selectors.reporter import vault_entries
from confide.escrow.services.conversion import checkin_to_report
from confide.reports.models.optin import OptInCheckInPlan
from confide.reports.services.optin_checkins import OptInCheckIns, OptInView
from confide.reports.services.submit import SubmittedReport

VAULT_CHECKINS = OptInCheckIns(
    plan_model=VaultCheckInPlan, checkin_model=VaultCheckIn, holder="vault", organization="organization"
)

# Fixed English, for whichever handler reads it: the reporter typed nothing.
CHECKIN_TEXTS = {
    VaultCheckIn.Answer.WORSE: "Check-in from a vault: treated worse since speaking up.",
    VaultCheckIn.Answer.WORRIES: "Check-in from a vault: something worries me since speaking up. "
    "Please answer in this report's thread within {days} days.",
}


def vault_checkins_view(*, access: VaultAccess) -> OptInView:
    return VAULT_CHECKINS.view(holder=access.vault)


def vault_checkins_start(*, access: VaultAccess) -> OptInCheckInPlan:
    has_something = Record.objects.filter(vault=access.vault).exists() or bool(vault_entries(access=access))
    if not has_something:
        raise Refused(_("Check-ins start once your vault holds a record or an entry."))
    return VAULT_CHECKINS.start(holder=access.vault)


def vault_checkin_plan_set(*, access: VaultAccess, offsets: list[int], after_wind_down: bool) -> OptInCheckInPlan:
    return VAULT_CHECKINS.plan_set(holder=access.vault, offsets=offsets, after_wind_down=after_wind_down)


def vault_checkins_stop(*, access: VaultAccess) -> None:
    VAULT_CHECKINS.stop(holder=access.vault)


def vault_checkins_sweep() -> int:
    return VAULT_CHECKINS.sweep()


def vault_checkin_answer(
    *, access: VaultAccess, checkin_id: object, answer: str, language: str = crypto.DEFAULT_RECEIPT_LANGUAGE
) -> SubmittedReport | None:
    """ "Nothing" stays in the vault; the other two file a retaliation report (returned, for its receipt page)."""

    def file_report(given: str, within: int) -> SubmittedReport:
        text = CHECKIN_TEXTS[VaultCheckIn.Answer(given)].format(days=within)
        return checkin_to_report(access=access, text=text, language=language, acknowledge_within=within)

    return VAULT_CHECKINS.answer(holder=access.vault, checkin_id=checkin_id, answer=answer, file_report=file_report)
