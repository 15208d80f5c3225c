from confide.tenants.models import Membership, Organization

# A staff member's role decides what a membership lets them do; only handler memberships receive report keys.
_MEMBERSHIP_ROLE_FOR_USER_ROLE = {
    "call_taker": Membership.Role.CALL_TAKER,
    "contact": Membership.Role.CONTACT,
    "independent_body": Membership.Role.INDEPENDENT_BODY,
}


def organization_create(*, slug: str, name: str) -> Organization:
    return Organization.objects.create(slug=slug, name=name)


def membership_add(*, organization: Organization, user) -> Membership:
    role = _MEMBERSHIP_ROLE_FOR_USER_ROLE.get(user.role, Membership.Role.HANDLER)
    membership, _ = Membership.objects.get_or_create(organization=organization, user=user, defaults={"role": role})
    return membership
