"""Reads for the retention job: which closed cases have outlived their organization's policy."""

from datetime import timedelta

from confide.core.clock import today
from confide.reports.models import Report
from confide.tenants.models import Organization


def retention_expired() -> list[Report]:
    """Closed cases past their organization's retention period, not yet purged (one plain date comparison
    per organization: portable, and there are few organizations)."""
    expired: list[Report] = []
    for organization in Organization.objects.filter(retention_days__isnull=False):
        cutoff = today() - timedelta(days=organization.retention_days or 0)
        expired += Report.objects.filter(
            organization=organization, status=Report.Status.CLOSED, purged_on__isnull=True, closed_on__lt=cutoff
        )
    return expired
