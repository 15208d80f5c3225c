"""A call on the hotline console for tests: the script, the account, the read-back and filing."""

import re
from html import unescape

from tests.helpers.staff import csrf_from

HIDDEN_RE = re.compile(r'<input type="hidden" name="([a-z0-9_]+)" value="([^"]*)">')


ACCOUNT = {
    "what_happened": "He called me into his office and said [[you owe me for this job]].",
    "when": "Last March",
    "where": "The field office",
    "people_involved": "The regional director; a volunteer saw it",
    "category": "sexual_harassment",
    "identity": "anonymous",
    "name": "",
    "contact": "",
    "avoid_handlers": "",
}


def hidden_fields(response) -> dict[str, str]:
    return {name: unescape(value) for name, value in HIDDEN_RE.findall(response.content.decode())}


def post(client, url: str, page, data: dict):
    return client.post(url, {**data, "csrfmiddlewaretoken": csrf_from(page)})


def read_back(client, slug: str = "acme", lang: str = "en", **account):
    """Script, then account, then the read-back page (nothing filed yet)."""
    script = client.get(f"/staff/hotline/{slug}/?lang={lang}")
    assert script.status_code == 200, script.content[:300]
    form = post(
        client,
        f"/staff/hotline/{slug}/call/",
        script,
        {"step": "account", "lang": lang, "safe_to_talk": "on", "confidentiality_explained": "on"},
    )
    assert form.status_code == 200, form.content[:300]
    data = {"step": "read_back", "lang": lang, **ACCOUNT, **account}
    return post(client, f"/staff/hotline/{slug}/call/", form, data)


def file_call(client, slug: str = "acme", lang: str = "en", consent: bool = True, **account):
    page = read_back(client, slug, lang, **account)
    assert page.status_code == 200, page.content[:500]
    data = hidden_fields(page)
    if consent:
        data["consent"] = "yes"
    return post(client, f"/staff/hotline/{slug}/file/", page, data)


def receipt_of(response) -> str:
    return hidden_fields(response)["receipt"]
