"""Form fields for text a person writes: the server enforces the limit, the hint states it, and the browser
never cuts anything.

A `maxlength` attribute makes browsers drop whatever is pasted past it without a word (issue 11: a 58,000
character account lost two thirds), so these fields render without it: an over-long text comes back to the
server, which refuses it with the form kept whole and the limit said at the field.
"""

from collections.abc import Sized
from typing import cast

from django import forms
from django.core.validators import MaxLengthValidator
from django.utils.formats import number_format
from django.utils.functional import Promise, lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

TOO_LONG = _(
    "This text has %(show_value)s characters and at most %(limit_value)s fit here. Everything you typed is "
    "still here: shorten it, or keep a part for a later message."
)


def characters(count: int) -> str:
    """A count of characters, grouped the way the reader's language writes numbers (200,000 or 200.000)."""
    return number_format(count, force_grouping=True)


def _limit_hint(hint: str | Promise, limit: int) -> str:
    stated = gettext("Up to %(limit)s characters.") % {"limit": characters(limit)}
    return f"{hint} {stated}" if hint else stated


_limit_hint_lazy = lazy(_limit_hint, str)


def limit_hint(hint: str | Promise, limit: int) -> str:
    """The field's hint followed by its limit, translated when the page renders (a lazy str)."""
    return cast(str, _limit_hint_lazy(hint, limit))


class _TooLong(MaxLengthValidator):
    message = TOO_LONG

    def __call__(self, value: Sized) -> None:
        cleaned = self.clean(value)
        if cleaned > self.limit_value:
            raise forms.ValidationError(
                self.message,
                code=self.code,
                params={"limit_value": characters(self.limit_value), "show_value": characters(cleaned)},
            )


class TextField(forms.CharField):
    """A CharField with `max_length` checked on the server only, and a message that says the text is kept."""

    def __init__(self, *, max_length: int, **kwargs: object) -> None:
        super().__init__(max_length=max_length, **kwargs)  # type: ignore[arg-type]
        self.validators = [_TooLong(max_length) if isinstance(v, MaxLengthValidator) else v for v in self.validators]

    def widget_attrs(self, widget: forms.Widget) -> dict:
        attrs = super().widget_attrs(widget)
        attrs.pop("maxlength", None)
        return attrs
