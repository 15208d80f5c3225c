"""The core loop through the web pages, CSRF enforced: report, handler reads and replies, reporter returns with
the receipt, reads and answers, handler reads the answer."""

import re

import pytest
from django.test import Client

from tests.helpers.staff import csrf_from

pytestmark = pytest.mark.django_db


def test_report_reply_and_answer_through_the_pages(org, handler, login):
    reporter = Client(enforce_csrf_checks=True)
    form = reporter.get("/r/acme/")
    filed = reporter.post(
        "/r/acme/",
        {
            "csrfmiddlewaretoken": csrf_from(form),
            "what_happened": "The campaign manager kept touching my back in meetings.",
            "category": "sexual_harassment",
            "identity": "named",
            "name": "Sam Rivera",
            "contact": "signal +1 555 0100",
        },
    )
    receipt_page = reporter.get(filed["Location"])
    receipt = re.search(r'<p class="receipt"[^>]*>([^<]+)</p>', receipt_page.content.decode()).group(1).strip()

    staff = login(handler)
    inbox = staff.get("/staff/").content.decode()
    case_url = re.search(r'href="(/staff/cases/[0-9a-f-]+/)"', inbox).group(1)
    case = staff.get(case_url)
    assert "kept touching my back" in case.content.decode() and "Sam Rivera" in case.content.decode()
    staff.post(
        case_url + "reply/", {"body": "Thank you, Sam. When can we talk?", "csrfmiddlewaretoken": csrf_from(case)}
    )

    back = reporter.get("/r/acme/return/")
    reporter.post("/r/acme/return/", {"receipt": receipt, "csrfmiddlewaretoken": csrf_from(back)})
    report = reporter.get("/r/acme/report/")
    assert "When can we talk?" in report.content.decode()
    reporter.post("/r/acme/report/reply/", {"body": "Tuesday evening works.", "csrfmiddlewaretoken": csrf_from(report)})

    assert "Tuesday evening works." in staff.get(case_url).content.decode()
