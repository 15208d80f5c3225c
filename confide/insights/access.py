from dataclasses import dataclass

from confide.accounts.models import User
from confide.tenants.models import Organization


@dataclass(frozen=True)
class InsightAccess:
    """A staff member allowed to read one organization's figures: one of its handlers (the third party) or
    one of its contacts (its leaders)."""

    user: User
    organization: Organization
    as_handler: bool
