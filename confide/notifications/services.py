"""Staff digests: "something needs your attention", never what. Sent in fixed time slots so that an email's
timing cannot point at a reporter's action (threat model G2)."""

from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.utils.translation import gettext as _

from confide.reports.selectors.dashboard import cases_needing_attention


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
        send_mail(
            subject=_("Confide: cases need your attention"),
            message=_(
                "%(count)d case(s) need your attention (acknowledgements, feedback or replies). "
                "Sign in to Confide to see them. This email never contains anything about a case."
            )
            % {"count": count},
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=[user.email],
        )
        sent += 1
    return sent
