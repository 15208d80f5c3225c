"""Dates read the same to everyone: "12 Jan 2026", never 12/01/2026 (the 12th of January, or the 1st of
December?), on staff pages and reporter pages, in English and in Spanish."""

from datetime import date, datetime

import pytest
from django.utils import formats, translation

from confide.reports.models import Report

pytestmark = pytest.mark.django_db

AMBIGUOUS = ["01/12/2026", "12/01/2026", "1/12/2026", "12/1/2026", "01/12/26", "12/01/26"]


def _dated(report, day=date(2026, 1, 12)):
    Report.objects.filter(pk=report.pk).update(submitted_on=day, reporter_active_on=day, acknowledge_by=day)


def test_the_inbox_shows_unambiguous_dates(login, handler, submitted):
    _dated(submitted.report)
    html = login(handler).get("/staff/").content.decode()
    assert "12 Jan 2026" in html
    assert not any(text in html for text in AMBIGUOUS)


def test_the_dashboard_shows_unambiguous_dates(login, handler, submitted):
    _dated(submitted.report, date(2020, 1, 12))  # long overdue
    html = login(handler).get("/staff/dashboard/").content.decode()
    assert "12 Jan 2020" in html
    assert "01/12/2020" not in html and "12/01/2020" not in html


@pytest.mark.parametrize(
    ("language", "short", "long"), [("en", "12 Jan 2026", "12 Jan 2026"), ("es", "12 Ene 2026", "12 de enero de 2026")]
)
def test_every_named_date_format_spells_the_month(language, short, long):
    day = date(2026, 1, 12)
    with translation.override(language):
        assert formats.date_format(day, "SHORT_DATE_FORMAT") == short
        assert formats.date_format(day, "DATE_FORMAT") == long
        assert formats.date_format(datetime(2026, 1, 12, 9, 5), "DATETIME_FORMAT").startswith(long)
