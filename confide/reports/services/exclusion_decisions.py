"""The lead's answer to a reporter's request that a holder be excluded (exclusion_asks.py): exclude them, or
keep them and say why in the reporter's thread."""

from django.db import transaction
from django.utils.translation import gettext as _

from confide.audit.services import Action, audit_record
from confide.core.clock import today
from confide.core.errors import NotFound, Refused
from confide.reports.access import CaseAccess
from confide.reports.models import HolderExclusionRequest
from confide.reports.services.keyring import case_conflict_declare
from confide.reports.services.messages import message_create_by_handler
from confide.reports.services.workflow import case_exclusion_record

Outcome = HolderExclusionRequest.Outcome


def _pending(access: CaseAccess, request_id: object) -> HolderExclusionRequest:
    raw = str(request_id)
    if not raw.isascii() or not raw.isdigit() or len(raw) > 18:  # any other id is simply not found
        raise NotFound()
    pk = int(raw)
    request = HolderExclusionRequest.objects.filter(pk=pk, report=access.report).select_related("user").first()
    if request is None:
        raise NotFound()
    if access.report.lead_id != access.user.pk:
        raise Refused(_("Only the lead handler can act on the reporter's request."))
    if request.outcome != Outcome.PENDING:
        raise Refused(_("This request has been dealt with already."))
    return request


def holder_exclusion_grant(*, access: CaseAccess, request_id: object) -> None:
    """The lead excludes the holder: a recorded conflict (or, for the lead themself, a declared one)."""
    request = _pending(access, request_id)
    with transaction.atomic():
        if request.user_id == access.user.pk:
            case_conflict_declare(access=access)
        else:
            case_exclusion_record(access=access, username=request.user.get_username())
        request.outcome, request.decided_on = Outcome.EXCLUDED, today()
        request.save(update_fields=["outcome", "decided_on"])


def holder_exclusion_answer(*, access: CaseAccess, request_id: object, answer: str) -> None:
    """The lead keeps the holder on the case and says why, in the reporter's thread."""
    request = _pending(access, request_id)
    with transaction.atomic():
        message_create_by_handler(access=access, body=answer)
        request.outcome, request.decided_on = Outcome.ANSWERED, today()
        request.save(update_fields=["outcome", "decided_on"])
        audit_record(actor=access.user, action=Action.CASE_EXCLUSION_ASKED_ANSWERED, obj=access.report)
