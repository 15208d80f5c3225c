"""Release (crypto.md §5): at the threshold, the third party confirms and each named recipient receives a
copy sealed to them, with each signature shown as its signer chose and the copy's tracing code embedded.
L itself is never sealed to a recipient: a copy carries only what that recipient may see."""

import json
import struct
import uuid
from datetime import date, timedelta
from typing import cast

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from confide import crypto
from confide.accounts.models import User
from confide.audit.services import Action, audit_record
from confide.core.clock import today
from confide.letters import fingerprint, keys
from confide.letters.access import ThirdPartyAccess
from confide.letters.content import LetterConflict, LetterError
from confide.letters.models import Letter, LetterCopy, Update
from confide.letters.selectors.common import contact_list, letter_content, letter_threshold_met
from confide.letters.selectors.staff import signatures_read
from confide.letters.services.threads import update_append


def _copy_document(*, access: ThirdPartyAccess, code: int | None, signatures: list[str], released_on: date) -> bytes:
    content = letter_content(letter=access.letter, participant_key=access.participant_key)
    text, request = content.text, content.request
    if code is not None:
        text, counter = fingerprint.embed(content.text, code=code)
        request, _counter = fingerprint.embed(content.request, code=code, start=counter)
    return json.dumps(
        {
            "title": content.title,
            "text": text,
            "request": request,
            "recipients": [r.name for r in content.recipients],
            "attendees": content.attendees,
            "signatures": signatures,
            "released_on": released_on.isoformat(),
        },
        ensure_ascii=False,
    ).encode()


def letter_release(*, access: ThirdPartyAccess, confirm_verified: bool) -> list[LetterCopy]:
    if not confirm_verified:
        raise LetterError(_("Confirm that the signers are verified before releasing."), field="confirm")
    day = today()
    with transaction.atomic():
        letter = Letter.objects.select_for_update().get(pk=access.letter.pk)
        if letter.status != Letter.Status.CIRCULATING:
            raise LetterConflict(_("Only a circulating letter can be released."))
        views = signatures_read(access=access)
        if not letter_threshold_met(letter=letter, count=len(views), on=day):
            raise LetterConflict(_("The letter has not reached its threshold of signatures yet."))
        content = letter_content(letter=letter, participant_key=access.participant_key)
        chosen = contact_list(organization=letter.organization).filter(pk__in=content.recipient_ids)
        if letter.about_leadership:  # a recipient who became a contact since drafting gets no copy (issue 13)
            chosen = chosen.filter(role=User.Role.INDEPENDENT_BODY)
        recipients = list(chosen)
        if not recipients:
            raise LetterConflict(_("None of the recipients can receive letters any more."))
        shown = [view.content.as_shown_to_recipients() for view in views]
        thread_key = crypto.random_key()
        letter.thread_wrap = crypto.aead_encrypt(
            access.participant_key, thread_key, ad=keys.ad_letter(letter.id, "thread")
        )
        copies: list[LetterCopy] = []
        taken: set[int] = set()
        for recipient in recipients:
            copy_id, copy_key = uuid.uuid4(), crypto.random_key()
            code = fingerprint.code_generate(taken=taken) if letter.fingerprinted else None
            if code is not None:
                taken.add(code)
            document = _copy_document(access=access, code=code, signatures=shown, released_on=day)
            copies.append(
                LetterCopy(
                    id=copy_id,
                    letter=letter,
                    recipient=recipient,
                    sealed_key=crypto.seal(bytes(cast(bytes, recipient.public_key)), copy_key),
                    body=crypto.aead_encrypt(copy_key, document, ad=keys.ad_row(letter.id, "copy", copy_id)),
                    thread_wrap=crypto.aead_encrypt(
                        copy_key, thread_key, ad=keys.ad_row(letter.id, "copy-thread", copy_id)
                    ),
                    fingerprint=None
                    if code is None
                    else crypto.aead_encrypt(
                        access.letter_key, struct.pack(">I", code), ad=keys.ad_row(letter.id, "fingerprint", copy_id)
                    ),
                )
            )
        LetterCopy.objects.bulk_create(copies)
        letter.status = Letter.Status.RELEASED
        letter.released_on = day
        letter.answer_due = day + timedelta(days=settings.CONFIDE_LETTER_ANSWER_DAYS)
        letter.save(update_fields=["status", "released_on", "answer_due", "thread_wrap"])
        update_append(
            letter=letter,
            participant_key=access.participant_key,
            author_kind=Update.Author.SERVICE,
            body=ngettext(
                "The letter was delivered to %(recipients)d recipient with %(count)d signature(s).",
                "The letter was delivered to %(recipients)d recipients with %(count)d signature(s).",
                len(copies),
            )
            % {"recipients": len(copies), "count": len(views)},
        )
        audit_record(actor=access.user, action=Action.LETTER_RELEASED, obj=letter)
    return copies
