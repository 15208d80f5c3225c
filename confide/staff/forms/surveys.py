from django import forms
from django.utils.translation import gettext_lazy as _

from confide.surveys.content import QUESTIONS_MAX
from confide.surveys.models import Survey


class SurveyForm(forms.Form):
    organization = forms.ChoiceField(label=_("Organization"))
    kind = forms.ChoiceField(label=_("Kind"), choices=Survey.Kind.choices, widget=forms.RadioSelect)
    title = forms.CharField(label=_("Title"), max_length=200)
    questions = forms.CharField(
        label=_("Questions"),
        help_text=_(
            "One statement per line, at most %(n)s. Respondents answer each from 1 (strongly disagree) to 5 "
            "(strongly agree)."
        )
        % {"n": QUESTIONS_MAX},
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=4000,
    )
    free_text_prompt = forms.CharField(
        label=_("Free-text question (optional)"),
        required=False,
        max_length=300,
        help_text=_("Answers are sealed to the case handlers, like a report; the organization never reads them."),
    )

    def __init__(self, *args: object, organizations: list[tuple[str, str]], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["organization"].choices = organizations  # type: ignore[attr-defined]
