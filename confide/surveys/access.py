"""Unlocked handles on a free-text answer: proof that the caller holds its key, for one request only. Frozen,
and their repr never shows a key: the selectors are the only makers."""

from dataclasses import dataclass

from confide.surveys.models import SurveyText


@dataclass(frozen=True)
class TextAccess:
    """The author's, opened with the receipt of the free-text answer."""

    text: SurveyText
    text_key: bytes

    def __repr__(self) -> str:
        return f"TextAccess(text={self.text.pk})"
