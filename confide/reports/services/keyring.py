"""Who holds a report's key: granting by re-wrapping, and conflicts of interest (crypto.md §2, threat model G4).

Granting needs an unlocked holder, because only a holder has the report key to seal again. Who may be granted
is a read: confide.reports.selectors.staff.case_grant_candidates."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from confide import crypto
from confide.accounts.models import User
from confide.audit.services import Action, audit_record
from confide.reports.access import CaseAccess
from confide.reports.content import GrantRefused
from confide.reports.models import CaseExclusion, KeyWrap
from confide.reports.selectors.staff import case_grant_candidates


def case_access_grant(*, access: CaseAccess, username: str) -> KeyWrap:
    report = access.report
    user = User.objects.filter(username=username).first()
    if user is not None and CaseExclusion.objects.filter(report=report, user=user).exists():
        raise GrantRefused(_("This handler is excluded from this case for a conflict of interest."))
    if user is None or user.public_key is None or not case_grant_candidates(access=access).filter(pk=user.pk).exists():
        raise GrantRefused(_("Only an active case handler of this organization without access can be given access."))
    with transaction.atomic():
        wrap = KeyWrap.objects.create(
            report=report, user=user, sealed_key=crypto.seal(bytes(user.public_key), access.report_key)
        )
        audit_record(actor=access.user, action=Action.CASE_ACCESS_GRANT, obj=report, subject=user)
    return wrap


def case_conflict_declare(*, access: CaseAccess) -> None:
    """The handler steps away: their wrap is deleted now and no grant can bring it back."""
    with transaction.atomic():
        CaseExclusion.objects.get_or_create(
            report=access.report,
            user=access.user,
            defaults={"recorded_by": access.user, "recorded_on": timezone.now().date()},
        )
        KeyWrap.objects.filter(report=access.report, user=access.user).delete()
        audit_record(actor=access.user, action=Action.CASE_CONFLICT_DECLARED, obj=access.report, subject=access.user)
