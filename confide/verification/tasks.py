"""The code email, sent by the background worker (django-tasks, `manage.py db_worker`), never by the request.

The request that asks for a code does the same work whether or not the address may have one, and queues one
job either way: its one argument is sealed under a key derived from the pepper and padded to one size, so the
task table says nothing about who asked, and the response time says nothing about the roster (issue 10 item 11).
The job's row is deleted as soon as it has run; verification_challenges_purge sweeps any a stopped worker left.
"""

import smtplib
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.dispatch import receiver
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task
from django_tasks.signals import task_finished
from django_tasks_db.models import DBTaskResult

from confide.verification.content import CodeMail
from confide.verification.keys import code_mail_open
from confide.verification.models import Challenge


@task()
def verification_mail_job(sealed: str) -> None:
    mail = CodeMail.from_bytes(code_mail_open(sealed))
    if not mail.to:
        return  # not eligible: the request did the same work, and nobody is mailed
    # A code already used, burnt or expired is not worth sending (a worker that was down catches up late).
    if not Challenge.objects.filter(pk=mail.challenge_id, expires_at__gt=timezone.now()).exists():
        return
    with translation.override(mail.language):
        message = _(
            "Your code is %(code)s. It works for %(minutes)d minutes. If you did not ask for it, ignore this "
            "message: nothing else happens."
        ) % {"code": mail.code, "minutes": settings.CONFIDE_VERIFICATION_MINUTES}
        subject = _("Your Confide code")
    try:
        send_mail(subject=subject, message=message, from_email=None, recipient_list=[mail.to], fail_silently=False)
    except (smtplib.SMTPException, OSError):
        # Not raised: the worker would store the traceback in the task row, and SMTP errors name the recipient.
        # The reporter asks again; the unsent code expires with its challenge.
        return


@receiver(task_finished)
def _mail_job_forget(sender: Any, task_result: Any, **kwargs: Any) -> None:
    """The finished row still holds the sealed address and the times the job was queued and run: it goes now."""
    if task_result.task.module_path == verification_mail_job.module_path:
        DBTaskResult.objects.filter(pk=task_result.id).delete()
