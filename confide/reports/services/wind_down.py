"""After election day (issue 13): the operator winds an organization down on a date.

Nothing closes that day. Its reporter pages, hotline line, vault and letters stay open to former staff until
`open_until` (CONFIDE_WIND_DOWN_OPEN_DAYS after the wind-down, 3 years by default), when the daily sweep closes
its intake; its roster freezes (uploads and new domains are refused, every address on it is former staff, and
verification keeps working for them); open cases, deadlines, check-ins and retention go on with the third party,
and each reporter's thread gets its after-wind-down check-in. A successor (next cycle's committee) can be named:
the old reporter pages point at its line."""

from datetime import date, timedelta

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from confide.audit.services import Action, audit_record
from confide.core.clock import today
from confide.core.errors import Conflict, Refused
from confide.tenants.models import Organization


def organization_wind_down(
    *,
    actor: object,
    organization: Organization,
    on: date | None = None,
    open_days: int | None = None,
    successor: Organization | None = None,
) -> Organization:
    """Audited. A second wind-down is refused; the successor may be named now or later (organization_successor_set)."""
    day = on or today()
    days = settings.CONFIDE_WIND_DOWN_OPEN_DAYS if open_days is None else open_days
    if days < 0:
        raise Refused(_("The open period cannot be negative."), field="open_days")
    if organization.wound_down_on is not None:
        raise Conflict(_("This organization was already wound down."), field="on")
    with transaction.atomic():
        organization.wound_down_on = day
        organization.open_until = day + timedelta(days=days)
        fields = ["wound_down_on", "open_until"]
        if successor is not None:
            organization_successor_check(organization, successor)
            organization.successor = successor
            fields.append("successor")
        organization.save(update_fields=fields)
        audit_record(actor=actor, action=Action.ORGANIZATION_WOUND_DOWN, obj=organization)
    return organization


def organization_successor_set(*, organization: Organization, successor: Organization | None) -> Organization:
    if successor is not None:
        organization_successor_check(organization, successor)
    organization.successor = successor
    organization.save(update_fields=["successor"])
    return organization


def organization_successor_check(organization: Organization, successor: Organization) -> None:
    """Refused when naming `successor` would make a chain that comes back to `organization`."""
    # A chain of successors must end: following it from the successor never comes back to this organization.
    seen = {organization.pk}
    current: Organization | None = successor
    while current is not None:
        if current.pk in seen:
            raise Refused(_("An organization cannot succeed itself."), field="successor")
        seen.add(current.pk)
        current = current.successor


def wound_down_close_expired() -> int:
    """Daily: intake closes after the open period (the reporter pages answer 404, as for any closed intake)."""
    return Organization.objects.filter(intake_open=True, open_until__lt=today()).update(intake_open=False)
