"""Linked cases: both sides see the link, it is audited on both, and it never crosses an organization or shows
to a handler excluded from either case (issue 15)."""

import pytest

from confide.audit.models import AuditEntry
from confide.core.errors import Conflict
from confide.reports.content import ReportNotFound
from confide.reports.models import CaseLink, KeyWrap
from confide.reports.selectors.staff import case_access_get, case_links_get
from confide.reports.services.links import case_link_create, case_link_delete
from confide.tenants.models import Membership
from tests.helpers.reports import submit_report

pytestmark = pytest.mark.django_db


@pytest.fixture
def opener(unlock):
    def _open(user, report):
        return case_access_get(user=user, secret_key=unlock(user).secret_key, report_id=report.pk)

    return _open


def test_a_link_shows_on_both_cases_and_is_audited_on_both(org, handler, opener):
    first, second = submit_report(org).report, submit_report(org).report
    link = case_link_create(access=opener(handler, second), other=opener(handler, first), kind="retaliation")
    from_second = case_links_get(access=opener(handler, second))
    from_first = case_links_get(access=opener(handler, first))
    assert [(v.other_reference, v.outgoing) for v in from_second] == [(first.reference, True)]
    assert [(v.other_reference, v.outgoing) for v in from_first] == [(second.reference, False)]
    assert from_first[0].kind == "Retaliation after this case"
    linked = AuditEntry.objects.filter(action="case.linked").values_list("object_id", flat=True)
    assert sorted(linked) == sorted([str(first.pk), str(second.pk)])

    case_link_delete(access=opener(handler, first), other=opener(handler, second), link_id=link.id)
    assert not CaseLink.objects.exists()
    assert AuditEntry.objects.filter(action="case.unlinked").count() == 2


def test_a_pair_is_linked_once_whichever_way_round(org, handler, opener):
    first, second = submit_report(org).report, submit_report(org).report
    case_link_create(access=opener(handler, first), other=opener(handler, second))
    with pytest.raises(Conflict):
        case_link_create(access=opener(handler, second), other=opener(handler, first))
    with pytest.raises(Conflict):
        case_link_create(access=opener(handler, first), other=opener(handler, first))
    with pytest.raises(Conflict):
        case_link_create(access=opener(handler, first), other=opener(handler, second), kind="nonsense")


def test_no_link_crosses_organizations(org, other_org, handler, opener):
    mine = submit_report(org).report
    # A handler of both organizations still cannot tie one organization's case to another's.
    Membership.objects.create(organization=other_org, user=handler, role="handler")
    theirs = submit_report(other_org).report
    with pytest.raises(ReportNotFound):
        case_link_create(access=opener(handler, mine), other=opener(handler, theirs))


def test_a_handler_excluded_from_one_case_never_sees_the_link(org, handler, teammate, opener):
    first, second = submit_report(org).report, submit_report(org).report
    case_link_create(access=opener(handler, first), other=opener(handler, second))
    KeyWrap.objects.filter(report=second, user=teammate).delete()  # teammate excluded from the second
    assert case_links_get(access=opener(teammate, first)) == []
    with pytest.raises(ReportNotFound):
        opener(teammate, second)
