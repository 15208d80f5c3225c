from confide.tenants.models import Organization


def organization_for_intake(*, slug: str) -> Organization | None:
    """The organization behind an intake address, if it takes reports."""
    return Organization.objects.filter(slug=slug, intake_open=True).first()
