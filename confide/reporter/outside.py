"""The organization's page of other ways to report (EU Directive 2019/1937 art. 9(1)(g)): its operator's text,
or the general one, always under the emergency numbers."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from confide.reporter.decorators import organization_get


@require_GET
def options(request: HttpRequest, org_slug: str) -> HttpResponse:
    return render(request, "reporter/options.html", {"organization": organization_get(org_slug)})
