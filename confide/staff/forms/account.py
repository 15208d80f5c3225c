from django import forms
from django.utils.translation import gettext_lazy as _

from confide.accounts.models import User
from confide.staff.forms.passkeys import ANSWER_MAX


class SignInForm(forms.Form):
    username = forms.CharField(
        label=_("Username"), max_length=150, widget=forms.TextInput(attrs={"autocomplete": "username"})
    )
    password = forms.CharField(
        label=_("Password"),
        max_length=1024,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    code = forms.CharField(
        label=_("Code from your authenticator app"),
        help_text=_("Leave empty only the first time, before you have set one up."),
        required=False,
        max_length=10,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )
    # A passkey's answer instead of the code, filled by static/staff/passkeys.js.
    passkey = forms.CharField(required=False, max_length=ANSWER_MAX, widget=forms.HiddenInput)


class PasswordChangeForm(forms.Form):
    old_password = forms.CharField(
        label=_("Current password"), widget=forms.PasswordInput(attrs={"autocomplete": "current-password"})
    )
    new_password = forms.CharField(
        label=_("New password"),
        help_text=_("At least 12 characters. Your decryption key is re-wrapped under it; nothing is re-encrypted."),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        max_length=1024,
    )
    new_password_again = forms.CharField(
        label=_("New password, again"), widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )

    def clean(self):
        data = super().clean() or {}
        if data.get("new_password") != data.get("new_password_again"):
            raise forms.ValidationError(_("The two new passwords differ."))
        return data


class TotpForm(forms.Form):
    code = forms.CharField(
        label=_("The 6-digit code your app shows now"),
        max_length=10,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


class JoinForm(forms.Form):
    username = forms.SlugField(label=_("Choose a username"), max_length=150)
    password = forms.CharField(
        label=_("Choose a password"),
        help_text=_("At least 12 characters. It also protects your decryption key: nobody can reset it for you."),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        max_length=1024,
    )
    password_again = forms.CharField(
        label=_("The password again"), widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )

    def clean(self):
        data = super().clean() or {}
        if data.get("password") != data.get("password_again"):
            raise forms.ValidationError(_("The two passwords differ."))
        return data


class LanguageForm(forms.Form):
    # Each language named in itself, so a reader who landed in the wrong one still finds their own.
    language = forms.ChoiceField(
        label=_("Language"),
        help_text=_("Your staff pages and the emails Confide sends you. Reporters' pages follow their own choice."),
        choices=User.Language.choices,
    )
