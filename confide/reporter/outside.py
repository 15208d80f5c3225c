"""The organization's page of other ways to report (EU Directive 2019/1937 art. 9(1)(g)): its operator's text,
in the reporter's language when the operator wrote one, or the general one, always under the emergency numbers."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from confide.reporter.decorators import organization_get
from confide.tenants.models import Organization


def outside_text(organization: Organization, language: str) -> tuple[str, str]:
    """The operator's text for `language` and the language it is in ("" for none: the general text shows)."""
    if language == "es" and organization.outside_options_es.strip():
        return organization.outside_options_es, "es"
    if organization.outside_options.strip():
        return organization.outside_options, "en"
    return "", ""


@require_GET
def options(request: HttpRequest, org_slug: str) -> HttpResponse:
    organization = organization_get(org_slug)
    text, text_language = outside_text(organization, get_language())
    context = {"organization": organization, "text": text, "text_language": text_language}
    return render(request, "reporter/options.html", context)
