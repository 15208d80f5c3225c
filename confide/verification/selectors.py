from confide.tenants.models import Organization
from confide.verification.keys import roster_lookup
from confide.verification.models import AllowedDomain, RosterEntry


def roster_size(*, organization: Organization) -> int:
    return RosterEntry.objects.filter(organization=organization).count()


def allowed_domains(*, organization: Organization) -> list[str]:
    return list(AllowedDomain.objects.filter(organization=organization).values_list("domain", flat=True))


def address_eligible(*, organization: Organization, canonical: str) -> bool:
    """On the organization's roster, or at one of its allowed domains."""
    domain = canonical.rpartition("@")[2]
    if AllowedDomain.objects.filter(organization=organization, domain=domain).exists():
        return True
    lookup = roster_lookup(organization, canonical)
    return RosterEntry.objects.filter(organization=organization, lookup=lookup).exists()
