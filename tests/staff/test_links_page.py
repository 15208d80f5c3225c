"""Linking cases from the case page: by reference, shown on both cases, unlinked there; a case the handler
cannot open (excluded, another organization, no such reference) is the one 404."""

import pytest

from confide.reports.models import CaseLink
from tests.helpers.reports import submit_report
from tests.helpers.staff import csrf_from

pytestmark = pytest.mark.django_db


def _page(client, report):
    return client.get(f"/staff/cases/{report.pk}/")


def _link(client, report, reference, kind="related"):
    page = _page(client, report)
    return client.post(
        f"/staff/cases/{report.pk}/links/",
        {"reference": reference, "kind": kind, "csrfmiddlewaretoken": csrf_from(page)},
    )


def test_a_handler_links_by_reference_and_both_pages_show_it(login, handler, org, submitted):
    client = login(handler)
    later = submit_report(org).report
    assert _link(client, later, submitted.report.reference.lower(), kind="retaliation").status_code == 302
    assert submitted.report.reference in _page(client, later).content.decode()
    first_page = _page(client, submitted.report).content.decode()
    assert later.reference in first_page and "Retaliation after this case" in first_page

    link = CaseLink.objects.get()
    page = _page(client, submitted.report)
    unlinked = client.post(
        f"/staff/cases/{submitted.report.pk}/links/{link.pk}/delete/", {"csrfmiddlewaretoken": csrf_from(page)}
    )
    assert unlinked.status_code == 302 and not CaseLink.objects.exists()


def test_linking_twice_is_refused_on_the_page(login, handler, org, submitted):
    client = login(handler)
    later = submit_report(org).report
    _link(client, later, submitted.report.reference)
    again = _link(client, submitted.report, later.reference)
    assert again.status_code == 400 and "already linked" in again.content.decode()


def test_a_case_the_handler_cannot_open_is_not_found(login, handler, excluded_handler, org, other_org, submitted):
    later = submit_report(org).report
    assert _link(login(excluded_handler), later, submitted.report.reference).status_code == 404
    assert _link(login(handler), later, "NOSUCHREF").status_code == 404
    foreign = submit_report(other_org).report
    assert _link(login(handler), later, foreign.reference).status_code == 404
    assert not CaseLink.objects.exists()


def test_outsiders_reach_no_link_action(client, login, outsider, other_tenant_handler, org, submitted):
    later = submit_report(org).report
    for user in (outsider, other_tenant_handler):
        response = login(user).post(f"/staff/cases/{later.pk}/links/", {"reference": submitted.report.reference})
        assert response.status_code in (403, 404)
    assert not CaseLink.objects.exists()
