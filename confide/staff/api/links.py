"""Linked cases in the staff API. Both cases open through case_access_get: a case the caller cannot open, or of
another organization, is not found."""

import uuid

from ninja import Router, Schema, Status
from pydantic import Field

from confide.reports.access import CaseAccess
from confide.reports.models import CaseLink
from confide.reports.selectors.staff import case_link_other, case_links_get
from confide.reports.services.links import case_link_create, case_link_delete
from confide.staff.api.auth import StaffRequest, staff_token
from confide.staff.api.cases import case_open
from confide.web.schemas import Problem

router = Router(tags=["staff"], auth=staff_token)


class LinkIn(Schema):
    case: uuid.UUID = Field(description="The other case's id")
    kind: str = Field(CaseLink.Kind.RELATED, description=f"One of {', '.join(CaseLink.Kind.values)}")


class LinkOut(Schema):
    id: str
    case: str
    reference: str
    status: str
    kind: str
    outgoing: bool = Field(description="True when this case is the link's source (e.g. the retaliation case)")


def _links(access: CaseAccess) -> list[LinkOut]:
    return [
        LinkOut(
            id=str(v.id), case=str(v.other_id), reference=v.other_reference, status=v.other_status, kind=v.kind,
            outgoing=v.outgoing,
        )
        for v in case_links_get(access=access)
    ]  # fmt: skip


@router.get("/cases/{case_id}/links", operation_id="case_links_list", response={200: list[LinkOut], 404: Problem})
def list_links(request: StaffRequest, case_id: str):
    return Status(200, _links(case_open(request, case_id)))


@router.post(
    "/cases/{case_id}/links",
    operation_id="case_link_create",
    response={201: LinkOut, 404: Problem, 409: Problem},
    summary="Link two cases of one organization (both must be open to you); audited on both",
)
def create_link(request: StaffRequest, case_id: str, payload: LinkIn):
    access = case_open(request, case_id)
    link = case_link_create(access=access, other=case_open(request, payload.case), kind=payload.kind)
    return Status(201, next(out for out in _links(access) if out.id == str(link.id)))


@router.delete(
    "/cases/{case_id}/links/{link_id}",
    operation_id="case_link_delete",
    response={204: None, 404: Problem},
    summary="Remove a link; audited on both cases",
)
def delete_link(request: StaffRequest, case_id: str, link_id: str):
    access = case_open(request, case_id)
    other = case_open(request, case_link_other(access=access, link_id=link_id))
    case_link_delete(access=access, other=other, link_id=uuid.UUID(link_id))
    return Status(204, None)
