"""Verifying an address of the vault's organization from the JSON API (a one-time code by email). Refusals
name their field ("email", "code") and are answered by web.api."""

import uuid

from ninja import Router, Schema, Status
from pydantic import Field

from confide.escrow.services.vaults import vault_account_set
from confide.reporter.api.auth import VaultRequest, vault_receipt
from confide.verification.services import verification_confirm, verification_start
from confide.web.schemas import FieldProblem, Problem

router = Router()


class VerificationIn(Schema):
    email: str = Field(max_length=254)


class VerificationStarted(Schema):
    challenge: uuid.UUID


class VerificationCodeIn(Schema):
    challenge: uuid.UUID
    code: str = Field(max_length=12)


class Verified(Schema):
    verified: bool


@router.post(
    "/vault/verification",
    auth=vault_receipt,
    operation_id="vault_verification_start",
    response={202: VerificationStarted, 400: FieldProblem, 401: Problem, 429: Problem},
    summary="Email a one-time code to an address of the vault's organization (same answer whether or not it is)",
)
def start_verification(request: VaultRequest, payload: VerificationIn):
    challenge = verification_start(organization=request.auth.vault.organization, email=payload.email)
    return Status(202, {"challenge": challenge})


@router.post(
    "/vault/verification/confirm",
    auth=vault_receipt,
    operation_id="vault_verification_confirm",
    response={200: Verified, 400: FieldProblem, 401: Problem},
)
def confirm_verification(request: VaultRequest, payload: VerificationCodeIn):
    access = request.auth
    account = verification_confirm(
        organization=access.vault.organization, challenge_id=payload.challenge, code=payload.code
    )
    vault_account_set(access=access, account_ref=account.account_ref, organization_id=account.organization_id)
    return {"verified": True}
