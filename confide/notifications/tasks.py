"""Background jobs (django-tasks, database backend, run by `manage.py db_worker`).

Jobs carry no arguments: the task table is in the database, and nothing about a case may sit in it. Each job
runs in fixed slots and enqueues its own next run, so exactly one of each is always waiting."""

from django_tasks import task

from confide.audit.services import audit_pending_flush
from confide.core.schedule import daily_slot_after
from confide.escrow.services.checkins import vault_checkins_sweep
from confide.jobs.services import job_schedule
from confide.letters.services.checkins import signer_checkins_sweep
from confide.notifications.services import digest_slot_after, reply_notices_send, staff_digests_send
from confide.reports.services.checkins import checkins_sweep
from confide.reports.services.investigation import investigations_expire
from confide.reports.services.once import submissions_purge_expired
from confide.reports.services.retention import retention_purge_expired
from confide.reports.services.wind_down import wound_down_close_expired
from confide.verification.services import verification_challenges_purge


@task()
def staff_digest_job() -> int:
    # Riding on the digest's slots: an expired code's timestamp lives at most one slot after the code.
    verification_challenges_purge()
    sent = staff_digests_send()
    reply_notices_send()
    digest_schedule()
    return sent


@task()
def retention_job() -> int:
    audit_pending_flush()  # yesterday's day-timed audit rows join the chain, in random order
    purged = retention_purge_expired()
    submissions_purge_expired()  # the one-time tokens' answers, a day old (reports.services.once)
    investigations_expire()  # outside investigators past their date lose the sealed key
    wound_down_close_expired()  # issue 13: intake closes once a wound-down organization's open period ends
    checkins_sweep()  # issue 13: retaliation check-ins that came due today
    vault_checkins_sweep()  # and those of vaults that opted in
    signer_checkins_sweep()  # and those of letter signers who did
    retention_schedule()
    return purged


def digest_schedule() -> bool:
    """True when a digest was enqueued now, False when one was already waiting."""
    return job_schedule(staff_digest_job, digest_slot_after)


def retention_schedule() -> bool:
    return job_schedule(retention_job, daily_slot_after)
