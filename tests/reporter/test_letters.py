"""The letter pages an organizer and a signer reach, with JavaScript off; and every receipt that must
open nothing (G3, G6)."""

import re

import pytest

from confide.letters.models import Letter, Signature
from confide.letters.services.release import letter_release
from confide.verification.services import roster_upload
from tests.helpers.letters import LETTER_TEXT, page_post, receipt_in, sign, third_party
from tests.helpers.reports import submit_report
from tests.helpers.staff import csrf_from
from tests.helpers.verification import code_sent

pytestmark = pytest.mark.django_db


@pytest.fixture
def released_letter(circulating, org, handler):
    sign(circulating.token, org, "ann@acme.org")
    sign(circulating.token, org, "ben@acme.org")
    letter_release(access=third_party(handler, circulating.letter), confirm_verified=True)
    return circulating


def test_an_organizer_drafts_a_letter_and_gets_a_receipt_and_a_link(reporter, org, handler, boss, chief):
    response = page_post(
        reporter,
        "/r/acme/letters/new/",
        "/r/acme/letters/new/",
        {
            "title": "Please meet us",
            "text": LETTER_TEXT,
            "request": "A meeting",
            "recipients": [str(boss.pk), str(chief.pk)],
            "threshold": "3",
            "attendees": "The organizer",
        },
    )
    assert response.status_code == 303 and response["Location"] == "/r/acme/letters/receipt/"
    response = reporter.get(response["Location"])
    receipt = receipt_in(response)
    assert len(receipt.split()) == 8
    assert "/r/acme/letters/i/" in response.content.decode()
    letter = Letter.objects.get()
    assert letter.threshold == 3 and letter.status == Letter.Status.REVIEW


@pytest.mark.parametrize(
    ("field", "value"),
    [("threshold", "0"), ("threshold", "1"), ("threshold", "5"), ("recipients", ["999999"]), ("title", "")],
)
def test_a_bad_draft_gets_a_clear_400_and_nothing_is_created(reporter, org, boss, field, value):
    roster_upload(organization=org, emails=["a@acme.org", "b@acme.org", "c@acme.org"])
    data = {"title": "T", "text": "Text", "recipients": [str(boss.pk)], "threshold": "2", field: value}
    response = page_post(reporter, "/r/acme/letters/new/", "/r/acme/letters/new/", data)
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()
    assert Letter.objects.count() == 0


def test_a_recipient_of_another_organization_is_refused(reporter, org, other_contact):
    data = {"title": "T", "text": "Text", "recipients": [str(other_contact.pk)], "threshold": "2"}
    assert page_post(reporter, "/r/acme/letters/new/", "/r/acme/letters/new/", data).status_code == 400
    assert Letter.objects.count() == 0


def test_a_signer_verifies_by_email_signs_and_sees_only_the_count(reporter, circulating, org):
    roster_upload(organization=org, emails=["ann@acme.org"])
    invitation = f"/r/acme/letters/i/{circulating.token}/"
    page = reporter.get(invitation)
    assert page.status_code == 200 and "harassment" in page.content.decode()
    step2 = page_post(reporter, invitation, invitation + "verify/", {"email": "ann@acme.org"})
    assert step2.status_code == 200
    code = code_sent()
    challenge = re.search(r'name="challenge" value="([^"]+)"', step2.content.decode()).group(1)
    signed = reporter.post(
        invitation + "sign/",
        {
            "challenge": challenge,
            "code": code,
            "name": "Ann Signer",
            "role": "Field organizer",
            "cohort": "2016 campaign, field",
            "visibility": "name",
            "csrfmiddlewaretoken": csrf_from(step2),
        },
    )
    assert signed.status_code == 303, signed.content.decode()[:3000]
    assert len(receipt_in(reporter.get(signed["Location"])).split()) == 8
    assert Signature.objects.filter(letter=circulating.letter).count() == 1
    again = reporter.get(invitation).content.decode()
    assert "1 of 2 needed" in again and "Ann Signer" not in again


def test_a_wrong_code_keeps_what_was_typed_and_signs_nothing(reporter, circulating):
    invitation = f"/r/acme/letters/i/{circulating.token}/"
    step2 = page_post(reporter, invitation, invitation + "verify/", {"email": "nobody@elsewhere.org"})
    challenge = re.search(r'name="challenge" value="([^"]+)"', step2.content.decode()).group(1)
    response = reporter.post(
        invitation + "sign/",
        {
            "challenge": challenge,
            "code": "000000",
            "name": "Kept Name",
            "visibility": "name",
            "csrfmiddlewaretoken": csrf_from(step2),
        },
    )
    assert response.status_code == 400
    assert "Kept Name" in response.content.decode()
    assert Signature.objects.count() == 0


def test_signer_follows_and_withdraws_with_the_receipt(reporter, circulating, org):
    signer = sign(circulating.token, org, "ann@acme.org")
    response = page_post(reporter, "/r/acme/letters/", "/r/acme/letters/return/", {"receipt": signer.receipt})
    assert response.status_code == 303
    mine = reporter.get("/r/acme/letters/mine/")
    assert "1 of 2 needed" in mine.content.decode()
    withdrawn = reporter.post("/r/acme/letters/mine/withdraw/", {"csrfmiddlewaretoken": csrf_from(mine)})
    assert withdrawn.status_code == 200
    assert Signature.objects.count() == 0


def test_a_wrong_receipt_gets_the_same_400(reporter, circulating):
    response = page_post(reporter, "/r/acme/letters/", "/r/acme/letters/return/", {"receipt": "not a receipt"})
    assert response.status_code == 400


def test_a_receipt_of_another_organization_opens_nothing(reporter, circulating, org, other_org):
    signer = sign(circulating.token, org, "ann@acme.org")
    response = page_post(reporter, "/r/rival/letters/", "/r/rival/letters/return/", {"receipt": signer.receipt})
    assert response.status_code == 400
    assert reporter.get(f"/r/rival/letters/i/{circulating.token}/").status_code == 404


def test_a_report_receipt_opens_no_letter_and_a_letter_receipt_no_report(reporter, circulating, org):
    report = submit_report(org)
    response = page_post(reporter, "/r/acme/letters/", "/r/acme/letters/return/", {"receipt": report.receipt})
    assert response.status_code == 400
    response = page_post(reporter, "/r/acme/return/", "/r/acme/return/", {"receipt": circulating.receipt})
    assert response.status_code == 400


def test_an_unknown_invitation_is_404(reporter, org):
    assert reporter.get("/r/acme/letters/i/nope/").status_code == 404


def test_the_draft_invitation_is_404_until_reviewed(reporter, drafted):
    assert reporter.get(f"/r/acme/letters/i/{drafted.token}/").status_code == 404
