"""The mail server refusing or being down, now met by the background worker: it must leave no address in the
task table (a stored traceback would carry it: SMTPRecipientsRefused names it) nor in the logs, and the request
answers as it does for any address, since a refusal only roster addresses could get would tell who is on it."""

import logging
import smtplib

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.test import Client
from django_tasks_db.models import DBTaskResult

from confide.verification.services import domain_allow, verification_start
from tests.helpers.escrow import new_vault
from tests.helpers.verification import code_mails_send

api = Client()
pytestmark = pytest.mark.django_db
ADDRESS = "dana.canary-7f3a@campaign.example"


class RefusingBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise smtplib.SMTPRecipientsRefused({ADDRESS: (550, b"mailbox unavailable")})


class DownBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise ConnectionRefusedError(111, "Connection refused")


@pytest.fixture(params=[RefusingBackend, DownBackend])
def failing_mail(request, settings):
    settings.EMAIL_BACKEND = f"{__name__}.{request.param.__name__}"


def test_a_mail_failure_in_the_worker_leaves_no_row_and_no_address_in_the_logs(org, failing_mail, caplog):
    domain_allow(organization=org, domain="campaign.example")
    caplog.set_level(logging.DEBUG)
    verification_start(organization=org, email=ADDRESS)
    assert code_mails_send() == 1
    assert mail.outbox == []
    assert not DBTaskResult.objects.exists(), "the finished job's row, traceback and all, is gone"
    assert ADDRESS not in caplog.text


def test_a_mail_failure_answers_the_vault_api_like_any_address(org, failing_mail, caplog):
    domain_allow(organization=org, domain="campaign.example")
    receipt, _access = new_vault(org)
    caplog.set_level(logging.DEBUG)
    answers = []
    for email in (ADDRESS, "outsider-1c2d@elsewhere.example"):
        response = api.post(
            "/api/vault/verification",
            {"email": email},
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Vault {receipt}",
        )
        answers.append((response.status_code, sorted(response.json())))
    code_mails_send()
    assert answers[0] == answers[1] == (202, ["challenge"])
    assert ADDRESS not in caplog.text
