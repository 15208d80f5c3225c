"""Reads on staff accounts shared by the domain apps above (reports, letters)."""

from django.db.models import QuerySet

from confide.accounts.models import Passkey, User
from confide.tenants.models import Membership, Organization


def key_holders_eligible(*, organization: Organization) -> QuerySet[User]:
    """Who may hold a key of `organization`'s reports and letters: its active handlers with a key pair.

    The user's own role is checked as well as the membership's: an operator, counselor or call-taker with a
    handler membership never receives a key. Each caller narrows this to its resource (no wrap yet, not
    excluded)."""
    return User.objects.filter(
        memberships__organization_id=organization.pk,
        memberships__role=Membership.Role.HANDLER,
        role=User.Role.HANDLER,
        is_active=True,
        public_key__isnull=False,
    ).order_by("username")


def passkeys_of(*, user: User) -> list[Passkey]:
    """A staff member's own passkeys: only ever listed to that staff member."""
    return list(Passkey.objects.filter(user=user))
