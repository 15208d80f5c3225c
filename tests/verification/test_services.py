import uuid

import pytest
import time_machine
from django.core import mail

from confide.verification.models import Challenge
from confide.verification.selectors import roster_size
from confide.verification.services import (
    MAX_ATTEMPTS,
    VerificationError,
    account_ref_for,
    domain_allow,
    roster_upload,
    verification_confirm,
    verification_start,
)
from tests.helpers.verification import code_mails_send, code_sent

pytestmark = pytest.mark.django_db


def _code() -> str:
    return code_sent()


def test_a_roster_address_gets_a_code_that_proves_the_account(org):
    roster_upload(organization=org, emails=["Dana.Staffer+campaign@Example.org", "other@example.org"])
    challenge = verification_start(organization=org, email="dana.staffer@example.org")
    code_mails_send()
    assert mail.outbox[-1].to == ["dana.staffer@example.org"]
    account = verification_confirm(organization=org, challenge_id=challenge, code=_code())
    assert account.account_ref == account_ref_for(email="DANA.STAFFER@example.org")
    assert account.organization_id == org.pk


def test_an_allowed_domain_admits_any_address_there(org):
    domain_allow(organization=org, domain="@Campaign.Example")
    challenge = verification_start(organization=org, email="anyone@campaign.example")
    assert verification_confirm(organization=org, challenge_id=str(challenge), code=_code()).account_ref


def test_an_address_off_the_roster_gets_the_same_answer_and_never_verifies(org):
    roster_upload(organization=org, emails=["on@example.org"])
    challenge = verification_start(organization=org, email="off@example.org")
    assert isinstance(challenge, uuid.UUID)
    assert code_mails_send() == 1
    assert mail.outbox == []
    with pytest.raises(VerificationError):
        verification_confirm(organization=org, challenge_id=challenge, code="000000")


def test_it_rejects_a_malformed_address_with_the_expected_form(org):
    with pytest.raises(VerificationError, match=r"name@example\.org"):
        verification_start(organization=org, email="not an address")


def test_a_code_works_once(org):
    domain_allow(organization=org, domain="example.org")
    challenge = verification_start(organization=org, email="a@example.org")
    code = _code()
    verification_confirm(organization=org, challenge_id=challenge, code=code)
    with pytest.raises(VerificationError):
        verification_confirm(organization=org, challenge_id=challenge, code=code)


def test_wrong_codes_burn_the_challenge_after_the_limit(org):
    domain_allow(organization=org, domain="example.org")
    challenge = verification_start(organization=org, email="a@example.org")
    code = _code()
    wrong = "111111" if code != "111111" else "222222"
    for _ in range(MAX_ATTEMPTS):
        with pytest.raises(VerificationError):
            verification_confirm(organization=org, challenge_id=challenge, code=wrong)
    with pytest.raises(VerificationError):
        verification_confirm(organization=org, challenge_id=challenge, code=code)


def test_a_code_expires(org, settings):
    domain_allow(organization=org, domain="example.org")
    with time_machine.travel("2026-03-01 12:00Z", tick=False):
        challenge = verification_start(organization=org, email="a@example.org")
        code = _code()
    with time_machine.travel("2026-03-01 12:16Z", tick=False), pytest.raises(VerificationError):
        verification_confirm(organization=org, challenge_id=challenge, code=code)


def test_a_code_of_another_organization_does_not_verify_here(org, other_org):
    domain_allow(organization=org, domain="example.org")
    challenge = verification_start(organization=org, email="a@example.org")
    with pytest.raises(VerificationError):
        verification_confirm(organization=other_org, challenge_id=challenge, code=_code())


@pytest.mark.parametrize("challenge_id", ["not-a-uuid", "", "0b9e2a52-5f0e-4f57-9c1e-7f1d1b3c2a10"])
def test_an_unknown_challenge_is_a_clear_error(org, challenge_id):
    with pytest.raises(VerificationError, match="does not match"):
        verification_confirm(organization=org, challenge_id=challenge_id, code="123456")


def test_pending_codes_are_capped_per_organization(org, settings):
    settings.CONFIDE_VERIFICATION_MAX_PENDING = 2
    verification_start(organization=org, email="a@example.org")
    verification_start(organization=org, email="b@example.org")
    with pytest.raises(VerificationError, match="Too many"):
        verification_start(organization=org, email="c@example.org")


def test_expired_challenges_are_deleted_with_their_timestamps(org):
    with time_machine.travel("2026-03-01 12:00Z", tick=False):
        verification_start(organization=org, email="a@example.org")
    with time_machine.travel("2026-03-01 13:00Z", tick=False):
        verification_start(organization=org, email="b@example.org")
    assert Challenge.objects.count() == 1


def test_the_roster_counts_distinct_people_and_can_be_replaced(org, other_org):
    assert roster_size(organization=org) == 0
    assert roster_upload(organization=org, emails=["a@example.org", "A@Example.org", "", "b@example.org"]) == 2
    assert roster_upload(organization=org, emails=["c@example.org"]) == 3
    assert roster_upload(organization=org, emails=["c@example.org"], replace=True) == 1
    assert roster_size(organization=other_org) == 0


def test_one_bad_address_uploads_nothing(org):
    with pytest.raises(VerificationError):
        roster_upload(organization=org, emails=["a@example.org", "broken"])
    assert roster_size(organization=org) == 0


@pytest.mark.django_db(transaction=True)
def test_the_roster_and_challenges_keep_no_address(org):
    from tests.helpers.canary import at_rest_sources, hits

    roster_upload(organization=org, emails=["canaryroster@example.org"])
    verification_start(organization=org, email="canaryroster@example.org")
    verification_start(organization=org, email="canaryoutsider@example.org")
    assert hits(["canaryroster", "canaryoutsider"], at_rest_sources()) == []
