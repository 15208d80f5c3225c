from datetime import datetime

from django.utils.translation import gettext as _
from ninja import Router, Schema, Status
from pydantic import Field

from confide.accounts.services import (
    LoginFailed,
    SignInThrottled,
    api_token_issue,
    api_token_revoke,
    staff_sign_in,
)
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
def login(request: StaffRequest, payload: LoginIn):
    try:
        signed = staff_sign_in(username=payload.username, password=payload.password, code=payload.totp, request=request)
    except SignInThrottled:
        return Status(429, {"detail": _("Too many failed attempts for this account. Wait 15 minutes.")})
    except LoginFailed:
        return Status(401, {"detail": _("That username, password and code do not match an account.")})
    if signed.needs_totp_enrollment:
        return Status(403, {"detail": _("Set up two-factor sign-in on the web first.")})
    token, row = api_token_issue(unlocked=signed.unlocked)
    return Status(200, {"token": token, "expires_at": row.expires_at})


@router.post("/staff/logout", auth=staff_token, operation_id="staff_logout", response={204: None})
def logout(request: StaffRequest):
    header = request.headers.get("Authorization", "")
    api_token_revoke(token=header.partition(" ")[2])
    return Status(204, None)
