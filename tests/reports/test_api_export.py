import json

import pytest

from confide.audit.models import AuditEntry

pytestmark = pytest.mark.django_db


def test_the_api_export_matches_the_case(api, handler, submitted, token_for):
    staff = token_for(handler)
    case_id = str(submitted.report.pk)
    exported = json.loads(api.get(f"/api/cases/{case_id}/export", **staff).content)
    assert exported["content"] == api.get(f"/api/cases/{case_id}", **staff).json()["content"]
    assert AuditEntry.objects.filter(action="case.exported").count() == 1
