from django import forms
from django.utils.translation import gettext_lazy as _

# A browser's answer is a few hundred bytes of JSON (an attestation with a certificate chain, a few KB).
ANSWER_MAX = 16_000


class PasskeyAddForm(forms.Form):
    name = forms.CharField(
        label=_("A name for this passkey"),
        help_text=_("Say where it lives, e.g. “work laptop” or “blue security key”."),
        max_length=60,
    )
    # Filled by static/staff/passkeys.js with the authenticator's answer; empty without JavaScript.
    passkey = forms.CharField(required=False, max_length=ANSWER_MAX, widget=forms.HiddenInput)


class PasskeyRenameForm(forms.Form):
    name = forms.CharField(label=_("New name"), max_length=60)
