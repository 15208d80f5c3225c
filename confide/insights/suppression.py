"""Small-cell protection with complementary suppression (threat model G9), on any set of additive lines.

A table is cells (key -> count) and lines (a total cell and the member cells that add up to it). A cell with
1..k-1 reports is hidden (primary suppression). Then more cells are hidden until no hidden cell can be worked
out from what is shown: every line holding a hidden cell holds two, and no hidden cell is fixed by the linear
system the shown cells leave (checked exactly, with fractions). Zeros are shown: they rest on no one, and a
hidden zero would give an attacker a cell known to be at its lower bound. Hidden cells are always non-zero, so
along any cycle of hidden cells the values can move up or down by one without leaving the possible tables: the
reader knows only that a hidden cell is not shown, never which of them are small.
"""

from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction

Key = Hashable


@dataclass(frozen=True)
class Line:
    total: Key
    members: tuple[Key, ...]

    def cells(self) -> tuple[Key, ...]:
        return (*self.members, self.total)


def _order(key: Key) -> str:
    return repr(key)


def _rref(rows: list[list[Fraction]], width: int) -> list[tuple[int, list[Fraction]]]:
    """Reduced row echelon form: (pivot column, row) pairs."""
    pivots: list[tuple[int, list[Fraction]]] = []
    for row in rows:
        row = row[:]
        for column, pivot_row in pivots:
            if row[column]:
                factor = row[column]
                row = [a - factor * b for a, b in zip(row, pivot_row, strict=True)]
        lead = next((i for i in range(width) if row[i]), None)
        if lead is None:
            continue
        scale = row[lead]
        row = [a / scale for a in row]
        reduced = []
        for column, pivot_row in pivots:
            if pivot_row[lead]:
                factor = pivot_row[lead]
                pivot_row = [a - factor * b for a, b in zip(pivot_row, row, strict=True)]
            reduced.append((column, pivot_row))
        pivots = [*reduced, (lead, row)]
    return pivots


def determined(hidden: Iterable[Key], lines: Sequence[Line]) -> set[Key]:
    """The hidden cells whose value follows from the shown cells and the lines (a unit vector in the row space
    of the lines restricted to the hidden cells)."""
    columns = sorted(set(hidden), key=_order)
    if not columns:
        return set()
    index = {key: i for i, key in enumerate(columns)}
    rows = []
    for line in lines:
        row = [Fraction(0)] * len(columns)
        for key in line.members:
            if key in index:
                row[index[key]] += 1
        if line.total in index:
            row[index[line.total]] -= 1
        if any(row):
            rows.append(row)
    pivots = _rref(rows, len(columns))
    fixed = set()
    for key, i in index.items():
        target = [Fraction(0)] * len(columns)
        target[i] = Fraction(1)
        for column, pivot_row in pivots:
            if target[column]:
                factor = target[column]
                target = [a - factor * b for a, b in zip(target, pivot_row, strict=True)]
        if not any(target):
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
