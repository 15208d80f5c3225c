"""Page shapes. The rules live in services and content.py; these forms only bound and label the fields."""

from typing import cast

from django import forms
from django.utils.translation import gettext_lazy as _

from confide.letters.content import MAX_ANSWER, MAX_REQUEST, MAX_SHORT, MAX_TEXT, MAX_TITLE, MIN_THRESHOLD, Visibility
from confide.web.fields import TextField, limit_hint


class DraftForm(forms.Form):
    title = TextField(label=_("Title"), max_length=MAX_TITLE)
    text = TextField(
        label=_("The letter"),
        help_text=limit_hint(
            _("What you want the recipients to read. Signers see it before they sign."),
            MAX_TEXT,
        ),
        widget=forms.Textarea(attrs={"rows": 12}),
        max_length=MAX_TEXT,
    )
    request = TextField(
        label=_("Your request"),
        help_text=limit_hint(_("For example: a meeting with these people, about these topics."), MAX_REQUEST),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=MAX_REQUEST,
        required=False,
    )
    # The report form's leadership mark, in the same words (issue 13); the rule lives in services/drafting.py.
    about_leadership = forms.BooleanField(
        label=_("This is about the candidate or the campaign's senior leadership"),
        help_text=_(
            "Then the letter can go only to an independent body registered for the organization (for example a "
            "party ethics officer, a union representative or outside counsel), and no leader ever sees it."
        ),
        required=False,
    )
    recipients = forms.MultipleChoiceField(
        label=_("Recipients"),
        help_text=_("The organization's leaders who receive the letter once enough colleagues have signed."),
        widget=forms.CheckboxSelectMultiple,
    )
    attendees = TextField(
        label=_("Who should attend the meeting"),
        help_text=_("One per line, for example 'The organizer' or 'Two former field organizers'."),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=MAX_SHORT * 20,
        required=False,
    )
    threshold = forms.IntegerField(
        label=_("Signatures needed before the letter is delivered"),
        help_text=_("At least 2: a letter signed by one person points at that person."),
        min_value=MIN_THRESHOLD,
        max_value=100_000,
    )
    deadline = forms.DateField(
        label=_("Deadline"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Optional. Signing closes after this day."),
    )
    release_at_deadline = forms.BooleanField(
        label=_("Deliver at the deadline even if fewer have signed (at least one)"), required=False
    )
    fingerprinted = forms.BooleanField(
        label=_("Mark each recipient's copy invisibly, so that a leaked copy can be traced to its recipient"),
        required=False,
        initial=True,
    )

    def __init__(self, *args, contacts=(), body_ids=(), **kwargs):
        super().__init__(*args, **kwargs)
        recipients = cast(forms.MultipleChoiceField, self.fields["recipients"])
        recipients.choices = [(str(pk), name) for pk, name in contacts]
        # Without script the list cannot narrow when the box is ticked: the page shows bodies apart instead.
        self.body_ids = {str(pk) for pk in body_ids}


class SignForm(forms.Form):
    """Step 2 of signing: the code proving membership (or the third party's vouching code), and the signature."""

    challenge = forms.UUIDField(required=False, widget=forms.HiddenInput)
    code = TextField(
        label=_("The code from the email"),
        max_length=12,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code"}),
    )
    vouch = TextField(label=_("Or: the vouching code the third party gave you"), max_length=200, required=False)
    name = TextField(label=_("Your name"), max_length=MAX_SHORT)
    role = TextField(label=_("Your role"), max_length=MAX_SHORT, required=False)
    cohort = TextField(
        label=_("When and where you worked"),
        help_text=_("For example '2016 campaign, field'."),
        max_length=MAX_SHORT,
        required=False,
    )
    visibility = forms.ChoiceField(
        label=_("What the recipients see"),
        choices=[
            (Visibility.NAME, _("My name, role and cohort")),
            (Visibility.VERIFIED, _("Only 'a verified current or former staff member'")),
        ],
        widget=forms.RadioSelect,
        help_text=_("Before delivery nobody but the independent third party sees any name, only the count."),
    )


class MessageForm(forms.Form):
    body = TextField(
        label=_("Message"),
        help_text=limit_hint("", MAX_ANSWER),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=MAX_ANSWER,
    )
