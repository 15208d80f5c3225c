"""An organization's own questions as fields of a page's form (the report form, the hotline's account), named
`q_<key>`. The fields give the page its shape and its messages; confide.questions.content checks every answer
again (answers_for_report) and has the last word."""

import dataclasses
import uuid
from collections.abc import Mapping, Sequence
from typing import Any, TypeVar

from django import forms
from django.utils.translation import gettext_lazy as _

from confide.questions.content import (
    ANSWER_LIMITS,
    CHOICE,
    CHOICES,
    DATE,
    LONG_TEXT,
    MONTH,
    YES_NO,
    AnswerRefused,
    answer_clean,
    answer_shown,
    text_in,
)
from confide.questions.selectors.forms import answers_for_report, form_current
from confide.reports.content import ReportContent
from confide.web.fields import TextField, limit_hint

FormT = TypeVar("FormT", bound=forms.Form)
PREFIX = "q_"
YES, NO = "yes", "no"
HINTS = {
    DATE: _("As year-month-day, for example 2024-03-31."),
    MONTH: _("As year-month, for example 2024-03."),
}


def _checked(question: Mapping[str, Any], language: str):
    """A field validator with the domain's own rule and sentence, so that every answer is checked at once."""

    def validate(value: object) -> None:
        try:
            answer_clean(question, value, field=PREFIX + question["key"], language=language)
        except AnswerRefused as refused:
            raise forms.ValidationError(refused.message) from None

    return validate


def _field(question: Mapping[str, Any], language: str) -> forms.Field:
    kind, required = question["kind"], question["required"]
    label, hint = text_in(question["label"], language), text_in(question["help"], language)
    options = [(o["key"], text_in(o["label"], language)) for o in question["options"]]
    if kind in ANSWER_LIMITS:
        widget = forms.Textarea(attrs={"rows": 4}) if kind == LONG_TEXT else forms.TextInput()
        return TextField(
            label=label,
            help_text=limit_hint(hint, ANSWER_LIMITS[kind]),
            required=required,
            max_length=ANSWER_LIMITS[kind],
            widget=widget,
        )
    if kind == CHOICE:
        return forms.ChoiceField(
            label=label, help_text=hint, required=required, choices=options, widget=forms.RadioSelect
        )
    if kind == CHOICES:
        return forms.MultipleChoiceField(
            label=label, help_text=hint, required=required, choices=options, widget=forms.CheckboxSelectMultiple
        )
    if kind == YES_NO:
        choices = [(YES, _("Yes")), (NO, _("No"))]
        return forms.ChoiceField(
            label=label, help_text=hint, required=required, choices=choices, widget=forms.RadioSelect
        )
    input_type = "date" if kind == DATE else "month"
    stated = f"{hint} {HINTS[kind]}" if hint else HINTS[kind]
    return forms.CharField(
        label=label,
        help_text=stated,
        required=required,
        max_length=10,
        widget=forms.TextInput(attrs={"type": input_type}),
        validators=[_checked(question, language)],
    )


def questions_add(form: FormT, questions: Sequence[Mapping[str, Any]], *, language: str) -> FormT:
    """Add the questions to `form` (after its own fields), in `language`; `form.question_fields` lists them
    for the template."""
    kinds = {}
    for question in questions:
        name = PREFIX + question["key"]
        form.fields[name] = _field(question, language)
        kinds[name] = question["kind"]
    form.question_kinds = kinds  # type: ignore[attr-defined]
    # The form's notice says which questions may be skipped: no longer "all but the first" with these.
    form.questions_required = any(q["required"] for q in questions)  # type: ignore[attr-defined]
    form.question_fields = [form[name] for name in kinds]  # type: ignore[attr-defined]
    return form


def answers_given(form: forms.Form) -> dict[str, object]:
    """The cleaned answers, by question key, in the API's shape (yes/no as true/false)."""
    given: dict[str, object] = {}
    for name, kind in getattr(form, "question_kinds", {}).items():
        value = form.cleaned_data.get(name)
        if kind == YES_NO:
            value = {YES: True, NO: False}.get(str(value))
        given[name.removeprefix(PREFIX)] = value
    return given


def answers_rows(answers: Mapping[str, Any], language: str | None) -> list[dict[str, object]]:
    """A filed report's questions as they were, each with its answer as a person reads it (None: unanswered)."""
    values = answers.get("values", {}) if answers else {}
    rows = []
    for question in answers.get("questions", []) if answers else []:
        value = values.get(question["key"])
        shown = None if value is None else answer_shown(question, value, language=language)
        rows.append({"label": text_in(question["label"], language), "key": question["key"], "answer": shown})
    return rows


def questions_for(form: FormT, *, organization_id: uuid.UUID, language: str) -> FormT:
    """`form` with the organization's current questions added after its own fields."""
    version = form_current(organization_id=organization_id)
    return questions_add(form, version.questions if version else [], language=language)


def with_answers(
    content: ReportContent, form: forms.Form, *, organization_id: uuid.UUID, language: str
) -> ReportContent:
    """The report with the answers the form collected, checked against the current version (AnswerRefused
    names the form's field). A page sends every field, so a question removed since it was shown is ignored."""
    answers = answers_for_report(
        organization_id=organization_id,
        given=answers_given(form),
        prefix=PREFIX,
        language=language,
        unknown_refused=False,
    )
    return dataclasses.replace(content, answers=answers)


def answers_hidden(form: forms.Form) -> list[tuple[str, str]]:
    """The cleaned answers as hidden fields for the next step of a multi-step form (several choices repeat
    their name, as the checkboxes did)."""
    hidden: list[tuple[str, str]] = []
    for name in getattr(form, "question_kinds", {}):
        value = form.cleaned_data.get(name)
        values = value if isinstance(value, list) else [value]
        hidden.extend((name, "" if v is None else str(v)) for v in values)
    return hidden
