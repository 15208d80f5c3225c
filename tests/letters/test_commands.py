"""Demo seed and the reminder job's scheduling."""

import io

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from confide.accounts.models import User
from confide.letters.selectors.common import contact_list
from confide.letters.tasks import letter_reminder_job, letter_reminder_schedule
from confide.tenants.models import Organization

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_seed_demo_creates_a_demo_contact_once():
    first = run("seed_demo", "--password", "a demo password 123")
    second = run("seed_demo", "--password", "another password 456")
    assert "demo-contact" in first and "demo-contact" not in second
    assert User.objects.filter(username="demo-contact", role=User.Role.CONTACT).count() == 1
    demo = Organization.objects.get(slug="demo")
    assert [u.username for u in contact_list(organization=demo)] == ["demo-contact"]


def test_the_reminder_job_is_scheduled_once():
    assert letter_reminder_schedule() is True
    assert letter_reminder_schedule() is False
    assert "Already scheduled." in run("schedule_letter_reminders")
    path = f"{letter_reminder_job.func.__module__}.{letter_reminder_job.func.__qualname__}"
    assert DBTaskResult.objects.filter(task_path=path, status="READY").count() == 1


def test_the_reminder_job_runs_and_schedules_its_next_run():
    assert letter_reminder_job.call() == 0
    path = f"{letter_reminder_job.func.__module__}.{letter_reminder_job.func.__qualname__}"
    assert DBTaskResult.objects.filter(task_path=path, status="READY").count() == 1


def test_schedule_jobs_also_schedules_the_letter_reminders():
    assert "Letter reminders job scheduled." in run("schedule_jobs")
    path = f"{letter_reminder_job.func.__module__}.{letter_reminder_job.func.__qualname__}"
    assert DBTaskResult.objects.filter(task_path=path, status="READY").count() == 1
    assert "Letter reminders job already scheduled." in run("schedule_jobs")
