"""Bar charts as SVG drawn by the template (no JavaScript, no library): this computes the bars' geometry."""

from dataclasses import dataclass

WIDTH = 300
BAR = 18
GAP = 6
LABEL = 0


@dataclass(frozen=True)
class Bar:
    label: str
    value: int | float | None  # None: hidden, drawn as no bar and the word "hidden"
    y: int
    width: int
    text_y: int


@dataclass(frozen=True)
class Chart:
    bars: list[Bar]
    height: int
    width: int = WIDTH


def bar_chart(items: list[tuple[str, int | float | None]]) -> Chart:
    largest = max((v for _, v in items if v), default=0)
    bars = []
    for i, (label, value) in enumerate(items):
        y = i * (BAR + GAP)
        width = round(WIDTH * 0.6 * value / largest) if value and largest else 0
        bars.append(Bar(label=label, value=value, y=y, width=width, text_y=y + BAR - 5))
    return Chart(bars=bars, height=max(len(items) * (BAR + GAP), BAR))
