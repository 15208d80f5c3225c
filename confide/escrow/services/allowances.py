"""Daily OPRF allowances (crypto.md §4, guessing bound). Each count is one OprfAllowance row: a key that names
nobody (a peppered hash, or the key holder's constant ceiling row), a day and a number, never a finer time."""

import datetime
from collections.abc import Sequence

from django.db import IntegrityError, transaction
from django.db.models import F

from confide.escrow.models import OprfAllowance


class _Spent(Exception):
    def __init__(self, position: int) -> None:
        self.position = position


def _take(key: bytes, day: datetime.date, limit: int) -> bool:
    try:
        with transaction.atomic():
            OprfAllowance.objects.get_or_create(key=key, day=day)
    except IntegrityError:
        pass  # created concurrently: the update below counts on it
    # One conditional UPDATE: concurrent takers can never push a count past its limit.
    return OprfAllowance.objects.filter(key=key, day=day, count__lt=limit).update(count=F("count") + 1) == 1


def allowances_take(*, limits: Sequence[tuple[bytes, int]], day: datetime.date) -> int | None:
    """Count one evaluation against every (key, limit), all or none: None when all were taken, else the position
    of the first allowance that is used up (and nothing is counted)."""
    try:
        with transaction.atomic():
            for position, (key, limit) in enumerate(limits):
                if not _take(key, day, limit):
                    raise _Spent(position)
    except _Spent as spent:
        return spent.position
    return None


def allowances_return(*, keys: Sequence[bytes], day: datetime.date) -> None:
    """Give back what allowances_take counted for an evaluation that never happened (the key holder refused or
    was unreachable): a request that learned nothing spends nothing."""
    OprfAllowance.objects.filter(key__in=list(keys), day=day, count__gt=0).update(count=F("count") - 1)
