"""Encrypted threads (a report's messages, a vault's thread, a letter's updates) number their messages 1, 2, 3…
with no gaps and no duplicates, even when two people write at the same instant."""

from django.db import transaction
from django.db.models import Max, QuerySet


def seq_next(*, parent: QuerySet, messages: QuerySet) -> int:
    """Lock the thread's parent row (`parent`, filtered to that one row), then return the next `seq` among
    `messages`. Call inside `transaction.atomic()` and create the message before leaving it: the lock is what
    keeps a concurrent writer from taking the same number."""
    if not transaction.get_connection(parent.db).in_atomic_block:
        raise RuntimeError("seq_next needs a transaction: the row lock ends with it")
    parent.select_for_update().first()
    return (messages.aggregate(last=Max("seq"))["last"] or 0) + 1
