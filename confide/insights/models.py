"""An organization's figures for one closed period, fixed the first time they are asked for (threat model G9).

Fixed, not recomputed: a case reclassified or closed later would otherwise move a shown figure, and the
difference between two versions of one period would single out that case. The stored figures are the protected
ones (hidden cells already hidden), plus the few raw per-organization values the sector benchmark needs, kept
only where the organization's own report shows them. No list, free text or day-level date is stored.
"""

from django.conf import settings
from django.db import models


class InsightSnapshot(models.Model):
    organization = models.ForeignKey("tenants.Organization", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10)
    start = models.DateField()  # the period's first day: a period, not a day someone acted on
    figures = models.JSONField()
    fixed_on = models.DateField()
    # Published to the organization's staff at a stable link on its reporter pages.
    published_on = models.DateField(null=True)
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["organization", "kind", "start"], name="uniq_insight_snapshot")]


class BenchmarkSnapshot(models.Model):
    """The sector's figures for one period, noise drawn once: asking again must not average the noise away."""

    kind = models.CharField(max_length=10)
    start = models.DateField()
    figures = models.JSONField()
    fixed_on = models.DateField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "start"], name="uniq_benchmark_snapshot")]
