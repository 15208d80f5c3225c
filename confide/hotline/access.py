"""Frozen handles: proof that a selector allowed access, passed on to whatever needs it."""

from dataclasses import dataclass

from confide.hotline.models import HotlineSettings
from confide.tenants.models import Organization


@dataclass(frozen=True)
class Line:
    """An organization whose calls this call-taker takes (from hotline.selectors.line_get only)."""

    organization: Organization
    hotline: HotlineSettings | None
    open_now: bool

    def __repr__(self) -> str:
        return f"Line(organization={self.organization.slug}, open_now={self.open_now})"
