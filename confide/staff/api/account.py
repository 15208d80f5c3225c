"""Staff sign-in for the API: a token for `Authorization: Bearer`, and signing out."""

from datetime import datetime

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status
from pydantic import Field

from confide.accounts.services.sign_in import staff_sign_in
from confide.accounts.services.tokens import api_token_issue, api_token_revoke
from confide.staff.api.auth import StaffRequest, staff_token
from confide.web.schemas import Problem

router = Router(tags=["staff"])


class LoginIn(Schema):
    username: str = Field(max_length=150)
    password: str = Field(max_length=1024)
    totp: str = Field("", max_length=10, description="The current code from the staff member's authenticator app")


class TokenOut(Schema):
    token: str
    expires_at: datetime


@router.post(
    "/staff/login", operation_id="staff_login", response={200: TokenOut, 401: Problem, 403: Problem, 429: Problem}
)
def login(request: HttpRequest, payload: LoginIn):
    """LoginFailed (401) and SignInThrottled (429, with Retry-After) are answered by the API's one error map."""
    signed = staff_sign_in(username=payload.username, password=payload.password, code=payload.totp, request=request)
    if signed.needs_totp_enrollment:
        return Status(403, {"detail": _("Set up two-factor sign-in on the web first.")})
    token, row = api_token_issue(unlocked=signed.unlocked)
    return Status(200, {"token": token, "expires_at": row.expires_at})


@router.post("/staff/logout", auth=staff_token, operation_id="staff_logout", response={204: None})
def logout(request: StaffRequest):
    header = request.headers.get("Authorization", "")
    api_token_revoke(token=header.partition(" ")[2])
    return Status(204, None)
