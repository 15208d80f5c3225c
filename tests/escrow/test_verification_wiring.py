"""A vault proves an address of the organization (one-time code); its entries then count as verified."""

import re

from django.core import mail
from django.test import Client

from confide.escrow.models import Entry, Match, Vault
from confide.escrow.services.matching import matches_detect
from confide.verification.services import account_ref_for, roster_upload
from tests.helpers.escrow import name_person, new_vault
from tests.helpers.staff import csrf_from
from tests.helpers.verification import code_mails_send


def _verify(client: Client, org, email: str):
    page = client.get(f"/r/{org.slug}/vault/verify/")
    assert page.status_code == 200
    response = client.post(f"/r/{org.slug}/vault/verify/", {"email": email, "csrfmiddlewaretoken": csrf_from(page)})
    assert response.status_code == 200, response.content.decode()[:1000]
    challenge = re.search(r'name="challenge" value="([^"]+)"', response.content.decode()).group(1)
    code_mails_send()
    code = re.search(r"\b(\d{8})\b", mail.outbox[-1].body).group(1) if mail.outbox else "00000000"
    return client.post(
        f"/r/{org.slug}/vault/verify/code/",
        {"challenge": challenge, "code": code, "csrfmiddlewaretoken": csrf_from(response)},
    )


def _vault_client(org, receipt: str) -> Client:
    client = Client(enforce_csrf_checks=True)
    page = client.get(f"/r/{org.slug}/vault/open/")
    response = client.post(f"/r/{org.slug}/vault/open/", {"receipt": receipt, "csrfmiddlewaretoken": csrf_from(page)})
    assert response.status_code == 303
    return client


def test_a_roster_address_verifies_the_vault_and_its_earlier_entries(org, counselor):
    roster_upload(organization=org, emails=["ana@acme.example"])
    receipt, access = new_vault(org)
    name_person(access, ["email:boss@campaign.example"])
    assert not Entry.objects.get().verified
    response = _verify(_vault_client(org, receipt), org, "Ana@Acme.example")
    assert response.status_code == 303
    assert Entry.objects.get().verified
    _, other = new_vault(org, email="ben@acme.example")
    name_person(other, ["email:boss@campaign.example"])
    matches_detect()
    assert Match.objects.get().verified


def test_an_address_off_the_roster_does_not_verify(org, counselor):
    roster_upload(organization=org, emails=["ana@acme.example"])
    receipt, _access = new_vault(org)
    response = _verify(_vault_client(org, receipt), org, "mallory@elsewhere.example")
    assert response.status_code == 400
    assert not mail.outbox


def test_the_vault_never_stores_the_address_or_the_account_reference_in_clear(org, counselor):
    roster_upload(organization=org, emails=["ana@acme.example"])
    receipt, _access = new_vault(org)
    _verify(_vault_client(org, receipt), org, "ana@acme.example")

    ref = account_ref_for(email="ana@acme.example")
    vault = Vault.objects.get()
    for column in [vault.content, vault.receipt_wrap, vault.receipt_lookup]:
        assert ref not in bytes(column) and b"ana@acme" not in bytes(column)
