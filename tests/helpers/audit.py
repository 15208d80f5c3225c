"""The audit chain as the daily job leaves it: day-timed rows join it once their day is over."""

from datetime import timedelta

import time_machine

from confide.audit.services import audit_pending_flush
from confide.core.clock import today


def audit_flushed() -> int:
    """Flush as tomorrow's daily job would: every pending row of today and before joins the chain."""
    with time_machine.travel(today() + timedelta(days=1), tick=False):
        return audit_pending_flush()
