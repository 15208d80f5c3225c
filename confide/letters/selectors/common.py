"""Reads on letters that both doors and the jobs share: the organization's contacts, and what a key already
opened shows (the letter, the count, the thread, the meeting). No access control here: every function takes a
key or a row that an opener (selectors/reporter.py, selectors/staff.py) handed out."""

import json
import uuid
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, F, Q, QuerySet
from django.utils.translation import gettext as _

from confide import crypto
from confide.accounts.models import User
from confide.core.clock import today
from confide.letters import keys
from confide.letters.content import LetterContent
from confide.letters.models import Letter, Signature, Update
from confide.tenants.models import Membership, Organization

REMIND_EVERY_DAYS = 7


# Who may receive a letter: the organization's leaders, and the independent bodies registered for it, so that
# staff can write to the party or the union when the campaign's leaders are the problem (issue 13).
RECIPIENT_ROLES = (Membership.Role.CONTACT, Membership.Role.INDEPENDENT_BODY)


def contact_list(*, organization: Organization) -> QuerySet[User]:
    """Who can receive the organization's letters: its contacts and independent bodies with a key pair, and
    those of its successor (issue 13: a letter to the last cycle's leaders reaches them where they moved)."""
    organizations = [organization.pk] + ([organization.successor_id] if organization.successor_id else [])
    return (
        User.objects.filter(
            memberships__organization_id__in=organizations,
            memberships__role__in=RECIPIENT_ROLES,
            is_active=True,
            public_key__isnull=False,
        )
        .order_by("last_name", "first_name", "username")
        .distinct()
    )


def contact_name(user: User) -> str:
    """A contact by name; an independent body by its title (it chose that over a personal name)."""
    if user.role == User.Role.INDEPENDENT_BODY:
        title = (
            Membership.objects.filter(user=user, role=Membership.Role.INDEPENDENT_BODY)
            .exclude(title="")
            .values_list("title", flat=True)
            .first()
        )
        return _("Independent body: %(title)s") % {"title": title} if title else _("Independent body")
    return user.get_full_name() or user.get_username()


def letter_content(*, letter: Letter, participant_key: bytes) -> LetterContent:
    raw = crypto.aead_decrypt(participant_key, bytes(letter.content), ad=keys.ad_letter(letter.id, "content"))
    return LetterContent.from_bytes(raw)


def signature_count(*, letter: Letter) -> int:
    return Signature.objects.filter(letter=letter).count()


def letter_threshold_met(*, letter: Letter, count: int | None = None, on: date | None = None) -> bool:
    count = signature_count(letter=letter) if count is None else count
    if count >= letter.threshold:
        return True
    # The organizer may have chosen to deliver at the deadline with whatever support there is by then.
    return bool(letter.release_at_deadline and letter.deadline and on and on >= letter.deadline and count >= 1)


@dataclass(frozen=True)
class UpdateView:
    id: uuid.UUID
    seq: int
    author_kind: str
    body: str
    created_on: date

    @property
    def author_label(self) -> str:
        return str(Update.Author(self.author_kind).label)


def thread_keys(*, letter: Letter, participant_key: bytes) -> dict[int, bytes]:
    """Epoch -> key, for a holder of P: P itself, and T once the letter is released."""
    found = {0: participant_key}
    if letter.thread_wrap:
        found[1] = crypto.aead_decrypt(
            participant_key, bytes(letter.thread_wrap), ad=keys.ad_letter(letter.id, "thread")
        )
    return found


def thread_key_current(*, letter: Letter, participant_key: bytes) -> tuple[int, bytes]:
    """Where a holder of P writes now: under T after release, under P before."""
    epoch, key = max(thread_keys(letter=letter, participant_key=participant_key).items())
    return epoch, key


def updates_read(*, letter: Letter, keys_by_epoch: dict[int, bytes]) -> list[UpdateView]:
    """The updates the given keys open; a recipient holding only T sees nothing from before delivery."""
    views = []
    for update in Update.objects.filter(letter=letter, epoch__in=list(keys_by_epoch)).order_by("seq"):
        key = keys_by_epoch[update.epoch]
        body = crypto.aead_decrypt(key, bytes(update.body), ad=keys.ad_row(letter.id, "update", update.id))
        views.append(UpdateView(update.id, update.seq, update.author_kind, body.decode(), update.created_on))
    return views


def meeting_read(*, letter: Letter, thread_key: bytes | None) -> dict:
    if not letter.meeting or thread_key is None:
        return {"times": [], "attendees": {}, "scheduled_for": ""}
    raw = crypto.aead_decrypt(thread_key, bytes(letter.meeting), ad=keys.ad_letter(letter.id, "meeting"))
    return json.loads(raw)


@dataclass(frozen=True)
class LetterOverview:
    """What every participant may see: the letter, the count (never names), the thread and the meeting."""

    letter: Letter
    content: LetterContent
    count: int
    updates: list[UpdateView]
    meeting: dict


def letter_overview(*, letter: Letter, participant_key: bytes) -> LetterOverview:
    by_epoch = thread_keys(letter=letter, participant_key=participant_key)
    return LetterOverview(
        letter=letter,
        content=letter_content(letter=letter, participant_key=participant_key),
        count=signature_count(letter=letter),
        updates=updates_read(letter=letter, keys_by_epoch=by_epoch),
        meeting=meeting_read(letter=letter, thread_key=by_epoch.get(1)),
    )


# What the reminder job looks at (services/reminders.py): rows only, never a key.


def letter_list_overdue() -> QuerySet[Letter]:
    """Delivered letters whose answer is late, not reminded of in the last REMIND_EVERY_DAYS days."""
    day = today()
    return Letter.objects.filter(
        status=Letter.Status.RELEASED,
        meeting_status__in=[Letter.Meeting.REQUESTED, Letter.Meeting.ACKNOWLEDGED],
        answer_due__lt=day,
    ).exclude(reminded_on__gt=day - timedelta(days=REMIND_EVERY_DAYS))


def letter_list_waiting_for_third_party() -> QuerySet[Letter]:
    """Drafts to review, and circulating letters ready to be released: at their threshold, or at their deadline
    when the organizer chose delivery at the deadline with whatever support there is."""
    ready = Q(signed__gte=F("threshold")) | Q(release_at_deadline=True, deadline__lte=today(), signed__gte=1)
    return Letter.objects.annotate(signed=Count("signatures")).filter(
        Q(status=Letter.Status.REVIEW) | (Q(status=Letter.Status.CIRCULATING) & ready)
    )
