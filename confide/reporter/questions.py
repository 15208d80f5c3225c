"""The organization's own questions on the report form, in the reporter's language."""

from django import forms
from django.utils.translation import get_language

from confide.reports.content import ReportContent
from confide.tenants.models import Organization
from confide.web import questions
from confide.web.questions import FormT


def _language() -> str:
    return (get_language() or "en").split("-")[0]


def questions_for(form: FormT, organization: Organization) -> FormT:
    return questions.questions_for(form, organization_id=organization.pk, language=_language())


def with_answers(content: ReportContent, form: forms.Form, organization: Organization) -> ReportContent:
    return questions.with_answers(content, form, organization_id=organization.pk, language=_language())
