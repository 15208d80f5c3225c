import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

from confide.reports.content import LIMITS
from confide.reports.models import Attachment, Message, Report
from confide.staff.api import cases as staff_cases_api
from confide.staff.documents import case_summary as summary
from tests.helpers.api import receipt_header
from tests.helpers.reports import submit_report

pytestmark = pytest.mark.django_db

REPORT = {
    "what_happened": "The finance director groped me at the fundraiser.",
    "category": "sexual_violence",
    "when": "June",
    "anonymous": True,
}
OPERATION_IDS = {
    "report_submit",
    "reporter_report_get",
    "reporter_message_create",
    "staff_login",
    "case_list",
    "case_get",
    "case_message_create",
    "case_status_update",
}


def post_json(api, url, data, **headers):
    return api.post(url, data, content_type="application/json", **headers)


def test_the_whole_loop_through_the_api(api, org, handler, token_for):
    submitted = post_json(api, "/api/orgs/acme/reports", REPORT)
    assert submitted.status_code == 201
    receipt = submitted.json()["receipt"]
    staff = token_for(handler)

    cases = api.get("/api/cases", **staff).json()
    assert len(cases["items"]) == 1 and cases["next_offset"] is None
    case_id = cases["items"][0]["id"]
    case = api.get(f"/api/cases/{case_id}", **staff).json()
    assert case["content"]["what_happened"] == REPORT["what_happened"]

    assert post_json(api, f"/api/cases/{case_id}/messages", {"body": "We hear you."}, **staff).status_code == 201
    mine = api.get("/api/reporter/report", **receipt_header(receipt)).json()
    assert [m["body"] for m in mine["messages"]] == ["We hear you."]
    assert mine["messages"][0]["author_name"] == "Case handler"

    assert (
        post_json(api, "/api/reporter/messages", {"body": "Thank you."}, **receipt_header(receipt)).status_code == 201
    )
    case = api.get(f"/api/cases/{case_id}", **staff).json()
    assert [m["body"] for m in case["messages"]] == ["We hear you.", "Thank you."]
    assert case["messages"][0]["author_name"] == handler.username


def test_wrong_and_malformed_receipts_get_the_same_401(api, submitted):
    wrong = api.get("/api/reporter/report", **receipt_header("apple banana cherry dragon eagle falcon garlic hammer"))
    malformed = api.get("/api/reporter/report", **receipt_header("!!"))
    missing = api.get("/api/reporter/report")
    assert wrong.status_code == malformed.status_code == missing.status_code == 401
    assert wrong.content == malformed.content == missing.content


def test_bad_input_gets_a_clear_4xx(api, org):
    cases = [
        (post_json(api, "/api/orgs/acme/reports", {**REPORT, "what_happened": "   "}), 400),
        (post_json(api, "/api/orgs/acme/reports", {**REPORT, "category": "nope"}), 422),
        (
            post_json(api, "/api/orgs/acme/reports", {**REPORT, "what_happened": "x" * (LIMITS["what_happened"] + 1)}),
            422,
        ),
        (post_json(api, "/api/orgs/acme/reports", {"category": "other"}), 422),
        (api.post("/api/orgs/acme/reports", "{broken", content_type="application/json"), 400),
        (api.post("/api/orgs/acme/reports", "[]", content_type="application/json"), 422),
        (post_json(api, "/api/orgs/nobody/reports", REPORT), 404),
        (
            api.post(
                "/api/orgs/acme/reports",
                "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1),
                content_type="application/json",
            ),
            413,
        ),
    ]
    for response, status in cases:
        assert response.status_code == status, response.content
        assert response.json()["detail"]
    assert not Report.objects.exists()


def test_the_openapi_schema_names_the_contracted_operations(api):
    schema = api.get("/api/openapi.json").json()
    ids = {op["operationId"] for path in schema["paths"].values() for op in path.values()}
    assert ids >= OPERATION_IDS


def test_the_docs_load_nothing_from_elsewhere(api):
    html = api.get("/api/docs").content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in html
    assert "http://" not in html and "https://" not in html


def test_the_api_does_not_accept_a_session_cookie(login, handler, submitted, api):
    client = login(handler)
    assert client.get("/api/cases").status_code == 401


def _attachment(api, case_id, staff):
    upload = SimpleUploadedFile("evidence.txt", b"evidence bytes")
    response = api.post(f"/api/cases/{case_id}/attachments", {"files": [upload], "body": "file"}, **staff)
    assert response.status_code == 201, response.content
    return response.json()["attachments"][0]["id"]


@pytest.mark.parametrize("persona", ["outsider", "other_tenant", "excluded"])
def test_every_case_operation_is_not_found_without_a_key(api, personas, submitted, persona, token_for):
    owner = token_for(personas.owner)
    case_id = str(submitted.report.pk)
    attachment_id = _attachment(api, case_id, owner)
    intruder = token_for(getattr(personas, persona))
    upload = SimpleUploadedFile("x.txt", b"x")
    responses = {
        "case_get": api.get(f"/api/cases/{case_id}", **intruder),
        "case_message_create": post_json(api, f"/api/cases/{case_id}/messages", {"body": "hi"}, **intruder),
        "case_status_update": post_json(api, f"/api/cases/{case_id}/status", {"status": "closed"}, **intruder),
        "case_attachment_create": api.post(f"/api/cases/{case_id}/attachments", {"files": [upload]}, **intruder),
        "case_attachment_get": api.get(f"/api/cases/{case_id}/attachments/{attachment_id}", **intruder),
        "case_access_grant": post_json(api, f"/api/cases/{case_id}/access", {"username": "tomas"}, **intruder),
        "case_conflict_declare": api.post(f"/api/cases/{case_id}/conflict", **intruder),
        "case_lead_assign": post_json(api, f"/api/cases/{case_id}/lead", {"username": "tomas"}, **intruder),
        "case_exclusion_record": post_json(api, f"/api/cases/{case_id}/exclusions", {"username": "tomas"}, **intruder),
        "case_note_create": post_json(api, f"/api/cases/{case_id}/notes", {"body": "intrusion"}, **intruder),
        "case_deadline_update": post_json(
            api, f"/api/cases/{case_id}/deadline", {"feedback_by": "2030-01-01"}, **intruder
        ),
        "case_export": api.get(f"/api/cases/{case_id}/export", **intruder),
        "case_category_update": post_json(api, f"/api/cases/{case_id}/category", {"category": "other"}, **intruder),
        "case_labels_update": api.put(
            f"/api/cases/{case_id}/labels", {"labels": ["x"]}, content_type="application/json", **intruder
        ),
    }
    assert {name: r.status_code for name, r in responses.items()} == dict.fromkeys(responses, 404)
    assert api.get("/api/cases", **intruder).json() == {"items": [], "next_offset": None}
    assert Report.objects.get(pk=case_id).status == "received"
    assert Report.objects.get(pk=case_id).category == submitted.report.category
    assert Attachment.objects.count() == 1
    assert Message.objects.count() == 1


@pytest.mark.parametrize("case_id", ["nonsense", "00000000-0000-0000-0000-000000000000"])
def test_unknown_cases_are_not_found(api, handler, submitted, token_for, case_id):
    assert api.get(f"/api/cases/{case_id}", **token_for(handler)).status_code == 404


def test_an_illegal_transition_is_a_conflict_and_changes_nothing(api, handler, submitted, token_for):
    staff = token_for(handler)
    url = f"/api/cases/{submitted.report.pk}/status"
    without_outcome = post_json(api, url, {"status": "closed"}, **staff)
    assert without_outcome.status_code == 409 and "outcome" in without_outcome.json()["detail"]
    assert post_json(api, url, {"status": "closed", "outcome": "withdrawn"}, **staff).status_code == 200
    conflict = post_json(api, url, {"status": "acknowledged"}, **staff)
    assert conflict.status_code == 409 and "cannot go from" in conflict.json()["detail"]
    assert post_json(api, url, {"status": "bogus"}, **staff).status_code == 422
    assert Report.objects.get(pk=submitted.report.pk).status == "closed"


def test_reporter_attachments_round_trip(api, submitted, handler, token_for):
    auth = receipt_header(submitted.receipt)
    upload = SimpleUploadedFile("photo.png", b"\x89PNG fake image", "image/png")
    created = api.post("/api/reporter/attachments", {"files": [upload]}, **auth)
    assert created.status_code == 201
    attachment_id = created.json()["attachments"][0]["id"]
    download = api.get(f"/api/reporter/attachments/{attachment_id}", **auth)
    assert b"".join(download.streaming_content) == b"\x89PNG fake image"
    staff_copy = api.get(f"/api/cases/{submitted.report.pk}/attachments/{attachment_id}", **token_for(handler))
    assert b"".join(staff_copy.streaming_content) == b"\x89PNG fake image"


def test_an_oversized_upload_is_413_and_nothing_is_kept(api, submitted, settings):
    settings.CONFIDE_ATTACHMENT_MAX_BYTES = 10
    response = api.post(
        "/api/reporter/attachments",
        {"files": [SimpleUploadedFile("big.bin", b"x" * 100)], "body": "kept?"},
        **receipt_header(submitted.receipt),
    )
    assert response.status_code == 413 and "MB" in response.json()["detail"]
    assert not Attachment.objects.exists() and not Message.objects.exists()


def test_a_revoked_token_stops_working(api, handler, token_for):
    staff = token_for(handler)
    assert api.post("/api/staff/logout", **staff).status_code == 204
    assert api.get("/api/cases", **staff).status_code == 401


def test_a_wrong_password_is_a_generic_401(api, handler):
    response = post_json(api, "/api/staff/login", {"username": handler.username, "password": "wrong"})
    assert response.status_code == 401 and "do not match" in response.json()["detail"]


def test_the_case_list_pages_through_every_case_and_summarises_only_its_page(api, org, handler, token_for, monkeypatch):
    for _ in range(5):
        submit_report(org)
    staff = token_for(handler)
    every = [case["id"] for case in api.get("/api/cases", **staff).json()["items"]]
    assert len(every) == 5
    for offset, limit in [(0, 2), (2, 2), (4, 2), (0, 5), (0, 9), (7, 2)]:
        page = api.get(f"/api/cases?offset={offset}&limit={limit}", **staff).json()
        assert [case["id"] for case in page["items"]] == every[offset : offset + limit]
        assert page["next_offset"] == (offset + limit if offset + limit < 5 else None), (offset, limit)
    # One page of 2 out of 5: a summary is built for those 2 only, not for every visible case.
    summarised = []
    monkeypatch.setattr(staff_cases_api, "case_summary", lambda report: summarised.append(report) or summary(report))
    assert len(api.get("/api/cases?limit=2", **staff).json()["items"]) == 2
    assert len(summarised) == 2
