"""What the frame of every reporter page shows besides the page itself: the organization's hotline, when it
has one, and the other ways to report."""

from dataclasses import dataclass
from datetime import time

from django import template
from django.utils.html import linebreaks, urlize
from django.utils.safestring import SafeString, mark_safe

from confide.hotline.models import HotlineSettings
from confide.tenants.models import Organization
from confide.web.database import DATABASE_DOWN

register = template.Library()


@dataclass(frozen=True)
class HotlineShown:
    number: str
    days: str
    opens_at: time
    closes_at: time
    all_day: bool
    time_zone: str


@register.simple_tag
def reporter_hotline(organization: Organization | None) -> HotlineShown | None:
    """The number to call and when it answers, or None: no number set, no organization, or the database is
    down (a page that still renders during a restart must not fail for its footer)."""
    if organization is None or organization.pk is None:
        return None
    try:
        hotline = HotlineSettings.objects.filter(organization=organization).exclude(phone_number="").first()
    except DATABASE_DOWN:
        return None
    if hotline is None:
        return None
    return HotlineShown(
        number=hotline.phone_number,
        days=hotline.open_day_names,
        opens_at=hotline.opens_at,
        closes_at=hotline.closes_at,
        all_day=hotline.opens_at == hotline.closes_at,
        time_zone=hotline.time_zone,
    )


@register.filter
def plain_text(text: str) -> SafeString:
    """The operator's text as paragraphs with its web addresses as links; every character else is escaped."""
    linked = urlize(str(text), nofollow=True, autoescape=True)
    return mark_safe(linebreaks(linked, autoescape=False))  # noqa: S308 - urlize escaped all but its own links
