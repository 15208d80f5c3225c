from django import forms
from django.utils.translation import gettext_lazy as _

from confide.reports.content import MESSAGE_MAX_CHARS
from confide.reports.models import Report


class ReplyForm(forms.Form):
    body = forms.CharField(
        label=_("Reply to the reporter"),
        help_text=_("The reporter reads this with their receipt. They see 'Case handler', not your name."),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=MESSAGE_MAX_CHARS,
    )
    acknowledge = forms.BooleanField(label=_("Also mark the case acknowledged"), required=False)


class InboxFilter(forms.Form):
    status = forms.ChoiceField(choices=[("", _("All")), *Report.Status.choices], required=False)
