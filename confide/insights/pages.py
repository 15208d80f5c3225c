"""What the report page shows, labelled for the reader (staff pages and the published page on the reporter
side share it)."""

from confide.insights import display
from confide.insights.charts import bar_chart


def page_context(document: dict) -> dict:
    figures = document["figures"]
    grid = figures["grid"]
    channels = [display.channel_label(ch) for ch in figures["channels"]]
    categories = [
        {"label": display.category_label(row["category"]), "cells": row["cells"], "total": row["total"]}
        for row in grid["rows"]
    ]
    labels, standings = display.metric_labels(), display.standing_labels()
    benchmark = [
        {
            "label": labels[key],
            "organizations": metric["organizations"],
            "quartiles": metric["quartiles"],
            "standing": standings.get(metric["standing"] or ""),
            "share": key.endswith("_share"),
        }
        for key, metric in document["benchmark"]["metrics"].items()
        if metric
    ]
    return {
        "document": document,
        "figures": figures,
        "channels": channels,
        "categories": categories,
        "outcomes": [
            {"label": display.outcome_label(row["outcome"]), "value": row["value"]}
            for row in figures["outcomes"]["rows"]
        ],
        "category_chart": bar_chart([(c["label"], c["total"]) for c in categories]),
        "channel_chart": bar_chart(list(zip(channels, grid["channel_totals"], strict=True))),
        "trend_chart": bar_chart([(row["period"], row["reports"]) for row in document["trend"]]),
        "benchmark": benchmark,
        "legend": display.legend(figures["k"]),
    }
