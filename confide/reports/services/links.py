"""Linked cases (issue 15): two cases of one organization shown beside each other. Linking and unlinking need
both cases open to the caller (case_access_get, both ways), so no link crosses organizations or involves a case
the caller is excluded from; both cases' audit trails record it."""

import uuid

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from confide.audit.services import Action, audit_record
from confide.core.clock import today
from confide.core.errors import Conflict
from confide.reports.access import CaseAccess
from confide.reports.content import ReportNotFound
from confide.reports.models import CaseLink


def case_link_create(*, access: CaseAccess, other: CaseAccess, kind: str = CaseLink.Kind.RELATED) -> CaseLink:
    """Link `access`'s case to `other`'s. A case of another organization is not found, as it would be anyway."""
    source, target = access.report, other.report
    if source.organization_id != target.organization_id or access.user.pk != other.user.pk:
        raise ReportNotFound()
    if source.pk == target.pk:
        raise Conflict(_("A case cannot be linked to itself."), field="case")
    if kind not in CaseLink.Kind.values:
        raise Conflict(_("Choose what links the two cases."), field="kind")
    if CaseLink.objects.filter(_pair(source.pk, target.pk)).exists():
        raise Conflict(_("These cases are already linked."), field="case")
    try:
        with transaction.atomic():
            link = CaseLink.objects.create(source=source, target=target, kind=kind, created_on=today())
            for report in (source, target):  # each case's own trail shows the link
                audit_record(actor=access.user, action=Action.CASE_LINKED, obj=report)
    except IntegrityError:  # the same link made at the same moment by someone else
        raise Conflict(_("These cases are already linked."), field="case") from None
    return link


def case_link_delete(*, access: CaseAccess, other: CaseAccess, link_id: uuid.UUID) -> None:
    """Remove the link between the two cases; any other link id is not found."""
    link = CaseLink.objects.filter(_pair(access.report.pk, other.report.pk), pk=link_id).first()
    if link is None or access.user.pk != other.user.pk:
        raise ReportNotFound()
    with transaction.atomic():
        link.delete()
        for report in (access.report, other.report):
            audit_record(actor=access.user, action=Action.CASE_UNLINKED, obj=report)


def _pair(a: uuid.UUID, b: uuid.UUID) -> Q:
    return Q(source_id=a, target_id=b) | Q(source_id=b, target_id=a)
