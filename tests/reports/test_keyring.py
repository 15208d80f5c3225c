import pytest

from confide.accounts.selectors import key_holders_eligible
from confide.audit.models import AuditEntry
from confide.reports.content import GrantRefused, ReportNotFound
from confide.reports.models import CaseExclusion, KeyWrap
from confide.reports.selectors.common import report_view
from confide.reports.selectors.staff import case_access_get, case_grant_candidates
from confide.reports.services.keyring import case_access_grant, case_conflict_declare
from confide.tenants.models import Organization
from tests.helpers.staff import csrf_from, make_staff

pytestmark = pytest.mark.django_db


def access_of(user, unlock, report):
    return case_access_get(user=user, secret_key=unlock(user).secret_key, report_id=report.pk)


def test_a_handler_who_joins_later_is_granted_by_a_colleague(org, handler, submitted, unlock):
    newcomer = make_staff("nora", [org])
    with pytest.raises(ReportNotFound):
        access_of(newcomer, unlock, submitted.report)
    case_access_grant(access=access_of(handler, unlock, submitted.report), username="nora")
    view = report_view(access=access_of(newcomer, unlock, submitted.report), for_staff=True)
    assert view.content.where == "Field office"
    assert AuditEntry.objects.filter(action="case.access_grant", subject_id=newcomer.pk).exists()


@pytest.mark.parametrize("persona", ["outsider", "other_tenant", "teammate"])
def test_access_is_never_granted_outside_the_organization_or_twice(personas, submitted, unlock, persona):
    owner = access_of(personas.owner, unlock, submitted.report)
    with pytest.raises(GrantRefused):
        case_access_grant(access=owner, username=getattr(personas, persona).username)
    with pytest.raises(GrantRefused):
        case_access_grant(access=owner, username="nobody-at-all")


def test_a_declared_conflict_removes_access_for_good(org, handler, teammate, submitted, unlock):
    case_conflict_declare(access=access_of(teammate, unlock, submitted.report))
    assert not KeyWrap.objects.filter(report=submitted.report, user=teammate).exists()
    assert CaseExclusion.objects.filter(report=submitted.report, user=teammate).exists()
    with pytest.raises(ReportNotFound):
        access_of(teammate, unlock, submitted.report)
    owner = access_of(handler, unlock, submitted.report)
    assert teammate not in case_grant_candidates(access=owner)
    with pytest.raises(GrantRefused, match="conflict"):
        case_access_grant(access=owner, username=teammate.username)


def test_the_conflict_page_needs_confirmation_then_the_case_is_gone(login, teammate, submitted):
    client = login(teammate)
    url = f"/staff/cases/{submitted.report.pk}/"
    token = csrf_from(client.get(url))
    assert client.post(url + "conflict/", {"csrfmiddlewaretoken": token}).status_code == 400
    assert client.post(url + "conflict/", {"confirm": "yes", "csrfmiddlewaretoken": token}).status_code == 302
    assert client.get(url).status_code == 404


def test_granting_through_the_page_and_the_api(login, org, handler, submitted, client):
    make_staff("nora", [org])
    make_staff("nils", [org])
    staff = login(handler)
    url = f"/staff/cases/{submitted.report.pk}/"
    page = staff.get(url)
    assert "nora" in page.content.decode()
    assert staff.post(url + "access/", {"username": "nora", "csrfmiddlewaretoken": csrf_from(page)}).status_code == 302
    assert staff.post(url + "access/", {"username": "nora", "csrfmiddlewaretoken": csrf_from(page)}).status_code == 400

    from tests.helpers.staff import PASSWORD, totp_code

    token = client.post(
        "/api/staff/login",
        {"username": "hana", "password": PASSWORD, "totp": totp_code(handler)},
        content_type="application/json",
    ).json()["token"]
    granted = client.post(
        f"/api/cases/{submitted.report.pk}/access",
        {"username": "nils"},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
    assert granted.status_code == 204
    assert KeyWrap.objects.filter(report=submitted.report, user__username__in=["nora", "nils"]).count() == 2


def test_key_holders_are_the_organizations_active_handlers_with_a_key(org, handler):
    rival = Organization.objects.create(slug="rival", name="Rival")
    make_staff("carol", [org], role="call_taker")
    make_staff("olga", [org], role="operator")
    make_staff("rita", [rival])
    gone = make_staff("gone", [org])
    gone.is_active = False
    gone.save()
    keyless = make_staff("keyless", [org])
    keyless.public_key = None
    keyless.save()
    assert list(key_holders_eligible(organization=org)) == [handler]
    assert [u.username for u in key_holders_eligible(organization=rival)] == ["rita"]
