from datetime import date

from django.utils import timezone


def today() -> date:
    # Reporter-side times are days, never instants (threat model G2).
    return timezone.now().date()
