"""Demo data for the phone line: a call-taker for the demo organization and its hours."""

from datetime import time

from django.db import transaction

from confide.accounts.models import User
from confide.accounts.services import staff_create
from confide.hotline.models import HotlineSettings
from confide.tenants.models import Organization
from confide.tenants.services import membership_add

DEMO_CALL_TAKER = "demo-call-taker"


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
