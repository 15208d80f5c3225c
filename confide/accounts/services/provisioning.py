"""Operator provisioning, used by the management commands and `make run`."""

from django.core.exceptions import ValidationError
from django.core.validators import validate_slug

from confide.accounts.content import ProvisioningError
from confide.accounts.models import User
from confide.accounts.services.staff import staff_create
from confide.tenants.models import Organization
from confide.tenants.services import organization_create


def organization_provision(*, slug: str, name: str) -> Organization:
    try:
        validate_slug(slug)
    except ValidationError:
        raise ProvisioningError("A slug is letters, digits, hyphens and underscores only.") from None
    if not name.strip():
        raise ProvisioningError("The organization needs a name.")
    if Organization.objects.filter(slug=slug).exists():
        raise ProvisioningError(f"An organization with the slug {slug!r} already exists.")
    return organization_create(slug=slug, name=name.strip())


def staff_provision(*, username: str, password: str, role: str, org_slugs: list[str]) -> User:
    organizations = list(Organization.objects.filter(slug__in=org_slugs))
    missing = set(org_slugs) - {o.slug for o in organizations}
    if missing:
        raise ProvisioningError(f"No such organization: {', '.join(sorted(missing))}.")
    if User.objects.filter(username=username).exists():
        raise ProvisioningError(f"The username {username!r} is taken.")
    try:
        return staff_create(username=username, password=password, role=role, organizations=organizations)
    except ValidationError as error:
        raise ProvisioningError(" ".join(error.messages)) from None
