"""A vault is opened once per start form (G8): a double click or a reload of its post shows the same receipt and
opens no second vault; once the receipt is confirmed, a resend gets 409 and opens nothing; a new page opens a
new vault; two posts at once open one."""

import re
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from confide.escrow.models import Vault
from confide.escrow.services.vaults import vault_create_once
from confide.reports.services.once import VAULT, once_for
from tests.helpers.letters import receipt_in
from tests.helpers.receipts import type_back
from tests.helpers.staff import csrf_from

START = "/r/acme/vault/"
TOKEN_RE = re.compile(r'name="submission" value="([^"]+)"')


def _form(client) -> tuple[str, str]:
    page = client.get(START)
    return csrf_from(page), TOKEN_RE.search(page.content.decode()).group(1)


def _send(client, csrf: str, token: str):
    return client.post(START, {"submission": token, "csrfmiddlewaretoken": csrf})


@pytest.mark.django_db
def test_a_double_click_opens_one_vault_and_shows_its_receipt_twice(reporter, org):
    csrf, token = _form(reporter)
    first, second = _send(reporter, csrf, token), _send(reporter, csrf, token)
    assert first.status_code == second.status_code == 303
    receipts = {receipt_in(reporter.get(first["Location"])), receipt_in(reporter.get(second["Location"]))}
    assert len(receipts) == 1 and Vault.objects.count() == 1
    csrf, other = _form(reporter)
    _send(reporter, csrf, other)
    assert Vault.objects.count() == 2


@pytest.mark.django_db
def test_after_the_receipt_is_confirmed_a_resend_opens_nothing_and_says_so(reporter, org):
    csrf, token = _form(reporter)
    response = _send(reporter, csrf, token)
    assert type_back(reporter, reporter.get(response["Location"])).status_code in (302, 303)
    again = _send(reporter, csrf, token)
    assert again.status_code == 409 and "This vault was already opened" in again.content.decode()
    assert Vault.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_posts_at_once_open_one_vault(org):
    once = once_for(organization_id=org.pk, channel=VAULT, token="v" * 32)
    barrier = threading.Barrier(4)

    def one(_n: int) -> str:
        try:
            barrier.wait()
            return vault_create_once(organization=org, once=once).receipt
        finally:
            connection.close()

    with ThreadPoolExecutor(4) as pool:
        assert len(set(pool.map(one, range(4)))) == 1
    assert Vault.objects.count() == 1
