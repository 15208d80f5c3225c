"""The counselors' page shapes."""

from django import forms
from django.utils.translation import gettext_lazy as _

from confide.escrow.content import MESSAGE_MAX_CHARS


class CounselorMessageForm(forms.Form):
    OPTIONS = [
        ("joint", _("A joint report with the others who named this person")),
        ("meeting", _("A meeting with a counselor, to talk it through")),
        ("nothing", _("Nothing for now: their entry stays as it is")),
    ]
    body = forms.CharField(
        label=_("Message to this reporter"), widget=forms.Textarea(attrs={"rows": 5}), max_length=MESSAGE_MAX_CHARS
    )
    options = forms.MultipleChoiceField(
        label=_("Options offered"), choices=OPTIONS, required=False, widget=forms.CheckboxSelectMultiple
    )


class AddCounselorForm(forms.Form):
    username = forms.CharField(label=_("Username of the counselor to add"), max_length=150)
