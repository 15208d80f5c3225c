"""Fixed reporting periods: calendar quarters (the default) or months, one kind per deployment.

One kind only, never both: a quarter's figure minus two of its months' figures would be the third month's, which
suppression in the month's own report hid. A period is published only after its last day (`closed`), so no figure
is an "as of today" figure that moves when one more report arrives."""

import datetime
import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from confide.core.errors import Refused

QUARTER = "quarter"
MONTH = "month"
KINDS = (QUARTER, MONTH)
_LABEL = re.compile(r"^(?P<year>\d{4})-(?:q(?P<quarter>[1-4])|(?P<month>0[1-9]|1[0-2]))$")


@dataclass(frozen=True, order=True)
class Period:
    kind: str
    start: datetime.date

    @property
    def months(self) -> int:
        return 3 if self.kind == QUARTER else 1

    @property
    def end(self) -> datetime.date:
        """The last day of the period."""
        return self.following().start - datetime.timedelta(days=1)

    @property
    def label(self) -> str:
        if self.kind == QUARTER:
            return f"{self.start.year}-q{(self.start.month - 1) // 3 + 1}"
        return f"{self.start.year}-{self.start.month:02d}"

    def _shifted(self, months: int) -> "Period":
        index = self.start.year * 12 + self.start.month - 1 + months
        return Period(self.kind, datetime.date(index // 12, index % 12 + 1, 1))

    def following(self) -> "Period":
        return self._shifted(self.months)

    def previous(self) -> "Period":
        return self._shifted(-self.months)

    def closed(self, *, today: datetime.date) -> bool:
        return self.end < today


def period_containing(kind: str, day: datetime.date) -> Period:
    month = day.month if kind == MONTH else (day.month - 1) // 3 * 3 + 1
    return Period(kind, datetime.date(day.year, month, 1))


def last_closed(kind: str, *, today: datetime.date) -> Period:
    return period_containing(kind, today).previous()


def period_parse(label: str, *, kind: str) -> Period:
    """A period from its label (`2026-q3` or `2026-09`), of the deployment's kind only."""
    match = _LABEL.match(label.strip().lower())
    if match is None:
        raise Refused(_("A period is written 2026-q3 (a quarter) or 2026-09 (a month)."), field="period")
    found = QUARTER if match["quarter"] else MONTH
    if found != kind:
        raise Refused(
            _("This deployment publishes figures by %(kind)s only.")
            % {"kind": _("quarter") if kind == QUARTER else _("month")},
            field="period",
        )
    year = int(match["year"])
    month = (int(match["quarter"]) - 1) * 3 + 1 if match["quarter"] else int(match["month"])
    if not 2000 <= year <= 2999:
        raise Refused(_("A period is written 2026-q3 (a quarter) or 2026-09 (a month)."), field="period")
    return Period(kind, datetime.date(year, month, 1))


def period_closed_check(period: Period, *, today: datetime.date) -> None:
    if not period.closed(today=today):
        raise Refused(
            _("This period has not closed yet: its figures are published after its last day."), field="period"
        )
