from confide.core.errors import NotFound
from confide.tenants.models import Membership, Organization


def organization_for_intake(*, slug: str) -> Organization | None:
    """The organization behind an intake address, if it takes reports."""
    return Organization.objects.filter(slug=slug, intake_open=True).first()


def organization_for_intake_get(*, slug: str) -> Organization:
    """The same, or NotFound: the one 404 for an address that takes no reports, on pages and in the API."""
    organization = organization_for_intake(slug=slug)
    if organization is None:
        raise NotFound()
    return organization


def body_memberships(*, user) -> list[Membership]:
    """The organizations an independent body is registered for, with the title reporters see."""
    return list(
        Membership.objects.filter(user_id=user.pk, role=Membership.Role.INDEPENDENT_BODY)
        .select_related("organization")
        .order_by("organization__name")
    )
