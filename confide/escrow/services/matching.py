"""The matching job's work: find indices where enough distinct accounts met, and tell counselors that
something waits, in a batch and without content (threat model G2, G5)."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Count, F, QuerySet
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from confide.accounts.models import User
from confide.core.clock import today
from confide.escrow.models import Entry, Match, PendingIndex

BATCH = 500


def _group_record(*, index: bytes, threshold: int, verified: bool, accounts: int) -> bool:
    """Create or grow the Match at this index; True when it is new or grew."""
    match = Match.objects.select_for_update().filter(index=index, threshold=threshold).first()
    if match is None:
        Match.objects.create(index=index, threshold=threshold, verified=verified, accounts=accounts, found_on=today())
        return True
    if accounts > match.accounts:
        Match.objects.filter(pk=match.pk).update(accounts=accounts, notified=False)
        return True
    return False


def _groups(entries: QuerySet[Entry]) -> QuerySet:
    # Verified and unverified entries never share an index (they are sealed under different inputs), so
    # grouping by `verified` too splits nothing.
    return (
        entries.values("index", "threshold", "verified")
        .annotate(accounts=Count("account_ref", distinct=True))
        .filter(accounts__gte=F("threshold"))
        .order_by()
    )


def _groups_record(groups: QuerySet) -> int:
    changed = 0
    for group in groups:
        changed += _group_record(
            index=bytes(group["index"]),
            threshold=group["threshold"],
            verified=group["verified"],
            accounts=group["accounts"],
        )
    return changed


def matches_detect() -> int:
    """Create or grow Match rows at the indices written since the last run; returns how many are new or grew.
    Work grows with the entries written since the last run, not with the table: two statements per batch."""
    changed = 0
    while True:
        pending = list(PendingIndex.objects.values_list("pk", "index")[:BATCH])
        if not pending:
            return changed
        with transaction.atomic():
            # Deleted by id: an entry written meanwhile adds a row with a new id, checked on the next run.
            PendingIndex.objects.filter(pk__in=[pk for pk, _index in pending]).delete()
            entries = Entry.objects.filter(index__in={bytes(index) for _pk, index in pending})
            # A no-op UPDATE: new row versions carry this job's transaction id, shared by the whole batch,
            # instead of the id of the request that wrote them (see PendingIndex).
            entries.update(verified=F("verified"))
            changed += _groups_record(_groups(entries))


def matches_detect_all() -> int:
    """The same over every index in the table (one grouped count): for a deployment restored from a backup
    taken without its pending indices, or to compare timings. `manage.py escrow_match --all`."""
    with transaction.atomic():
        return _groups_record(_groups(Entry.objects.all()))


def match_notifications_send() -> int:
    """One email per counselor when any match is new or grew since the last batch; returns emails sent."""
    pending = Match.objects.filter(notified=False)
    count = pending.count()
    if not count:
        return 0
    counselors = User.objects.filter(is_active=True, role=User.Role.COUNSELOR, counselor_wrap__isnull=False).exclude(
        email=""
    )
    sent = 0
    for counselor in counselors:
        with translation.override(counselor.language):  # the recipient's own language
            subject = _("Confide: matching escrow needs a counselor")
            message = ngettext(
                "%(count)d match is new or has new entries. Sign in to Confide to see it. "
                "This email never contains anything about an entry.",
                "%(count)d matches are new or have new entries. Sign in to Confide to see them. "
                "This email never contains anything about an entry.",
                count,
            ) % {"count": count}
        send_mail(
            subject=subject, message=message, from_email=settings.DEFAULT_FROM_EMAIL, recipient_list=[counselor.email]
        )
        sent += 1
    pending.update(notified=True)
    return sent
