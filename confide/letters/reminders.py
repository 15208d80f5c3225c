"""New letters for recipients, overdue answers, and letters waiting for the third party: recipients and
handlers get a content-free reminder, one email per person per run, so neither the subject nor the timing
says which letter or who signed it."""

from collections import Counter
from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db.models import Count, F, Q
from django.utils.translation import gettext as _

from confide.core.clock import today
from confide.letters.models import Letter, LetterCopy, LetterKeyWrap

REMIND_EVERY_DAYS = 7


def letters_overdue():
    day = today()
    return Letter.objects.filter(
        status=Letter.Status.RELEASED,
        meeting_status__in=[Letter.Meeting.REQUESTED, Letter.Meeting.ACKNOWLEDGED],
        answer_due__lt=day,
    ).exclude(reminded_on__gt=day - timedelta(days=REMIND_EVERY_DAYS))


def letters_waiting_for_third_party():
    """Drafts to review, and circulating letters ready to be released: at their threshold, or at their deadline
    when the organizer chose delivery at the deadline with whatever support there is."""
    ready = Q(signed__gte=F("threshold")) | Q(release_at_deadline=True, deadline__lte=today(), signed__gte=1)
    return Letter.objects.annotate(signed=Count("signatures")).filter(
        Q(status=Letter.Status.REVIEW) | (Q(status=Letter.Status.CIRCULATING) & ready)
    )


def letter_reminders_send() -> int:
    """Returns how many emails went out."""
    overdue = list(letters_overdue())
    per_user: Counter = Counter()
    users = {}
    for wrap in LetterKeyWrap.objects.filter(
        letter__in=letters_waiting_for_third_party().values("pk"), user__is_active=True
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
        send_mail(
            subject=_("Confide: letters need your attention"),
            message=_(
                "%(count)d letter(s) you receive or handle need your attention. Sign in to Confide to see them. "
                "This email never contains anything about a letter."
            )
            % {"count": count},
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=[users[user_id].email],
        )
    Letter.objects.filter(pk__in=[letter.pk for letter in overdue]).update(reminded_on=today())
    LetterCopy.objects.filter(pk__in=[copy.pk for copy in delivered]).update(notified=True)
    return len(per_user)
