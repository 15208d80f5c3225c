"""The organizations' figures (issue 12): handlers read every organization they handle for, contacts their
own; each view and export is audited. Access goes through insight_access_get only: not visible means 404."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from confide.audit.services import Action, audit_record
from confide.core.errors import NotFound
from confide.insights.display import metric_labels
from confide.insights.exports import document_csv, document_json, export_sign
from confide.insights.exports_pdf import document_pdf
from confide.insights.models import InsightSnapshot
from confide.insights.pages import page_context
from confide.insights.selectors.access import insight_access_get, insight_benchmark_allowed, insight_organizations
from confide.insights.services.documents import (
    benchmark_document,
    insight_publish,
    insight_report_build,
    period_from,
)
from confide.insights.services.snapshots import insight_fix
from confide.staff.decorators import staff_required, staff_user

CONTENT_TYPES = {"json": "application/json", "csv": "text/csv; charset=utf-8", "pdf": "application/pdf"}
RENDERERS = {"json": document_json, "csv": document_csv, "pdf": document_pdf}


@require_GET
@staff_required
def organizations(request: HttpRequest) -> HttpResponse:
    user = staff_user(request)
    context = {"organizations": insight_organizations(user=user), "period": period_from(None)}
    return render(request, "staff/insights/list.html", context)


def _document(request: HttpRequest, org_slug: str, label: str) -> tuple[dict, InsightSnapshot]:
    access = insight_access_get(user=staff_user(request), organization_slug=org_slug)
    period = period_from(label)
    document = insight_report_build(access=access, period=period)
    return document, insight_fix(organization=access.organization, period=period)


@require_GET
@staff_required
def report(request: HttpRequest, org_slug: str, label: str) -> HttpResponse:
    document, snapshot = _document(request, org_slug, label)
    audit_record(actor=staff_user(request), action=Action.INSIGHT_REPORT_READ, obj=snapshot)
    context = {**page_context(document), "published": snapshot.published_on, "org_slug": org_slug}
    return render(request, "staff/insights/report.html", context)


def _export(request: HttpRequest, org_slug: str, label: str, fmt: str) -> tuple[bytes, str]:
    if fmt not in RENDERERS:
        raise NotFound()
    document, snapshot = _document(request, org_slug, label)
    audit_record(actor=staff_user(request), action=Action.INSIGHT_EXPORTED, obj=snapshot)
    return RENDERERS[fmt](document), f"confide-{org_slug}-{document['period']['label']}.{fmt}"


@require_GET
@staff_required
def export(request: HttpRequest, org_slug: str, label: str, fmt: str) -> HttpResponse:
    data, name = _export(request, org_slug, label, fmt)
    response = HttpResponse(data, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_GET
@staff_required
def signature(request: HttpRequest, org_slug: str, label: str, fmt: str) -> HttpResponse:
    data, name = _export(request, org_slug, label, fmt)
    response = HttpResponse(export_sign(data) + "\n", content_type="text/plain; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}.sig"'
    return response


@require_POST
@staff_required
def publish(request: HttpRequest, org_slug: str, label: str) -> HttpResponse:
    access = insight_access_get(user=staff_user(request), organization_slug=org_slug)
    snapshot = insight_publish(access=access, period=period_from(label))
    audit_record(actor=access.user, action=Action.INSIGHT_PUBLISHED, obj=snapshot)
    return redirect("insights:report", org_slug=org_slug, label=label)


@require_GET
@staff_required
def benchmark(request: HttpRequest, label: str) -> HttpResponse:
    user = staff_user(request)
    insight_benchmark_allowed(user=user)
    document = benchmark_document(period=period_from(label))
    audit_record(actor=user, action=Action.INSIGHT_BENCHMARK_READ)
    labels = metric_labels()
    metrics = [{"label": labels[key], **metric} for key, metric in document["metrics"].items() if metric]
    return render(request, "staff/insights/benchmark.html", {"document": document, "metrics": metrics})
