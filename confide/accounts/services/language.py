"""A staff member's own language: their staff pages, refusals and mail (issue 15, 2)."""

from django.utils.translation import gettext as _

from confide.accounts.models import User
from confide.core.errors import Refused


def staff_language_set(*, user: User, language: str) -> None:
    if language not in User.Language.values:
        raise Refused(_("Choose English or Spanish."), field="language")
    user.language = language
    user.save(update_fields=["language"])
