from confide.tenants.models import Organization
from confide.verification.keys import roster_lookup
from confide.verification.models import AllowedDomain, RosterEntry


def roster_size(*, organization: Organization) -> int:
    return RosterEntry.objects.filter(organization=organization).count()


def allowed_domains(*, organization: Organization) -> list[str]:
    return list(AllowedDomain.objects.filter(organization=organization).values_list("domain", flat=True))


def address_eligible(*, organization: Organization, canonical: str) -> bool:
    """On the organization's roster, or at one of its allowed domains. Both are looked up every time, so the
    time taken is the same whichever answer it is (issue 10 item 11)."""
    domain = canonical.rpartition("@")[2]
    at_domain = AllowedDomain.objects.filter(organization=organization, domain=domain).exists()
    lookup = roster_lookup(organization, canonical)
    on_roster = RosterEntry.objects.filter(organization=organization, lookup=lookup).exists()
    return at_domain or on_roster
