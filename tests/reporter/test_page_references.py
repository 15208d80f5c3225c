"""Issue 11: every aria-describedby and every in-page link on every reporter page points to an element that exists
(screen readers heard no hints: Django names id_X_helptext, the templates said id_X_hint; the error summary
linked radio groups to `#`)."""

from html.parser import HTMLParser

import pytest
from django.test import Client

from confide.escrow.services.entries import escrow_entry_create
from confide.escrow.services.records import record_create
from tests.helpers.escrow import vault_client
from tests.helpers.letters import page_post, receipt_in
from tests.helpers.receipts import followed
from tests.helpers.reports import submit_report
from tests.helpers.staff import csrf_from

pytestmark = pytest.mark.django_db

TOO_LONG = "x" * 200_001


class References(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.described_by: list[str] = []
        self.fragments: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"] or "")
        self.described_by += (values.get("aria-describedby") or "").split()
        href = values.get("href")
        if tag == "a" and href is not None and href.startswith("#"):
            self.fragments.append(href[1:])


def dangling(html: str) -> list[str]:
    parsed = References()
    parsed.feed(html)
    missing = [f"aria-describedby={i}" for i in parsed.described_by if i not in parsed.ids]
    return missing + [f"href=#{f}" for f in parsed.fragments if f not in parsed.ids]


def checked(response, *statuses: int) -> str:
    assert response.status_code in statuses, (response.status_code, response.content[:300])
    html = response.content.decode()
    assert not dangling(html), dangling(html)
    return html


def post(client: Client, page: str, url: str, data: dict):
    return client.post(url, {**data, "csrfmiddlewaretoken": csrf_from(client.get(page))})


def test_a_dangling_reference_is_found():
    assert dangling('<p id="a"></p><input aria-describedby="a b"><a href="#">x</a>') == [
        "aria-describedby=b",
        "href=#",
    ]


def test_the_report_pages_refer_only_to_what_exists(org, handler):
    client = Client(enforce_csrf_checks=True)
    for url in ["/r/acme/", "/r/acme/return/"]:
        checked(client.get(url), 200)
    form = checked(client.get("/r/acme/"), 200)
    assert 'aria-describedby="id_what_happened_helptext"' in form and 'id="id_what_happened_helptext"' in form
    invalid = checked(post(client, "/r/acme/", "/r/acme/", {"what_happened": "", "category": "nope"}), 400)
    assert 'href="#id_category_0"' in invalid and 'href="#id_what_happened"' in invalid
    checked(post(client, "/r/acme/", "/r/acme/", {"what_happened": TOO_LONG, "identity": "anonymous"}), 400)
    checked(post(client, "/r/acme/return/", "/r/acme/return/", {"receipt": "not a receipt"}), 400)

    submitted = submit_report(org)
    post(client, "/r/acme/return/", "/r/acme/return/", {"receipt": submitted.receipt})
    checked(client.get("/r/acme/report/"), 200)
    checked(post(client, "/r/acme/report/", "/r/acme/report/reply/", {"body": TOO_LONG}), 400)


def test_the_vault_pages_refer_only_to_what_exists(org):
    checked(Client().get("/r/acme/vault/"), 200)
    checked(Client().get("/r/acme/vault/open/"), 200)
    checked(
        post(Client(enforce_csrf_checks=True), "/r/acme/vault/open/", "/r/acme/vault/open/", {"receipt": "no"}), 400
    )
    client, _receipt = vault_client(org)
    home = "/r/acme/vault/home/"
    checked(client.get(home), 200)
    for url in ["/r/acme/vault/entries/", "/r/acme/vault/verify/"]:
        checked(client.get(url), 200)
    checked(post(client, home, "/r/acme/vault/records/", {"text": TOO_LONG}), 400)
    checked(post(client, "/r/acme/vault/entries/", "/r/acme/vault/entries/", {"text": ""}), 400)
    checked(post(client, "/r/acme/vault/verify/", "/r/acme/vault/verify/", {"email": ""}), 400)


def test_the_vault_pages_of_a_record_and_an_entry_refer_only_to_what_exists(org, make_vault, counselor):
    receipt, access = make_vault(org)
    record = record_create(access=access, text="For me.")
    entry = escrow_entry_create(access=access, identifiers=["email:boss@acme.org"], text="He did it.")
    client = Client(enforce_csrf_checks=True)
    post(client, "/r/acme/vault/open/", "/r/acme/vault/open/", {"receipt": receipt})
    for url in [
        f"/r/acme/vault/records/{record.id}/report/",
        f"/r/acme/vault/entries/{entry.id}/edit/",
        f"/r/acme/vault/entries/{entry.id}/report/",
    ]:
        checked(client.get(url), 200)
        checked(post(client, url, url, {"category": "nope", "text": TOO_LONG}), 400)


def test_the_letter_pages_refer_only_to_what_exists(org, handler, boss, circulating):
    client = Client(enforce_csrf_checks=True)
    for url in ["/r/acme/letters/", "/r/acme/letters/new/", f"/r/acme/letters/i/{circulating.token}/"]:
        checked(client.get(url), 200)
    new = "/r/acme/letters/new/"
    invalid = checked(post(client, new, new, {"title": "", "threshold": "1"}), 400)
    assert 'href="#id_recipients_0"' in invalid
    checked(post(client, "/r/acme/letters/", "/r/acme/letters/return/", {"receipt": "no"}), 400)
    drafted = followed(
        client,
        page_post(client, new, new, {"title": "T", "text": "A text", "recipients": [str(boss.pk)], "threshold": "2"}),
    )
    post(client, "/r/acme/letters/", "/r/acme/letters/return/", {"receipt": receipt_in(drafted)})
    checked(client.get("/r/acme/letters/mine/"), 200)
