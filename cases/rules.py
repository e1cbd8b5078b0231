"""Stand-alone case rules, as pure functions."""

from datetime import date
from decimal import Decimal


def age_in_years(born: date, on: date) -> Decimal:
    """Age in whole half-years, so that bounds like 17½ can be compared exactly."""
    months = (on.year - born.year) * 12 + (on.month - born.month) - (1 if on.day < born.day else 0)
    return Decimal(months // 6) / 2


def _years(value: Decimal) -> str:
    return f"{value:g}".replace(".", ",")


def ssp_plus_eligibility(
    *, born: date, referred_on: date, level: int, min_age: Decimal, max_age: Decimal
) -> tuple[bool, str]:
    """SSP+ is for young people within the age bounds at referral, with a case on level 3 or 4
    (seed 003: 17½–24; Copenhagen today: 18–25 — hence configurable). Returns (eligible, reason)."""
    age = age_in_years(born, referred_on)
    if level not in (3, 4):
        return False, f"SSP+ kræver en sag på niveau 3 eller 4 (sagen er på niveau {level})."
    if age < min_age:
        return (
            False,
            f"Den unge er {_years(age)} år ved henvisningen; SSP+ starter ved {_years(min_age)} år.",
        )
    if age > max_age:
        return (
            False,
            f"Den unge er {_years(age)} år ved henvisningen; SSP+ slutter ved {_years(max_age)} år.",
        )
    return True, f"Den unge er {_years(age)} år og har en sag på niveau {level}."
