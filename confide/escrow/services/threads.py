"""The anonymous thread between a counselor and a reporter about a match. Messages are AEAD under the vault's
thread key: the vault holds it in its content, the counselor learns it only from an opened entry."""

import uuid

from django.db import transaction

from confide import crypto
from confide.accounts.models import User
from confide.core.clock import today
from confide.core.threads import seq_next
from confide.core.throttle import receipt_write_allow
from confide.escrow.content import message_clean
from confide.escrow.keys import ad_thread
from confide.escrow.models import ThreadMessage, Vault


def thread_message_create(
    *, vault_id: uuid.UUID, thread_key: bytes, body: str, author_kind: str, author: User | None = None
) -> ThreadMessage:
    """Append a message, numbered after the last one under the vault's row lock. Raises EscrowRefused, or
    Throttled for a reporter writing too fast."""
    body = message_clean(body)
    if author_kind == ThreadMessage.Author.REPORTER:
        receipt_write_allow(holder_id=vault_id)
    message_id = uuid.uuid4()
    with transaction.atomic():
        seq = seq_next(
            parent=Vault.objects.filter(pk=vault_id), messages=ThreadMessage.objects.filter(vault_id=vault_id)
        )
        return ThreadMessage.objects.create(
            id=message_id,
            vault_id=vault_id,
            author_kind=author_kind,
            author=author,
            seq=seq,
            created_on=today(),
            body=crypto.aead_encrypt(thread_key, body.encode(), ad=ad_thread(vault_id, message_id)),
        )
