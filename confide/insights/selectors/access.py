"""Who reads which organization's figures (the one place that decides it): the third party's handlers read
every organization they handle for, an organization's contacts read their own. Anyone else gets the same
NotFound as for an organization that does not exist (G3)."""

from django.db.models import QuerySet

from confide.accounts.models import User
from confide.core.errors import NotFound
from confide.insights.access import InsightAccess
from confide.tenants.models import Membership, Organization

_ROLES: dict[str, str] = {User.Role.HANDLER: Membership.Role.HANDLER, User.Role.CONTACT: Membership.Role.CONTACT}


def insight_organizations(*, user: User) -> QuerySet[Organization]:
    membership = _ROLES.get(user.role) if user.is_authenticated and user.is_active else None
    if membership is None:
        return Organization.objects.none()
    return Organization.objects.filter(memberships__user=user, memberships__role=membership).distinct()


def insight_access_get(*, user: User, organization_slug: str) -> InsightAccess:
    organization = insight_organizations(user=user).filter(slug=organization_slug).first()
    if organization is None:
        raise NotFound()
    return InsightAccess(user=user, organization=organization, as_handler=user.role == User.Role.HANDLER)


def insight_benchmark_allowed(*, user: User) -> None:
    """The sector figures name no one, but they are still for the deployment's staff who read some figures."""
    if not insight_organizations(user=user).exists():
        raise NotFound()
