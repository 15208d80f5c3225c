"""A reporter's identity sealed apart from the account (crypto.md §2, EU Directive 2019/1937 art. 16).

At intake, when the organization has identity custodians, the name and contact leave the report document for a
SealedIdentity under a fresh key I = I1 xor I2 (keys_sealed): I1 under the pepper-derived server key, I2 sealed
to each custodian, I whole to the recovery key. No handler's wrap opens it. The lead asks; a custodian
approves with a written reason, sealing I2 and the reason to the request's own key (kept under the report key);
releasing it writes the reason into the reporter's thread in the same transaction, so nobody reads the identity
without the reporter being told. Reports filed before this, or to an organization without a custodian, keep
the identity inside the report document, as they always did."""

import json
import uuid
from dataclasses import dataclass, field, replace

from django.db import transaction
from django.utils.translation import gettext as _

from confide import crypto
from confide.accounts.access import Unlocked
from confide.audit.services import Action, audit_record
from confide.core import keyfiles
from confide.core.clock import today
from confide.core.errors import Conflict, Refused
from confide.core.text import text_clean
from confide.core.threads import seq_next
from confide.reports import keys, keys_sealed
from confide.reports.access import CaseAccess
from confide.reports.content import ReportContent
from confide.reports.models import Author, IdentityDisclosure, IdentityShare, Message, Report, SealedIdentity
from confide.reports.selectors.identity import (
    case_disclosure_get,
    custodian_disclosure_get,
    custodian_keys,
    disclosure_halves,
    identity_open,
)

REASON_MAX_CHARS = 2000


@dataclass
class IdentityRows:
    """What intake stores beside the report, in its transaction."""

    identity: SealedIdentity | None = None
    shares: list[IdentityShare] = field(default_factory=list)

    def store(self) -> None:
        if self.identity is not None:
            self.identity.save(force_insert=True)
            IdentityShare.objects.bulk_create(self.shares)

    def __repr__(self) -> str:
        return f"IdentityRows(sealed={self.identity is not None})"


def identity_seal_at_intake(
    *, report_id: uuid.UUID, organization_id: uuid.UUID, content: ReportContent
) -> tuple[ReportContent, IdentityRows]:
    """The content without name and contact, and the rows that hold them sealed; the content unchanged when
    there is nothing to seal or no custodian to approve a disclosure."""
    if content.anonymous or not (content.name or content.contact):
        return content, IdentityRows()
    custodians = custodian_keys(organization_id=organization_id)
    if not custodians:
        return content, IdentityRows()
    identity_key, custodian_half = crypto.random_key(), crypto.random_key()
    server_half = keys_sealed.halves_combine(identity_key, custodian_half)
    document = json.dumps({"name": content.name, "contact": content.contact}, ensure_ascii=False).encode()
    identity = SealedIdentity(
        report_id=report_id,
        sealed=crypto.aead_encrypt(identity_key, document, ad=keys_sealed.ad_identity(report_id)),
        server_share=crypto.aead_encrypt(
            keys_sealed.identity_server_key(), server_half, ad=keys_sealed.ad_identity_half(report_id)
        ),
        recovery_wrap=crypto.seal(keyfiles.recovery_public_key(), identity_key),
    )
    shares = [
        IdentityShare(identity_id=report_id, user_id=user_id, sealed_share=crypto.seal(public_key, custodian_half))
        for user_id, public_key in custodians
    ]
    return replace(content, name="", contact="", identity_sealed=True), IdentityRows(identity, shares)


def identity_disclosure_request(*, access: CaseAccess) -> IdentityDisclosure:
    report = access.report
    if report.lead_id != access.user.pk:
        raise Refused(_("Only the lead handler can ask for the reporter's identity."))
    if not SealedIdentity.objects.filter(report=report).exists():
        raise Refused(_("This report has no sealed identity."))
    if case_disclosure_get(access=access) is not None:
        raise Conflict(_("The identity was asked for already."))
    pair = crypto.keypair_generate()
    with transaction.atomic():
        disclosure = IdentityDisclosure.objects.create(
            report=report,
            requested_by=access.user,
            requested_on=today(),
            request_public_key=pair.public_key,
            request_secret=crypto.aead_encrypt(
                access.report_key, pair.secret_key, ad=keys_sealed.ad_identity_half(report.pk)
            ),
        )
        audit_record(actor=access.user, action=Action.IDENTITY_DISCLOSURE_REQUESTED, obj=report)
    return disclosure


def identity_disclosure_approve(*, unlocked: Unlocked, disclosure_id: uuid.UUID | str, reason: str) -> None:
    """The custodian's decision, with the written reason the reporter will read. The custodian re-seals their
    half to the request and never sees the identity: the server's half is not theirs to combine."""
    reason = text_clean(
        reason,
        field="reason",
        limit=REASON_MAX_CHARS,
        empty=_("Write the reason for opening the identity: the reporter will read it."),
    )
    disclosure, half = custodian_disclosure_get(unlocked=unlocked, disclosure_id=disclosure_id)
    request_key = bytes(disclosure.request_public_key)
    with transaction.atomic():
        updated = IdentityDisclosure.objects.filter(pk=disclosure.pk, approved_on__isnull=True).update(
            approved_by=unlocked.user,
            approved_on=today(),
            share_for_lead=crypto.seal(request_key, half),
            reason_for_lead=crypto.seal(request_key, reason.encode()),
        )
        if not updated:
            raise Conflict(_("Another custodian decided this request already."))
        audit_record(actor=unlocked.user, action=Action.IDENTITY_DISCLOSURE_APPROVED, obj=disclosure.report)


def identity_disclosure_release(*, access: CaseAccess) -> None:
    """The lead opens the approved identity: the reporter's thread says so, with the custodian's reason, in the
    same transaction."""
    disclosure = case_disclosure_get(access=access)
    if disclosure is None or disclosure.requested_by_id != access.user.pk or disclosure.approved_on is None:
        raise Refused(_("A custodian has not approved opening the identity for you."))
    if disclosure.released_on is not None:
        return
    half, reason = disclosure_halves(access=access, disclosure=disclosure)
    identity_open(access=access, custodian_half=half)  # fails before anything is written if it cannot open
    notice = _(
        "Notice: an identity custodian approved that your name and contact be shown to the lead handler of "
        "your case. The custodian's reason: %(reason)s"
    ) % {"reason": reason}
    report = access.report
    with transaction.atomic():
        seq = seq_next(parent=Report.objects.filter(pk=report.pk), messages=Message.objects.filter(report=report))
        message_id = uuid.uuid4()
        Message.objects.create(
            id=message_id,
            report=report,
            seq=seq,
            author_kind=Author.HANDLER,
            author=None,
            body=crypto.aead_encrypt(access.report_key, notice.encode(), ad=keys.ad_message(report.id, message_id)),
            created_on=today(),
        )
        IdentityDisclosure.objects.filter(pk=disclosure.pk).update(released_on=today())
        audit_record(actor=access.user, action=Action.IDENTITY_DISCLOSURE_RELEASED, obj=report)
