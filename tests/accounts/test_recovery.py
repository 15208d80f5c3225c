import pytest
from django.core.management import CommandError

from confide import crypto
from confide.accounts.content import LoginFailed
from confide.accounts.services.passwords import staff_password_change
from confide.accounts.services.sign_in import staff_unlock
from confide.audit.models import AuditEntry
from confide.reports.content import ReportNotFound
from confide.reports.selectors.common import report_view
from confide.reports.selectors.staff import case_access_get
from confide.reports.services.keyring import case_conflict_declare
from tests.helpers.reports import submit_report
from tests.helpers.staff import NEW_PASSWORD, PASSWORD, csrf_from, recover

pytestmark = pytest.mark.django_db


def test_a_password_change_rewraps_the_same_key(handler, submitted):
    before = staff_unlock(username=handler.username, password=PASSWORD).secret_key
    staff_password_change(user=handler, old_password=PASSWORD, new_password=NEW_PASSWORD)
    assert staff_unlock(username=handler.username, password=NEW_PASSWORD).secret_key == before
    with pytest.raises(LoginFailed):
        staff_unlock(username=handler.username, password=PASSWORD)
    with pytest.raises(crypto.WrongPasswordError):
        staff_password_change(user=handler, old_password="wrong", new_password="another long passphrase")


def test_the_password_page_keeps_the_session_working(login, handler, submitted):
    client = login(handler)
    page = client.get("/staff/password/")
    data = {"old_password": PASSWORD, "new_password": NEW_PASSWORD, "new_password_again": NEW_PASSWORD}
    assert client.post("/staff/password/", {**data, "csrfmiddlewaretoken": csrf_from(page)}).status_code == 200
    assert client.get(f"/staff/cases/{submitted.report.pk}/").status_code == 200
    mismatch = {**data, "old_password": NEW_PASSWORD, "new_password_again": "different"}
    assert client.post("/staff/password/", {**mismatch, "csrfmiddlewaretoken": csrf_from(page)}).status_code == 400


def test_recovery_restores_access_with_a_new_key_and_keeps_exclusions(
    org, handler, teammate, submitted, recovery_secret_key, unlock
):
    excluded_case = submit_report(org).report
    access = case_access_get(user=handler, secret_key=unlock(handler).secret_key, report_id=excluded_case.pk)
    case_conflict_declare(access=access)
    old_public = bytes(handler.public_key)

    output = recover(handler.username, recovery_secret_key, NEW_PASSWORD, "--reset-totp")
    assert "1 case(s) re-sealed" in output
    handler.refresh_from_db()
    assert bytes(handler.public_key) != old_public and handler.totp_sealed is None
    secret = staff_unlock(username=handler.username, password=NEW_PASSWORD).secret_key
    view = report_view(
        access=case_access_get(user=handler, secret_key=secret, report_id=submitted.report.pk), for_staff=True
    )
    assert view.content.where == "Field office"
    with pytest.raises(ReportNotFound):
        case_access_get(user=handler, secret_key=secret, report_id=excluded_case.pk)
    assert AuditEntry.objects.filter(action="staff.recovered", subject_id=handler.pk).exists()


def test_recovery_refuses_any_other_key_and_unknown_staff(handler, recovery_secret_key):
    with pytest.raises(CommandError, match="not the deployment's recovery key"):
        recover(handler.username, crypto.random_key())
    with pytest.raises(CommandError, match="No staff member"):
        recover("ghost", recovery_secret_key)
