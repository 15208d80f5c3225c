"""A period's figures that the organization published to its staff, at a stable address on its reporter pages.
No script, nothing about a person; a reporter's visit leaves no audit row (G2)."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from confide.insights.pages import page_context
from confide.insights.services.documents import published_report_build
from confide.reporter.decorators import organization_get


@require_GET
def report(request: HttpRequest, org_slug: str, label: str) -> HttpResponse:
    organization = organization_get(org_slug)
    document = published_report_build(organization=organization, label=label)
    return render(request, "reporter/insights/report.html", {**page_context(document), "organization": organization})
