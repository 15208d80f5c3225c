"""Linking a case to another of its organization's cases from the case page (issue 15). The other case is named
by its reference, as handlers read it; one they cannot open is not found, exactly as in the API."""

import uuid

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_POST

from confide.reports.access import CaseAccess
from confide.reports.models import CaseLink
from confide.reports.selectors.staff import case_access_by_reference, case_link_other
from confide.reports.services.links import case_link_create, case_link_delete
from confide.staff.cases import case_action, case_open
from confide.staff.decorators import staff_required, staff_secret_key, staff_user


@require_POST
@staff_required
def link_case(request: HttpRequest, report_id: uuid.UUID) -> HttpResponse:
    reference = request.POST.get("reference", "")[:40]
    kind = request.POST.get("kind", CaseLink.Kind.RELATED)

    def link(access: CaseAccess) -> object:
        other = case_access_by_reference(
            user=staff_user(request), secret_key=staff_secret_key(request), reference=reference
        )
        return case_link_create(access=access, other=other, kind=kind)

    return case_action(request, report_id, link)


@require_POST
@staff_required
def unlink_case(request: HttpRequest, report_id: uuid.UUID, link_id: uuid.UUID) -> HttpResponse:
    def unlink(access: CaseAccess) -> object:
        other_id = case_link_other(access=access, link_id=link_id)
        other = case_open(request, other_id)
        case_link_delete(access=access, other=other, link_id=link_id)
        return None

    return case_action(request, report_id, unlink)
