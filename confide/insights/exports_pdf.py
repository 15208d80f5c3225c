"""The printable report (fpdf2, its core fonts: no font file to ship, Latin-1 text)."""

import datetime

from django.utils.translation import gettext as _
from fpdf import FPDF

from confide.insights import display


def _latin(text: object) -> str:
    return (
        str(text).replace("“", '"').replace("”", '"').replace("–", "-").encode("latin-1", "replace").decode("latin-1")
    )


class _Pdf(FPDF):
    def line_pair(self, label: object, value: object) -> None:
        self.set_font("Helvetica", size=10)
        self.cell(120, 6, _latin(label))
        self.cell(60, 6, _latin(value), new_x="LMARGIN", new_y="NEXT")

    def heading(self, text: object) -> None:
        self.ln(3)
        self.set_font("Helvetica", style="B", size=12)
        self.cell(0, 8, _latin(text), new_x="LMARGIN", new_y="NEXT")


def document_pdf(document: dict) -> bytes:
    figures = document["figures"]
    pdf = _Pdf(format="A4")
    # Dated by the period, not by the download: the same figures give the same file.
    pdf.set_creation_date(datetime.datetime.fromisoformat(document["period"]["end"]).replace(tzinfo=datetime.UTC))
    pdf.add_page()
    pdf.set_font("Helvetica", style="B", size=16)
    pdf.cell(0, 10, _latin(document["organization"]["name"]), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=11)
    pdf.cell(
        0,
        7,
        _latin(_("Figures for %(period)s") % {"period": document["period"]["label"]}),
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.heading(_("Reports"))
    pdf.line_pair(_("Reports"), figures["reports"])
    pdf.line_pair(_("Reports per 100 staff"), display.shown(figures["per_100_staff"]))
    pdf.heading(_("By category"))
    for row in figures["grid"]["rows"]:
        pdf.line_pair(display.category_label(row["category"]), display.shown(row["total"]))
    pdf.heading(_("By channel"))
    for channel, value in zip(figures["channels"], figures["grid"]["channel_totals"], strict=True):
        pdf.line_pair(display.channel_label(channel), display.shown(value))
    pdf.heading(_("Follow-up"))
    pdf.line_pair(_("Anonymous share"), display.shown(figures["anonymous"]["share"], percent=True))
    pdf.line_pair(_("Reporters who came back"), display.shown(figures["came_back"]["share"], percent=True))
    pdf.line_pair(_("Deadlines met"), display.shown(figures["deadlines_met"]["share"], percent=True))
    pdf.line_pair(_("Median days to acknowledge"), display.shown(figures["acknowledge"]["days"]))
    pdf.line_pair(_("Median days to give feedback"), display.shown(figures["feedback"]["days"]))
    pdf.line_pair(_("Median days to close"), display.shown(figures["close"]["days"]))
    pdf.heading(_("Outcomes of cases closed"))
    for row in figures["outcomes"]["rows"]:
        pdf.line_pair(display.outcome_label(row["outcome"]), display.shown(row["value"]))
    if figures["letters"]:
        pdf.heading(_("Collective letters"))
        pdf.line_pair(_("Letters delivered"), figures["letters"]["released"])
        pdf.line_pair(_("Signatures"), figures["letters"]["signatures"])
        pdf.line_pair(_("Median days to the leaders' first answer"), display.shown(figures["letters"]["answer_days"]))
        pdf.line_pair(_("Meetings held"), figures["letters"]["meetings_held"])
    pdf.heading(_("Trend"))
    for row in document["trend"]:
        pdf.line_pair(row["period"], display.shown(row["reports"]))
    pdf.heading(_("Sector benchmark"))
    labels, standings = display.metric_labels(), display.standing_labels()
    for key, metric in document["benchmark"]["metrics"].items():
        if metric:
            median = metric["quartiles"][1]
            where = standings.get(metric["standing"] or "", "")
            pdf.line_pair(labels[key], f"{_('median')} {median} {where}")
    pdf.ln(4)
    pdf.set_font("Helvetica", size=8)
    pdf.multi_cell(0, 4, _latin(display.legend(figures["k"])))
    return bytes(pdf.output())
