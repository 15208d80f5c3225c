from collections import Counter


def median(days: Counter) -> float | None:
    """The median of a histogram (value -> how many), the mean of the two middle values for an even count."""
    values = sorted(days.elements())
    if not values:
        return None
    middle = len(values) // 2
    return float(values[middle]) if len(values) % 2 else (values[middle - 1] + values[middle]) / 2
