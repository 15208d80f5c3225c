"""What one organization's figures are made of, before protection: counts only, nothing about a person."""

from collections import Counter
from dataclasses import dataclass, field


@dataclass
class Days:
    """How many events, and the median of their days from submission."""

    count: int = 0
    median: float | None = None


@dataclass
class RawFigures:
    total: int = 0
    roster_size: int = 0
    grid: Counter = field(default_factory=Counter)  # (category, channel) -> reports submitted in the period
    named: int = 0  # reporters who gave a name or contact
    anonymous: int = 0  # reports filed before `named` was kept are in neither
    came_back: int = 0
    acknowledge_days: Days = field(default_factory=Days)  # acknowledgements made in the period
    feedback_days: Days = field(default_factory=Days)
    close_days: Days = field(default_factory=Days)
    deadlines_due: int = 0
    deadlines_met: int = 0
    outcomes: Counter = field(default_factory=Counter)  # outcome ("" when none was recorded) -> cases closed
    letters_released: int = 0
    signatures: int = 0
    meetings_held: int = 0
    answer_days: list = field(default_factory=list)  # per released letter answered: days to the first answer
