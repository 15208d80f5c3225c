"""The daily job fixes the last closed period for every organization and draws the benchmark once."""

import io

import pytest
import time_machine
from django.core.management import call_command

from confide.insights.models import BenchmarkSnapshot, InsightSnapshot
from confide.insights.tasks import insight_close_job
from confide.tenants.models import Organization
from tests.helpers.insights import AFTER, file_reports

pytestmark = pytest.mark.django_db


def test_the_job_fixes_every_organization_and_the_benchmark_of_the_closed_period(org, other_org):
    file_reports(org, 6)
    file_reports(other_org, 2)
    with time_machine.travel(AFTER, tick=False):
        assert insight_close_job.call() == "2025-q2"
        assert insight_close_job.call() == "2025-q2"  # again: nothing moves
    fixed = {s.organization_id: s.figures for s in InsightSnapshot.objects.all()}
    assert set(fixed) == set(Organization.objects.values_list("pk", flat=True))
    assert fixed[org.pk]["reports"] == 6 and fixed[other_org.pk] == {"enough": False, "k": 5}
    assert BenchmarkSnapshot.objects.count() == 1


def test_schedule_jobs_also_schedules_the_figures_job():
    out = io.StringIO()
    call_command("schedule_jobs", stdout=out)
    assert "Figures of the closed period job scheduled." in out.getvalue()
