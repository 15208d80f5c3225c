"""From raw counts to the figures an organization may see (threat model G9): every count 0 or at least k,
hidden cells hidden together so that no total, other cell or share gives them away, medians only over k or more
events. The result is plain JSON (stored as the period's fixed figures, exported, signed)."""

from collections import Counter
from collections.abc import Sequence

from confide.insights.raw import Days, RawFigures
from confide.insights.stats import median
from confide.insights.suppression import Line, grid_lines, protect
from confide.insights.surveys import SurveyFigure
from confide.reports.models import Report

TOTAL = "total"
CATEGORIES = tuple(Report.Category.values)
CHANNELS = tuple(Report.Channel.values)
OUTCOMES = (*Report.Outcome.values, "")


def _shown(value: int, hidden: bool) -> int | None:
    return None if hidden else value


def _grid(raw: RawFigures, k: int) -> dict:
    cells: dict = {(c, ch): raw.grid.get((c, ch), 0) for c in CATEGORIES for ch in CHANNELS}
    for c in CATEGORIES:
        cells[(c, TOTAL)] = sum(cells[(c, ch)] for ch in CHANNELS)
    for ch in CHANNELS:
        cells[(TOTAL, ch)] = sum(cells[(c, ch)] for c in CATEGORIES)
    cells[(TOTAL, TOTAL)] = raw.total
    hidden = protect(cells, grid_lines(CATEGORIES, CHANNELS, total=TOTAL), k=k)
    return {
        "rows": [
            {
                "category": c,
                "cells": [_shown(cells[(c, ch)], (c, ch) in hidden) for ch in CHANNELS],
                "total": _shown(cells[(c, TOTAL)], (c, TOTAL) in hidden),
            }
            for c in CATEGORIES
        ],
        "channel_totals": [_shown(cells[(TOTAL, ch)], (TOTAL, ch) in hidden) for ch in CHANNELS],
        "total": _shown(raw.total, (TOTAL, TOTAL) in hidden),
    }


def _share(part: int, whole: int, k: int) -> dict:
    """A share is a two-cell table (part, rest) under its total: hidden unless both are 0 or at least k."""
    cells: dict = {"part": part, "rest": whole - part, TOTAL: whole}
    hidden = protect(cells, [Line(TOTAL, ("part", "rest"))], k=k)
    if hidden or whole == 0:
        return {"share": None, "base": _shown(whole, TOTAL in hidden)}
    return {"share": round(part / whole, 3), "base": whole}


def _median(days: Days, k: int) -> dict:
    if days.count < k or days.median is None:
        return {"days": None, "base": None}
    return {"days": round(days.median, 1), "base": days.count}


def _outcomes(raw: RawFigures, k: int) -> dict:
    cells: dict = {o: raw.outcomes.get(o, 0) for o in OUTCOMES}
    cells[TOTAL] = sum(cells[o] for o in OUTCOMES)
    hidden = protect(cells, [Line(TOTAL, OUTCOMES)], k=k)
    return {
        "rows": [{"outcome": o, "value": _shown(cells[o], o in hidden)} for o in OUTCOMES],
        "total": _shown(cells[TOTAL], TOTAL in hidden),
    }


def _letters(raw: RawFigures, k: int) -> dict | None:
    """Letters rest on their signers: shown only when the period's released letters carry k signatures or more
    (the recipients saw each letter anyway); days to answer only over k answered letters."""
    if raw.signatures < k:
        return None
    answer = Counter(raw.answer_days)
    return {
        "released": raw.letters_released,
        "signatures": raw.signatures,
        "meetings_held": raw.meetings_held,
        "answer_days": median(answer) if len(raw.answer_days) >= k else None,
    }


def _surveys(figures: Sequence[SurveyFigure], k: int) -> list[dict]:
    return [
        {
            "key": f.key,
            "label": f.label,
            "value": round(f.value, 3) if f.respondents >= k else None,
            "respondents": f.respondents if f.respondents >= k else None,
        }
        for f in figures
    ]


def figures_protect(raw: RawFigures, *, k: int, surveys: Sequence[SurveyFigure] = ()) -> dict:
    """The protected figures, or {"enough": False} when the period has fewer than k reports: then nothing else,
    not even how many fewer."""
    if raw.total < k:
        return {"enough": False, "k": k}
    per_100 = round(100 * raw.total / raw.roster_size, 2) if raw.roster_size else None
    figures = {
        "enough": True,
        "k": k,
        "reports": raw.total,
        "roster_size": raw.roster_size or None,
        "per_100_staff": per_100,
        "categories": list(CATEGORIES),
        "channels": list(CHANNELS),
        "grid": _grid(raw, k),
        "anonymous": _share(raw.anonymous, raw.anonymous + raw.named, k),
        "came_back": _share(raw.came_back, raw.total, k),
        "deadlines_met": _share(raw.deadlines_met, raw.deadlines_due, k),
        "acknowledge": _median(raw.acknowledge_days, k),
        "feedback": _median(raw.feedback_days, k),
        "close": _median(raw.close_days, k),
        "outcomes": _outcomes(raw, k),
        "letters": _letters(raw, k),
        "surveys": _surveys(surveys, k),
    }
    figures["benchmark"] = benchmark_values(figures)
    return figures


def benchmark_values(figures: dict) -> dict[str, float]:
    """The values this organization brings to the sector benchmark: only those its own report shows."""
    values = {
        "per_100_staff": figures["per_100_staff"],
        "anonymous_share": figures["anonymous"]["share"],
        "came_back_share": figures["came_back"]["share"],
        "deadlines_met_share": figures["deadlines_met"]["share"],
        "acknowledge_days": figures["acknowledge"]["days"],
        "close_days": figures["close"]["days"],
    }
    return {key: value for key, value in values.items() if value is not None}
