"""Outside investigators, identity custodians and redacted versions for tests, made through the real services."""

from datetime import timedelta

from confide.core.clock import today
from confide.reports.models import Report
from confide.reports.selectors.staff import case_access_get
from confide.reports.services.investigation import investigator_invite, redaction_prepare
from confide.reports.services.workflow import case_lead_assign
from tests.helpers.staff import make_staff

NAMED = "Jordan Blake"  # the person the account names, replaced by "Person A"
PLACE = "Ridgeview Office"
RULES = f"{NAMED} => Person A\n{PLACE} => Place B"


def investigator_account(username: str, organizations=()):
    return make_staff(username, organizations, role="investigator")


def custodian_account(username: str, organizations=()):
    return make_staff(username, organizations, role="custodian")


def case_of(unlock, user, report: Report):
    unlocked = unlock(user)
    return case_access_get(user=user, secret_key=unlocked.secret_key, report_id=report.pk)


def lead_prepares_and_invites(unlock, lead, report: Report, investigator, *, days: int = 30, rules: str = RULES):
    """`lead` takes the lead, prepares the redacted version and invites `investigator` for `days` days."""
    access = case_of(unlock, lead, report)
    if report.lead_id is None:
        case_lead_assign(access=access, username=lead.username)
        access = case_of(unlock, lead, Report.objects.get(pk=report.pk))
    redaction_prepare(access=access, replacements=rules)
    return investigator_invite(access=access, username=investigator.username, until=today() + timedelta(days=days))
