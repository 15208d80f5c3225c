"""A reporter asks that one holder of their case key be excluded (issue 13, item 4); the lead acts on it or
answers in the thread, and the reporter's holders list shows which."""

from django.utils.translation import gettext as _

from confide.core.clock import today
from confide.core.errors import Refused
from confide.core.throttle import receipt_write_allow
from confide.reports.access import ReporterAccess
from confide.reports.models import HolderExclusionRequest
from confide.reports.selectors.holders import holder_at

Outcome = HolderExclusionRequest.Outcome


def holder_exclusion_ask(*, access: ReporterAccess, slot: object) -> HolderExclusionRequest:
    """Ask again after an answer, and the request is open again; asked twice while open, it stays as it was."""
    receipt_write_allow(holder_id=access.report.pk)
    try:
        position = int(str(slot))
    except ValueError:
        position = -1
    user = holder_at(report=access.report, slot=position)
    if user is None:
        raise Refused(_("Choose someone who holds the key to your case."), field="holder")
    request, created = HolderExclusionRequest.objects.get_or_create(
        report=access.report, user=user, defaults={"requested_on": today()}
    )
    if not created and request.outcome != Outcome.PENDING:
        request.outcome, request.requested_on, request.decided_on = Outcome.PENDING, today(), None
        request.save(update_fields=["outcome", "requested_on", "decided_on"])
    return request
