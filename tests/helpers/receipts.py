"""The receipt page as a reporter's browser meets it: reached by a redirect, confirmed by typing back two words."""

import re

from django.test import Client

from tests.helpers.browser import follow
from tests.helpers.staff import csrf_from

RECEIPT_RE = re.compile(r'<p class="receipt"[^>]*>([^<]+)</p>')
SUBMISSION_RE = re.compile(r'name="submission" value="([^"]+)"')
POSITIONS_RE = re.compile(r'name="positions" value="([^"]+)"')
ASKED_RE = re.compile(r'<input type="text" name="word" id="id_word_(\d+)"')
ACTION_RE = re.compile(r'<form method="post" action="([^"]+/receipt/)"')


def receipt_of(response) -> str:
    match = RECEIPT_RE.search(response.content.decode())
    assert match, "no receipt on the page"
    return match.group(1).strip()


def submission_of(response) -> str:
    match = SUBMISSION_RE.search(response.content.decode())
    assert match, "the form has no one-time token"
    return match.group(1)


def followed(client: Client, response):
    """The page a 303 after a filing leads to (the receipt page), or the response itself."""
    return client.get(response["Location"]) if response.status_code == 303 else response


def asked(page) -> list[int]:
    """The positions (1-based) of the words the receipt page asks for."""
    return [int(n) for n in ASKED_RE.findall(page.content.decode())]


def type_back(client: Client, page, words: list[str] | None = None):
    """Type back the words the receipt page asks for: the right ones unless `words` is given."""
    html = page.content.decode()
    receipt = receipt_of(page).split()
    answers = words if words is not None else [receipt[n - 1] for n in asked(page)]
    action = ACTION_RE.search(html)
    assert action, "the receipt page has no type-back form"
    data = {"positions": POSITIONS_RE.search(html).group(1), "word": answers, "csrfmiddlewaretoken": csrf_from(page)}
    return client.post(action.group(1), data)


def browser_type_back(page) -> None:
    """In a Playwright page showing a receipt: type the words it asks for and send them."""
    words = page.inner_text(".receipt").strip().split()
    for field in page.query_selector_all("input[name=word]"):
        field.fill(words[int(field.get_attribute("id").removeprefix("id_word_")) - 1])
    follow(page, page.locator("form[action$='/receipt/'] button[type=submit]"))
