"""What the thread page tells a reporter about where their case stands: each status in plain words, the dates
the third party committed to, and the day a case handler last wrote. Days only, never times (G2)."""

from dataclasses import dataclass
from datetime import date

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from confide.reports.models import Author, Report
from confide.reports.selectors.common import ReportView

S = Report.Status
STATUS_EXPLAINED: dict[str, Promise] = {
    S.RECEIVED: _(
        "Your report has arrived and is stored encrypted. A case handler at the third party will confirm that "
        "they have read it, here on this page."
    ),
    S.ACKNOWLEDGED: _(
        "A case handler has confirmed receiving your report. Next they work out what can be done, and they may "
        "ask you questions here."
    ),
    S.ASSESSING: _(
        "A case handler is deciding what can be done: whether it can be looked into, what support you can have, "
        "and how to keep you safe from retaliation."
    ),
    S.INVESTIGATING: _(
        "The third party is looking into what happened, for example by reading documents or talking to people. "
        "This can take weeks. They will keep you informed here, and you can add information at any time."
    ),
    S.RESOLVED: _(
        "The third party has finished looking into it and reached a conclusion. They explain it on this page. "
        "You can still reply, for example if you disagree or something new happens."
    ),
    S.CLOSED: _(
        "The case is closed: nothing more is being done about it. You can still read this page until the case "
        "is deleted under the retention policy, and write here if something new happens."
    ),
}


@dataclass(frozen=True)
class ThreadFacts:
    explained: Promise
    acknowledge_by: date | None  # shown while the report waits for its acknowledgement
    acknowledged_on: date | None
    feedback_by: date | None  # shown until feedback has been given
    feedback_given_on: date | None
    last_handler_on: date | None


def thread_facts(view: ReportView) -> ThreadFacts:
    report = view.report
    handler_days = [message.created_on for message in view.messages if message.author_kind == Author.HANDLER]
    waiting_feedback = report.feedback_given_on is None and report.status != S.CLOSED
    return ThreadFacts(
        explained=STATUS_EXPLAINED[report.status],
        acknowledge_by=report.acknowledge_by if report.acknowledged_on is None else None,
        acknowledged_on=report.acknowledged_on,
        feedback_by=report.feedback_by if waiting_feedback else None,
        feedback_given_on=report.feedback_given_on,
        last_handler_on=max(handler_days, default=None),
    )
