import json

import pytest

from confide.audit.models import AuditEntry
from confide.reports.selectors.staff import case_access_get
from confide.reports.services.notes import case_note_add

pytestmark = pytest.mark.django_db


def test_the_handler_exports_the_decrypted_case_and_the_export_is_audited(login, handler, submitted, unlock):
    access = case_access_get(user=handler, secret_key=unlock(handler).secret_key, report_id=submitted.report.pk)
    case_note_add(access=access, body="Call the witness on Monday.")
    response = login(handler).get(f"/staff/cases/{submitted.report.pk}/export/")
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="case-{submitted.report.reference}.json"'
    assert response["Cache-Control"] == "no-store"
    document = json.loads(response.content)
    assert document["content"]["what_happened"] == "Something happened at the field office."
    assert document["notes"][0]["body"] == "Call the witness on Monday."
    assert document["case"]["reference"] == submitted.report.reference
    exports = AuditEntry.objects.filter(action="case.exported", object_id=str(submitted.report.pk))
    assert list(exports.values_list("actor_id", flat=True)) == [handler.pk]
