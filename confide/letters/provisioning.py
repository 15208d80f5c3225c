"""Demo data for letters: a leader of the demo organization who can receive letters (idempotent)."""

from django.db import transaction

from confide.accounts.models import User
from confide.accounts.services.staff import staff_create
from confide.tenants.models import Organization
from confide.tenants.services import membership_add

DEMO_CONTACT = "demo-contact"


def demo_contact_seed(*, organization: Organization, password: str) -> bool:
    """True when the contact was created now (with `password`), False when it existed already."""
    with transaction.atomic():
        user = User.objects.filter(username=DEMO_CONTACT).first()
        if user is not None:
            membership_add(organization=organization, user=user)
            return False
        user = staff_create(
            username=DEMO_CONTACT,
            password=password,
            role=User.Role.CONTACT,
            organizations=[organization],
            validate=False,
        )
        user.first_name, user.last_name = "Demo", "Campaign Manager"
        user.save(update_fields=["first_name", "last_name"])
    return True
