"""Demo data for `manage.py seed_demo` (idempotent): the demo organization, its case handler, and the phone
line's call-taker and hours."""

from dataclasses import dataclass
from datetime import time

from django.db import transaction

from confide.accounts.models import User
from confide.accounts.services.staff import staff_create
from confide.hotline.models import HotlineSettings
from confide.tenants.models import Organization
from confide.tenants.services import membership_add

DEMO_SLUG = "demo"
DEMO_HANDLER = "demo-handler"
DEMO_CALL_TAKER = "demo-call-taker"


@dataclass(frozen=True)
class DemoSeed:
    organization: Organization
    username: str
    created_handler: bool
    password: str | None


def demo_seed(*, password: str) -> DemoSeed:
    with transaction.atomic():
        organization, _ = Organization.objects.get_or_create(slug=DEMO_SLUG, defaults={"name": "Demo Campaign"})
        user = User.objects.filter(username=DEMO_HANDLER).first()
        if user is not None:
            membership_add(organization=organization, user=user)
            return DemoSeed(organization, DEMO_HANDLER, created_handler=False, password=None)
        staff_create(username=DEMO_HANDLER, password=password, organizations=[organization], validate=False)
    return DemoSeed(organization, DEMO_HANDLER, created_handler=True, password=password)


def hotline_demo_seed(*, organization: Organization, password: str) -> str | None:
    """Idempotent. Returns the password when the call-taker was created now, None when it already existed."""
    with transaction.atomic():
        HotlineSettings.objects.get_or_create(
            organization=organization,
            defaults={
                "phone_number": "+1 800 555 0100",
                "time_zone": "America/New_York",
                "open_days": "1234567",
                "opens_at": time(8, 0),
                "closes_at": time(22, 0),
                "out_of_hours_message": "The line is open every day from 8 am to 10 pm Eastern. You can also report "
                "online at any time.",
            },
        )
        user = User.objects.filter(username=DEMO_CALL_TAKER).first()
        if user is not None:
            membership_add(organization=organization, user=user)
            return None
        staff_create(
            username=DEMO_CALL_TAKER,
            password=password,
            role=User.Role.CALL_TAKER,
            organizations=[organization],
            validate=False,
        )
    return password
