"""G1 for the phone line: canaries typed by a call-taker (intake, read-back, receipt check, callback answer)
are nowhere at rest: not in the database rows or files, the sessions, the secrets folder, or the logs."""

import pytest

from confide.reports.models import Report
from tests.helpers.canary import at_rest_sources, canary, hits
from tests.helpers.hotline import file_call, hidden_fields, post, read_back, receipt_of

pytestmark = pytest.mark.django_db(transaction=True)


def test_nothing_a_caller_says_is_readable_at_rest(org, handler, call_taker, login, log_buffer, capfd):
    marks = {k: canary(k) for k in ["TEXT", "QUOTE", "WHEN", "WHERE", "PEOPLE", "NAME", "CONTACT", "AVOID", "ANSWER"]}
    account = {
        "what_happened": f"It began with {marks['TEXT']} and he said [[{marks['QUOTE']}]].",
        "when": marks["WHEN"],
        "where": marks["WHERE"],
        "people_involved": marks["PEOPLE"],
        "identity": "named",
        "name": marks["NAME"],
        "contact": marks["CONTACT"],
        "avoid_handlers": marks["AVOID"],
    }
    client = login(call_taker)
    # A refused filing (no consent) and a correction happen before the real one: their drafts must not stay either.
    refused = file_call(client, lang="es", consent=False, **account)
    assert refused.status_code == 400
    page = read_back(client, lang="es", **account)
    post(client, "/staff/hotline/acme/call/", page, {**hidden_fields(page), "step": "correct"})
    filed = file_call(client, lang="es", **account)
    assert filed.status_code == 200
    receipt = receipt_of(filed)
    checked = post(client, "/staff/hotline/acme/receipt/", filed, {**hidden_fields(filed), "heard": receipt})
    assert checked.status_code == 200

    thread = post(
        client, "/staff/hotline/acme/callback/", client.get("/staff/hotline/acme/callback/"), {"receipt": receipt}
    )
    assert marks["QUOTE"] in thread.content.decode()
    reply = {"receipt": receipt, "body": marks["ANSWER"], "lang": "es"}
    assert post(client, "/staff/hotline/acme/callback/reply/", thread, reply).status_code == 200
    # Error paths log too.
    post(client, "/staff/hotline/acme/callback/", thread, {"receipt": f"{marks['TEXT']} wrong"})

    # The handler can read it all: the canaries went in, they are just not readable at rest.
    case = login(handler).get(f"/staff/cases/{Report.objects.get().pk}/").content.decode()
    assert marks["QUOTE"] in case and marks["NAME"] in case and marks["ANSWER"] in case

    out, err = capfd.readouterr()
    sources = at_rest_sources(extra_text=log_buffer.getvalue() + out + err)
    assert hits([*marks.values(), receipt], sources) == []
    assert hits([" ".join(receipt.split()[:3])], sources) == []
