"""A pending code's row holds the time a reporter asked for it (G2): it must not outlive the code."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from confide.notifications.tasks import staff_digest_job
from confide.verification.models import Challenge
from confide.verification.services import verification_start

pytestmark = pytest.mark.django_db


def test_the_background_job_deletes_expired_challenges_even_when_nobody_asks_for_another_code(org):
    verification_start(organization=org, email="nobody@example.org")
    assert Challenge.objects.count() == 1
    with time_machine.travel(timezone.now() + timedelta(minutes=20)):
        staff_digest_job.call()
    assert Challenge.objects.count() == 0


def test_the_background_job_keeps_challenges_still_valid(org):
    verification_start(organization=org, email="nobody@example.org")
    staff_digest_job.call()
    assert Challenge.objects.count() == 1
