"""New letters for recipients, overdue answers, and letters waiting for the third party: recipients and
handlers get a content-free reminder, one email per person per run, so neither the subject nor the timing
says which letter or who signed it."""

from collections import Counter

from django.conf import settings
from django.core.mail import send_mail
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from confide.core.clock import today
from confide.letters.models import Letter, LetterCopy, LetterKeyWrap
from confide.letters.selectors.common import letter_list_overdue, letter_list_waiting_for_third_party


def letter_reminders_send() -> int:
    """Returns how many emails went out."""
    overdue = list(letter_list_overdue())
    per_user: Counter = Counter()
    users = {}
    for wrap in LetterKeyWrap.objects.filter(
        letter__in=letter_list_waiting_for_third_party().values("pk"), user__is_active=True
    ).select_related("user"):
        if wrap.user.email:
            per_user[wrap.user.pk] += 1
            users[wrap.user.pk] = wrap.user
    delivered = list(
        LetterCopy.objects.filter(notified=False, letter__status=Letter.Status.RELEASED).select_related("recipient")
    )
    for copy in delivered:
        if copy.recipient.is_active and copy.recipient.email:
            per_user[copy.recipient.pk] += 1
            users[copy.recipient.pk] = copy.recipient
    for letter in overdue:
        people = [copy.recipient for copy in letter.copies.select_related("recipient")]
        # Handlers who hold L: one who stepped away for a conflict is not reminded of the letter.
        people += [wrap.user for wrap in letter.key_wraps.select_related("user")]
        for user in people:
            if user.is_active and user.email:
                per_user[user.pk] += 1
                users[user.pk] = user
    for user_id, count in per_user.items():
        with translation.override(users[user_id].language):  # the recipient's own language
            subject = _("Confide: letters need your attention")
            message = ngettext(
                "%(count)d letter you receive or handle needs your attention. Sign in to Confide to see it. "
                "This email never contains anything about a letter.",
                "%(count)d letters you receive or handle need your attention. Sign in to Confide to see them. "
                "This email never contains anything about a letter.",
                count,
            ) % {"count": count}
        send_mail(
            subject=subject,
            message=message,
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=[users[user_id].email],
        )
    Letter.objects.filter(pk__in=[letter.pk for letter in overdue]).update(reminded_on=today())
    LetterCopy.objects.filter(pk__in=[copy.pk for copy in delivered]).update(notified=True)
    return len(per_user)
