"""G1 for a callback's check-in: the details a call-taker types in the caller's words (on each answer, and on
refused ones) are nowhere at rest: not in the database rows or files, the sessions, the secrets folder, or
the logs. The handlers still read them, so they did go in."""

from datetime import timedelta

import pytest
import time_machine

from confide.core.clock import today
from confide.reports.models import CheckIn
from confide.reports.services.checkins import checkins_sweep
from tests.helpers.canary import at_rest_sources, canary, hits
from tests.helpers.hotline import post
from tests.helpers.reports import submit_report

pytestmark = pytest.mark.django_db(transaction=True)

CALLBACK = "/staff/hotline/acme/callback/"


def _due(report, days: int) -> CheckIn:
    with time_machine.travel(today() + timedelta(days=days), tick=False):
        checkins_sweep()
    return CheckIn.objects.get(report=report, answered_on__isnull=True)


def test_the_callers_check_in_details_are_not_readable_at_rest(org, handler, call_taker, login, log_buffer, capfd):
    marks = {k: canary(k) for k in ["NOTHING", "WORRIES", "WORSE", "REFUSED", "AGAIN"]}
    submitted = submit_report(org)
    client = login(call_taker)
    for days, answer in [(14, "nothing"), (42, "worries"), (91, "worse")]:
        checkin = _due(submitted.report, days)
        url = f"/staff/hotline/acme/callback/checkins/{checkin.pk}/answer/"
        thread = post(client, CALLBACK, client.get(CALLBACK), {"receipt": submitted.receipt})
        data = {"receipt": submitted.receipt, "lang": "es"}
        if answer == "nothing":  # refused first: what was typed on a refused answer must not stay either
            refused = post(client, url, thread, {**data, "answer": "maybe", "details": marks["REFUSED"]})
            assert refused.status_code == 400
        assert (
            post(client, url, thread, {**data, "answer": answer, "details": marks[answer.upper()]}).status_code == 200
        )
        again = post(client, url, thread, {**data, "answer": "worse", "details": marks["AGAIN"]})
        assert again.status_code == 409
    case = CheckIn.objects.get(answer="worse").case

    staff = login(handler)
    original = staff.get(f"/staff/cases/{submitted.report.pk}/").content.decode()
    assert marks["NOTHING"] in original and marks["WORRIES"] in original
    assert marks["WORSE"] in staff.get(f"/staff/cases/{case.pk}/").content.decode()

    out, err = capfd.readouterr()
    sources = at_rest_sources(extra_text=log_buffer.getvalue() + out + err)
    assert hits([*marks.values(), submitted.receipt], sources) == []
