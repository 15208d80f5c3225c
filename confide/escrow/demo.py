"""Demo data for matching escrow: a counselor who holds the team key (seed_demo calls this)."""

import contextlib

from django.db import transaction

from confide.accounts.models import User
from confide.accounts.services.staff import staff_create
from confide.escrow.content import TeamRefused
from confide.escrow.services.team import counselor_enrol

DEMO_COUNSELOR = "demo-counselor"


def demo_counselor_seed(*, password: str) -> bool:
    """True when the counselor was created now (with `password`); idempotent otherwise."""
    if User.objects.filter(username=DEMO_COUNSELOR).exists():
        return False
    with transaction.atomic():
        user = staff_create(username=DEMO_COUNSELOR, password=password, role=User.Role.COUNSELOR, validate=False)
        # The first counselor creates the team; if one exists, a counselor of it adds demo-counselor instead.
        with contextlib.suppress(TeamRefused):
            counselor_enrol(user=user)
    return True
