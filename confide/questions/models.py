import uuid

from django.conf import settings
from django.db import models

from confide.tenants.models import Organization


class FormVersion(models.Model):
    """One version of an organization's own questions on the report form. Never changed once written: an edit
    writes the next version, so a report filed under this one can always be shown with the questions it
    answered (each report also keeps its own copy, inside its encrypted content).

    The questions are written by the third party, not by reporters: they are configuration, in the clear, as
    the organization's name and its other-ways-to-report text are."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    number = models.PositiveIntegerField()
    questions = models.JSONField(default=list)
    created_on = models.DateField()
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organization", "number"], name="uniq_form_version_number"),
        ]
        ordering = ["organization", "-number"]

    def __str__(self) -> str:
        return f"{self.organization_id} v{self.number}"
