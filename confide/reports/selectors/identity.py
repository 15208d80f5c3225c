"""Reads about sealed identities (issue 15): who may hold the custodian half, what a custodian has to decide,
and the identity itself for the one person it was released to."""

import json
import uuid
from dataclasses import dataclass

from confide import crypto
from confide.accounts.access import Unlocked
from confide.accounts.models import User
from confide.reports import keys_sealed
from confide.reports.access import CaseAccess
from confide.reports.content import ReportNotFound
from confide.reports.models import IdentityDisclosure, IdentityShare, SealedIdentity


def custodian_keys(*, organization_id: uuid.UUID) -> list[tuple[int, bytes]]:
    """Identity custodians of the organization (the operator assigns the role and the organizations)."""
    rows = User.objects.filter(
        role=User.Role.CUSTODIAN,
        is_active=True,
        public_key__isnull=False,
        memberships__organization_id=organization_id,
    ).values_list("pk", "public_key")
    return [(pk, bytes(public_key)) for pk, public_key in rows if public_key is not None]


def identity_sealed_apart(*, organization_id: uuid.UUID) -> bool:
    """Whether a name given now would be sealed apart from the account (what the report form tells the reporter)."""
    return User.objects.filter(
        role=User.Role.CUSTODIAN, is_active=True, public_key__isnull=False, memberships__organization_id=organization_id
    ).exists()


def custodian_disclosures_pending(*, user: User) -> list[IdentityDisclosure]:
    """Requests waiting for this custodian: only for reports whose custodian half was sealed to them."""
    if user.role != User.Role.CUSTODIAN:
        return []
    return list(
        IdentityDisclosure.objects.filter(
            approved_on__isnull=True,
            report__sealed_identity__shares__user=user,
            report__organization__memberships__user=user,
        )
        .select_related("report__organization", "requested_by")
        .order_by("requested_on", "id")
        .distinct()
    )


def custodian_disclosure_get(*, unlocked: Unlocked, disclosure_id: uuid.UUID | str) -> tuple[IdentityDisclosure, bytes]:
    """A pending request this custodian may decide, and their half I2 of the identity key; ReportNotFound for
    anything else (another organization's, decided already, or a half never sealed to them)."""
    user = unlocked.user
    try:
        key = disclosure_id if isinstance(disclosure_id, uuid.UUID) else uuid.UUID(str(disclosure_id))
    except ValueError:
        raise ReportNotFound() from None
    pending = [d for d in custodian_disclosures_pending(user=user) if d.pk == key]
    if not pending:
        raise ReportNotFound()
    share = IdentityShare.objects.get(identity_id=pending[0].report_id, user=user)
    try:
        half = crypto.unseal(unlocked.secret_key, bytes(share.sealed_share))
    except crypto.DecryptionError:
        raise ReportNotFound() from None
    return pending[0], half


def case_disclosure_get(*, access: CaseAccess) -> IdentityDisclosure | None:
    return IdentityDisclosure.objects.filter(report=access.report).select_related("approved_by").first()


def case_identity_sealed(*, access: CaseAccess) -> bool:
    return SealedIdentity.objects.filter(report=access.report).exists()


@dataclass(frozen=True)
class DisclosedIdentity:
    name: str
    contact: str
    reason: str

    def __repr__(self) -> str:
        return "DisclosedIdentity(…)"


def disclosure_halves(*, access: CaseAccess, disclosure: IdentityDisclosure) -> tuple[bytes, str]:
    """The custodian's half and reason, opened with the request key the lead left under the report key."""
    report_id = access.report.pk
    request_secret = crypto.aead_decrypt(
        access.report_key, bytes(disclosure.request_secret), ad=keys_sealed.ad_identity_half(report_id)
    )
    half = crypto.unseal(request_secret, bytes(disclosure.share_for_lead))
    reason = crypto.unseal(request_secret, bytes(disclosure.reason_for_lead)).decode()
    return half, reason


def identity_open(*, access: CaseAccess, custodian_half: bytes) -> tuple[str, str]:
    identity = SealedIdentity.objects.get(report=access.report)
    report_id = access.report.pk
    server_half = crypto.aead_decrypt(
        keys_sealed.identity_server_key(), bytes(identity.server_share), ad=keys_sealed.ad_identity_half(report_id)
    )
    identity_key = keys_sealed.halves_combine(server_half, custodian_half)
    document = json.loads(
        crypto.aead_decrypt(identity_key, bytes(identity.sealed), ad=keys_sealed.ad_identity(report_id))
    )
    return document["name"], document["contact"]


def case_identity_get(*, access: CaseAccess) -> DisclosedIdentity | None:
    """The reporter's identity for the lead who asked, once a custodian approved and it was released (the
    reporter told in their thread); None for everyone else."""
    disclosure = case_disclosure_get(access=access)
    if disclosure is None or disclosure.released_on is None or disclosure.requested_by_id != access.user.pk:
        return None
    half, reason = disclosure_halves(access=access, disclosure=disclosure)
    name, contact = identity_open(access=access, custodian_half=half)
    return DisclosedIdentity(name=name, contact=contact, reason=reason)
