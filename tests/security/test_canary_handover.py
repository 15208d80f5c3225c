"""G1 for leadership cases (issue 13): the lead's handover note, the body's answer and the reporter's exclusion
request, sent through the real pages, are nowhere at rest or in the logs."""

import pytest

from confide.reports.models import Handover
from tests.helpers.canary import at_rest_sources, canary, hits
from tests.helpers.staff import csrf_from
from tests.helpers.thread import thread_open

pytestmark = pytest.mark.django_db(transaction=True)


def test_handover_notes_and_body_answers_are_not_readable_at_rest(
    leadership, handler, body, login, reporter, log_buffer, capfd
):
    note, answer = canary("HANDOVERNOTE"), canary("BODYANSWER")
    report = leadership.report
    lead = login(handler)
    page = lead.get(f"/staff/cases/{report.pk}/")
    assert page.status_code == 200
    sent = lead.post(
        f"/staff/cases/{report.pk}/handover/",
        {"body": body.username, "note": f"The accused is {note}", "csrfmiddlewaretoken": csrf_from(page)},
    )
    assert sent.status_code == 302 and Handover.objects.filter(report=report, body=body).exists()
    held = login(body)
    case_page = held.get(f"/staff/held/{report.pk}/")
    assert note in case_page.content.decode()
    replied = held.post(
        f"/staff/held/{report.pk}/reply/", {"body": answer, "csrfmiddlewaretoken": csrf_from(case_page)}
    )
    assert replied.status_code == 303
    assert answer in thread_open(reporter, leadership.receipt)
    out, err = capfd.readouterr()
    assert hits([note, answer], at_rest_sources(extra_text=log_buffer.getvalue() + out + err)) == []
