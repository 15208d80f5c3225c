"""Background jobs (django-tasks, database backend, run by `manage.py db_worker`).

Jobs carry no arguments: the task table is in the database, and nothing about a case may sit in it."""

from django_tasks import task
from django_tasks_db.models import DBTaskResult

from confide.notifications.services import digest_slot_after, now, staff_digests_send


@task()
def staff_digest_job() -> int:
    sent = staff_digests_send()
    digest_schedule()
    return sent


def digest_schedule() -> bool:
    """Make sure exactly one digest is waiting for the next slot; True when one was enqueued now."""
    path = f"{staff_digest_job.func.__module__}.{staff_digest_job.func.__qualname__}"
    if DBTaskResult.objects.filter(task_path=path, status="READY").exists():
        return False
    staff_digest_job.using(run_after=digest_slot_after(now())).enqueue()
    return True
