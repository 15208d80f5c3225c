"""The third party's editor of an organization's own questions: one question at a time, in both languages."""

from django import forms
from django.utils.translation import gettext_lazy as _

from confide.questions.content import (
    CHOICE,
    CHOICES,
    DATE,
    HELP_MAX,
    LABEL_MAX,
    LONG_TEXT,
    MONTH,
    OPTION_MAX,
    SHORT_TEXT,
    YES_NO,
)

KIND_CHOICES = [
    (SHORT_TEXT, _("Short text (one line)")),
    (LONG_TEXT, _("Long text (a paragraph)")),
    (CHOICE, _("One choice among options")),
    (CHOICES, _("Several choices among options")),
    (DATE, _("A date")),
    (MONTH, _("A month")),
    (YES_NO, _("Yes or no")),
]
OPTIONS_HINT = _("Only for the choice kinds: one option per line, in the same order in both languages.")


class QuestionForm(forms.Form):
    """Field limits mirror confide.questions.content (question_clean), which has the last word."""

    base = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    kind = forms.ChoiceField(label=_("Kind of answer"), choices=KIND_CHOICES)
    required = forms.BooleanField(label=_("The reporter must answer it"), required=False)
    label_en = forms.CharField(label=_("Question in English"), max_length=LABEL_MAX)
    label_es = forms.CharField(label=_("Question in Spanish"), max_length=LABEL_MAX)
    help_en = forms.CharField(
        label=_("Help text in English"), required=False, max_length=HELP_MAX, widget=forms.Textarea(attrs={"rows": 2})
    )
    help_es = forms.CharField(
        label=_("Help text in Spanish"), required=False, max_length=HELP_MAX, widget=forms.Textarea(attrs={"rows": 2})
    )
    options_en = forms.CharField(
        label=_("Options in English"),
        help_text=OPTIONS_HINT,
        required=False,
        max_length=40 * (OPTION_MAX + 1),
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    options_es = forms.CharField(
        label=_("Options in Spanish"),
        help_text=OPTIONS_HINT,
        required=False,
        max_length=40 * (OPTION_MAX + 1),
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class ChangeForm(forms.Form):
    """Move or remove: the version the page showed, so that no click undoes someone else's edit."""

    base = forms.IntegerField(min_value=0)
