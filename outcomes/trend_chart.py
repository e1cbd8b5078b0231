"""A criterion's yearly trend as a line chart (sikkerby/charts.py): one line per figure of the
criterion (e.g. after 3, 6 and 12 months)."""

from sikkerby.charts import Chart, line_chart


def trend_chart(trend: list) -> Chart | None:
    """`trend` is a list of rows with `.year` and `.results` (one result per series)."""
    if not trend or not trend[0].results:
        return None
    series = []
    for number in range(len(trend[0].results)):
        labels = {row.results[number].label for row in trend if number < len(row.results)}
        series.append(
            (
                # A label that changes from year to year is a period, not a series name.
                labels.pop() if len(labels) == 1 else "Værdi",
                [row.results[number].value if number < len(row.results) else None for row in trend],
            )
        )
    return line_chart([row.year for row in trend], series, shares=trend[0].results[0].is_share)
