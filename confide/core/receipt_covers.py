"""The one-off step that put wraps made before the receipt key took the pepper under its cover (crypto.md §3).

Used by a data migration in each app that stores receipt wraps. The migration runs before the new code serves,
so every wrap it finds was made the old way; rows are read and written in batches to keep memory flat. Its
reverse takes the cover off again; rows written by the new code stay as they are (the old code cannot open
them: they need the pepper, which it never used).
"""

from collections.abc import Callable, Sequence
from typing import Any

from confide import crypto
from confide.core import keyfiles

Wrap = tuple[str, Callable[[Any], bytes]]  # the field, and the AD of that field's ciphertext for a row
BATCH = 500


def receipt_wraps_cover(model: Any, wraps: Sequence[Wrap], *, also: Sequence[str] = ()) -> int:
    """Cover every non-empty wrap of every row of `model` (`also`: the other fields the ADs read); returns the
    number of rows changed."""
    return _rewrite(
        model, wraps, also, lambda wrap, ad: crypto.receipt_wrap_cover(wrap, pepper=keyfiles.pepper(), ad=ad)
    )


def receipt_wraps_uncover(model: Any, wraps: Sequence[Wrap], *, also: Sequence[str] = ()) -> int:
    return _rewrite(
        model, wraps, also, lambda wrap, ad: crypto.receipt_wrap_uncover(wrap, pepper=keyfiles.pepper(), ad=ad)
    )


def _rewrite(
    model: Any, wraps: Sequence[Wrap], also: Sequence[str], change: Callable[[bytes, bytes], bytes | None]
) -> int:
    fields = [name for name, _ad in wraps]
    changed, batch = 0, []
    for row in model.objects.only("pk", *fields, *also).iterator(chunk_size=BATCH):
        touched = False
        for name, ad in wraps:
            value = getattr(row, name)
            # Purged reports keep an empty wrap; a signer may have no own_wrap.
            new = change(bytes(value), ad(row)) if value else None
            if new is not None:
                setattr(row, name, new)
                touched = True
        if touched:
            batch.append(row)
        if len(batch) >= BATCH:
            changed += _save(model, batch, fields)
    return changed + _save(model, batch, fields)


def _save(model: Any, batch: list, fields: list[str]) -> int:
    count = len(batch)
    if batch:
        model.objects.bulk_update(batch, fields)
        batch.clear()
    return count
