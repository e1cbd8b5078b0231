"""Statistical disclosure control for every aggregate shown or exported (Danmarks Statistik's
practice): no published cell below 5, and secondary suppression so that a hidden cell cannot
be recovered from a total."""

from collections.abc import Mapping

THRESHOLD = 5
HIDDEN = "<5"  # a count from 1 to 4 (primary suppression)
# A count of 5 or more hidden only so that a "<5" beside it cannot be worked out from the
# total (secondary suppression). Showing it as "<5" would state something false.
PROTECTING = "skjult"
LEGEND = "<5: under 5. «skjult»: 5 eller flere, skjult så et tal under 5 ikke kan regnes ud."


def suppress_rows(
    rows: Mapping[str, Mapping[str, int]], *, threshold: int = THRESHOLD
) -> dict[str, dict[str, int | str]]:
    """Suppress small cells in each row and add a row total ('I alt').

    Primary: a count from 1 to threshold-1 is hidden as "<5" (0 is shown: it singles no one
    out). Secondary: if a row's total is shown and exactly one cell is hidden, the next
    smallest non-zero cell is hidden too ("skjult", since it is not under 5), so the hidden
    one cannot be computed as total minus the rest. A total below the threshold is hidden as
    well. Column totals are never shown.
    """
    result: dict[str, dict[str, int | str]] = {}
    for key, cells in rows.items():
        total = sum(cells.values())
        hidden = {col for col, n in cells.items() if 0 < n < threshold}
        protecting = set()
        if len(hidden) == 1 and total >= threshold:
            candidates = sorted((n, col) for col, n in cells.items() if n > 0 and col not in hidden)
            if candidates:
                protecting.add(candidates[0][1])
        shown: dict[str, int | str] = {
            col: (HIDDEN if col in hidden else PROTECTING if col in protecting else n)
            for col, n in cells.items()
        }
        shown["I alt"] = HIDDEN if 0 < total < threshold else total
        result[key] = shown
    return result
