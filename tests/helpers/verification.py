"""The code emails, as the background worker sends them: the request only queues them (confide.verification.tasks)."""

import re

from django.core import mail
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from confide.verification.tasks import verification_mail_job

WORKER_ID = "tests"


def code_mails_send() -> int:
    """Run the queued code emails through the worker's own code (claim, run, success or failure, signals), as
    `db_worker --batch` would; the command itself would close the test's connection mid-transaction."""
    worker = Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id=WORKER_ID,
        excluded_queue_names=[],
    )
    ran = 0
    queued = DBTaskResult.objects.ready().filter(task_path=verification_mail_job.module_path)
    while (row := queued.first()) is not None:
        row.claim(WORKER_ID)
        worker.run_task(row)
        ran += 1
    return ran


def code_sent() -> str:
    """Let the worker send what is queued, then the code in the last email."""
    code_mails_send()
    match = re.search(r"\b(\d{8})\b", mail.outbox[-1].body)
    assert match, mail.outbox[-1].body
    return match.group(1)
