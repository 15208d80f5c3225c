"""Each background job is enqueued once per slot, however many workers and machines ask (issue 14), and a run
enqueued once runs once even with two workers polling the same database."""

import os
import subprocess
import sys
import threading
from datetime import timedelta
from pathlib import Path

import pytest
from django.db import connection
from django_tasks_db.models import DBTaskResult

from confide.core.schedule import daily_slot_after, now
from confide.jobs.models import JobSlot
from confide.jobs.services import job_schedule
from confide.notifications.tasks import retention_job, retention_schedule

ROOT = Path(__file__).resolve().parents[2]
PATH = "confide.notifications.tasks.retention_job"


def _runs(status: str | None = None) -> int:
    runs = DBTaskResult.objects.filter(task_path=PATH)
    return (runs.filter(status=status) if status else runs).count()


@pytest.mark.django_db
def test_a_second_request_for_the_same_slot_enqueues_nothing():
    assert retention_schedule() is True
    # Another machine's request arriving while the first run is claimed (no longer READY) once enqueued a
    # second run for the same slot.
    DBTaskResult.objects.filter(task_path=PATH).update(status="RUNNING")
    assert retention_schedule() is False
    assert _runs() == 1 and JobSlot.objects.filter(path=PATH).count() == 1


@pytest.mark.django_db
def test_old_slot_rows_are_dropped_when_a_new_slot_is_taken():
    JobSlot.objects.create(path=PATH, slot=now() - timedelta(days=30))
    JobSlot.objects.create(path="some.other.job", slot=now() - timedelta(days=30))
    assert retention_schedule() is True
    assert list(JobSlot.objects.filter(path=PATH).values_list("slot", flat=True)) == [daily_slot_after(now())]
    assert JobSlot.objects.filter(path="some.other.job").exists()


postgres_only = pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"), reason="needs a server that other processes reach"
)


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_parallel_requests_for_a_slot_enqueue_one_run():
    results: list[bool] = []

    def ask() -> None:
        try:
            results.append(job_schedule(retention_job, daily_slot_after))
        finally:
            connection.close()

    threads = [threading.Thread(target=ask) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == [False] * 7 + [True]
    assert _runs() == 1


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_two_workers_run_a_due_job_once_and_enqueue_one_next_run():
    retention_job.using(run_after=now() - timedelta(minutes=1)).enqueue()
    settings = connection.settings_dict
    url = f"postgres://{settings['USER']}@{settings['HOST']}:{settings['PORT']}/{settings['NAME']}"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "confide.settings.test", "DATABASE_URL": url}
    command = [sys.executable, "manage.py", "db_worker", "--batch", "--no-startup-delay", "--interval", "0.1"]
    workers = [subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL) for _ in range(2)]
    for worker in workers:
        assert worker.wait(timeout=60) == 0
    assert _runs("SUCCESSFUL") == 1
    assert _runs("READY") == 1  # the next slot, enqueued by the one run
