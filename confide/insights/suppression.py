"""Small-cell protection with complementary suppression (threat model G9), on any set of additive lines.

A table is cells (key -> count) and lines (a total cell and the member cells that add up to it). A cell with
1..k-1 reports is hidden (primary suppression). Then more cells are hidden until no hidden cell can be worked
out from what is shown: every line holding a hidden cell holds two, and no hidden cell is fixed by the linear
system the shown cells leave (checked exactly, see `determined`). Zeros are shown: they rest on no one, and a
hidden zero would give an attacker a cell known to be at its lower bound. Hidden cells are always non-zero, so
along any cycle of hidden cells the values can move up or down by one without leaving the possible tables: the
reader knows only that a hidden cell is not shown, never which of them are small.
"""

from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass

Key = Hashable


@dataclass(frozen=True)
class Line:
    total: Key
    members: tuple[Key, ...]

    def cells(self) -> tuple[Key, ...]:
        return (*self.members, self.total)


def _order(key: Key) -> str:
    return repr(key)


def determined(hidden: Iterable[Key], lines: Sequence[Line]) -> set[Key]:
    """The hidden cells whose value follows from the shown cells and the lines: those whose unit vector lies in
    the row space of the lines restricted to the hidden cells.

    Computed over GF(2), with each row a bit mask, which is exact here: every table built from these lines (one
    line, or a two-way table with its margins, where each cell lies in one row line and one column line) has a
    totally unimodular matrix, whose minors are 0 or ±1, so its rank is the same over GF(2) as over the
    rationals, with or without a unit row added."""
    columns = sorted(set(hidden), key=_order)
    if not columns:
        return set()
    bit = {key: 1 << i for i, key in enumerate(columns)}
    rows = []
    for line in lines:
        mask = 0
        for key in line.cells():
            mask ^= bit.get(key, 0)
        if mask:
            rows.append(mask)
    basis: dict[int, int] = {}  # leading bit -> row
    for row in rows:
        for lead in sorted(basis, reverse=True):
            if row & lead:
                row ^= basis[lead]
        if row:
            lead = 1 << (row.bit_length() - 1)
            for other in list(basis):
                if basis[other] & lead:
                    basis[other] ^= row
            basis[lead] = row
    fixed = set()
    for key, unit in bit.items():
        row = unit
        for lead in sorted(basis, reverse=True):
            if row & lead:
                row ^= basis[lead]
        if not row:
            fixed.add(key)
    return fixed


def _smallest_shown(candidates: Iterable[Key], cells: dict[Key, int], hidden: set[Key]) -> Key | None:
    shown = [key for key in candidates if key not in hidden and cells[key] > 0]
    return min(shown, key=lambda key: (cells[key], _order(key))) if shown else None


def protect(cells: dict[Key, int], lines: Sequence[Line], *, k: int) -> set[Key]:
    """The cells to hide. Deterministic: the same table always hides the same cells."""
    hidden = {key for key, value in cells.items() if 0 < value < k}
    while True:
        changed = False
        for line in lines:
            inside = [key for key in line.cells() if key in hidden]
            if len(inside) == 1:
                extra = _smallest_shown(line.members, cells, hidden) or _smallest_shown((line.total,), cells, hidden)
                if extra is not None:
                    hidden.add(extra)
                    changed = True
        if changed:
            continue
        fixed = determined(hidden, lines)
        if not fixed:
            return hidden
        key = min(fixed, key=_order)
        around = [cell for line in lines if key in line.cells() for cell in line.cells()]
        extra = _smallest_shown(around, cells, hidden) or _smallest_shown(cells, cells, hidden)
        if extra is None:  # everything non-zero is hidden already: nothing more can be done, nor is needed
            return hidden
        hidden.add(extra)


def grid_lines(rows: Sequence[Key], columns: Sequence[Key], *, total: Key = "total") -> list[Line]:
    """The lines of a two-way table with margins: cells (row, column), row totals (row, total), column totals
    (total, column) and the grand total (total, total)."""
    lines = [Line((row, total), tuple((row, column) for column in columns)) for row in rows]
    lines += [Line((total, column), tuple((row, column) for row in rows)) for column in columns]
    lines.append(Line((total, total), tuple((row, total) for row in rows)))
    lines.append(Line((total, total), tuple((total, column) for column in columns)))
    return lines
