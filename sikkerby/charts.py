"""A small server-rendered SVG line chart over years (pure functions). Pages show the same
figures in a table beside it, so the chart needs no script and no colour-only meaning: the
series also differ by dash pattern."""

from dataclasses import dataclass

WIDTH, HEIGHT, MARGIN = 480, 160, 28
COLOURS = ["#0059b3", "#b35900", "#2e7d32", "#6a1b9a"]
DASHES = ["", "6 3", "2 3", "8 3 2 3"]


@dataclass(frozen=True)
class Line:
    label: str
    points: str  # "x,y x,y ..." for <polyline>
    colour: str
    dash: str
    dots: list[tuple[float, float]]


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    lines: list[Line]
    years: list[tuple[float, int]]  # (x, year) for the axis labels
    top_label: str  # what the top of the y axis means, e.g. "100 %" or "250"
    baseline: float


def _x(index: int, count: int) -> float:
    span = WIDTH - 2 * MARGIN
    return MARGIN + (span * index / (count - 1) if count > 1 else span / 2)


def line_chart(
    years: list[int], series: list[tuple[str, list[float | None]]], *, shares: bool
) -> Chart | None:
    """One line per (label, value per year). Shares run 0..1 (the top is 100 %); counts run
    from 0 to their largest value. A missing value breaks the line rather than drawing 0."""
    values = [v for _, points in series for v in points if v is not None]
    if not years or not values:
        return None
    top = 1.0 if shares else max(max(values), 1)
    baseline = HEIGHT - MARGIN

    def y(value: float) -> float:
        return baseline - (value / top) * (HEIGHT - 2 * MARGIN)

    lines = []
    for number, (label, points) in enumerate(series):
        dots = [(_x(i, len(years)), y(v)) for i, v in enumerate(points) if v is not None]
        lines.append(
            Line(
                label=label,
                points=" ".join(f"{x:.1f},{yy:.1f}" for x, yy in dots),
                colour=COLOURS[number % len(COLOURS)],
                dash=DASHES[number % len(DASHES)],
                dots=dots,
            )
        )
    return Chart(
        width=WIDTH,
        height=HEIGHT,
        lines=lines,
        years=[(_x(i, len(years)), year) for i, year in enumerate(years)],
        top_label="100 %" if shares else f"{top:.0f}",
        baseline=baseline,
    )
