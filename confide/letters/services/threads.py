"""The letter's thread: every participant's updates, numbered 1, 2, 3… under one row lock (core.threads)."""

import uuid

from django.db import transaction

from confide import crypto
from confide.core.clock import today
from confide.core.threads import seq_next
from confide.letters import keys
from confide.letters.content import LetterNotFound
from confide.letters.models import Letter, Update
from confide.letters.selectors.common import thread_key_current


def update_append(
    *,
    letter: Letter,
    author_kind: str,
    body: str,
    participant_key: bytes | None = None,
    thread_key: bytes | None = None,
    participants_only: bool = False,
) -> Update:
    """Append to the thread every participant reads: under P before release, under T after. Holders of P
    pass `participant_key`; recipients, who hold only T, pass `thread_key`. `participants_only` keeps the
    update under P even after release, so recipients never read it."""
    update_id = uuid.uuid4()
    with transaction.atomic():
        seq = seq_next(parent=Letter.objects.filter(pk=letter.pk), messages=Update.objects.filter(letter=letter))
        current = Letter.objects.get(pk=letter.pk)  # read under the lock: release may just have set T
        if participant_key is not None and participants_only:
            epoch, key = 0, participant_key
        elif participant_key is not None:
            epoch, key = thread_key_current(letter=current, participant_key=participant_key)
        elif thread_key is not None and current.thread_wrap:
            epoch, key = 1, thread_key
        else:
            raise LetterNotFound()
        return Update.objects.create(
            id=update_id,
            letter=letter,
            seq=seq,
            epoch=epoch,
            author_kind=author_kind,
            body=crypto.aead_encrypt(key, body.encode(), ad=keys.ad_row(letter.id, "update", update_id)),
            created_on=today(),
        )
