"""What recipients do with a delivered letter: acknowledge, answer, and work out the meeting. Everything they
write goes into the signers' thread under P, so it reaches every signer and the organizer."""

import json
from collections.abc import Iterable

from django.db import transaction
from django.utils.translation import gettext as _

from confide import crypto
from confide.audit.services import Action, audit_record
from confide.core.clock import today
from confide.letters import keys
from confide.letters.access import CopyAccess
from confide.letters.content import MAX_ANSWER, MAX_SHORT, LetterConflict, LetterError, letter_text_clean
from confide.letters.models import Letter, LetterCopy, Update
from confide.letters.selectors.common import contact_name, meeting_read
from confide.letters.selectors.staff import copy_read
from confide.letters.services.threads import update_append

MEETING_ORDER = [choice for choice, _label in Letter.Meeting.choices]
MAX_TIMES = 10


def _recipient_update(*, access: CopyAccess, body: str, action: Action) -> Update:
    update = update_append(
        letter=access.letter,
        thread_key=access.thread_key,
        author_kind=Update.Author.RECIPIENT,
        body=body,
    )
    audit_record(actor=access.user, action=action, obj=access.letter)
    return update


def _advance(letter: Letter, status: str) -> None:
    if MEETING_ORDER.index(status) > MEETING_ORDER.index(letter.meeting_status):
        letter.meeting_status = status
        letter.save(update_fields=["meeting_status"])


def letter_acknowledge(*, access: CopyAccess) -> LetterCopy:
    with transaction.atomic():
        copy = LetterCopy.objects.select_for_update().get(pk=access.copy.pk)
        if copy.acknowledged_on is not None:
            raise LetterConflict(_("You have already acknowledged this letter."))
        copy.acknowledged_on = today()
        copy.save(update_fields=["acknowledged_on"])
        letter = Letter.objects.select_for_update().get(pk=copy.letter_id)
        _advance(letter, Letter.Meeting.ACKNOWLEDGED)
        name = contact_name(access.user)
        _recipient_update(
            access=access,
            body=_("%(name)s acknowledged receipt of the letter.") % {"name": name},
            action=Action.LETTER_ACKNOWLEDGED,
        )
    return copy


def letter_answer(*, access: CopyAccess, body: object) -> Update:
    text = letter_text_clean(body, label=_("Answer"), limit=MAX_ANSWER, field="body")
    with transaction.atomic():
        return _recipient_update(
            access=access,
            body=_("Answer from %(name)s:\n%(body)s") % {"name": contact_name(access.user), "body": text},
            action=Action.LETTER_ANSWERED,
        )


def _meeting_save(letter: Letter, thread_key: bytes, meeting: dict) -> None:
    letter.meeting = crypto.aead_encrypt(
        thread_key, json.dumps(meeting, ensure_ascii=False).encode(), ad=keys.ad_letter(letter.id, "meeting")
    )
    letter.save(update_fields=["meeting"])


def meeting_times_propose(*, access: CopyAccess, times: str | Iterable[object] | None) -> None:
    lines = times.splitlines() if isinstance(times, str) else list(times or [])
    cleaned = [letter_text_clean(t, label=_("A time"), limit=MAX_SHORT, required=False, field="times") for t in lines]
    cleaned = [t for t in cleaned if t]
    if not cleaned or len(cleaned) > MAX_TIMES:
        raise LetterError(_("Propose between 1 and %(n)d times.") % {"n": MAX_TIMES}, field="times")
    with transaction.atomic():
        letter = Letter.objects.select_for_update().get(pk=access.letter.pk)
        meeting = meeting_read(letter=letter, thread_key=access.thread_key)
        meeting["times"] = cleaned
        _meeting_save(letter, access.thread_key, meeting)
        _recipient_update(
            access=access,
            body=_("%(name)s proposed times for the meeting:\n%(times)s")
            % {"name": contact_name(access.user), "times": "\n".join(f"- {t}" for t in cleaned)},
            action=Action.LETTER_MEETING,
        )


def meeting_attendee_decide(*, access: CopyAccess, attendee: str, accept: bool) -> None:
    attendees = copy_read(access=access)["attendees"]
    if attendee not in attendees:
        raise LetterError(_("This person is not among the attendees the letter names."), field="attendee")
    with transaction.atomic():
        letter = Letter.objects.select_for_update().get(pk=access.letter.pk)
        meeting = meeting_read(letter=letter, thread_key=access.thread_key)
        meeting["attendees"][attendee] = "accepted" if accept else "declined"
        _meeting_save(letter, access.thread_key, meeting)
        template = (
            _("%(name)s accepted %(attendee)s as an attendee.")
            if accept
            else _("%(name)s declined %(attendee)s as an attendee.")
        )
        _recipient_update(
            access=access,
            body=template % {"name": contact_name(access.user), "attendee": attendee},
            action=Action.LETTER_MEETING,
        )


def meeting_status_set(*, access: CopyAccess, status: str, note: str = "") -> None:
    """Forward only: requested → acknowledged → scheduled → held → follow-up promised."""
    if status not in MEETING_ORDER[2:]:
        raise LetterError(_("Choose scheduled, held or follow-up promised."), field="status")
    note = letter_text_clean(note, label=_("Note"), limit=MAX_ANSWER, required=False, field="note")
    with transaction.atomic():
        letter = Letter.objects.select_for_update().get(pk=access.letter.pk)
        if MEETING_ORDER.index(status) <= MEETING_ORDER.index(letter.meeting_status):
            raise LetterConflict(_("The meeting is already at this step or further."))
        letter.meeting_status = status
        letter.answer_due = None  # answered: nothing left to remind
        letter.save(update_fields=["meeting_status", "answer_due"])
        if status == Letter.Meeting.SCHEDULED and note:
            meeting = meeting_read(letter=letter, thread_key=access.thread_key)
            meeting["scheduled_for"] = note
            _meeting_save(letter, access.thread_key, meeting)
        label = Letter.Meeting(status).label
        body = _("%(name)s set the meeting to: %(status)s.") % {"name": contact_name(access.user), "status": label}
        _recipient_update(access=access, body=f"{body}\n{note}" if note else body, action=Action.LETTER_MEETING)
