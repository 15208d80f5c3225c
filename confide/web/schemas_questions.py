"""Shapes of an organization's own questions in the API (org_form_get, and the answers of report_submit)."""

from typing import Any, Literal

from ninja import Schema
from pydantic import Field

from confide.questions.content import KINDS, text_in

Kind = Literal[KINDS]  # type: ignore[valid-type]


class OptionOut(Schema):
    key: str = Field(description="What to send as the answer (one choice), or among the answers (several).")
    label: str


class QuestionOut(Schema):
    key: str = Field(description="The key of this question's answer in `answers` of report_submit.")
    kind: Kind = Field(  # type: ignore[valid-type]
        description="short_text (up to 300 characters), long_text (up to 20,000), choice (one option key), "
        "choices (a list of option keys), date (YYYY-MM-DD), month (YYYY-MM), yes_no (true or false)."
    )
    required: bool
    label: str
    help: str
    options: list[OptionOut]


class FormOut(Schema):
    organization: str
    language: str = Field(description="The language of the texts below.")
    version: str | None = Field(description="The version these questions belong to; null before any.")
    number: int = Field(description="The version's number: 0 before any, then 1, 2, … after every edit.")
    questions: list[QuestionOut]


ANSWERS_DESCRIPTION = (
    "Answers to the organization's own questions (org_form_get), by question key: text for short_text and "
    "long_text, an option key for choice, a list of option keys for choices, YYYY-MM-DD for date, YYYY-MM for "
    "month, true or false for yes_no. Checked against the current version: an unknown key, a missing required "
    "answer or one that does not fit its question is a 400 whose `field` is `answers.<key>`. Encrypted with the "
    "rest of the report."
)


def form_out(*, slug: str, version: Any, language: str) -> dict:
    questions = version.questions if version is not None else []
    return {
        "organization": slug,
        "language": language,
        "version": str(version.id) if version is not None else None,
        "number": version.number if version is not None else 0,
        "questions": [
            {
                "key": q["key"],
                "kind": q["kind"],
                "required": q["required"],
                "label": text_in(q["label"], language),
                "help": text_in(q["help"], language),
                "options": [{"key": o["key"], "label": text_in(o["label"], language)} for o in q["options"]],
            }
            for q in questions
        ],
    }
