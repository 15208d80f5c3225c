from django import forms
from django.utils.translation import gettext_lazy as _


class EmailForm(forms.Form):
    email = forms.CharField(
        label=_("Your work email address, current or former"),
        max_length=254,
        help_text=_(
            "We send a one-time code to prove you are or were on the staff. The address is not kept: only a "
            "code derived from it, so the same person cannot count twice."
        ),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


class CodeForm(forms.Form):
    challenge = forms.UUIDField(widget=forms.HiddenInput)
    code = forms.CharField(
        label=_("The code from the email"),
        max_length=12,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code"}),
    )
