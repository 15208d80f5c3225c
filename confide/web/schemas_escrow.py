"""Shared pieces of the escrow API: the vault's authentication and the error shape."""

from datetime import date

from django.utils.translation import gettext as _
from ninja import Schema, Status
from ninja.errors import HttpError
from ninja.security import APIKeyHeader
from pydantic import Field

from confide.escrow.access import VaultAccess
from confide.escrow.selectors import vault_access_get


class VaultAuth(APIKeyHeader):
    param_name = "Authorization"
    openapi_description = "The vault's receipt: `Authorization: Vault <eight words>`."

    def authenticate(self, request, key: str | None) -> VaultAccess:
        scheme, _sep, receipt = (key or "").partition(" ")
        access = vault_access_get(receipt=receipt if scheme.lower() == "vault" else "")
        if access is None:
            raise HttpError(401, _("This receipt does not open a vault."))
        return access

    def __call__(self, request):
        result = super().__call__(request)
        if result is None:
            raise HttpError(401, _("Send `Authorization: Vault <receipt words>`."))
        return result


vault_auth = VaultAuth()


class FieldProblem(Schema):
    detail: str
    field: str | None = None


class ThreadMessageOut(Schema):
    id: str
    author: str
    on: date
    body: str


class MessageIn(Schema):
    body: str = Field(max_length=10_000)


def refused(error: Exception, field: str | None = None) -> Status:
    message = getattr(error, "message", None) or str(error)
    return Status(400, {"detail": message, "field": getattr(error, "field", None) or field})


def message_out(message, body: str) -> dict:
    return {"id": str(message.pk), "author": message.author_kind, "on": message.created_on, "body": body}
