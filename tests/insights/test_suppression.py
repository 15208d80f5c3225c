"""Small-cell protection against the differencing attacks of issue 12: a total minus the visible cells, and a
category split by channel (a two-way table with its margins). Populations come from hypothesis; an attacker
written apart from the code under test (tests/helpers/insights.py) tries to work out each hidden cell."""

from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from confide.insights.protect import CATEGORIES, CHANNELS, OUTCOMES, TOTAL, figures_protect
from confide.insights.raw import RawFigures
from confide.insights.suppression import Line, grid_lines, protect
from tests.helpers.insights import alternative, consistent

SMALL = st.one_of(st.integers(0, 4), st.integers(0, 12))
K = st.integers(3, 6)


def _grid(values: list[list[int]]) -> tuple[dict, list[Line]]:
    rows, columns = [f"r{i}" for i in range(len(values))], [f"c{j}" for j in range(len(values[0]))]
    cells = {(r, c): values[i][j] for i, r in enumerate(rows) for j, c in enumerate(columns)}
    for r in rows:
        cells[(r, TOTAL)] = sum(cells[(r, c)] for c in columns)
    for c in columns:
        cells[(TOTAL, c)] = sum(cells[(r, c)] for r in rows)
    cells[(TOTAL, TOTAL)] = sum(cells[(r, TOTAL)] for r in rows)
    return cells, grid_lines(rows, columns, total=TOTAL)


def _assert_protected(cells: dict, hidden: set, lines: list[Line], k: int) -> None:
    for key, value in cells.items():
        if key not in hidden:
            assert value == 0 or value >= k, f"{key} shows {value}, fewer than {k}"
    for key in hidden:
        other = alternative(cells, hidden, lines, key)
        assert other is not None, f"the attacker works out hidden cell {key} = {cells[key]}"
        assert consistent(other, lines)
        assert all(other[c] == cells[c] for c in cells if c not in hidden)
        assert other[key] != cells[key]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(SMALL, min_size=2, max_size=7), K)
def test_a_total_minus_the_visible_cells_reveals_no_hidden_cell(members, k):
    cells = {f"m{i}": v for i, v in enumerate(members)}
    cells[TOTAL] = sum(members)
    lines = [Line(TOTAL, tuple(f"m{i}" for i in range(len(members))))]
    _assert_protected(cells, protect(cells, lines, k=k), lines, k)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.integers(2, 4).flatmap(lambda c: st.lists(st.lists(SMALL, min_size=c, max_size=c), min_size=2, max_size=4)), K
)
def test_a_category_split_by_channel_reveals_no_hidden_cell(values, k):
    cells, lines = _grid(values)
    _assert_protected(cells, protect(cells, lines, k=k), lines, k)


def test_one_small_cell_in_a_row_hides_a_second_one_in_each_of_its_lines():
    cells, lines = _grid([[2, 9], [7, 8]])
    hidden = protect(cells, lines, k=5)
    assert ("r0", "c0") in hidden
    assert len(hidden) >= 4  # a rectangle at least: the row, the column and what they lean on
    _assert_protected(cells, hidden, lines, 5)


def test_the_same_table_always_hides_the_same_cells():
    cells, lines = _grid([[1, 6, 3], [7, 2, 9], [0, 5, 4]])
    assert protect(dict(cells), lines, k=5) == protect(dict(reversed(list(cells.items()))), lines, k=5)


raws = st.builds(
    lambda grid, named, back, due, met, outcomes: RawFigures(
        total=sum(grid.values()),
        grid=Counter(grid),
        named=min(named, sum(grid.values())),
        anonymous=sum(grid.values()) - min(named, sum(grid.values())),
        came_back=min(back, sum(grid.values())),
        deadlines_due=due,
        deadlines_met=min(met, due),
        outcomes=Counter(outcomes),
    ),
    st.dictionaries(st.tuples(st.sampled_from(CATEGORIES), st.sampled_from(CHANNELS)), SMALL, max_size=12),
    st.integers(0, 40),
    st.integers(0, 40),
    st.integers(0, 30),
    st.integers(0, 30),
    st.dictionaries(st.sampled_from(OUTCOMES), SMALL),
)


def _published_grid(figures: dict) -> tuple[dict, set]:
    shown, hidden = {}, set()
    for row in figures["grid"]["rows"]:
        for channel, value in zip(CHANNELS, row["cells"], strict=True):
            shown[(row["category"], channel)] = value
        shown[(row["category"], TOTAL)] = row["total"]
    for channel, value in zip(CHANNELS, figures["grid"]["channel_totals"], strict=True):
        shown[(TOTAL, channel)] = value
    shown[(TOTAL, TOTAL)] = figures["grid"]["total"]
    hidden = {key for key, value in shown.items() if value is None}
    return shown, hidden


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raws, K)
def test_a_reports_figures_never_rest_on_fewer_than_k_and_hide_nothing_that_can_be_worked_out(raw, k):
    figures = figures_protect(raw, k=k)
    if raw.total < k:
        assert figures == {"enough": False, "k": k}  # not even how many fewer
        return
    shown, hidden = _published_grid(figures)
    truth = {(c, ch): raw.grid.get((c, ch), 0) for c in CATEGORIES for ch in CHANNELS}
    for c in CATEGORIES:
        truth[(c, TOTAL)] = sum(truth[(c, ch)] for ch in CHANNELS)
    for ch in CHANNELS:
        truth[(TOTAL, ch)] = sum(truth[(c, ch)] for c in CATEGORIES)
    truth[(TOTAL, TOTAL)] = raw.total
    for key, value in shown.items():
        assert value is None or value == truth[key]
    _assert_protected(truth, hidden, grid_lines(CATEGORIES, CHANNELS, total=TOTAL), k)
    for name, part, whole in (
        ("anonymous", raw.anonymous, raw.anonymous + raw.named),
        ("came_back", raw.came_back, raw.total),
        ("deadlines_met", raw.deadlines_met, raw.deadlines_due),
    ):
        if 0 < part < k or 0 < whole - part < k:
            assert figures[name]["share"] is None, f"{name} share gives away a count below {k}"
    outcome_total = sum(raw.outcomes.values())
    outcome_cells = {o: raw.outcomes.get(o, 0) for o in OUTCOMES} | {TOTAL: outcome_total}
    outcome_hidden = {row["outcome"] for row in figures["outcomes"]["rows"] if row["value"] is None}
    if figures["outcomes"]["total"] is None:
        outcome_hidden.add(TOTAL)
    _assert_protected(outcome_cells, outcome_hidden, [Line(TOTAL, OUTCOMES)], k)
