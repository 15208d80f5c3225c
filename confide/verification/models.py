"""Proof that an anonymous reporter is (or was) staff of an organization, without keeping who they are.

The roster holds keyed hashes of addresses, never addresses. A challenge holds the account reference sealed
under a key derived from the one-time code, so a copy of the database cannot tell whose code is pending, and it
is deleted once used or expired: its timestamp lives no longer than the code does (threat model G2).
"""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from confide.tenants.models import Organization


class RosterEntry(models.Model):
    organization = models.ForeignKey(
        Organization, verbose_name=_("Organization"), on_delete=models.CASCADE, related_name="roster_entries"
    )
    lookup = models.BinaryField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["organization", "lookup"], name="uniq_roster_entry")]
        verbose_name = _("roster entry")
        verbose_name_plural = _("roster entries")


class AllowedDomain(models.Model):
    """An email domain whose every address counts as staff (e.g. the campaign's own domain)."""

    organization = models.ForeignKey(
        Organization, verbose_name=_("Organization"), on_delete=models.CASCADE, related_name="allowed_domains"
    )
    domain = models.CharField(_("domain"), max_length=253)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["organization", "domain"], name="uniq_allowed_domain")]
        ordering = ["domain"]
        verbose_name = _("allowed domain")
        verbose_name_plural = _("allowed domains")

    def __str__(self) -> str:
        return self.domain


class Challenge(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    sealed_ref = models.BinaryField()
    expires_at = models.DateTimeField(db_index=True)
    attempts = models.PositiveSmallIntegerField(default=0)
