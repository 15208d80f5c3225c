"""The editor's changes to a list of questions: add or replace one, remove one, move one up or down. Pure:
the service saves what they return as a new version."""

from typing import Any

from django.utils.translation import gettext as _

from confide.questions.content import CHOICE_KINDS, FormRefused, key_for, question_clean

Question = dict[str, Any]


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def question_from_fields(
    *,
    key: str | None,
    kind: str,
    required: bool,
    label_en: str,
    label_es: str,
    help_en: str,
    help_es: str,
    options_en: str,
    options_es: str,
    taken: list[str],
) -> Question:
    """A question from the editor's fields: a new one gets a key made from its English text; options are one
    per line, in the same order in both languages. Raises FormRefused naming the editor's field."""
    options = []
    if kind in CHOICE_KINDS:
        english, spanish = _lines(options_en), _lines(options_es)
        if len(english) != len(spanish):
            raise FormRefused(
                _("Give each option on its own line, as many in Spanish as in English, in the same order."),
                field="options_es",
            )
        option_keys: list[str] = []
        for en, es in zip(english, spanish, strict=True):
            option_keys.append(key_for(en, taken=option_keys))
            options.append({"key": option_keys[-1], "label": {"en": en, "es": es}})
    raw = {
        "key": key or key_for(label_en, taken=taken),
        "kind": kind,
        "required": required,
        "label": {"en": label_en, "es": label_es},
        "help": {"en": help_en, "es": help_es},
        "options": options,
    }
    try:
        return question_clean(raw)
    except FormRefused as refused:
        # "question.label.es" is the editor's "label_es"; "question.options[2].label.en" its "options_en".
        field = (refused.field or "").removeprefix("question.")
        if field.startswith("options"):
            field = "options_es" if field.endswith(".es") else "options_en"
        raise FormRefused(refused.message, field=field.replace(".", "_") or None) from None


def question_put(questions: list[Question], question: Question) -> list[Question]:
    """Replace the question with the same key, or add it at the end."""
    keys = [q["key"] for q in questions]
    if question["key"] in keys:
        return [question if q["key"] == question["key"] else q for q in questions]
    return [*questions, question]


def question_remove(questions: list[Question], key: str) -> list[Question]:
    return [q for q in questions if q["key"] != key]


def question_move(questions: list[Question], key: str, offset: int) -> list[Question]:
    """Move the question one place up (-1) or down (+1); at either end it stays where it is."""
    keys = [q["key"] for q in questions]
    if key not in keys:
        return questions
    index = keys.index(key)
    target = min(max(index + offset, 0), len(questions) - 1)
    moved = list(questions)
    moved.insert(target, moved.pop(index))
    return moved
