"""A vault and its entries: nothing at rest ties one to the other below the threshold."""

from confide.escrow.models import Entry, Vault
from confide.escrow.selectors.reporter import entry_group_get, vault_entries
from confide.escrow.services.entries import escrow_entry_update, escrow_entry_withdraw
from confide.escrow.services.vaults import vault_account_set
from tests.helpers.escrow import account_ref, name_person, new_vault


def test_making_editing_and_withdrawing_entries_never_writes_the_vault_row(org, counselor):
    _, access = new_vault(org, email="ana@acme.example")
    before = bytes(Vault.objects.get().content)
    group = name_person(access, ["email:boss@campaign.example", "phone:+12025550143"])
    escrow_entry_update(access=access, group=entry_group_get(access=access, group_id=group.id), text="edited")
    assert bytes(Vault.objects.get().content) == before
    entry_columns = {f.name for f in Entry._meta.get_fields()}
    assert not {"vault", "vault_id", "organization"} & entry_columns
    escrow_entry_withdraw(access=access, group=entry_group_get(access=access, group_id=group.id))
    assert bytes(Vault.objects.get().content) == before and not Entry.objects.exists()


def test_one_account_in_two_vaults_sees_each_vaults_own_entries(org, counselor):
    _, first = new_vault(org, email="ana@acme.example")
    _, second = new_vault(org, email="ana@acme.example")
    name_person(first, ["email:one@campaign.example"], text="first vault")
    name_person(second, ["email:two@campaign.example"], text="second vault")
    assert [g.text for g in vault_entries(access=first)] == ["first vault"]
    assert [g.text for g in vault_entries(access=second)] == ["second vault"]


def test_another_vaults_entry_cannot_be_edited_or_withdrawn(org, counselor):
    _, mine = new_vault(org)
    _, theirs = new_vault(org)
    group = name_person(theirs, ["email:boss@campaign.example"])
    assert entry_group_get(access=mine, group_id=group.id) is None
    escrow_entry_withdraw(access=mine, group=group)  # a forged group: its rows are not under this vault's accounts
    assert Entry.objects.count() == 1


def test_entries_made_before_verifying_move_to_the_verified_account(org, counselor):
    _, access = new_vault(org)
    name_person(access, ["email:boss@campaign.example"], text="before verifying")
    access = vault_account_set(access=access, account_ref=account_ref("ana@acme.example"), organization_id=org.pk)
    [group] = vault_entries(access=access)
    assert group.text == "before verifying" and all(row.verified for row in group.rows)
    assert Entry.objects.get().verified
