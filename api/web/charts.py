"""Bar charts as plain numbers for an SVG template: no script, no inline style, no library."""

from __future__ import annotations

from dataclasses import dataclass

# Hand-written because a chart here is a few rectangles; a plotting library would need inline
# styles (forbidden by the CSP) or a raster image without text to read.
BAR_HEIGHT = 22
GAP = 8
LABEL_WIDTH = 190
PLOT_WIDTH = 320


@dataclass(frozen=True)
class Bar:
    """One bar: its label, value, and where it is drawn."""

    label: str
    value: int
    y: int
    width: int


@dataclass(frozen=True)
class Chart:
    """A horizontal bar chart, sized to its bars."""

    title: str
    bars: list[Bar]
    height: int
    label_width: int = LABEL_WIDTH
    width: int = LABEL_WIDTH + PLOT_WIDTH + 60


def bar_chart(title: str, values: list[tuple[str, int]]) -> Chart:
    """Bars scaled to the largest value."""
    top = max((v for _, v in values), default=0) or 1
    bars = [
        Bar(label, value, i * (BAR_HEIGHT + GAP), max(2, round(PLOT_WIDTH * value / top)))
        for i, (label, value) in enumerate(values)
    ]
    return Chart(title, bars, max(1, len(bars)) * (BAR_HEIGHT + GAP))
