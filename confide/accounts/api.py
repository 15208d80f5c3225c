from datetime import datetime

from django.utils.translation import gettext as _
from ninja import Router, Schema, Status
from pydantic import Field

from confide.accounts.services import LoginFailed, api_token_issue, api_token_revoke, staff_unlock
from confide.api_auth import ApiRequest, StaffTokenAuth
from confide.api_schemas import Problem

router = Router(tags=["staff"])


class LoginIn(Schema):
    username: str = Field(max_length=150)
    password: str = Field(max_length=1024)


class TokenOut(Schema):
    token: str
    expires_at: datetime


@router.post("/staff/login", operation_id="staff_login", response={200: TokenOut, 401: Problem})
def login(request: ApiRequest, payload: LoginIn):
    try:
        unlocked = staff_unlock(username=payload.username, password=payload.password, request=request)
    except LoginFailed:
        return Status(401, {"detail": _("That username and password do not match an account.")})
    token, row = api_token_issue(unlocked=unlocked)
    return Status(200, {"token": token, "expires_at": row.expires_at})


@router.post("/staff/logout", auth=StaffTokenAuth(), operation_id="staff_logout", response={204: None})
def logout(request: ApiRequest):
    header = request.headers.get("Authorization", "")
    api_token_revoke(token=header.partition(" ")[2])
    return Status(204, None)
