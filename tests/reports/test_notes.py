import pytest

from confide.reports.content import ContentError
from confide.reports.models import InternalNote, Report
from confide.reports.selectors.staff import case_access_get, case_notes_get
from confide.reports.services.notes import case_labels_set, case_note_add
from tests.helpers.api import receipt_header
from tests.helpers.staff import csrf_from

pytestmark = pytest.mark.django_db


def access_of(user, unlock, report):
    return case_access_get(user=user, secret_key=unlock(user).secret_key, report_id=report.pk)


def test_notes_are_encrypted_and_read_by_the_team(handler, teammate, submitted, unlock):
    case_note_add(access=access_of(handler, unlock, submitted.report), body="Call the witness on Monday.")
    assert b"witness" not in bytes(InternalNote.objects.get().body)
    notes = case_notes_get(access=access_of(teammate, unlock, submitted.report))
    assert [(n.author_name, n.body) for n in notes] == [(handler.username, "Call the witness on Monday.")]


def test_the_reporter_never_sees_notes(handler, submitted, unlock, client):
    case_note_add(access=access_of(handler, unlock, submitted.report), body="Internal only remark")
    mine = client.get("/api/reporter/report", **receipt_header(submitted.receipt))
    assert "Internal only remark" not in mine.content.decode()


def test_labels_are_normalised_and_bounded(handler, submitted, unlock):
    access = access_of(handler, unlock, submitted.report)
    case_labels_set(access=access, names=["Urgent", " urgent ", "legal-review", ""])
    assert sorted(Report.objects.get(pk=submitted.report.pk).labels.values_list("name", flat=True)) == [
        "legal-review",
        "urgent",
    ]
    with pytest.raises(ContentError):
        case_labels_set(access=access, names=["<script>"])
    with pytest.raises(ContentError):
        case_labels_set(access=access, names=[f"l{i}" for i in range(11)])


def test_notes_and_labels_through_the_page(login, handler, submitted):
    client = login(handler)
    url = f"/staff/cases/{submitted.report.pk}/"
    token = csrf_from(client.get(url))
    assert client.post(url + "notes/", {"note": "First impression", "csrfmiddlewaretoken": token}).status_code == 302
    assert client.post(url + "notes/", {"note": "  ", "csrfmiddlewaretoken": token}).status_code == 400
    assert client.post(url + "labels/", {"labels": "urgent, hr", "csrfmiddlewaretoken": token}).status_code == 302
    page = client.get(url).content.decode()
    assert "First impression" in page and "urgent" in page
