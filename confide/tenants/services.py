from confide.tenants.models import Membership, Organization


def organization_create(*, slug: str, name: str) -> Organization:
    return Organization.objects.create(slug=slug, name=name)


def membership_add(*, organization: Organization, user) -> Membership:
    membership, _ = Membership.objects.get_or_create(organization=organization, user=user)
    return membership
