from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from confide.reports.content import LIMITS, MESSAGE_MAX_CHARS
from confide.reports.models import Report
from confide.web.fields import TextField, limit_hint


class ReportForm(forms.Form):
    """Field rules mirror content_build (the single source of truth); this form is only the page's shape."""

    what_happened = TextField(
        label=_("What happened, in your own words"),
        help_text=limit_hint(
            _("Take your time. Write as much or as little as you want; you can add more later."),
            LIMITS["what_happened"],
        ),
        widget=forms.Textarea(attrs={"rows": 10}),
        max_length=LIMITS["what_happened"],
    )
    when = TextField(
        label=_("When did it happen?"),
        help_text=_("Approximate is fine, for example 'spring 2024' or 'during the primary'."),
        required=False,
        max_length=LIMITS["when"],
    )
    where = TextField(
        label=_("Where did it happen?"),
        help_text=_("For example an office, an event, a car, online."),
        required=False,
        max_length=LIMITS["where"],
    )
    people_involved = TextField(
        label=_("People involved"),
        help_text=limit_hint(
            _("Who did it, and anyone who saw or knows. Names or roles, as you prefer."), LIMITS["people_involved"]
        ),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=LIMITS["people_involved"],
    )
    category = forms.ChoiceField(
        label=_("Which best describes it?"),
        help_text=_("Choose the closest, or skip it if none fits; the case handler can change it."),
        choices=Report.Category.choices,
        required=False,
        widget=forms.RadioSelect,
    )
    identity = forms.ChoiceField(
        label=_("Do you want to give your name?"),
        choices=[
            ("anonymous", _("No, stay anonymous")),
            ("named", _("Yes, give my name and a way to reach me")),
        ],
        initial="anonymous",
        widget=forms.RadioSelect,
    )
    name = TextField(label=_("Your name"), required=False, max_length=LIMITS["name"])
    contact = TextField(
        label=_("How to reach you"),
        help_text=_("A phone number or an email address that your organization cannot read."),
        required=False,
        max_length=LIMITS["contact"],
    )
    avoid_handlers = TextField(
        label=_("Anyone at the third party who should NOT see this report?"),
        help_text=_(
            "Optional. Give their name as you know it. Anyone on the case team with that name will never "
            "receive the key to your report."
        ),
        required=False,
        max_length=LIMITS["avoid_handlers"],
    )
    # In the clear on the report (its own column): it keeps the case from every contact of the organization.
    about_leadership = forms.BooleanField(
        label=_("This is about the candidate or the campaign's senior leadership"),
        help_text=_(
            "Then nobody at the organization sees that this case exists, and the case team can hand it to an "
            "independent body registered in advance (for example a party ethics officer, a union representative "
            "or outside counsel)."
        ),
        required=False,
    )

    def clean_category(self) -> str:
        # Skipping the question is allowed (the page says so, issue 11): the case starts as "Something else",
        # which is what the handler would pick for an account they have not read yet, and can change.
        return self.cleaned_data["category"] or Report.Category.OTHER

    @property
    def anonymous(self) -> bool:
        return self.cleaned_data.get("identity", "anonymous") != "named"


class ReceiptForm(forms.Form):
    receipt = TextField(
        label=_("Your receipt"),
        help_text=_(
            "The words of your receipt, as you were given them. Spaces, dashes, capitals and accents do not matter."
        ),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "none", "spellcheck": "false"}),
    )


class ReplyForm(forms.Form):
    body = TextField(
        label=_("Your message or new information"),
        help_text=limit_hint("", MESSAGE_MAX_CHARS),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=MESSAGE_MAX_CHARS,
    )


def attachment_limit_mb() -> int:
    return max(1, settings.CONFIDE_ATTACHMENT_MAX_BYTES // (1024 * 1024))
