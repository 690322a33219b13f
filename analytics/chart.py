"""A bar chart of daily visits as plain SVG, drawn on the server (no script, no inline style)."""

from dataclasses import dataclass
from datetime import date

WIDTH, HEIGHT, GUTTER, AXIS = 720, 240, 2, 24


@dataclass(frozen=True)
class Bar:
    day: date
    views: int
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class Chart:
    bars: list[Bar]
    maximum: int
    width: int = WIDTH
    height: int = HEIGHT
    axis: int = AXIS

    @property
    def baseline(self) -> int:
        return self.height - self.axis


def daily_chart(days: list[tuple[date, int, int]]) -> Chart:
    """Bars for (day, views, visitors) rows; the highest day fills the plot area."""
    maximum = max((views for _day, views, _visitors in days), default=0)
    plot = HEIGHT - AXIS
    step = WIDTH / max(len(days), 1)
    bars = []
    for index, (day, views, _visitors) in enumerate(days):
        height = plot * views / maximum if maximum else 0
        bars.append(
            Bar(
                day=day,
                views=views,
                x=round(index * step + GUTTER / 2, 2),
                y=round(plot - height, 2),
                width=round(max(step - GUTTER, 1), 2),
                height=round(height, 2),
            )
        )
    return Chart(bars=bars, maximum=maximum)
