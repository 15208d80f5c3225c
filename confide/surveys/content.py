"""What a survey holds and what a response may say: the one place the rules live, for pages and API alike."""

import json
from dataclasses import dataclass

from django.utils.translation import gettext as _

from confide.core.errors import Conflict, NotFound, Refused
from confide.surveys.models import SCALE

QUESTIONS_MAX = 10
QUESTION_MAX_CHARS = 300
FREE_TEXT_MAX_CHARS = 5000
# Every sealed response has this size whatever it says, so a row's length tells nothing.
PENDING_BYTES = 64
# The Tally row's question number that counts respondents (its value is 0).
RESPONDENTS = -1


class SurveyRefused(Refused):
    """A sentence to show; `field` names the input at fault."""


class SurveyNotFound(NotFound):
    """No such open round here (or not the caller's to see): one answer for both."""


class CredentialSpent(Conflict):
    """This credential was used already: nothing is counted twice."""


def questions_clean(lines: list[str]) -> list[str]:
    questions = [" ".join(line.split()) for line in lines if line.strip()]
    if not questions:
        raise SurveyRefused(_("Write at least one question, one per line."), field="questions")
    if len(questions) > QUESTIONS_MAX:
        raise SurveyRefused(_("A survey has at most %(n)s questions.") % {"n": QUESTIONS_MAX}, field="questions")
    if any(len(q) > QUESTION_MAX_CHARS for q in questions):
        raise SurveyRefused(_("A question is at most %(n)s characters.") % {"n": QUESTION_MAX_CHARS}, field="questions")
    return questions


def answers_clean(raw: list[object], *, questions: int) -> list[int]:
    """One whole number from the scale per question, or a refusal naming the question at fault."""
    if len(raw) != questions:
        raise SurveyRefused(_("Answer every question, once each."), field="answers")
    answers = []
    for index, value in enumerate(raw):
        try:
            number = int(str(value).strip()) if not isinstance(value, bool) else None
        except ValueError:
            number = None
        if number not in SCALE:
            raise SurveyRefused(
                _("Question %(n)s: choose one of the answers from %(low)s to %(high)s.")
                % {"n": index + 1, "low": SCALE[0], "high": SCALE[-1]},
                field=f"q{index}",
            )
        answers.append(number)
    return answers


def free_text_clean(text: str) -> str:
    text = text.replace("\x00", "").strip()
    if len(text) > FREE_TEXT_MAX_CHARS:
        raise SurveyRefused(
            _("The free-text answer is at most %(n)s characters.") % {"n": FREE_TEXT_MAX_CHARS}, field="free_text"
        )
    return text


@dataclass(frozen=True)
class PendingAnswers:
    answers: list[int]

    def to_bytes(self) -> bytes:
        document = json.dumps({"a": self.answers}).encode()
        if len(document) > PENDING_BYTES:
            raise ValueError("a response longer than its padded size would stand out by length")
        return document.ljust(PENDING_BYTES)

    @classmethod
    def from_bytes(cls, raw: bytes) -> "PendingAnswers":
        return cls(answers=[int(a) for a in json.loads(raw)["a"]])
