"""Vaults, entries and counselors for tests, made through escrow's own services."""

import re

from django.test import Client

from confide.escrow.selectors.reporter import vault_access_get
from confide.escrow.services.entries import escrow_entry_create
from confide.escrow.services.vaults import vault_account_set, vault_create
from confide.verification.services import account_ref_for
from tests.helpers.staff import csrf_from


def account_ref(email: str) -> bytes:
    return account_ref_for(email=email)


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


RECEIPT_RE = re.compile(r'<p class="receipt"[^>]*>([^<]+)</p>')


def vault_client(org) -> tuple[Client, str]:
    client = Client(enforce_csrf_checks=True)
    page = client.get(f"/r/{org.slug}/vault/")
    response = client.post(f"/r/{org.slug}/vault/", {"csrfmiddlewaretoken": csrf_from(page)})
    assert response.status_code == 303 and response["Location"] == f"/r/{org.slug}/vault/receipt/"
    shown = client.get(response["Location"])
    return client, RECEIPT_RE.search(shown.content.decode()).group(1)


def vault_post(client, org, path, data, page_path="home/"):
    page = client.get(f"/r/{org.slug}/vault/{page_path}")
    return client.post(f"/r/{org.slug}/vault/{path}", {**data, "csrfmiddlewaretoken": csrf_from(page)})


def vault_api_auth(api, org) -> dict:
    response = api.post(f"/api/orgs/{org.slug}/vaults")
    assert response.status_code == 201
    return vault_header(response.json()["receipt"])


def vault_header(receipt: str) -> dict:
    return {"HTTP_AUTHORIZATION": f"Vault {receipt}"}
