"""An organization's own questions: what a form description may hold, and what an answer to each kind of
question may be. The one place these rules live, used by the editor, the report form, the hotline and the API.

A question is stored (and copied into each report it was asked in) as
`{"key", "kind", "required", "label": {"en", "es"}, "help": {"en", "es"}, "options": [{"key", "label"}]}`;
`options` is empty except for the two choice kinds."""

import datetime
import re
from collections.abc import Mapping, Sequence
from typing import Any

from django.utils.text import slugify
from django.utils.translation import gettext as _

from confide.core.errors import Conflict, NotFound, Refused
from confide.core.text import text_clean

SHORT_TEXT, LONG_TEXT, CHOICE, CHOICES, DATE, MONTH, YES_NO = (
    "short_text",
    "long_text",
    "choice",
    "choices",
    "date",
    "month",
    "yes_no",
)
KINDS = (SHORT_TEXT, LONG_TEXT, CHOICE, CHOICES, DATE, MONTH, YES_NO)
CHOICE_KINDS = (CHOICE, CHOICES)
LANGUAGES = ("en", "es")  # every question is asked in both: the reporter pages exist in both

MAX_QUESTIONS = 30
MAX_OPTIONS = 30
KEY_MAX = 40
LABEL_MAX = 300
HELP_MAX = 1000
OPTION_MAX = 200
ANSWER_LIMITS = {SHORT_TEXT: 300, LONG_TEXT: 20_000}
KEY_RE = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
MONTH_RE = re.compile(r"^(\d{4})-(\d{2})$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class FormRefused(Refused):
    """A form description (or one question of it) that cannot be saved; nothing was saved."""


class AnswerRefused(Refused):
    """An answer that does not fit its question; nothing was filed."""


class FormChanged(Conflict):
    """Someone saved the questions since this editor page was opened."""


class FormNotFound(NotFound):
    """No organization here, or not one this staff member may edit: one error (G3)."""


def text_in(texts: Mapping[str, str], language: str | None) -> str:
    """A question's text in `language`, or in English when it has none in that language."""
    code = (language or "en").split("-")[0]
    return texts.get(code) or texts.get("en") or ""


# The form description --------------------------------------------------------------------------------------


def _refuse(message: str, field: str) -> FormRefused:
    return FormRefused(message, field=field)


def _texts(raw: object, *, field: str, limit: int, required: bool) -> dict[str, str]:
    """Text in every language; with `required`, in each of them, and otherwise in all of them or none."""
    if raw is None:
        raw = {}
    if not isinstance(raw, Mapping) or set(raw) - set(LANGUAGES):
        raise _refuse(_("Give the text as an object with an English (en) and a Spanish (es) text."), field)
    texts = {}
    for code in LANGUAGES:
        try:
            texts[code] = text_clean(raw.get(code, ""), field=f"{field}.{code}", limit=limit, required=False)
        except Refused as refused:
            raise _refuse(refused.message, refused.field or field) from None
    given = [code for code in LANGUAGES if texts[code]]
    if (required and len(given) < len(LANGUAGES)) or 0 < len(given) < len(LANGUAGES):
        missing = next(code for code in LANGUAGES if not texts[code])
        raise _refuse(_("Write this text in English and in Spanish."), f"{field}.{missing}")
    return texts


def _key(raw: object, *, field: str) -> str:
    if not isinstance(raw, str) or not KEY_RE.match(raw):
        raise _refuse(_("A key is 1 to 40 lower-case letters, digits or underscores, starting with a letter."), field)
    return raw


def question_clean(raw: object, *, field: str = "question") -> dict[str, Any]:
    """One question, normalised to the stored shape; raises FormRefused naming the part at fault."""
    if not isinstance(raw, Mapping):
        raise _refuse(_("A question is an object with a key, a kind and its texts."), field)
    unknown = set(raw) - {"key", "kind", "required", "label", "help", "options"}
    if unknown:
        raise _refuse(_("A question has no part called %(name)s.") % {"name": sorted(unknown)[0]}, field)
    kind = raw.get("kind")
    if kind not in KINDS:
        raise _refuse(_("The kind of a question is one of: %(kinds)s.") % {"kinds": ", ".join(KINDS)}, f"{field}.kind")
    required = raw.get("required", False)
    if not isinstance(required, bool):
        raise _refuse(_("Say whether the question is required with true or false."), f"{field}.required")
    options_raw = raw.get("options", [])
    if not isinstance(options_raw, Sequence) or isinstance(options_raw, str):
        raise _refuse(_("The options are a list."), f"{field}.options")
    options: list[dict[str, Any]] = []
    if kind in CHOICE_KINDS:
        if not 2 <= len(options_raw) <= MAX_OPTIONS:
            message = _("A choice question needs between 2 and %(limit)d options.") % {"limit": MAX_OPTIONS}
            raise _refuse(message, f"{field}.options")
        for index, option in enumerate(options_raw):
            where = f"{field}.options[{index}]"
            if not isinstance(option, Mapping) or set(option) - {"key", "label"}:
                raise _refuse(_("An option is an object with a key and a label."), where)
            options.append(
                {
                    "key": _key(option.get("key"), field=f"{where}.key"),
                    "label": _texts(option.get("label"), field=f"{where}.label", limit=OPTION_MAX, required=True),
                }
            )
        if len({option["key"] for option in options}) != len(options):
            raise _refuse(_("Two options of this question have the same key."), f"{field}.options")
    elif options_raw:
        raise _refuse(_("Only a choice question has options."), f"{field}.options")
    return {
        "key": _key(raw.get("key"), field=f"{field}.key"),
        "kind": kind,
        "required": required,
        "label": _texts(raw.get("label"), field=f"{field}.label", limit=LABEL_MAX, required=True),
        "help": _texts(raw.get("help"), field=f"{field}.help", limit=HELP_MAX, required=False),
        "options": options,
    }


def form_clean(raw: object) -> list[dict[str, Any]]:
    """A whole form description (a list of questions), normalised; raises FormRefused naming the part."""
    if not isinstance(raw, Sequence) or isinstance(raw, str | bytes):
        raise _refuse(_("The questions are a list."), "questions")
    if len(raw) > MAX_QUESTIONS:
        raise _refuse(_("A form holds at most %(limit)d questions.") % {"limit": MAX_QUESTIONS}, "questions")
    questions = [question_clean(item, field=f"questions[{index}]") for index, item in enumerate(raw)]
    keys = [question["key"] for question in questions]
    for index, key in enumerate(keys):
        if key in keys[:index]:
            raise _refuse(_("Two questions have the key %(key)s.") % {"key": key}, f"questions[{index}].key")
    return questions


def key_for(label: str, *, taken: Sequence[str]) -> str:
    """A key made from an English text, unlike the ones `taken`: what the editor gives a new question or option."""
    base = slugify(label).replace("-", "_")[: KEY_MAX - 4].strip("_") or "q"
    if not base[0].isalpha():
        base = f"q_{base}"[: KEY_MAX - 4]
    key, number = base, 2
    while key in taken:
        key, number = f"{base}_{number}", number + 1
    return key


# Answers ---------------------------------------------------------------------------------------------------


def _empty(value: object) -> bool:
    return value is None or value == "" or value == [] or value == ()


def _option_keys(question: Mapping[str, Any]) -> list[str]:
    return [option["key"] for option in question["options"]]


def answer_clean(question: Mapping[str, Any], value: object, *, field: str, language: str | None) -> object:
    label = text_in(question["label"], language)
    kind = question["kind"]

    def refuse(message: str) -> AnswerRefused:
        return AnswerRefused(f"“{label}”: {message}", field=field)

    if kind in ANSWER_LIMITS:
        try:
            return text_clean(value, field=field, limit=ANSWER_LIMITS[kind], required=False)
        except Refused as refused:
            raise refuse(refused.message) from None
    if kind == CHOICE:
        if not isinstance(value, str) or value not in _option_keys(question):
            raise refuse(_("please choose one of the listed options."))
        return value
    if kind == CHOICES:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, Sequence) or any(v not in _option_keys(question) for v in value):
            raise refuse(_("please choose among the listed options."))
        chosen = set(value)
        return [key for key in _option_keys(question) if key in chosen]  # the form's order, each once
    if kind == YES_NO:
        if not isinstance(value, bool):
            raise refuse(_("please answer yes or no."))
        return value
    if kind == DATE:
        try:
            if not isinstance(value, str) or not DATE_RE.match(value):
                raise ValueError
            return datetime.date.fromisoformat(value).isoformat()
        except ValueError:
            raise refuse(_("please give a date as year-month-day, for example 2024-03-31.")) from None
    match = MONTH_RE.match(value) if isinstance(value, str) else None
    if match is None or not 1 <= int(match.group(2)) <= 12 or int(match.group(1)) < 1:
        raise refuse(_("please give a month as year-month, for example 2024-03."))
    return value


def answers_clean(
    questions: Sequence[Mapping[str, Any]],
    given: Mapping[str, object],
    *,
    prefix: str = "answers.",
    language: str | None = None,
    unknown_refused: bool = True,
) -> dict[str, object]:
    """The answers to `questions`, each checked against its question; unanswered optional questions are left
    out. Raises AnswerRefused naming the field (`prefix` + the question's key) at fault. With
    `unknown_refused`, an answer to a question the form does not have is refused too (the API)."""
    if not isinstance(given, Mapping):
        raise AnswerRefused(_("The answers are an object of question keys and answers."), field=prefix.rstrip("."))
    known = {question["key"] for question in questions}
    if unknown_refused:
        for key in given:
            if key not in known:
                raise AnswerRefused(_("This form has no question with this key."), field=f"{prefix}{key}")
    values: dict[str, object] = {}
    for question in questions:
        key, field = question["key"], f"{prefix}{question['key']}"
        value = given.get(key)
        if not _empty(value):
            value = answer_clean(question, value, field=field, language=language)
        if _empty(value):
            if question["required"]:
                label = text_in(question["label"], language)
                raise AnswerRefused(f"“{label}”: " + _("please answer this question."), field=field)
            continue
        values[key] = value
    return values


def answers_filed(*, version_id: str, number: int, questions: list, values: dict) -> dict[str, Any]:
    """What a report keeps, inside its encrypted content: the version, the questions as they were, the answers."""
    return {"form": version_id, "number": number, "questions": questions, "values": values}


def answer_shown(question: Mapping[str, Any], value: object, *, language: str | None) -> str:
    """An answer as a person reads it: option labels in `language`, yes or no, the date as written."""
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if question.get("kind") in CHOICE_KINDS:
        labels = {option["key"]: text_in(option["label"], language) for option in question.get("options", [])}
        chosen = value if isinstance(value, list) else [value]
        return ", ".join(labels.get(str(key), str(key)) for key in chosen)
    return str(value)
