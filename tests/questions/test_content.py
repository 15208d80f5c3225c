"""What a form description may hold and what fits each kind of question: every refusal names the part at fault."""

import copy

import pytest

from confide.questions.content import AnswerRefused, FormRefused, answers_clean, form_clean, key_for
from confide.questions.editing import question_from_fields, question_move, question_remove
from tests.helpers.questions import ANSWERS, QUESTIONS


def _with(index: int, **changes) -> list:
    questions = copy.deepcopy(QUESTIONS)
    questions[index].update(changes)
    return questions


def test_a_description_with_every_kind_is_normalised():
    cleaned = form_clean(QUESTIONS)
    assert [q["kind"] for q in cleaned] == ["short_text", "long_text", "choice", "choices", "month", "date", "yes_no"]
    assert cleaned[1]["help"] == {"en": "", "es": ""} and cleaned[0]["options"] == []


@pytest.mark.parametrize(
    ("questions", "field"),
    [
        ("not a list", "questions"),
        ([{"key": "a"}], "questions[0].kind"),
        (_with(0, kind="essay"), "questions[0].kind"),
        (_with(0, key="Not A Key"), "questions[0].key"),
        (_with(1, key="team"), "questions[1].key"),
        (_with(0, label={"en": "Only English"}), "questions[0].label.es"),
        (_with(0, label="plain text"), "questions[0].label"),
        (_with(0, label={"en": "x", "es": "y", "fr": "z"}), "questions[0].label"),
        (_with(0, help={"en": "", "es": "solo español"}), "questions[0].help.en"),
        (_with(0, required="yes"), "questions[0].required"),
        (_with(0, colour="red"), "questions[0]"),
        (_with(2, options=[{"key": "only", "label": {"en": "One", "es": "Una"}}]), "questions[2].options"),
        (_with(2, options=[{"key": "a", "label": {"en": "A", "es": "A"}}] * 2), "questions[2].options"),
        (_with(2, options=[{"key": "a", "label": {"en": "A"}}, {"key": "b"}]), "questions[2].options[0].label.es"),
        (_with(0, options=[{"key": "a", "label": {"en": "A", "es": "A"}}]), "questions[0].options"),
        (_with(0, label={"en": "x" * 301, "es": "y"}), "questions[0].label.en"),
        (_with(0, label={"en": "nul\x00", "es": "y"}), "questions[0].label.en"),
        ([QUESTIONS[0]] * 31, "questions"),
    ],
)
def test_a_malformed_description_is_refused_naming_the_part(questions, field):
    with pytest.raises(FormRefused) as refused:
        form_clean(questions)
    assert refused.value.field == field and refused.value.message


def test_every_kind_of_answer_that_fits_is_kept():
    values = answers_clean(form_clean(QUESTIONS), ANSWERS)
    assert values["places"] == ["office", "event"]  # the form's order, whatever the order sent
    assert values["told"] is False and values["last_day"] == "2024-05-31"


def test_unanswered_optional_questions_are_left_out():
    assert answers_clean(form_clean(QUESTIONS), {"team": " Field ", "details": "", "places": []}) == {"team": "Field"}


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("team", None),
        ("team", 12),
        ("team", "x" * 301),
        ("details", "y" * 20_001),
        ("role", "boss"),
        ("role", ["staff"]),
        ("places", ["office", "moon"]),
        ("places", {"office": True}),
        ("started", "2024-13"),
        ("started", "March 2024"),
        ("last_day", "2024-02-30"),
        ("last_day", "31/05/2024"),
        ("told", "yes"),
        ("told", 1),
        ("unknown", "anything"),
    ],
)
def test_an_answer_that_does_not_fit_is_refused_naming_the_question(key, value):
    answers = {**ANSWERS, key: value}
    with pytest.raises(AnswerRefused) as refused:
        answers_clean(form_clean(QUESTIONS), answers)
    assert refused.value.field == f"answers.{key}"


def test_the_message_names_the_question_in_the_reporters_language():
    with pytest.raises(AnswerRefused) as refused:
        answers_clean(form_clean(QUESTIONS), {}, language="es", prefix="q_")
    assert refused.value.field == "q_team" and "¿En qué equipo estaba?" in refused.value.message


def test_answers_that_are_not_an_object_are_refused():
    with pytest.raises(AnswerRefused) as refused:
        answers_clean(form_clean(QUESTIONS), ["Field"])  # type: ignore[arg-type]
    assert refused.value.field == "answers"


def test_the_editor_makes_keys_from_the_english_text_and_pairs_options_by_line():
    question = question_from_fields(
        key=None,
        kind="choice",
        required=True,
        label_en="Which office?",
        label_es="¿Qué oficina?",
        help_en="",
        help_es="",
        options_en="Main office\nField office\n",
        options_es="Oficina central\nOficina de campo",
        taken=["which_office"],
    )
    assert question["key"] == "which_office_2"
    assert [o["key"] for o in question["options"]] == ["main_office", "field_office"]
    assert question["options"][1]["label"] == {"en": "Field office", "es": "Oficina de campo"}
    assert key_for("2024 events", taken=[]) == "q_2024_events"


def test_the_editor_refuses_options_that_do_not_pair_up():
    with pytest.raises(FormRefused) as refused:
        question_from_fields(
            key=None,
            kind="choices",
            required=False,
            label_en="Where?",
            label_es="¿Dónde?",
            help_en="",
            help_es="",
            options_en="Office\nEvent",
            options_es="Oficina",
            taken=[],
        )
    assert refused.value.field == "options_es"


def test_moving_and_removing_keep_everything_else_in_order():
    keys = [q["key"] for q in QUESTIONS]
    assert [q["key"] for q in question_move(QUESTIONS, "role", -1)][:3] == ["team", "role", "details"]
    assert [q["key"] for q in question_move(QUESTIONS, "team", -1)] == keys
    assert [q["key"] for q in question_move(QUESTIONS, "told", 1)] == keys
    assert [q["key"] for q in question_remove(QUESTIONS, "role")] == [k for k in keys if k != "role"]
