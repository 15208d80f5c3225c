"""Page shapes. The rules live in services and content.py; these forms only bound and label the fields."""

from django import forms
from django.utils.translation import gettext_lazy as _

from confide.letters.content import MAX_ANSWER, MAX_REQUEST, MAX_SHORT, MAX_TRACE
from confide.letters.models import Letter


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("approve", _("Let it circulate")), ("decline", _("Do not circulate"))],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Note to the organizer"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=MAX_REQUEST,
    )


class ReleaseForm(forms.Form):
    confirm = forms.BooleanField(label=_("I confirm the signers are verified current or former staff."))


class MessageForm(forms.Form):
    body = forms.CharField(label=_("Message"), widget=forms.Textarea(attrs={"rows": 4}), max_length=MAX_ANSWER)


class ThirdPartyMessageForm(MessageForm):
    to_recipients = forms.BooleanField(
        label=_("Also send it to the recipients (after delivery)"), required=False, initial=False
    )


class GrantForm(forms.Form):
    username = forms.CharField(label=_("Colleague"), max_length=150)


class TraceForm(forms.Form):
    text = forms.CharField(
        label=_("Leaked text"),
        help_text=_("Paste the text exactly as found, without retyping it."),
        widget=forms.Textarea(attrs={"rows": 10}),
        max_length=MAX_TRACE,
    )


class TimesForm(forms.Form):
    times = forms.CharField(
        label=_("Proposed times, one per line"), widget=forms.Textarea(attrs={"rows": 3}), max_length=MAX_SHORT * 10
    )


class AttendeeForm(forms.Form):
    attendee = forms.CharField(max_length=MAX_SHORT, widget=forms.HiddenInput)
    decision = forms.ChoiceField(choices=[("accept", _("Accept")), ("decline", _("Decline"))])


class MeetingForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Meeting"),
        choices=[
            (Letter.Meeting.SCHEDULED, Letter.Meeting.SCHEDULED.label),
            (Letter.Meeting.HELD, Letter.Meeting.HELD.label),
            (Letter.Meeting.FOLLOW_UP, Letter.Meeting.FOLLOW_UP.label),
        ],
    )
    note = forms.CharField(label=_("Details (for example the date and place)"), required=False, max_length=MAX_ANSWER)
