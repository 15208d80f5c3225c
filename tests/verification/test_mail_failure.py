"""The mail server refusing or being down must not become a 500, whose logged exception would carry the
reporter's address (SMTPRecipientsRefused names it): a clear message instead, and nothing left behind."""

import logging
import smtplib

import pytest
from django.core.mail.backends.base import BaseEmailBackend
from django.test import Client

from confide.verification.models import Challenge
from confide.verification.services import VerificationError, domain_allow, verification_start
from tests.helpers.escrow import new_vault

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


def test_a_mail_failure_is_a_verification_error_and_leaves_no_challenge(org, failing_mail):
    domain_allow(organization=org, domain="campaign.example")
    with pytest.raises(VerificationError):
        verification_start(organization=org, email=ADDRESS)
    assert not Challenge.objects.exists()


def test_a_mail_failure_answers_the_vault_api_with_a_4xx_and_logs_no_address(org, failing_mail, caplog):
    domain_allow(organization=org, domain="campaign.example")
    receipt, _access = new_vault(org)
    caplog.set_level(logging.DEBUG)
    response = api.post(
        "/api/vault/verification",
        {"email": ADDRESS},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Vault {receipt}",
    )
    assert 400 <= response.status_code < 500
    assert response.json()["detail"]
    assert ADDRESS not in caplog.text
