from confide.tenants.models import Organization
from confide.verification.models import AllowedDomain, RosterEntry


def roster_size(*, organization: Organization) -> int:
    return RosterEntry.objects.filter(organization=organization).count()


def allowed_domains(*, organization: Organization) -> list[str]:
    return list(AllowedDomain.objects.filter(organization=organization).values_list("domain", flat=True))
