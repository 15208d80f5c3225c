"""Sybils (threat model A6): anyone may ask for codes to a roster address they do not own, up to the pending
cap, and guess each code MAX_ATTEMPTS times. At the configured limits, guessing must not yield a verified
account in a year per organization (with 6 digits it yielded about 87)."""

import re

import pytest
from django.conf import settings
from django.core import mail

from confide.verification.services import MAX_ATTEMPTS, domain_allow, verification_start
from tests.helpers.verification import code_mails_send

pytestmark = pytest.mark.django_db


def test_blind_guessing_at_the_pending_cap_verifies_nobody_within_a_year(org):
    domain_allow(organization=org, domain="campaign.example")
    verification_start(organization=org, email="dana@campaign.example")
    code_mails_send()
    code = re.search(r"\b(\d+)\b", mail.outbox[-1].body).group(1)
    challenges_per_day = settings.CONFIDE_VERIFICATION_MAX_PENDING * (24 * 60 / settings.CONFIDE_VERIFICATION_MINUTES)
    expected_per_year = challenges_per_day * 365 * MAX_ATTEMPTS / 10 ** len(code)
    assert expected_per_year < 1
