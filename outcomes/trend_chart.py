"""A criterion's yearly trend as a small server-rendered SVG line chart (pure function; the
page shows the same figures in a table beside it, so the chart needs no script and no
colour-only meaning)."""

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


def trend_chart(trend: list) -> Chart | None:
    """`trend` is a list of rows with `.year` and `.results` (one result per series). Values
    that are hidden or missing break the line rather than drawing a zero."""
    if not trend or not trend[0].results:
        return None
    is_share = trend[0].results[0].is_share
    values = [r.value for row in trend for r in row.results if r.value is not None]
    if not values:
        return None
    top = 1.0 if is_share else max(max(values), 1)
    baseline = HEIGHT - MARGIN

    def y(value: float) -> float:
        return baseline - (value / top) * (HEIGHT - 2 * MARGIN)

    lines = []
    for series in range(len(trend[0].results)):
        dots = [
            (_x(i, len(trend)), y(row.results[series].value))
            for i, row in enumerate(trend)
            if series < len(row.results) and row.results[series].value is not None
        ]
        labels = {row.results[series].label for row in trend if series < len(row.results)}
        lines.append(
            Line(
                # A label that changes from year to year is a period, not a series name.
                label=labels.pop() if len(labels) == 1 else "Værdi",
                points=" ".join(f"{x:.1f},{yy:.1f}" for x, yy in dots),
                colour=COLOURS[series % len(COLOURS)],
                dash=DASHES[series % len(DASHES)],
                dots=dots,
            )
        )
    return Chart(
        width=WIDTH,
        height=HEIGHT,
        lines=lines,
        years=[(_x(i, len(trend)), row.year) for i, row in enumerate(trend)],
        top_label="100 %" if is_share else f"{top:.0f}",
        baseline=baseline,
    )
