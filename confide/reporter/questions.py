"""The organization's own questions on the report form: the fields in the reporter's language, and the answers
checked and kept with the report."""

import dataclasses

from django import forms
from django.utils.translation import get_language

from confide.questions.selectors.forms import answers_for_report, form_current
from confide.reports.content import ReportContent
from confide.tenants.models import Organization
from confide.web.questions import PREFIX, FormT, answers_given, questions_add


def _language() -> str:
    return (get_language() or "en").split("-")[0]


def questions_for(form: FormT, organization: Organization) -> FormT:
    """`form` with the organization's current questions added after its own fields."""
    version = form_current(organization_id=organization.pk)
    return questions_add(form, version.questions if version else [], language=_language())


def with_answers(content: ReportContent, form: forms.Form, organization: Organization) -> ReportContent:
    """The report with the answers the form collected, checked against the current version (AnswerRefused
    names the form's field). A page sends every field, so a question removed since it was shown is ignored."""
    answers = answers_for_report(
        organization_id=organization.pk,
        given=answers_given(form),
        prefix=PREFIX,
        language=_language(),
        unknown_refused=False,
    )
    return dataclasses.replace(content, answers=answers)
