"""Names of the figures as a reader sees them (pages and PDF), translated."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from confide.reports.models import Report

HIDDEN = gettext_lazy("hidden")


def metric_labels() -> dict[str, str]:
    return {
        "per_100_staff": _("Reports per 100 staff"),
        "anonymous_share": _("Anonymous share"),
        "came_back_share": _("Reporters who came back"),
        "deadlines_met_share": _("Deadlines met"),
        "acknowledge_days": _("Median days to acknowledge"),
        "close_days": _("Median days to close"),
    }


def standing_labels() -> dict[str, str]:
    return {
        "q1": _("in the lowest quarter of organizations"),
        "q2": _("in the second quarter of organizations"),
        "q3": _("in the third quarter of organizations"),
        "q4": _("in the highest quarter of organizations"),
    }


def category_label(value: str) -> str:
    return str(dict(Report.Category.choices).get(value, value))


def channel_label(value: str) -> str:
    return str(dict(Report.Channel.choices).get(value, value))


def outcome_label(value: str) -> str:
    return str(dict(Report.Outcome.choices).get(value, _("No outcome recorded")))


def shown(value: object, *, percent: bool = False) -> str:
    if value is None:
        return str(HIDDEN)
    if percent and isinstance(value, int | float):
        return f"{round(value * 100)}%"
    return str(value)


def legend(k: int) -> str:
    return _(
        "“hidden”: fewer than %(k)s reports, or hidden so that one that is cannot be worked out from the others."
    ) % {"k": k}
