"""Staff digests: "something needs your attention", never what. Sent in fixed time slots so that an email's
timing cannot point at a reporter's action (threat model G2)."""

import logging
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from confide.reports.selectors.dashboard import cases_needing_attention
from confide.reports.selectors.notices import reply_notices_due
from confide.reports.services.notices import reply_notice_sent

logger = logging.getLogger(__name__)


def digest_slot_after(moment: datetime) -> datetime:
    """The next fixed slot (every CONFIDE_DIGEST_HOURS hours from midnight UTC) strictly after `moment`."""
    hours = settings.CONFIDE_DIGEST_HOURS
    midnight = moment.replace(hour=0, minute=0, second=0, microsecond=0)
    slot = midnight
    while slot <= moment:
        slot += timedelta(hours=hours)
    return slot


def staff_digests_send() -> int:
    """One email per handler with anything needing attention; returns how many were sent."""
    sent = 0
    handlers = get_user_model().objects.filter(is_active=True, public_key__isnull=False).exclude(email="")
    for user in handlers:
        count = cases_needing_attention(user=user).order_by().count()
        if not count:
            continue
        with translation.override(user.language):  # the recipient's own language, not the worker's
            subject = _("Confide: cases need your attention")
            message = ngettext(
                "%(count)d case needs your attention (acknowledgement, feedback or reply). "
                "Sign in to Confide to see it. This email never contains anything about a case.",
                "%(count)d cases need your attention (acknowledgements, feedback or replies). "
                "Sign in to Confide to see them. This email never contains anything about a case.",
                count,
            ) % {"count": count}
        send_mail(subject=subject, message=message, from_email=settings.DEFAULT_FROM_EMAIL, recipient_list=[user.email])
        sent += 1
    return sent


def _reply_notice_text() -> tuple[str, str]:
    """Subject and body, in English and Spanish at once: the reporter's language is not kept anywhere. No
    organization, reference or date: the mail goes to a personal inbox that someone else may read."""
    subjects, bodies = [], []
    for language in ("en", "es"):
        with translation.override(language):
            subjects.append(_("A new message is waiting for you"))
            body = _(
                "A new message is waiting for you on the page where you made your report. To read it, open that "
                'page, choose "I have a receipt" and enter your receipt.'
            )
            if settings.CONFIDE_SITE_URL:
                body += " " + _("The site: %(url)s") % {"url": settings.CONFIDE_SITE_URL}
            body += "\n\n" + _(
                "You get this email because you asked for it. It never says anything about what you wrote. To stop "
                "these emails, remove the address on the same page."
            )
            bodies.append(body)
    return " / ".join(subjects), "\n\n-----\n\n".join(bodies)


def reply_notices_send() -> int:
    """One content-free email per reporter who left an address and has a handler's reply since the last one.
    Run in the digest's slots, so the time it arrives says only that a reply came during the slot before."""
    subject, body = _reply_notice_text()
    sent = 0
    for due in reply_notices_due():
        try:
            send_mail(
                subject=subject, message=body, from_email=settings.DEFAULT_FROM_EMAIL, recipient_list=[due.address]
            )
        except OSError:  # smtplib's errors included: stays pending for the next slot; the log names no one
            logger.warning("A reply notice could not be sent; it is retried in the next slot.")
            continue
        reply_notice_sent(report_id=due.report_id)
        sent += 1
    return sent
