"""The reporter's thread page, reached as a reporter does: the receipt typed on the return page."""

from django.test import Client

from confide.reports.selectors.staff import case_access_get
from confide.reports.services.messages import message_create_by_handler
from tests.helpers.staff import csrf_from


def thread_open(client: Client, receipt: str, slug: str = "acme") -> str:
    page = client.get(f"/r/{slug}/return/")
    returned = client.post(f"/r/{slug}/return/", {"receipt": receipt, "csrfmiddlewaretoken": csrf_from(page)})
    assert returned.status_code == 303, "the receipt did not open the report"
    return client.get(f"/r/{slug}/report/").content.decode()


def handler_reply(*, report, user, secret_key: bytes, body: str = "Thank you. We have read your report."):
    access = case_access_get(user=user, secret_key=secret_key, report_id=report.pk)
    return message_create_by_handler(access=access, body=body)
