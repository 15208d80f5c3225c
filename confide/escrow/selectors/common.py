"""Escrow reads both doors and the services share."""

import uuid

from confide import crypto
from confide.escrow.keys import (
    ad_thread,
)
from confide.escrow.models import CounselorTeam, Entry, ThreadMessage


def thread_messages_read(*, vault_id: uuid.UUID, thread_key: bytes) -> list[dict]:
    """The thread of one vault, as far as `thread_key` opens it (the vault's own, or an opened entry's)."""
    messages = []
    for message in ThreadMessage.objects.filter(vault_id=vault_id):
        try:
            body = crypto.aead_decrypt(thread_key, bytes(message.body), ad=ad_thread(vault_id, message.id)).decode()
        except crypto.DecryptionError:
            continue  # not this key's thread: never shown
        messages.append({"id": str(message.id), "author": message.author_kind, "on": message.created_on, "body": body})
    return messages


def counselor_team_public_key() -> bytes | None:
    team = CounselorTeam.objects.filter(pk=1).first()
    return bytes(team.public_key) if team is not None else None


def index_account_count(*, index: bytes) -> int:
    """Distinct accounts at one index: the match check (one index scan, flat in the table's size)."""
    return Entry.objects.filter(index=index).values("account_ref").distinct().count()
