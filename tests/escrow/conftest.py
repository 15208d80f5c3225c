"""Escrow fixtures: a counselor team, vaults, verified accounts."""

import pytest

from confide.accounts.services.sign_in import staff_unlock
from confide.escrow.selectors import counselor_access_get, vault_access_get
from confide.escrow.services.entries import escrow_entry_create
from confide.escrow.services.team import counselor_enrol
from confide.escrow.services.vaults import vault_account_set, vault_create
from confide.verification.services import account_ref_for
from tests.conftest import PASSWORD, make_staff


def account_ref(email: str) -> bytes:
    return account_ref_for(email=email)


@pytest.fixture
def counselor(db):
    user = make_staff("cora", role="counselor")
    counselor_enrol(user=user)
    return user


@pytest.fixture
def counselor_access(counselor):
    unlocked = staff_unlock(username=counselor.username, password=PASSWORD)
    return counselor_access_get(user=counselor, secret_key=unlocked.secret_key)


def new_vault(organization, *, email: str | None = None):
    """A vault and its open access; verified for `email` when given."""
    created = vault_create(organization=organization)
    access = vault_access_get(receipt=created.receipt, organization=organization)
    assert access is not None
    if email:
        access = vault_account_set(access=access, account_ref=account_ref(email), organization_id=organization.pk)
    return created.receipt, access


def name_person(access, identifiers, text="He cornered me after the fundraiser."):
    return escrow_entry_create(access=access, identifiers=identifiers, text=text)


@pytest.fixture
def make_vault():
    return new_vault
