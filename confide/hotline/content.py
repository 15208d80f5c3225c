"""What a call's account looks like, and the hotline's errors (the core.errors family, mapped once in web/errors)."""

import re

from django.conf import settings
from django.utils.translation import gettext as _

from confide.core.errors import Conflict, NotFound, Refused, Unavailable

# The caller's own words, marked [[ like this ]] by the call-taker.
CALLERS_WORDS = re.compile(r"\[\[(.+?)\]\]", re.DOTALL)


class LineNotFound(NotFound):
    """Not an organization this call-taker answers for (or no such organization): one error (G3)."""


class LineClosed(NotFound):
    """The organization stopped taking reports between the console page and the filing."""


class NotACallTaker(Refused):
    """The hotline is for call-takers only."""

    status = 403

    def __init__(self, message: str = "", *, field: str | None = None) -> None:
        super().__init__(message or _("The hotline is for call-takers."), field=field)


class ConsentMissing(Refused):
    """Filing needs the caller's consent to the record that was read back to them."""

    def __init__(self, message: str = "", *, field: str | None = "consent_read_back") -> None:
        super().__init__(
            message or _("The caller's consent to this record is needed before it can be filed."), field=field
        )


class AlreadyFiled(Conflict):
    """This read-back was filed already (a second press of "file", or a replayed form)."""

    def __init__(self, message: str = "", *, field: str | None = None) -> None:
        super().__init__(
            message or _("This call's report is already filed: nothing was filed a second time."), field=field
        )


class NoSuchReceipt(Refused):
    """No report of this organization opens with the receipt the caller gave (malformed or wrong alike)."""

    def __init__(self, message: str = "", *, field: str | None = "receipt") -> None:
        super().__init__(message or _("No report matches this receipt."), field=field)


class CallbackThrottled(Unavailable):
    """Too many receipts from this call-taker did not match: a call-taker cannot be used to guess receipts."""

    status = 429

    def __init__(self, message: str = "", *, retry_after: int | None = None, field: str | None = None) -> None:
        super().__init__(
            message
            or _("Too many receipts that did not match from this account. Wait 15 minutes before trying again."),
            retry_after=retry_after or settings.CONFIDE_HOTLINE_CALLBACK_WINDOW_MINUTES * 60,
            field=field,
        )
