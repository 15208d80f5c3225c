"""The intervals of retaliation check-ins (issue 13), shared by their services and their reads: days after the
report, among a few the thread page offers, stored as a comma-separated text."""

DEFAULT_OFFSETS = (14, 42, 91)  # 2 weeks, 6 weeks, 3 months
OFFSET_CHOICES = (14, 42, 91, 182, 365)  # what the thread page offers
WORRIES_ANSWER_DAYS = 7  # "something worries me": a handler answers within a week
RETALIATION_ACKNOWLEDGE_DAYS = 2  # "treated worse": the linked case is acknowledged within two days


def offsets_parse(text: str) -> list[int]:
    return sorted({int(part) for part in text.split(",") if part.strip().isdigit()})


def offsets_text(offsets: list[int] | tuple[int, ...]) -> str:
    return ",".join(str(o) for o in sorted(set(offsets)))
