"""Release at the threshold and not before; each copy honours each signer's choice; acknowledgements and
answers reach every signer; recipients' copies are fingerprinted (G6)."""

from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client

from confide.accounts.services.sign_in import staff_unlock
from confide.core.clock import today
from confide.letters import fingerprint
from confide.letters.content import LetterError, LetterNotFound
from confide.letters.models import Letter, LetterCopy
from confide.letters.selectors.common import letter_overview, meeting_read
from confide.letters.selectors.staff import copy_access_get, copy_list_for, copy_read, copy_thread
from confide.letters.services.answers import (
    letter_acknowledge,
    letter_answer,
    meeting_attendee_decide,
    meeting_status_set,
)
from confide.letters.services.keyring import letter_conflict_declare
from confide.letters.services.release import letter_release
from confide.letters.services.reminders import letter_reminders_send
from confide.letters.services.signatures import signature_withdraw
from confide.letters.services.third_party import letter_review, third_party_message
from confide.letters.services.tracing import leak_trace
from tests.helpers.letters import LETTER_TEXT, copy_of, draft, participant, sign, third_party
from tests.helpers.staff import PASSWORD, csrf_from

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed(circulating, org):
    ann = sign(circulating.token, org, "ann@acme.org", name="Ann Visible", role="Field", cohort="2016 campaign, field")
    ben = sign(circulating.token, org, "ben@acme.org", name="Ben Hidden", visibility="verified", cohort="2016 ops")
    return circulating, [ann, ben]


@pytest.fixture
def released(signed, handler):
    drafted, signers = signed
    letter_release(access=third_party(handler, drafted.letter), confirm_verified=True)
    drafted.letter.refresh_from_db()
    return drafted, signers


def test_it_is_not_released_below_the_threshold(circulating, org, handler, boss):
    sign(circulating.token, org, "ann@acme.org")
    with pytest.raises(LetterError) as error:
        letter_release(access=third_party(handler, circulating.letter), confirm_verified=True)
    assert error.value.status == 409
    assert LetterCopy.objects.count() == 0
    circulating.letter.refresh_from_db()
    assert circulating.letter.status == Letter.Status.CIRCULATING


def test_a_withdrawal_below_the_threshold_blocks_release(signed, org, handler):
    drafted, (ann, _ben) = signed
    signature_withdraw(access=participant(ann.receipt, org))
    with pytest.raises(LetterError):
        letter_release(access=third_party(handler, drafted.letter), confirm_verified=True)


def test_release_needs_the_third_partys_confirmation(signed, handler):
    drafted, _signers = signed
    with pytest.raises(LetterError):
        letter_release(access=third_party(handler, drafted.letter), confirm_verified=False)
    assert LetterCopy.objects.count() == 0


def test_at_the_threshold_each_recipient_gets_a_copy_as_each_signer_chose(released, boss, chief, bystander):
    drafted, _signers = released
    assert drafted.letter.status == Letter.Status.RELEASED
    for recipient in (boss, chief):
        document = copy_read(access=copy_of(recipient, drafted.letter))
        shown = " ".join(document["signatures"])
        assert "Ann Visible" in shown and "2016 campaign, field" in shown
        assert "Ben Hidden" not in shown and "2016 ops" not in shown
        assert "verified current or former staff member" in shown
        assert "harassment" in document["text"]
    assert not copy_list_for(user=bystander).exists()


def test_a_contact_not_named_and_other_tenants_get_nothing(released, bystander, other_contact, handler):
    drafted, _signers = released
    copy = LetterCopy.objects.filter(letter=drafted.letter).first()
    for user in (bystander, other_contact, handler):
        unlocked = staff_unlock(username=user.username, password=PASSWORD)
        with pytest.raises(LetterNotFound):
            copy_access_get(user=unlocked.user, secret_key=unlocked.secret_key, copy_id=copy.pk)


def test_signing_and_withdrawing_after_release_are_refused(released, org):
    drafted, (ann, _ben) = released
    with pytest.raises(LetterError) as error:
        sign(drafted.token, org, "carl@acme.org")
    assert error.value.status == 409
    with pytest.raises(LetterError) as error:
        signature_withdraw(access=participant(ann.receipt, org))
    assert error.value.status == 409


def test_release_twice_is_refused(released, handler):
    drafted, _signers = released
    with pytest.raises(LetterError) as error:
        letter_release(access=third_party(handler, drafted.letter), confirm_verified=True)
    assert error.value.status == 409


def test_acknowledgement_and_answers_reach_every_signer_and_the_organizer(released, org, boss):
    drafted, signers = released
    access = copy_of(boss, drafted.letter)
    letter_acknowledge(access=access)
    letter_answer(access=access, body="We will meet you next week.")
    with pytest.raises(LetterError):
        letter_acknowledge(access=access)
    for receipt in [s.receipt for s in signers] + [drafted.receipt]:
        reader = participant(receipt, org)
        overview = letter_overview(letter=reader.letter, participant_key=reader.participant_key)
        bodies = " ".join(u.body for u in overview.updates)
        assert "Casey Manager acknowledged receipt" in bodies
        assert "We will meet you next week." in bodies
    drafted.letter.refresh_from_db()
    assert drafted.letter.meeting_status == Letter.Meeting.ACKNOWLEDGED


def test_the_meeting_moves_forward_only_and_attendees_are_decided(released, boss):
    drafted, _signers = released
    access = copy_of(boss, drafted.letter)
    meeting_attendee_decide(access=access, attendee="The organizer", accept=True)
    meeting_attendee_decide(access=access, attendee="A former field organizer", accept=False)
    with pytest.raises(LetterError):
        meeting_attendee_decide(access=access, attendee="Someone else", accept=True)
    meeting_status_set(access=access, status=Letter.Meeting.SCHEDULED, note="Tuesday 10:00")
    with pytest.raises(LetterError):
        meeting_status_set(access=access, status=Letter.Meeting.SCHEDULED)
    meeting_status_set(access=access, status=Letter.Meeting.HELD)
    drafted.letter.refresh_from_db()
    meeting = meeting_read(letter=drafted.letter, thread_key=access.thread_key)
    assert meeting["attendees"] == {"The organizer": "accepted", "A former field organizer": "declined"}
    assert meeting["scheduled_for"] == "Tuesday 10:00"
    assert drafted.letter.meeting_status == Letter.Meeting.HELD
    assert b"The organizer" not in bytes(drafted.letter.meeting)


def test_overdue_answers_are_reminded_without_content(released, boss, chief, handler, time_machine):
    drafted, _signers = released
    for user, address in ((boss, "boss@acme.org"), (chief, "chief@acme.org"), (handler, "hana@third.org")):
        user.email = address
        user.save()
    assert letter_reminders_send() == 2  # each recipient is told once that a letter awaits
    assert {m.to[0] for m in mail.outbox} == {"boss@acme.org", "chief@acme.org"}
    assert letter_reminders_send() == 0
    mail.outbox.clear()
    time_machine.move_to(drafted.letter.answer_due.isoformat() + "T12:00:00Z")
    time_machine.shift(86400 * 2)
    assert letter_reminders_send() == 3
    assert {m.to[0] for m in mail.outbox} == {"boss@acme.org", "chief@acme.org", "hana@third.org"}
    for message in mail.outbox:
        assert "meet" not in message.body and "Ann" not in message.body
    assert letter_reminders_send() == 0  # not again the same week


def test_a_leaked_copy_is_traced_to_its_recipient(released, boss, chief, handler):
    drafted, _signers = released
    unlocked = staff_unlock(username=handler.username, password=PASSWORD)
    leaked = copy_read(access=copy_of(chief, drafted.letter))["text"]
    found = leak_trace(user=unlocked.user, secret_key=unlocked.secret_key, text=leaked)
    assert [c.recipient for c in found] == [chief]


def test_tracing_survives_stripping_zero_width_characters(released, boss, handler):
    drafted, _signers = released
    unlocked = staff_unlock(username=handler.username, password=PASSWORD)
    leaked = copy_read(access=copy_of(boss, drafted.letter))["text"]
    stripped = "".join(ch for ch in leaked if ch not in "\u200b\u200c\u2060")
    assert stripped != leaked
    found = leak_trace(user=unlocked.user, secret_key=unlocked.secret_key, text=stripped)
    assert [c.recipient for c in found] == [boss]


def test_tracing_survives_normalised_spaces(released, boss, handler):
    drafted, _signers = released
    unlocked = staff_unlock(username=handler.username, password=PASSWORD)
    leaked = copy_read(access=copy_of(boss, drafted.letter))["text"].replace("\u00a0", " ")
    found = leak_trace(user=unlocked.user, secret_key=unlocked.secret_key, text=leaked)
    assert [c.recipient for c in found] == [boss]


def test_an_unmarked_text_matches_nobody(released, handler):
    unlocked = staff_unlock(username=handler.username, password=PASSWORD)

    assert leak_trace(user=unlocked.user, secret_key=unlocked.secret_key, text=LETTER_TEXT * 3) == []


def test_an_excerpt_long_enough_still_points_at_its_copy():
    codes = {"a": fingerprint.code_generate(), "b": fingerprint.code_generate()}
    text = " ".join(f"word{i}" for i in range(200))
    marked, _counter = fingerprint.embed(text, code=codes["b"])
    excerpt = "".join(ch for ch in marked if ch not in "\u200b\u200c\u2060")[300:700]
    assert fingerprint.match(excerpt, candidates=codes) == ["b"]


def test_at_the_deadline_the_organizer_may_have_it_delivered_below_the_threshold(org, handler, boss, time_machine):
    deadline = today() + timedelta(days=3)
    drafted = draft(org, [boss], threshold=5, deadline=deadline, release_at_deadline=True)
    letter_review(access=third_party(handler, drafted.letter), approve=True)
    sign(drafted.token, org, "ann@acme.org")
    with pytest.raises(LetterError):
        letter_release(access=third_party(handler, drafted.letter), confirm_verified=True)
    time_machine.move_to(deadline.isoformat() + "T12:00:00Z")
    assert len(letter_release(access=third_party(handler, drafted.letter), confirm_verified=True)) == 1


def test_recipients_read_the_thread_from_delivery_on_only(signed, handler, boss, org):
    drafted, signers = signed
    third_party_message(access=third_party(handler, drafted.letter), body="Before delivery: for signers only.")
    letter_release(access=third_party(handler, drafted.letter), confirm_verified=True)
    access = third_party(handler, drafted.letter)
    third_party_message(access=access, body="After delivery: for everyone.", to_recipients=True)
    third_party_message(access=access, body="After delivery: for signers only.")
    seen = " ".join(u.body for u in copy_thread(access=copy_of(boss, drafted.letter)).updates)
    assert "After delivery: for everyone" in seen and "delivered to 2 recipients" in seen
    assert "Before delivery" not in seen and "Draft received" not in seen and "for signers only" not in seen
    reader = participant(signers[0].receipt, org)
    everything = " ".join(
        u.body for u in letter_overview(letter=reader.letter, participant_key=reader.participant_key).updates
    )
    assert "Before delivery" in everything and "for everyone" in everything and "for signers only" in everything


def test_the_third_party_is_reminded_of_drafts_and_letters_ready_to_release(circulating, org, handler, boss):
    handler.email = "hana@third.org"
    handler.save()
    draft(org, [boss])  # waits for review
    assert letter_reminders_send() == 1
    assert "1 letter you receive or handle needs" in mail.outbox[-1].body
    sign(circulating.token, org, "ann@acme.org")
    sign(circulating.token, org, "ben@acme.org")  # the threshold is reached: waits for release
    assert letter_reminders_send() == 1
    assert "2 letters you receive or handle need" in mail.outbox[-1].body


def test_without_fingerprints_copies_are_unmarked_and_untraceable(org, handler, boss, chief):
    drafted = draft(org, [boss, chief], fingerprinted=False)
    letter_review(access=third_party(handler, drafted.letter), approve=True)
    invitation = Client().get(f"/r/acme/letters/i/{drafted.token}/").content.decode()
    assert "copies are not marked" in invitation  # signers know before they sign
    sign(drafted.token, org, "ann@acme.org")
    sign(drafted.token, org, "ben@acme.org")
    letter_release(access=third_party(handler, drafted.letter), confirm_verified=True)
    texts = [copy_read(access=copy_of(user, drafted.letter))["text"] for user in (boss, chief)]
    assert texts == [LETTER_TEXT, LETTER_TEXT]
    assert not LetterCopy.objects.filter(letter=drafted.letter, fingerprint__isnull=False).exists()
    unlocked = staff_unlock(username=handler.username, password=PASSWORD)
    assert leak_trace(user=unlocked.user, secret_key=unlocked.secret_key, text=texts[0]) == []


def test_fingerprints_are_on_unless_the_organizer_turns_them_off(org, handler, boss):
    assert draft(org, [boss]).letter.fingerprinted is True
    client = Client(enforce_csrf_checks=True)
    page = client.get("/r/acme/letters/new/")
    assert 'name="fingerprinted"' in page.content.decode() and "checked" in page.content.decode()
    data = {"title": "T", "text": LETTER_TEXT, "recipients": [str(boss.pk)], "threshold": "2"}
    response = client.post("/r/acme/letters/new/", {**data, "csrfmiddlewaretoken": csrf_from(page)})
    assert response.status_code == 303
    assert Letter.objects.order_by("created_on", "pk").filter(fingerprinted=False).count() == 1


def test_the_third_party_is_reminded_at_the_deadline_when_delivery_at_the_deadline_was_chosen(
    org, handler, boss, time_machine
):

    handler.email = "hana@third.org"
    handler.save()
    deadline = today() + timedelta(days=3)
    drafted = draft(org, [boss], threshold=5, deadline=deadline, release_at_deadline=True)
    letter_review(access=third_party(handler, drafted.letter), approve=True)
    sign(drafted.token, org, "ann@acme.org")
    assert letter_reminders_send() == 0  # below the threshold, before the deadline
    time_machine.move_to(deadline.isoformat() + "T12:00:00Z")
    assert letter_reminders_send() == 1 and "1 letter you receive or handle needs" in mail.outbox[-1].body


def test_a_handler_who_stepped_away_is_not_reminded(released, boss, handler, teammate, time_machine):
    drafted, _signers = released
    handler.email, teammate.email = "hana@third.org", "tom@third.org"
    handler.save()
    teammate.save()
    letter_conflict_declare(access=third_party(teammate, drafted.letter))
    time_machine.move_to(drafted.letter.answer_due.isoformat() + "T12:00:00Z")
    time_machine.shift(86400 * 2)
    letter_reminders_send()
    assert "hana@third.org" in {m.to[0] for m in mail.outbox}
    assert "tom@third.org" not in {m.to[0] for m in mail.outbox}
