"""The organizations' figures over the API (staff token of one of the organization's handlers or contacts):
the same fixed, protected report the pages show, the sector benchmark, and a signed export. Every call is
audited. Refusals (a period not closed, fewer than k reports) come back as a 4xx with a sentence, never a number."""

import base64

from ninja import Router

from confide.audit.services import Action, audit_record
from confide.core.errors import NotFound
from confide.insights.exports import document_csv, document_json, export_public_key, export_sign
from confide.insights.exports_pdf import document_pdf
from confide.insights.selectors.access import insight_access_get, insight_benchmark_allowed
from confide.insights.services.documents import benchmark_document, insight_report_build, period_from
from confide.insights.services.snapshots import insight_fix
from confide.staff.api.auth import StaffRequest, staff_token
from confide.web.schemas import FieldProblem, Problem

router = Router(tags=["insights"], auth=staff_token)

RENDERERS = {"json": document_json, "csv": document_csv, "pdf": document_pdf}
PROBLEMS = {400: FieldProblem, 401: Problem, 404: Problem, 422: FieldProblem}


def _report(request: StaffRequest, org_slug: str, period: str) -> dict:
    access = insight_access_get(user=request.auth.user, organization_slug=org_slug)
    closed = period_from(period)
    document = insight_report_build(access=access, period=closed)
    snapshot = insight_fix(organization=access.organization, period=closed)
    return {"document": document, "snapshot": snapshot}


@router.get(
    "/staff/insights/organizations/{org_slug}/{period}",
    operation_id="insight_report_get",
    response={200: dict, **PROBLEMS},
)
def report_get(request: StaffRequest, org_slug: str, period: str):
    found = _report(request, org_slug, period)
    audit_record(actor=request.auth.user, action=Action.INSIGHT_REPORT_READ, obj=found["snapshot"])
    return found["document"]


@router.get(
    "/staff/insights/organizations/{org_slug}/{period}/export/{fmt}",
    operation_id="insight_export_get",
    response={200: dict, **PROBLEMS},
)
def export_get(request: StaffRequest, org_slug: str, period: str, fmt: str):
    """The export's bytes (base64), the deployment's signature over them and its public key: save the bytes
    and the signature, then `python manage.py insight_verify FILE SIGNATURE_FILE`."""
    if fmt not in RENDERERS:
        raise NotFound()
    found = _report(request, org_slug, period)
    data = RENDERERS[fmt](found["document"])
    audit_record(actor=request.auth.user, action=Action.INSIGHT_EXPORTED, obj=found["snapshot"])
    return {
        "filename": f"confide-{org_slug}-{found['document']['period']['label']}.{fmt}",
        "content_base64": base64.b64encode(data).decode(),
        "signature": export_sign(data),
        "public_key": export_public_key(),
    }


@router.get("/staff/insights/sector/{period}", operation_id="insight_benchmark_get", response={200: dict, **PROBLEMS})
def benchmark_get(request: StaffRequest, period: str):
    insight_benchmark_allowed(user=request.auth.user)
    document = benchmark_document(period=period_from(period))
    audit_record(actor=request.auth.user, action=Action.INSIGHT_BENCHMARK_READ)
    return document
