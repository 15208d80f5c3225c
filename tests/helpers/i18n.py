"""The language switch for tests."""

import re

from django.test import Client

from tests.helpers.staff import csrf_from

SWITCH = re.compile(r'<form class="language"[^>]*action="/language/".*?</form>', re.S)


def switch_of(html: str) -> str | None:
    match = SWITCH.search(html)
    return match.group(0) if match else None


def choose(client: Client, language: str, page: str) -> object:
    """Press a language button on `page`, as the browser would: the form's token and its own `next`."""
    html = client.get(page).content.decode()
    form = switch_of(html)
    assert form is not None, f"{page} has no language switch"
    next_url = re.search(r'name="next" value="([^"]*)"', form)
    assert next_url is not None
    return client.post(
        "/language/",
        {"csrfmiddlewaretoken": csrf_from(client.get(page)), "language": language, "next": next_url.group(1)},
    )
