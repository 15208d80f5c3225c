"""A reporter's identity sealed apart from the account (issue 15, crypto.md §2): no handler reads it until a
custodian approves with a written reason, which the reporter reads in their thread."""

import pytest

from confide import crypto
from confide.core.errors import Conflict, NotFound, Refused
from confide.reports.models import IdentityDisclosure, Message, SealedIdentity
from confide.reports.selectors.common import report_view
from confide.reports.selectors.identity import case_identity_get, custodian_disclosures_pending
from confide.reports.selectors.reporter import reporter_access_get
from confide.reports.services.identity import (
    identity_disclosure_approve,
    identity_disclosure_release,
    identity_disclosure_request,
)
from confide.reports.services.workflow import case_lead_assign
from tests.helpers.investigation import case_of, custodian_account
from tests.helpers.reports import submit_report

pytestmark = pytest.mark.django_db

NAME, CONTACT = "Robin Quill", "robin@example.org"
REASON = "The reporter asked to be a witness at the hearing."


@pytest.fixture
def custodian(org):
    return custodian_account("cora", [org])


@pytest.fixture
def named(org, handler, teammate, custodian):
    return submit_report(org, anonymous=False, name=NAME, contact=CONTACT)


def _lead(unlock, handler, report):
    case_lead_assign(access=case_of(unlock, handler, report), username=handler.username)
    report.refresh_from_db()
    return case_of(unlock, handler, report)


def test_the_identity_leaves_the_account_for_its_own_seal(unlock, handler, named):
    view = report_view(access=case_of(unlock, handler, named.report), for_staff=True)
    assert (view.content.name, view.content.contact, view.content.identity_sealed) == ("", "", True)
    identity = SealedIdentity.objects.get(report=named.report)
    assert identity.shares.count() == 1
    assert NAME.encode() not in bytes(identity.sealed)
    assert case_identity_get(access=case_of(unlock, handler, named.report)) is None


def test_without_a_custodian_the_identity_stays_in_the_account_as_before(org, unlock, handler):
    submitted = submit_report(org, anonymous=False, name=NAME, contact=CONTACT)
    view = report_view(access=case_of(unlock, handler, submitted.report), for_staff=True)
    assert (view.content.name, view.content.identity_sealed) == (NAME, False)
    assert not SealedIdentity.objects.exists()


def test_custodian_approval_then_release_tells_the_reporter_and_opens_it_to_the_lead_only(
    unlock, handler, teammate, custodian, named
):
    access = _lead(unlock, handler, named.report)
    disclosure = identity_disclosure_request(access=access)
    with pytest.raises(Refused):  # not approved yet
        identity_disclosure_release(access=access)
    assert custodian_disclosures_pending(user=custodian) == [disclosure]
    identity_disclosure_approve(unlocked=unlock(custodian), disclosure_id=disclosure.pk, reason=REASON)
    assert REASON.encode() not in bytes(IdentityDisclosure.objects.get().reason_for_lead)
    assert Message.objects.filter(report=named.report).count() == 0  # told when it is opened, not before
    identity_disclosure_release(access=access)
    disclosed = case_identity_get(access=case_of(unlock, handler, named.report))
    assert disclosed is not None and (disclosed.name, disclosed.contact, disclosed.reason) == (NAME, CONTACT, REASON)
    assert NAME not in repr(disclosed)
    assert case_identity_get(access=case_of(unlock, teammate, named.report)) is None
    reporter = reporter_access_get(receipt=named.receipt)
    assert reporter is not None
    thread = report_view(access=reporter, for_staff=False).messages
    assert len(thread) == 1 and REASON in thread[0].body and NAME not in thread[0].body


def test_only_the_lead_asks_and_only_once(unlock, handler, teammate, named):
    with pytest.raises(Refused):
        identity_disclosure_request(access=case_of(unlock, teammate, named.report))
    access = _lead(unlock, handler, named.report)
    identity_disclosure_request(access=access)
    with pytest.raises(Conflict):
        identity_disclosure_request(access=access)


def test_a_custodian_of_another_organization_or_without_a_reason_approves_nothing(
    unlock, handler, other_org, named, custodian
):
    disclosure = identity_disclosure_request(access=_lead(unlock, handler, named.report))
    foreign = custodian_account("fern", [other_org])
    assert custodian_disclosures_pending(user=foreign) == []
    with pytest.raises(NotFound):
        identity_disclosure_approve(unlocked=unlock(foreign), disclosure_id=disclosure.pk, reason=REASON)
    with pytest.raises(NotFound):  # a handler is not a custodian
        identity_disclosure_approve(unlocked=unlock(handler), disclosure_id=disclosure.pk, reason=REASON)
    with pytest.raises(Refused):
        identity_disclosure_approve(unlocked=unlock(custodian), disclosure_id=disclosure.pk, reason="  ")
    assert IdentityDisclosure.objects.get().approved_on is None


def test_the_recovery_key_opens_the_whole_identity_key(recovery_secret_key, named):
    identity = SealedIdentity.objects.get(report=named.report)
    identity_key = crypto.unseal(recovery_secret_key, bytes(identity.recovery_wrap))
    opened = crypto.aead_decrypt(identity_key, bytes(identity.sealed), ad=b"identity:" + named.report.pk.bytes)
    assert NAME.encode() in opened


def test_the_report_form_says_where_a_name_goes(client, org, handler):
    """Issue 15 item 5: the form's promise follows the organization: with a custodian, a name is sealed apart."""
    assert "only the case handlers see it" in client.get("/r/acme/").content.decode()
    custodian_account("cora", [org])
    page = client.get("/r/acme/").content.decode()
    assert "sealed apart from your account" in page and "only the case handlers see it" not in page
