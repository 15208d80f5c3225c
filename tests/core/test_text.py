import pytest

from confide.core.errors import Refused
from confide.core.text import text_clean


def test_text_is_stripped_and_kept_whole_up_to_the_limit():
    assert text_clean("  what happened \n", field="text", limit=14) == "what happened"
    assert text_clean("x" * 10, field="text", limit=10) == "x" * 10


@pytest.mark.parametrize(
    ("value", "required", "words"),
    [
        ("   ", True, "required"),
        (None, True, "required"),
        (42, False, "must be text"),
        ("x" * 31, True, "limited to 30"),
        ("a\x00b", True, "cannot be stored"),
        ("lone \ud800 surrogate", True, "cannot be stored"),
    ],
)
def test_bad_text_is_refused_naming_the_field(value, required, words):
    with pytest.raises(Refused) as refused:
        text_clean(value, field="body", limit=30, required=required)
    assert refused.value.field == "body" and words in refused.value.message and refused.value.status == 400


def test_optional_text_may_be_empty_and_the_caller_may_word_the_refusal():
    assert text_clean("", field="note", limit=10, required=False) == ""
    with pytest.raises(Refused, match="Please write what happened"):
        text_clean("", field="text", limit=10, empty="Please write what happened.")
