"""An organization's figures from reports filed through the real services: fixed once the period closed,
refused before, and nothing at all below k reports."""

import datetime

import pytest
import time_machine
from django.utils import translation

from confide.core.errors import Refused
from confide.insights.access import InsightAccess
from confide.insights.models import InsightSnapshot
from confide.insights.periods import Period, period_parse
from confide.insights.services.documents import NotEnough, insight_report_build, period_from
from confide.insights.surveys import SurveyFigure
from confide.reports.models import Report
from tests.helpers.insights import AFTER, IN_PERIOD, PERIOD, file_reports

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def _access(org, handler) -> InsightAccess:
    return InsightAccess(user=handler, organization=org, as_handler=True)


def _build(org, handler, label=PERIOD, at=AFTER) -> dict:
    with time_machine.travel(at, tick=False):
        return insight_report_build(access=_access(org, handler), period=period_from(label))


def test_a_period_that_has_not_closed_is_refused(org, handler):
    file_reports(org, 6)
    with pytest.raises(Refused, match="not closed"), time_machine.travel(IN_PERIOD, tick=False):
        insight_report_build(access=_access(org, handler), period=period_from(PERIOD))
    assert not InsightSnapshot.objects.exists()


def test_fewer_than_k_reports_show_nothing_not_even_how_many(org, handler):
    file_reports(org, 4)
    with pytest.raises(NotEnough) as refused:
        _build(org, handler)
    assert refused.value.status == 422 and "4" not in refused.value.message


def test_the_counts_are_those_of_the_period_and_small_cells_are_hidden(org, handler):
    file_reports(org, 6, category="bullying")
    file_reports(org, 2, category="retaliation")
    file_reports(org, 3, on=AFTER, category="bullying")  # the next period: not in these figures
    figures = _build(org, handler)["figures"]
    assert figures["reports"] == 8
    rows = {row["category"]: row for row in figures["grid"]["rows"]}
    assert rows["retaliation"]["total"] is None  # 2 < k
    assert rows["bullying"]["total"] is None  # hidden with it: 8 - 6 would be the retaliation count
    assert rows["sexual_harassment"]["total"] == 0


def test_leadership_cases_count_only_inside_the_suppressed_aggregates(org, handler):
    file_reports(org, 5, category="bullying")
    file_reports(org, 1, category="discrimination", about_leadership=True)
    figures = _build(org, handler)["figures"]
    assert figures["reports"] == 6
    rows = {row["category"]: row for row in figures["grid"]["rows"]}
    assert rows["discrimination"]["total"] is None


def test_a_fixed_period_does_not_move_when_a_case_changes_later(org, handler):
    """Two versions of one period would single out the case that changed between them."""
    reports = file_reports(org, 7, category="bullying")
    first = _build(org, handler)
    Report.objects.filter(pk=reports[0].pk).update(category="retaliation")
    file_reports(org, 1, category="bullying")  # even a report dated inside the period (as a restore would)
    assert _build(org, handler, at=AFTER + datetime.timedelta(days=40)) == first


def test_the_trend_shows_each_earlier_period_as_its_own_report_does(org, handler):
    file_reports(org, 6)
    file_reports(org, 7, on=AFTER)
    later = _build(org, handler, label="2025-q3", at=datetime.datetime(2025, 11, 3, tzinfo=datetime.UTC))
    q2 = _build(org, handler)
    assert later["trend"][-2]["reports"] == q2["figures"]["reports"] == 6
    assert later["trend"][-1]["reports"] == 7 and later["trend"][-1]["change"] == 1
    assert later["trend"][0]["reports"] is None  # an empty period shows nothing, not a zero of its own


def test_only_the_deployments_kind_of_period_is_published(settings):
    """A quarter minus two of its months would be the third month."""
    with pytest.raises(Refused, match="quarter"):
        period_parse("2025-05", kind="quarter")
    settings.CONFIDE_INSIGHT_PERIOD = "month"
    with pytest.raises(Refused, match="month"):
        period_from("2025-q2")
    assert period_from("2025-05") == Period("month", datetime.date(2025, 5, 1))


@pytest.mark.parametrize("label", ["2025", "2025-q5", "2025-13", "q2-2025", "1999-q1", "9999-q4", "../2025-q2", " "])
def test_a_period_that_is_not_one_is_refused_clearly(label):
    with pytest.raises(Refused):
        period_parse(label, kind="quarter")


def test_shares_medians_and_deadlines_come_from_the_clear_columns(org, handler):
    reports = file_reports(org, 5, anonymous=True)
    file_reports(org, 5, anonymous=False, name="Pat Doe", contact="pat@example.org")
    day = IN_PERIOD.date() + datetime.timedelta(days=3)
    Report.objects.filter(pk__in=[r.pk for r in reports]).update(acknowledged_on=day, status="acknowledged")
    figures = _build(org, handler)["figures"]
    assert figures["anonymous"] == {"share": 0.5, "base": 10}
    assert figures["acknowledge"] == {"days": 3.0, "base": 5}
    assert figures["deadlines_met"]["base"] == 10 and figures["deadlines_met"]["share"] == 0.5
    assert figures["came_back"] == {"share": 0.0, "base": 10}


def survey_provider(*, organization_id, start, end):
    """What the surveys app would return for the period (2025-q2 only): aggregates only."""
    if (start, end) != (datetime.date(2025, 4, 1), datetime.date(2025, 6, 30)):
        return []
    return [
        SurveyFigure(key="safe", label="I feel safe speaking up", value=0.62, respondents=12),
        SurveyFigure(key="trust", label="I trust the process", value=0.4, respondents=4),
    ]


def test_survey_figures_come_from_the_configured_provider_and_hide_below_k(org, handler, settings):
    settings.CONFIDE_INSIGHT_SURVEYS = "tests.insights.test_figures.survey_provider"
    file_reports(org, 5)
    surveys = {s["key"]: s for s in _build(org, handler)["figures"]["surveys"]}
    assert surveys["safe"]["value"] == 0.62 and surveys["safe"]["respondents"] == 12
    assert surveys["trust"]["value"] is None and surveys["trust"]["respondents"] is None
