"""The vault's page shapes. The rules live in escrow's services; these forms only bound and label the fields."""

from django import forms
from django.utils.translation import gettext_lazy as _

from confide.core.identifiers import PLATFORMS
from confide.escrow.content import MESSAGE_MAX_CHARS, TEXT_MAX_CHARS
from confide.reports.models import Report
from confide.web.fields import TextField, limit_hint


class RecordForm(forms.Form):
    text = TextField(
        label=_("What happened, for yourself"),
        help_text=limit_hint(
            _("Only you can read this, with your receipt. It is dated to the day, not the hour."), TEXT_MAX_CHARS
        ),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=TEXT_MAX_CHARS,
    )


class EntryForm(forms.Form):
    """Identifier rules live in confide.core.identifiers (shared with the API); this is the page's shape."""

    email = TextField(
        label=_("Their email address"), help_text=_("For example name@example.org."), required=False, max_length=200
    )
    phone = TextField(
        label=_("Their phone number"),
        help_text=_("With the country code, for example +1 202 555 0143."),
        required=False,
        max_length=200,
    )
    platform = forms.ChoiceField(
        label=_("Social network"), choices=[("", "—")] + [(p, p) for p in PLATFORMS], required=False
    )
    handle = TextField(
        label=_("Their handle on it"), help_text=_("For example @someone."), required=False, max_length=200
    )
    name = TextField(
        label=_("Their full name, as known in the organization"),
        help_text=_("Names are a weak match (people share names): the counselor sees that it matched on a name."),
        required=False,
        max_length=200,
    )
    text = TextField(
        label=_("What happened, in your own words"),
        help_text=limit_hint(
            _("Nobody can read this unless someone else names the same person. Then a counselor will."),
            TEXT_MAX_CHARS,
        ),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=TEXT_MAX_CHARS,
    )


class EntryEditForm(forms.Form):
    text = EntryForm.base_fields["text"]


class ToReportForm(forms.Form):
    category = forms.ChoiceField(
        label=_("Which best describes it?"), choices=Report.Category.choices, widget=forms.RadioSelect
    )


class MessageForm(forms.Form):
    body = TextField(
        label=_("Your message"),
        help_text=limit_hint("", MESSAGE_MAX_CHARS),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=MESSAGE_MAX_CHARS,
    )
