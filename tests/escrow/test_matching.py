"""G5: below the threshold nothing opens, at the threshold everything does; duplicates never count twice."""

import pytest
from django.core import mail
from django.test import override_settings

from confide import crypto
from confide.escrow.content import EscrowRefused
from confide.escrow.models import Entry, Match
from confide.escrow.selectors.common import index_account_count
from confide.escrow.selectors.reporter import entry_group_get
from confide.escrow.services.counsel import match_open
from confide.escrow.services.entries import escrow_entry_update, escrow_entry_withdraw
from confide.escrow.services.matching import match_notifications_send, matches_detect
from tests.helpers.escrow import name_person, new_vault

ACCUSED = "email:boss@campaign.example"


def _open_directly(counselor_access, index):
    rows = list(Entry.objects.filter(index=index))
    sealed = [
        crypto.SealedEntry(index=bytes(r.index), blob=bytes(r.blob), ciphertext=bytes(r.ciphertext)) for r in rows
    ]
    return crypto.entries_open(
        entries=sealed, threshold=rows[0].threshold, counselor_secret_key=counselor_access.team_secret
    )


def test_below_threshold_nothing_opens_even_for_the_counselor_with_the_database(org, counselor_access):
    _, access = new_vault(org, email="ana@acme.example")
    name_person(access, [ACCUSED])
    assert matches_detect() == 0
    assert not Match.objects.exists()
    entry = Entry.objects.get()
    with pytest.raises(crypto.DecryptionError):
        _open_directly(counselor_access, bytes(entry.index))


def test_at_threshold_a_match_opens_with_every_entry(org, counselor_access):
    _, first = new_vault(org, email="ana@acme.example")
    _, second = new_vault(org, email="ben@acme.example")
    name_person(first, [ACCUSED], text="First account")
    name_person(second, [ACCUSED], text="Second account")
    assert matches_detect() == 1
    match = Match.objects.get()
    assert match.verified and match.accounts == 2
    opened = match_open(access=counselor_access, match_id=match.pk)
    assert opened.openable
    assert sorted(e.text for e in opened.entries) == ["First account", "Second account"]
    assert {e.vault_id for e in opened.entries} == {first.vault.pk, second.vault.pk}


def test_the_same_account_twice_never_counts_twice(org, counselor):
    _, first = new_vault(org, email="ana@acme.example")
    _, again = new_vault(org, email="ana+other@acme.example")  # same canonical address, another vault
    name_person(first, [ACCUSED])
    with pytest.raises(EscrowRefused):
        name_person(again, [ACCUSED])
    with pytest.raises(EscrowRefused):
        name_person(first, [ACCUSED])
    assert matches_detect() == 0
    assert index_account_count(index=bytes(Entry.objects.get().index)) == 1


def test_unverified_entries_never_open_verified_ones(org, counselor_access):
    _, verified = new_vault(org, email="ana@acme.example")
    name_person(verified, [ACCUSED], text="verified")
    for _ in range(3):
        _, sybil = new_vault(org)
        name_person(sybil, [ACCUSED], text="sybil")
    matches_detect()
    assert not Match.objects.filter(verified=True).exists()
    unverified = Match.objects.get()
    assert not unverified.verified
    opened = match_open(access=counselor_access, match_id=unverified.pk)
    assert {e.text for e in opened.entries} == {"sybil"}
    assert not any(e.verified for e in opened.entries)


def test_a_verified_match_shows_unverified_entries_flagged(org, counselor_access):
    for email in ["ana@acme.example", "ben@acme.example"]:
        _, vault = new_vault(org, email=email)
        name_person(vault, [ACCUSED], text=email)
    _, loner = new_vault(org)
    name_person(loner, [ACCUSED], text="unverified")
    matches_detect()
    match = Match.objects.get(verified=True)
    opened = match_open(access=counselor_access, match_id=match.pk)
    flags = {e.text: e.verified for e in opened.entries}
    assert flags == {"ana@acme.example": True, "ben@acme.example": True, "unverified": False}


def test_matching_spans_organizations(org, other_org, counselor_access):
    _, here = new_vault(org, email="ana@acme.example")
    _, there = new_vault(other_org, email="rui@rival.example")
    name_person(here, ["phone:+12025550143"], text="acme")
    name_person(there, ["phone:+12025550143"], text="rival")
    matches_detect()
    opened = match_open(access=counselor_access, match_id=Match.objects.get().pk)
    assert {e.organization for e in opened.entries} == {org.name, other_org.name}


def test_shares_of_different_persons_do_not_combine(org, counselor_access):
    _, first = new_vault(org, email="ana@acme.example")
    _, second = new_vault(org, email="ben@acme.example")
    name_person(first, ["email:one@x.example"])
    name_person(second, ["email:two@x.example"])
    rows = list(Entry.objects.all())
    assert bytes(rows[0].index) != bytes(rows[1].index)
    forged = [
        crypto.SealedEntry(index=bytes(rows[0].index), blob=bytes(r.blob), ciphertext=bytes(r.ciphertext)) for r in rows
    ]
    with pytest.raises(crypto.DecryptionError):
        crypto.entries_open(entries=forged, threshold=2, counselor_secret_key=counselor_access.team_secret)
    assert matches_detect() == 0


@override_settings(CONFIDE_ESCROW_THRESHOLD=3)
def test_the_operator_threshold_applies(org, counselor_access):
    for email in ["ana@acme.example", "ben@acme.example"]:
        _, vault = new_vault(org, email=email)
        name_person(vault, [ACCUSED])
    assert matches_detect() == 0
    _, third = new_vault(org, email="cy@acme.example")
    name_person(third, [ACCUSED])
    assert matches_detect() == 1
    assert len(match_open(access=counselor_access, match_id=Match.objects.get().pk).entries) == 3


def test_edit_reseals_and_withdrawal_removes_from_the_count(org, counselor_access):
    _, first = new_vault(org, email="ana@acme.example")
    _, second = new_vault(org, email="ben@acme.example")
    group = name_person(first, [ACCUSED], text="before")
    name_person(second, [ACCUSED])
    escrow_entry_update(access=first, group=entry_group_get(access=first, group_id=group.id), text="after")
    matches_detect()
    opened = match_open(access=counselor_access, match_id=Match.objects.get().pk)
    assert "after" in {e.text for e in opened.entries}
    escrow_entry_withdraw(access=first, group=entry_group_get(access=first, group_id=group.id))
    assert Entry.objects.count() == 1
    assert not match_open(access=counselor_access, match_id=Match.objects.get().pk).openable


def test_counselors_get_one_content_free_email_per_batch(org, counselor):
    counselor.email = "cora@thirdparty.example"
    counselor.save()
    for email in ["ana@acme.example", "ben@acme.example"]:
        _, vault = new_vault(org, email=email)
        name_person(vault, [ACCUSED], text="SECRET DETAIL")
    matches_detect()
    assert match_notifications_send() == 1
    assert match_notifications_send() == 0
    [message] = mail.outbox
    assert "SECRET" not in message.body and "boss" not in message.body
