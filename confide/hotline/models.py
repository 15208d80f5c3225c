"""Hotline settings per organization and the callback throttle. Nothing a caller says is stored here: the
account goes into the report, encrypted, through the same path as web intake."""

import zoneinfo
from datetime import time

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.dates import WEEKDAYS_ABBR
from django.utils.translation import gettext_lazy as _

from confide.tenants.models import Organization

WEEKDAYS = "1234567"  # ISO weekdays, Monday = 1


def validate_time_zone(value: str) -> None:
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise ValidationError(_("Unknown time zone; use a name such as Europe/Madrid or America/New_York.")) from None


def validate_weekdays(value: str) -> None:
    if not value or any(day not in WEEKDAYS for day in value) or len(set(value)) != len(value):
        raise ValidationError(_("Write the open days as ISO weekday digits, Monday = 1, for example 12345."))


class HotlineSettings(models.Model):
    """When the line answers for one organization, and what callers hear when it does not."""

    organization = models.OneToOneField(
        Organization, verbose_name=_("Organization"), on_delete=models.CASCADE, related_name="hotline"
    )
    phone_number = models.CharField(
        _("hotline number"),
        max_length=40,
        blank=True,
        help_text=_("Shown to call-takers, on the console and, with the hours, on the reporter pages."),
    )
    time_zone = models.CharField(_("time zone"), max_length=64, default="UTC", validators=[validate_time_zone])
    open_days = models.CharField(
        _("open days"),
        max_length=7,
        default="12345",
        validators=[validate_weekdays],
        help_text=_("ISO weekday digits, Monday = 1: 12345 is Monday to Friday."),
    )
    opens_at = models.TimeField(_("opens at"), default=time(9, 0))
    closes_at = models.TimeField(
        _("closes at"),
        default=time(17, 0),
        help_text=_("Earlier than the opening time means the line stays open past midnight; equal means all day."),
    )
    out_of_hours_message = models.TextField(
        _("out-of-hours message"),
        blank=True,
        help_text=_("What the call-taker reads to a caller outside the hours (for example when to call back)."),
    )

    class Meta:
        verbose_name = _("hotline settings")
        verbose_name_plural = _("hotline settings")

    def __str__(self) -> str:
        return str(self.organization)

    @property
    def open_day_names(self) -> str:
        # django.utils.dates counts from Monday = 0; ours is ISO, Monday = 1.
        return ", ".join(str(WEEKDAYS_ABBR[int(day) - 1]) for day in sorted(self.open_days) if day in WEEKDAYS)


class CallbackThrottle(models.Model):
    """Failed receipt entries per call-taker within a window: a call-taker cannot be used to guess receipts."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    failures = models.PositiveIntegerField(default=0)
    window_start = models.DateTimeField()


class ReadBackUsed(models.Model):
    """Read-backs already filed, so a second press of "file" never files the call twice. The key is a hash of a
    random value drawn at read-back: no timestamp, no row number, nothing that links a row to a call or a report."""

    token_hash = models.CharField(max_length=64, primary_key=True)
