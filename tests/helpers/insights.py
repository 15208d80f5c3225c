"""An attacker for the suppression tests, written apart from confide/insights/suppression.py: it knows every
shown cell and every line (total = sum of members), and tries to pin down each hidden cell. A hidden cell is
safe when the attacker finds a second table, consistent with everything shown (every line adds up, no count
below zero), in which that cell has another value: it then cannot tell which of the two is true."""

from confide.insights.suppression import Line


def alternative(cells: dict, hidden: set, lines: list[Line], target) -> dict | None:
    """A table that differs from `cells` in `target`, moves only hidden cells by -1, 0 or +1, keeps every line
    and no negative count; None when there is none (the attacker then knows the cell)."""
    order = sorted(hidden, key=repr)
    order.remove(target)
    order.insert(0, target)
    relevant = [line for line in lines if any(cell in hidden for cell in line.cells())]
    position = {cell: i for i, cell in enumerate(order)}
    last = {id(line): max(position[c] for c in line.cells() if c in hidden) for line in relevant}
    delta: dict = {}

    def line_ok(line: Line) -> bool:
        total = delta.get(line.total, 0) if line.total in hidden else 0
        members = sum(delta.get(c, 0) for c in line.members if c in hidden)
        return total == members

    def search(i: int) -> bool:
        if i == len(order):
            return True
        cell = order[i]
        choices = (1, -1) if i == 0 else (0, 1, -1)
        for step in choices:
            if cells[cell] + step < 0:
                continue
            delta[cell] = step
            closing = [line for line in relevant if last[id(line)] == i and cell in line.cells()]
            if all(line_ok(line) for line in closing) and search(i + 1):
                return True
        delta.pop(cell, None)
        return False

    if not search(0):
        return None
    return {cell: value + delta.get(cell, 0) for cell, value in cells.items()}


def consistent(table: dict, lines: list[Line]) -> bool:
    return all(table[line.total] == sum(table[m] for m in line.members) for line in lines) and all(
        v >= 0 for v in table.values()
    )


# Reports in a period that has closed: filed through report_submit on a day of that period, read later.

import datetime  # noqa: E402

import time_machine  # noqa: E402

from confide.reports.selectors.reporter import intake_target_get  # noqa: E402
from confide.reports.services.submit import report_submit  # noqa: E402
from tests.helpers.reports import sample_content  # noqa: E402

IN_PERIOD = datetime.datetime(2025, 5, 12, 10, tzinfo=datetime.UTC)  # 2025-q2
AFTER = datetime.datetime(2025, 8, 4, 10, tzinfo=datetime.UTC)  # 2025-q3 is open, 2025-q2 closed
PERIOD = "2025-q2"


def file_reports(org, count: int, *, on=IN_PERIOD, about_leadership=False, **content) -> list:
    with time_machine.travel(on, tick=False):
        target = intake_target_get(slug=org.slug)
        return [
            report_submit(target=target, content=sample_content(**content), about_leadership=about_leadership).report
            for _ in range(count)
        ]
