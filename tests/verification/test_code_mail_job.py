"""The code email in the background worker (confide.verification.tasks): the code still arrives, to roster
addresses only; it is not sent once its code is used or expired; the job's row is gone once it has run, a row
a stopped worker left behind goes with the code's lifetime, and no line of the worker's log says when."""

import logging
import re

import pytest
import time_machine
from django.core import mail
from django.utils import translation
from django_tasks_db.models import DBTaskResult

from confide.verification.models import Challenge
from confide.verification.services import (
    VerificationError,
    domain_allow,
    roster_upload,
    verification_challenges_purge,
    verification_confirm,
    verification_start,
)
from tests.helpers.canary import at_rest_sources, hits
from tests.helpers.verification import code_mails_send, code_sent

pytestmark = pytest.mark.django_db


def test_the_worker_mails_the_code_to_a_roster_address_and_nothing_to_others(org):
    roster_upload(organization=org, emails=["ana@acme.example"])
    challenge = verification_start(organization=org, email=" Ana@Acme.example ")
    verification_start(organization=org, email="mallory@acme.example")
    assert mail.outbox == []
    assert code_mails_send() == 2
    [message] = mail.outbox
    assert message.to == ["Ana@Acme.example"]
    assert verification_confirm(organization=org, challenge_id=challenge, code=code_sent()).account_ref


def test_the_email_is_in_the_language_the_reporter_asked_in(org):
    domain_allow(organization=org, domain="acme.example")
    with translation.override("es"):
        verification_start(organization=org, email="ana@acme.example")
    code_mails_send()
    [message] = mail.outbox
    assert message.subject == "Su código de Confide" and message.body.startswith("Su código es ")


def test_finished_jobs_leave_no_row(org):
    roster_upload(organization=org, emails=["ana@acme.example"])
    verification_start(organization=org, email="ana@acme.example")
    verification_start(organization=org, email="outsider@acme.example")
    assert DBTaskResult.objects.count() == 2
    code_mails_send()
    assert not DBTaskResult.objects.exists()


def test_a_code_already_used_or_expired_is_not_mailed(org):
    domain_allow(organization=org, domain="acme.example")
    with time_machine.travel("2026-03-01 12:00Z", tick=False):
        verification_start(organization=org, email="late@acme.example")
    with time_machine.travel("2026-03-01 12:16Z", tick=False):
        code_mails_send()
    assert mail.outbox == []


def test_a_job_no_worker_ran_is_purged_with_its_code(org):
    domain_allow(organization=org, domain="acme.example")
    with time_machine.travel("2026-03-01 12:00Z", tick=False):
        verification_start(organization=org, email="ana@acme.example")
    with time_machine.travel("2026-03-01 12:14Z", tick=False):
        verification_challenges_purge()
        assert DBTaskResult.objects.count() == 1
    with time_machine.travel("2026-03-01 12:16Z", tick=False):
        verification_challenges_purge()
    assert not DBTaskResult.objects.exists() and not Challenge.objects.exists()


def test_five_wrong_codes_still_burn_a_mailed_challenge(org):
    domain_allow(organization=org, domain="acme.example")
    challenge = verification_start(organization=org, email="ana@acme.example")
    code = code_sent()
    wrong = "11111111" if code != "11111111" else "22222222"
    for _ in range(5):
        with pytest.raises(VerificationError):
            verification_confirm(organization=org, challenge_id=challenge, code=wrong)
    with pytest.raises(VerificationError):
        verification_confirm(organization=org, challenge_id=challenge, code=code)


def test_the_worker_logs_no_line_about_the_code_email(org, caplog):
    domain_allow(organization=org, domain="acme.example")
    verification_start(organization=org, email="ana@acme.example")
    # db_worker sets these loggers to INFO at its default verbosity: each line would time a request for a code.
    caplog.set_level(logging.INFO, logger="django_tasks")
    caplog.set_level(logging.INFO, logger="django_tasks_db")
    caplog.set_level(logging.DEBUG)
    code_mails_send()
    assert mail.outbox
    assert not [r for r in caplog.records if re.search("verification", r.getMessage())]


@pytest.mark.django_db(transaction=True)
def test_no_address_reaches_the_tasks_table_in_plaintext(org):
    roster_upload(organization=org, emails=["canaryqueued@acme.example"])
    verification_start(organization=org, email="canaryqueued@acme.example")
    verification_start(organization=org, email="canaryunlisted@acme.example")
    assert DBTaskResult.objects.count() == 2
    assert hits(["canaryqueued", "canaryunlisted"], at_rest_sources()) == []
    code_mails_send()
    assert hits(["canaryqueued", "canaryunlisted"], at_rest_sources()) == []
