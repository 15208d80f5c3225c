"""The call-taker's forms. The draft lives only in these fields between steps (never in the session
or the database)."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from confide.hotline.keys import DRAFT_FIELDS
from confide.reports.content import LIMITS
from confide.reports.models import Report
from confide.web.fields import TextField, limit_hint


def language_codes() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


class ScriptForm(forms.Form):
    """The opening of the call: nothing is typed about the caller until both are done."""

    safe_to_talk = forms.BooleanField(label=_("The caller says this is a safe time and place to talk."))
    confidentiality_explained = forms.BooleanField(
        label=_("I explained the limits of confidentiality and that the call is not recorded.")
    )


class DraftForm(forms.Form):
    """The account as the call-taker types it. Field rules mirror content_build, which has the last word."""

    what_happened = TextField(
        label=_("What happened, as the caller tells it"),
        help_text=limit_hint(
            _("Put the caller's exact words between [[ and ]], for example: he said [[you owe me]]."),
            LIMITS["what_happened"],
        ),
        widget=forms.Textarea(attrs={"rows": 12}),
        max_length=LIMITS["what_happened"],
    )
    when = forms.CharField(label=_("When did it happen?"), required=False, max_length=LIMITS["when"])
    where = forms.CharField(label=_("Where did it happen?"), required=False, max_length=LIMITS["where"])
    people_involved = TextField(
        label=_("Who was involved, and did anyone see it or know about it?"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=LIMITS["people_involved"],
    )
    category = forms.ChoiceField(
        label=_("Which best describes it?"), choices=Report.Category.choices, widget=forms.RadioSelect
    )
    identity = forms.ChoiceField(
        label=_("Does the caller want to give their name?"),
        choices=[("anonymous", _("No, anonymous")), ("named", _("Yes, with a name or a way to reach them"))],
        initial="anonymous",
        widget=forms.RadioSelect,
    )
    name = forms.CharField(label=_("Caller's name"), required=False, max_length=LIMITS["name"])
    contact = forms.CharField(
        label=_("How to reach the caller"),
        help_text=_("Only a number or address the caller says is safe to use."),
        required=False,
        max_length=LIMITS["contact"],
    )
    avoid_handlers = forms.CharField(
        label=_("Anyone at the third party who should not see this report?"),
        required=False,
        max_length=LIMITS["avoid_handlers"],
    )
    about_leadership = forms.BooleanField(
        label=_("The caller says this is about the candidate or the campaign's senior leadership"),
        help_text=_("Then no contact of the organization can see the case; it may go to an independent body."),
        required=False,
    )

    def clean_what_happened(self) -> str:
        text = self.cleaned_data["what_happened"]
        if text.count("[[") != text.count("]]"):
            raise forms.ValidationError(_("Close every [[ with ]] so the caller's own words are marked clearly."))
        return text

    @property
    def anonymous(self) -> bool:
        return self.cleaned_data.get("identity", "anonymous") != "named"

    def hidden_values(self) -> list[tuple[str, str]]:
        """The cleaned draft, to carry in hidden fields to the next step."""
        return [(name, str(self.cleaned_data.get(name, ""))) for name in DRAFT_FIELDS]
