"""What each result costs (pure functions on amounts and counts, in kroner).

The money is the initiative's funding lines for the year. A grant given as a total over
several years (Helhedsplaner, Bydelsmødre) is spread evenly over its years, and the card says
so; co-financing from several departments (the intervention teams) is summed."""

from dataclasses import dataclass
from decimal import Decimal


def cost_per(amount: Decimal, count: float | None) -> Decimal | None:
    """Kroner per unit; None when there is nothing to divide by."""
    if not count or count <= 0:
        return None
    return amount / Decimal(str(count))


def spread_evenly(amount: Decimal, first_year: int, last_year: int) -> dict[int, Decimal]:
    """A multi-year frame as equal parts per year."""
    years = range(first_year, last_year + 1)
    return {year: amount / len(years) for year in years}


@dataclass(frozen=True)
class YearCost:
    year: int
    amount: Decimal
    spread: bool  # part of the amount is a multi-year frame spread evenly
    participants: int
    per_participant: Decimal | None
    capacity: Decimal | None
    per_planned_place: Decimal | None  # the year's money ÷ the places the catalogue states
    full_year_places: float
    per_full_year_place: Decimal | None  # ÷ the full-year places used (occupied days / 365)
    successes: int | None  # of the year's starters, observed in the outcome
    per_success: Decimal | None
    # Per success the initiative added (effect × the year's starters), with its interval;
    # the upper end is None when the interval reaches zero (no upper bound).
    additional: float | None = None
    per_additional: Decimal | None = None
    per_additional_low: Decimal | None = None
    per_additional_high: Decimal | None = None


def additional_cost(
    amount: Decimal, starters: int, effect: float, low: float, high: float
) -> tuple[float, Decimal | None, Decimal | None, Decimal | None]:
    """(additional successes, cost each, cheapest, dearest within the 95 % interval)."""
    extra = effect * starters
    if effect <= 0:
        return extra, None, None, None
    cheapest = cost_per(amount, high * starters)
    dearest = cost_per(amount, low * starters) if low > 0 else None
    return extra, cost_per(amount, extra), cheapest, dearest


def yearly_money(initiative) -> dict[int, tuple[Decimal, bool]]:
    """{year: (money, whether part of it is a multi-year frame spread evenly)} from the
    initiative's funding lines."""
    money: dict[int, tuple[Decimal, bool]] = {}
    for funding in initiative.fundings.all():
        spread = funding.is_multi_year
        parts = (
            spread_evenly(funding.amount, funding.first_year, funding.last_year)
            if spread
            else {funding.first_year: funding.amount}
        )
        for year, amount in parts.items():
            total, was_spread = money.get(year, (Decimal(0), False))
            money[year] = (total + amount, was_spread or spread)
    return money
