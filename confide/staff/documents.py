"""A case as one document: what the staff API returns, and what an export hands over (audited)."""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.utils.http import content_disposition_header

from confide.audit.services import Action, audit_record
from confide.reports.access import CaseAccess
from confide.reports.models import Report
from confide.reports.selectors.common import report_view
from confide.reports.selectors.staff import case_notes_get, case_team_get
from confide.web.schemas import report_detail, report_fields


def case_summary(report: Report) -> dict:
    return {
        **report_fields(report),
        "reporter_active_on": report.reporter_active_on,
        "awaiting_handler": report.awaiting_handler,
        "outcome": report.outcome,
        "lead": report.lead.get_username() if report.lead_id and report.lead else None,
        "labels": [label.name for label in report.labels.all()],
        "acknowledge_by": report.acknowledge_by,
        "feedback_by": report.feedback_by,
    }


def case_document(*, access: CaseAccess) -> dict:
    return {
        **report_detail(report_view(access=access, for_staff=True)),
        "case": case_summary(access.report),
        "notes": [
            {"id": str(n.id), "author": n.author_name, "body": n.body, "created_at": n.created_at}
            for n in case_notes_get(access=access)
        ],
        "team": sorted(wrap.user.get_username() for wrap in case_team_get(access=access)),
    }


def case_export(*, access: CaseAccess) -> bytes:
    """The decrypted case leaves the service here, so the export is recorded before the bytes are returned."""
    document = case_document(access=access)
    audit_record(actor=access.user, action=Action.CASE_EXPORTED, obj=access.report)
    return json.dumps(document, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2).encode()


def case_export_response(*, access: CaseAccess) -> HttpResponse:
    response = HttpResponse(case_export(access=access), content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=f"case-{access.report.reference}.json"
    )
    response["Cache-Control"] = "no-store"
    return response
