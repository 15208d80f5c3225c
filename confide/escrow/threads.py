"""The anonymous thread between a counselor and a reporter about a match. Messages are AEAD under the vault's
thread key: the vault holds it in its content, the counselor learns it only from an opened entry."""

import uuid

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from confide import crypto
from confide.core.clock import today
from confide.core.throttle import receipt_write_allow
from confide.escrow.access import ad_thread
from confide.escrow.models import ThreadMessage, Vault
from confide.escrow.services import EscrowRefused, text_clean

MESSAGE_MAX_CHARS = 10_000


def _clean(body: str) -> str:
    if not (body or "").strip():
        raise EscrowRefused(_("Write a message first."), "body")
    if len(body.strip()) > MESSAGE_MAX_CHARS:
        raise EscrowRefused(_("A message is at most %(limit)d characters.") % {"limit": MESSAGE_MAX_CHARS}, "body")
    return text_clean(body, field="body")


def thread_message_create(*, vault_id: uuid.UUID, thread_key: bytes, body: str, author_kind: str, author=None):
    body = _clean(body)
    if author_kind == ThreadMessage.Author.REPORTER:
        receipt_write_allow(holder_id=vault_id)
    message_id = uuid.uuid4()
    with transaction.atomic():
        Vault.objects.select_for_update().filter(pk=vault_id).first()
        last = ThreadMessage.objects.filter(vault_id=vault_id).aggregate(m=Max("seq"))["m"] or 0
        return ThreadMessage.objects.create(
            id=message_id,
            vault_id=vault_id,
            author_kind=author_kind,
            author=author,
            seq=last + 1,
            created_on=today(),
            body=crypto.aead_encrypt(thread_key, body.encode(), ad=ad_thread(vault_id, message_id)),
        )


def thread_messages_read(*, vault_id: uuid.UUID, thread_key: bytes) -> list[dict]:
    messages = []
    for message in ThreadMessage.objects.filter(vault_id=vault_id):
        try:
            body = crypto.aead_decrypt(thread_key, bytes(message.body), ad=ad_thread(vault_id, message.id)).decode()
        except crypto.DecryptionError:
            continue  # not this key's thread: never shown
        messages.append({"id": str(message.id), "author": message.author_kind, "on": message.created_on, "body": body})
    return messages
