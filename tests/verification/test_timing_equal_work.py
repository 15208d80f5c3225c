"""Roster membership by timing (issue 10 item 11): the request for a code does the same work for an address on
the roster and one off it. It never talks to the mail server, and it queues exactly one job either way, whose
stored arguments carry neither the address nor its canonical form and have one size."""

import pytest
from django.core import mail
from django_tasks_db.models import DBTaskResult

from confide.verification.services import roster_upload, verification_start

pytestmark = pytest.mark.django_db
ON = "Dana.Rostered-4e1f@campaign.example"
OFF = "mallory.outside-9b2c@campaign.example"


class MailCounter:
    """Counts every connection the mail backend is asked to open or use, whatever the result."""

    calls = 0

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        MailCounter.calls += 1
        return len(messages)

    def open(self):
        MailCounter.calls += 1

    def close(self):
        pass


@pytest.fixture
def counted_mail(settings):
    settings.EMAIL_BACKEND = f"{__name__}.MailCounter"
    MailCounter.calls = 0
    return MailCounter


def _stored(email: str, org) -> DBTaskResult:
    before = set(DBTaskResult.objects.values_list("pk", flat=True))
    verification_start(organization=org, email=email)
    [job] = DBTaskResult.objects.exclude(pk__in=before)
    return job


def test_the_request_never_calls_the_mail_backend_and_queues_one_job_either_way(org, counted_mail):
    roster_upload(organization=org, emails=[ON])
    on_job = _stored(ON, org)
    off_job = _stored(OFF, org)
    assert counted_mail.calls == 0 and mail.outbox == []
    assert on_job.task_path == off_job.task_path
    assert on_job.status == off_job.status == "READY"
    assert len(str(on_job.args_kwargs)) == len(str(off_job.args_kwargs)), "one size, whoever is asked for"


@pytest.mark.parametrize("email", [ON, OFF])
def test_a_queued_job_stores_neither_the_address_nor_its_canonical_form(org, email):
    roster_upload(organization=org, emails=[ON])
    job = _stored(email, org)
    stored = str(job.args_kwargs).casefold()
    local = email.partition("@")[0].casefold()
    for needle in (email.casefold(), f"email:{email.casefold()}", local, local.encode().hex()):
        assert needle not in stored
