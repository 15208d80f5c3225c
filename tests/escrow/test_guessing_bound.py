"""crypto.md §4, guessing bound: an unverified account is free (a new vault is one click), so its evaluations
also spend from small daily pools per organization and per deployment that no new vault resets; verified
accounts keep their own allowance only. The counts are OprfAllowance rows: a peppered key, a day, a number."""

import pytest

from confide.core import keyfiles
from confide.escrow.content import OprfPoolSpent, OprfRateLimited
from confide.escrow.keys import OPRF_CEILING_ROW
from confide.escrow.models import Entry, OprfAllowance
from tests.helpers.escrow import name_person, new_vault, vault_api_auth, vault_client, vault_post

JSON = "application/json"


@pytest.fixture
def pools(settings):
    settings.CONFIDE_OPRF_UNVERIFIED_PER_ORGANIZATION = 3
    settings.CONFIDE_OPRF_UNVERIFIED_PER_DEPLOYMENT = 5
    return settings


def test_new_vaults_do_not_reset_the_organizations_daily_pool(org, other_org, counselor, pools):
    for n in range(3):
        _, vault = new_vault(org)
        name_person(vault, [f"email:guess{n}@corp.example"])
    _, fresh = new_vault(org)
    with pytest.raises(OprfPoolSpent):
        name_person(fresh, ["email:guess3@corp.example"])
    _, elsewhere = new_vault(other_org)
    name_person(elsewhere, ["email:guess3@corp.example"])  # per organization, then per deployment
    assert Entry.objects.count() == 4


def test_the_deployment_pool_bounds_unverified_guesses_across_organizations(org, other_org, counselor, pools):
    for organization in [org, org, org, other_org, other_org]:
        _, vault = new_vault(organization)
        name_person(vault, [f"email:p{Entry.objects.count()}@corp.example"])
    _, fresh = new_vault(other_org)
    with pytest.raises(OprfPoolSpent):
        name_person(fresh, ["email:one-more@corp.example"])


def test_verified_accounts_spend_only_their_own_allowance(org, counselor, pools):
    pools.CONFIDE_OPRF_UNVERIFIED_PER_ORGANIZATION = 0
    _, verified = new_vault(org, email="ana@acme.example")
    name_person(verified, ["email:boss@campaign.example", "phone:+12025550143"])
    _, unverified = new_vault(org)
    with pytest.raises(OprfPoolSpent):
        name_person(unverified, ["email:boss@campaign.example"])


def test_an_evaluation_the_key_holder_refuses_gives_its_pool_share_back(org, counselor, pools):
    pools.CONFIDE_OPRF_EVALUATIONS_PER_DAY = 1
    _, vault = new_vault(org)
    name_person(vault, ["email:a@corp.example"])
    for _ in range(5):  # a spent vault hammering on does not drain the organization's pool
        with pytest.raises(OprfRateLimited) as refused:
            name_person(vault, ["email:b@corp.example"])
        assert not isinstance(refused.value, OprfPoolSpent)
    for n in range(2):
        _, other = new_vault(org)
        name_person(other, [f"email:c{n}@corp.example"])
    assert Entry.objects.count() == 3


def test_two_hundred_guesses_from_fresh_vaults_seal_only_the_organizations_pool(api, org, counselor):
    """The review's attack: a new vault, one guessed address, again and again (defaults)."""
    statuses = []
    for n in range(30):
        auth = vault_api_auth(api, org)
        body = {"person": {"email": f"guess{n}@corp.example"}, "text": "g"}
        statuses.append(api.post("/api/vault/entries", body, content_type=JSON, **auth))
    codes = [response.status_code for response in statuses]
    assert codes == [201] * 20 + [429] * 10
    refused = statuses[-1]
    assert "without a verified account" in refused.json()["detail"]
    assert 0 < int(refused["Retry-After"]) <= 24 * 3600 + 1


def test_a_spent_pool_answers_the_page_with_429_and_keeps_what_was_typed(org, counselor, pools):
    pools.CONFIDE_OPRF_UNVERIFIED_PER_ORGANIZATION = 0
    client, _ = vault_client(org)
    data = {"email": "boss@campaign.example", "text": "He cornered me after the fundraiser."}
    response = vault_post(client, org, "entries/", data, page_path="entries/")
    page = response.content.decode()
    assert response.status_code == 429 and int(response["Retry-After"]) > 0
    assert "without a verified account" in page
    assert "He cornered me after the fundraiser." in page and "boss@campaign.example" in page
    assert not Entry.objects.exists()


def test_the_pool_rows_carry_a_day_and_a_count_and_name_no_organization(org, counselor, pools):
    _, vault = new_vault(org)
    name_person(vault, ["email:a@corp.example"])
    fields = {field.name for field in OprfAllowance._meta.get_fields()}
    assert fields == {"id", "key", "day", "count"}
    assert OprfAllowance.objects.count() == 4  # the vault's, the organization's, the deployment's, the ceiling
    for row in OprfAllowance.objects.exclude(key=OPRF_CEILING_ROW):
        key = bytes(row.key)
        assert org.pk.bytes not in key and keyfiles.pepper() not in key and len(key) == 32
