"""Drafting, review, signing, withdrawing and counting (crypto.md §5, G6)."""

from datetime import timedelta

import pytest

from confide.core.clock import today
from confide.letters.content import LetterError, signature_build
from confide.letters.models import Letter, LetterKeyWrap, Signature
from confide.letters.selectors.common import letter_content, letter_overview, signature_count
from confide.letters.selectors.reporter import invitation_access_get
from confide.letters.selectors.staff import signatures_read
from confide.letters.services.signatures import signature_create, signature_withdraw
from confide.letters.services.third_party import letter_review
from confide.verification.services import account_ref_for, roster_upload
from tests.helpers.letters import LETTER_TEXT, draft, participant, sign, third_party

pytestmark = pytest.mark.django_db


def test_a_draft_is_encrypted_and_sealed_to_the_third_party_only(drafted, handler, teammate, boss, chief):
    letter = drafted.letter
    assert LETTER_TEXT.encode() not in bytes(letter.content)
    holders = set(LetterKeyWrap.objects.filter(letter=letter).values_list("user_id", flat=True))
    assert holders == {handler.pk, teammate.pk}  # the handlers; no contact, no recipient
    assert letter.status == Letter.Status.REVIEW
    access = participant(drafted.receipt)
    assert access is not None and access.is_organizer
    assert letter_content(letter=letter, participant_key=access.participant_key).text == LETTER_TEXT


def test_the_invitation_does_not_work_before_review(drafted, org):
    assert invitation_access_get(token=drafted.token, organization=org) is None


def test_review_lets_it_circulate_and_tells_the_organizer(circulating, org):
    assert invitation_access_get(token=circulating.token, organization=org) is not None
    access = participant(circulating.receipt)
    bodies = [u.body for u in letter_overview(letter=access.letter, participant_key=access.participant_key).updates]
    assert any("may now circulate" in body for body in bodies)


def test_reviewing_twice_is_refused(circulating, handler):
    with pytest.raises(LetterError) as error:
        letter_review(access=third_party(handler, circulating.letter), approve=False)
    assert error.value.status == 409


@pytest.mark.parametrize("threshold", [0, 1, -1, 3, True, "2"])
def test_it_rejects_a_threshold_below_two_or_above_the_roster(org, boss, threshold):
    roster_upload(organization=org, emails=["a@acme.org", "b@acme.org"])
    with pytest.raises(LetterError) as error:
        draft(org, [boss], threshold=threshold)
    assert error.value.field == "threshold"
    assert Letter.objects.count() == 0


def test_without_a_roster_the_threshold_is_capped(org, boss, settings):
    settings.CONFIDE_LETTER_MAX_THRESHOLD = 10
    with pytest.raises(LetterError):
        draft(org, [boss], threshold=11)
    assert draft(org, [boss], threshold=10).letter.threshold == 10


def test_it_rejects_recipients_outside_the_organization(org, boss, handler, other_contact):
    for recipients in ([other_contact], [handler], [boss, other_contact]):
        with pytest.raises(LetterError) as error:
            draft(org, recipients)
        assert error.value.field == "recipients"
    with pytest.raises(LetterError):
        draft(org, [], threshold=1)
    assert Letter.objects.count() == 0


def test_it_rejects_a_deadline_in_the_past(org, boss):
    with pytest.raises(LetterError):
        draft(org, [boss], deadline=today())
    with pytest.raises(LetterError):
        draft(org, [boss], release_at_deadline=True)


def test_signing_counts_and_only_the_third_party_reads_names(circulating, org, handler):
    sign(circulating.token, org, "ann@acme.org", name="Ann Example")
    sign(circulating.token, org, "ben@acme.org", name="Ben Example", visibility="verified")
    assert signature_count(letter=circulating.letter) == 2
    names = {v.content.name for v in signatures_read(access=third_party(handler, circulating.letter))}
    assert names == {"Ann Example", "Ben Example"}
    for row in Signature.objects.all():
        assert b"Ann Example" not in bytes(row.body) and b"Ben" not in bytes(row.body)


def test_signing_twice_is_refused_and_changes_nothing(circulating, org):
    sign(circulating.token, org, "ann@acme.org")
    with pytest.raises(LetterError) as error:
        sign(circulating.token, org, "ANN@acme.org", name="Ann Again")
    assert error.value.status == 409
    assert signature_count(letter=circulating.letter) == 1


def test_the_signer_ref_does_not_link_one_person_across_letters(circulating, org, boss, handler):
    other = draft(org, [boss])
    letter_review(access=third_party(handler, other.letter), approve=True)
    sign(circulating.token, org, "ann@acme.org")
    sign(other.token, org, "ann@acme.org")
    refs = {bytes(s.signer_ref) for s in Signature.objects.all()}
    assert len(refs) == 2
    assert account_ref_for(email="ann@acme.org") not in refs


def test_signing_is_refused_before_review_after_deadline_and_after_release(drafted, org, handler):
    access = invitation_access_get(token=drafted.token)
    assert access is None  # not circulating yet
    letter_review(access=third_party(handler, drafted.letter), approve=True)
    access = invitation_access_get(token=drafted.token, organization=org)
    Letter.objects.filter(pk=drafted.letter.pk).update(deadline=today() - timedelta(days=1))
    with pytest.raises(LetterError) as error:
        signature_create(
            access=access,
            account_ref=account_ref_for(email="late@acme.org"),
            content=signature_build(name="Late", role="", cohort="", visibility="name"),
        )
    assert error.value.status == 409
    assert signature_count(letter=drafted.letter) == 0


def test_withdrawal_deletes_the_signature_row(circulating, org):
    signer = sign(circulating.token, org, "ann@acme.org")
    signature_withdraw(access=participant(signer.receipt, org))
    assert not Signature.objects.filter(pk=signer.signature_id).exists()
    assert signature_count(letter=circulating.letter) == 0
    assert participant(signer.receipt, org) is None


def test_nobody_withdraws_someone_elses_signature(circulating, org):
    ann = sign(circulating.token, org, "ann@acme.org")
    ben = sign(circulating.token, org, "ben@acme.org")
    with pytest.raises(LetterError) as error:
        signature_withdraw(access=participant(ann.receipt, org), signature_id=ben.signature_id)
    assert error.value.status == 404
    with pytest.raises(LetterError):
        signature_withdraw(access=participant(circulating.receipt, org))  # the organizer holds no signature
    assert signature_count(letter=circulating.letter) == 2


def test_a_receipt_of_another_organization_opens_nothing(circulating, org, other_org):
    signer = sign(circulating.token, org, "ann@acme.org")
    assert participant(signer.receipt, other_org) is None
    assert participant(circulating.receipt, other_org) is None
    assert invitation_access_get(token=circulating.token, organization=other_org) is None
