"""Whether the line is open now for an organization, in the organization's own time zone."""

import zoneinfo
from datetime import datetime

from confide.hotline.models import HotlineSettings


def hotline_open_at(*, hotline: HotlineSettings | None, now: datetime) -> bool:
    """No settings means no hours were set: the line answers (a caller is never turned away by omission)."""
    if hotline is None:
        return True
    local = now.astimezone(zoneinfo.ZoneInfo(hotline.time_zone))
    day, clock = str(local.isoweekday()), local.time().replace(tzinfo=None)
    opens, closes = hotline.opens_at, hotline.closes_at
    if opens == closes:
        return day in hotline.open_days
    if opens < closes:
        return day in hotline.open_days and opens <= clock < closes
    # Past midnight: the small hours belong to the shift that started the evening before.
    if clock >= opens:
        return day in hotline.open_days
    yesterday = str((local.isoweekday() - 2) % 7 + 1)
    return clock < closes and yesterday in hotline.open_days
