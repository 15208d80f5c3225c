from django import forms
from django.utils.translation import gettext_lazy as _

from confide.reports.models import Report
from confide.surveys.content import FREE_TEXT_MAX_CHARS
from confide.surveys.models import Survey

SCALE_CHOICES = [
    ("1", _("Strongly disagree")),
    ("2", _("Disagree")),
    ("3", _("Neither agree nor disagree")),
    ("4", _("Agree")),
    ("5", _("Strongly agree")),
]


class AnswerForm(forms.Form):
    """One radio group per question (q0, q1, …), the credential in a hidden field, the free-text box if any."""

    credential = forms.CharField(widget=forms.HiddenInput, max_length=200)

    def __init__(self, *args: object, survey: Survey, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        for index, question in enumerate(survey.questions):
            self.fields[f"q{index}"] = forms.ChoiceField(
                label=question, choices=SCALE_CHOICES, widget=forms.RadioSelect
            )
        if survey.free_text_prompt:
            self.fields["free_text"] = forms.CharField(
                label=survey.free_text_prompt,
                required=False,
                max_length=FREE_TEXT_MAX_CHARS,
                help_text=_(
                    "Optional. Only the independent third party reads it, never the organization. You get a "
                    "receipt for it: with that receipt, and only with it, you can later turn it into a report."
                ),
                widget=forms.Textarea(attrs={"rows": 5}),
            )

    def answers(self) -> list[object]:
        return [self.cleaned_data[name] for name in self.fields if name.startswith("q")]


class TextToReportForm(forms.Form):
    receipt = forms.CharField(widget=forms.HiddenInput, max_length=200)
    category = forms.ChoiceField(
        label=_("Which best describes it?"), choices=Report.Category.choices, widget=forms.RadioSelect
    )
