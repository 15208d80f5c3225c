"""The matching job's work: find indices where enough distinct accounts met, and tell counselors that
something waits, in a batch and without content (threat model G2, G5)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Count, F
from django.utils.translation import gettext as _

from confide.escrow.models import Entry, Match
from confide.reports.clock import today


def index_account_count(*, index: bytes) -> int:
    """Distinct accounts at one index: the match check (one index scan, flat in the table's size)."""
    return Entry.objects.filter(index=index).values("account_ref").distinct().count()


def matches_detect() -> int:
    """Create or grow Match rows; returns how many are new or grew. Verified and unverified entries never
    share an index (they are sealed under different inputs), so each group is one or the other."""
    changed = 0
    groups = (
        Entry.objects.values("index", "threshold", "verified")
        .annotate(accounts=Count("account_ref", distinct=True))
        .filter(accounts__gte=F("threshold"))
        .order_by()
    )
    for group in groups:
        index = bytes(group["index"])
        with transaction.atomic():
            match = Match.objects.select_for_update().filter(index=index, threshold=group["threshold"]).first()
            if match is None:
                Match.objects.create(
                    index=index,
                    threshold=group["threshold"],
                    verified=group["verified"],
                    accounts=group["accounts"],
                    found_on=today(),
                )
                changed += 1
            elif group["accounts"] > match.accounts:
                Match.objects.filter(pk=match.pk).update(accounts=group["accounts"], notified=False)
                changed += 1
    return changed


def match_notifications_send() -> int:
    """One email per counselor when any match is new or grew since the last batch; returns emails sent."""
    pending = Match.objects.filter(notified=False)
    count = pending.count()
    if not count:
        return 0
    counselors = (
        get_user_model()
        .objects.filter(is_active=True, role="counselor", counselor_wrap__isnull=False)
        .exclude(email="")
    )
    sent = 0
    for counselor in counselors:
        send_mail(
            subject=_("Confide: matching escrow needs a counselor"),
            message=_(
                "%(count)d match(es) are new or have new entries. Sign in to Confide to see them. "
                "This email never contains anything about an entry."
            )
            % {"count": count},
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=[counselor.email],
        )
        sent += 1
    pending.update(notified=True)
    return sent
