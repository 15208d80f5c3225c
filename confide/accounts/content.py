"""The accounts' errors, in the core.errors family (mapped once in web/errors for pages and the API)."""

from django.utils.translation import gettext as _

from confide.core.errors import Conflict, Refused, Unavailable

SIGNIN_THROTTLE_MINUTES = 15


class LoginFailed(Refused):
    """Wrong credentials, inactive account, or no key: one error, one message."""

    status = 401

    def __init__(self, message: str = "", *, field: str | None = None) -> None:
        super().__init__(message or _("That username, password and code do not match an account."), field=field)


class SignInThrottled(Unavailable):
    """Too many failures for this username: try again later."""

    status = 429

    def __init__(
        self, message: str = "", *, retry_after: int = SIGNIN_THROTTLE_MINUTES * 60, field: str | None = None
    ) -> None:
        super().__init__(
            message or _("Too many failed attempts for this account. Wait 15 minutes and try again."),
            retry_after=retry_after,
            field=field,
        )


class InvitationInvalid(Refused):
    """A link that is not an open invitation (never was, used, or expired). Its sentence says so, so it is
    not a NotFound (whose words never vary), but it answers 404 like one."""

    status = 404


class UsernameTaken(Conflict):
    def __init__(self, message: str = "", *, field: str | None = "username") -> None:
        super().__init__(message or _("That username is taken; choose another."), field=field)


class ProvisioningError(Refused):
    """Operator provisioning refused (management commands): the message is for the operator, in English."""
