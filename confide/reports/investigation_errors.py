"""The outside investigators' errors (issue 15), apart so that selectors and rules can both raise them."""

from datetime import date

from django.utils.translation import gettext as _

from confide.core.errors import Refused


class RedactionRefused(Refused):
    """Replacements that cannot be applied, or an investigation step that is not allowed."""


class InvestigationEnded(Refused):
    """The investigator's period is over: said plainly, since they knew of the case already."""

    status = 403


def investigation_ended(*, until: date) -> InvestigationEnded:
    return InvestigationEnded(
        _("Your access to this case has ended (it ran until %(date)s). Nothing was saved.")
        % {"date": until.isoformat()}
    )
