"""Leadership cases for tests (issue 13): independent bodies registered for an organization, a report marked as
about leadership with a lead, and its handover, all through the real services."""

from confide.accounts.services.sign_in import staff_unlock
from confide.reports.selectors.reporter import intake_target_get
from confide.reports.selectors.staff import case_access_get
from confide.reports.services.handover import case_handover
from confide.reports.services.submit import report_submit
from confide.reports.services.workflow import case_lead_assign
from confide.tenants.models import Membership
from tests.helpers.reports import sample_content
from tests.helpers.staff import PASSWORD, make_staff


def make_body(username: str, organization, title: str = "union representative"):
    user = make_staff(username, [organization], role="independent_body")
    Membership.objects.filter(user=user, organization=organization).update(title=title)
    return user


def open_as(user, report, *, as_body: bool = False):
    secret_key = staff_unlock(username=user.username, password=PASSWORD).secret_key
    return case_access_get(user=user, secret_key=secret_key, report_id=report.pk, as_body=as_body)


def leadership_report(organization, lead, **content):
    """A report about leadership, filed through the web door's service, with `lead` as its lead handler."""
    submitted = report_submit(
        target=intake_target_get(slug=organization.slug), content=sample_content(**content), about_leadership=True
    )
    case_lead_assign(access=open_as(lead, submitted.report), username=lead.username)
    submitted.report.refresh_from_db()
    return submitted


def hand_over(report, lead, body, note: str = "Please take this one: it is about the campaign manager."):
    return case_handover(access=open_as(lead, report), body_username=body.username, note=note)
