"""Retaliation check-ins for a letter's signer (issue 13), on their opt-in from their own page, once the letter
is delivered: that is when they spoke up, so the intervals count from the delivery day, a date every signer
shares, and no date of the signer's own is kept.

A worrying answer files a retaliation report through the ordinary intake (channel letter), with its own receipt
shown once; it says only that a signer of a collective letter answered so. Nothing goes into the letter's thread:
co-signers and recipients read it, and a line there would tell them one of them answered. Nor is the answer or
its day kept with the signature (keep_answers=False): beside that report, they would let anyone holding the
database and the letter's key pair the report with the signature, and so with the signer's name. Nothing is sent
anywhere: a signature keeps no address."""

from django.utils.translation import gettext as _

from confide import crypto
from confide.core.errors import Refused
from confide.letters.access import ParticipantAccess
from confide.letters.content import LetterForbidden
from confide.letters.models import Letter, Signature, SignerCheckIn, SignerCheckInPlan
from confide.reports.content import content_build
from confide.reports.models import Report
from confide.reports.models.optin import OptInCheckInPlan
from confide.reports.selectors.reporter import intake_target_get
from confide.reports.services.optin_checkins import OptInCheckIns, OptInView
from confide.reports.services.submit import SubmittedReport, report_submit

SIGNER_CHECKINS = OptInCheckIns(
    plan_model=SignerCheckInPlan,
    checkin_model=SignerCheckIn,
    holder="signature",
    organization="letter__organization",
    keep_answers=False,
)

# Fixed English, for whichever handler reads it: the signer typed nothing.
REPORT_TEXTS = {
    SignerCheckIn.Answer.WORSE: "Check-in from a signer of a collective letter: treated worse since speaking up.",
    SignerCheckIn.Answer.WORRIES: "Check-in from a signer of a collective letter: something worries me since "
    "speaking up. Please answer in this report's thread within {days} days.",
}


def _signature(access: ParticipantAccess) -> Signature:
    if access.signature is None:
        raise LetterForbidden(_("Check-ins are for the letter's signers."))
    return access.signature


def signer_checkins_view(*, access: ParticipantAccess) -> OptInView | None:
    """None for the organizer, who has no signature to keep a plan with."""
    if access.signature is None:
        return None
    return SIGNER_CHECKINS.view(holder=access.signature)


def signer_checkins_start(*, access: ParticipantAccess) -> OptInCheckInPlan:
    signature = _signature(access)
    letter = access.letter
    if letter.status != Letter.Status.RELEASED or letter.released_on is None:
        raise Refused(_("Check-ins start once the letter is delivered."))
    return SIGNER_CHECKINS.start(holder=signature, started_on=letter.released_on)


def signer_checkin_plan_set(
    *, access: ParticipantAccess, offsets: list[int], after_wind_down: bool
) -> OptInCheckInPlan:
    return SIGNER_CHECKINS.plan_set(holder=_signature(access), offsets=offsets, after_wind_down=after_wind_down)


def signer_checkins_stop(*, access: ParticipantAccess) -> None:
    SIGNER_CHECKINS.stop(holder=_signature(access))


def signer_checkins_sweep() -> int:
    return SIGNER_CHECKINS.sweep()


def signer_checkin_answer(
    *, access: ParticipantAccess, checkin_id: object, answer: str, language: str = crypto.DEFAULT_RECEIPT_LANGUAGE
) -> SubmittedReport | None:
    """Returns the retaliation report a worrying answer filed, for its receipt page."""
    signature = _signature(access)

    def file_report(given: str, within: int) -> SubmittedReport:
        target = intake_target_get(slug=access.letter.organization.slug)
        if target is None:
            raise Refused(_("This organization does not take reports at the moment."))
        text = REPORT_TEXTS[SignerCheckIn.Answer(given)].format(days=within)
        return report_submit(
            target=target,
            content=content_build(what_happened=text, category=Report.Category.RETALIATION),
            language=language,
            channel=Report.Channel.LETTER,
            # A letter about the leadership: its signers' retaliation reports are kept from every contact too.
            about_leadership=access.letter.about_leadership,
            acknowledge_within=within,
        )

    return SIGNER_CHECKINS.answer(holder=signature, checkin_id=checkin_id, answer=answer, file_report=file_report)
