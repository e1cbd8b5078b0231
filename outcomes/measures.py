"""A computed success criterion's result, its uncertainty and its verdict (pure functions).

A share carries its numerator, denominator and a 95 % Wilson interval; people whose follow-up
is missing are neither successes nor failures but counted separately. Too few observed people
gives 'too little data', a cohort not yet old enough gives 'too early'."""

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from enum import StrEnum
from math import sqrt
from statistics import NormalDist

MINIMUM_DENOMINATOR = 5  # below this a share says nothing (and would single people out)


class Verdict(StrEnum):
    MET = "met"
    NOT_MET = "not_met"
    TOO_EARLY = "too_early"
    TOO_LITTLE_DATA = "too_little_data"
    NO_TARGET = "no_target"
    NOT_COMPUTABLE = "not_computable"
    HIDDEN = "hidden"  # the figure is hidden (small counts): so is its verdict


VERDICT_LABELS = {
    Verdict.MET: "Opfyldt",
    Verdict.NOT_MET: "Ikke opfyldt",
    Verdict.TOO_EARLY: "For tidligt",
    Verdict.TOO_LITTLE_DATA: "For få data",
    Verdict.NO_TARGET: "Intet måltal",
    Verdict.NOT_COMPUTABLE: "Kan ikke beregnes",
    Verdict.HIDDEN: "Skjult (tal under 5)",
}


@dataclass(frozen=True)
class MeasureResult:
    label: str  # e.g. "efter 3 mdr." or "i 2026"
    numerator: int | None
    denominator: int | None
    value: float | None  # a share in 0..1 or a count
    is_share: bool
    low: float | None = None
    high: float | None = None
    missing: int = 0
    verdict: Verdict = Verdict.NO_TARGET
    note: str = ""
    # False for headcounts of activities (a talk to 40 teachers): no person can be singled out.
    identifies_people: bool = True

    @property
    def verdict_label(self) -> str:
        return VERDICT_LABELS[self.verdict]


Z_95 = NormalDist().inv_cdf(0.975)


def wilson_interval(successes: int, n: int) -> tuple[float, float]:
    """95 % Wilson score interval for a share (good for small n and shares near 0 or 1).

    Written out rather than taken from statsmodels: importing statsmodels costs ~5 s per
    process here, paid by the first scorecard request of every worker. The tests check this
    against statsmodels' `proportion_confint(method="wilson")`."""
    share = successes / n
    z2 = Z_95 * Z_95
    centre = (share + z2 / (2 * n)) / (1 + z2 / n)
    half = Z_95 * sqrt(share * (1 - share) / n + z2 / (4 * n * n)) / (1 + z2 / n)
    return max(0.0, centre - half), min(1.0, centre + half)


def full_year_places(occupied_days: int, year: int) -> float:
    """Full-year places used (seed 003: 25 full-year places): occupied days ÷ the days of the
    year, not of the part of it that has passed (which would overstate use all year)."""
    days = (date(year, 12, 31) - date(year, 1, 1)).days + 1
    return occupied_days / days


def meets(value: float, target: float, direction: str) -> bool:
    if direction == "at_most":
        return value <= target
    if direction == "about":
        return abs(value - target) <= 0.1 * target
    return value >= target


def share_result(
    *,
    label: str,
    successes: int,
    observed: int,
    cohort: int,
    target_percent: Decimal | None,
    direction: str,
) -> MeasureResult:
    """The share of observed cohort members with the outcome, against a target in percent."""
    missing = cohort - observed
    if cohort == 0:
        return MeasureResult(label, None, None, None, True, verdict=Verdict.TOO_EARLY)
    if observed < MINIMUM_DENOMINATOR:
        return MeasureResult(
            label, successes, observed, None, True, missing=missing, verdict=Verdict.TOO_LITTLE_DATA
        )
    value = successes / observed
    low, high = wilson_interval(successes, observed)
    if target_percent is None or direction in ("increase", "decrease"):
        verdict = Verdict.NO_TARGET
    else:
        target = float(target_percent) / 100
        verdict = Verdict.MET if meets(value, target, direction) else Verdict.NOT_MET
    return MeasureResult(
        label, successes, observed, value, True, low, high, missing=missing, verdict=verdict
    )


def compared_with_baseline(
    result: MeasureResult, baseline: float | None, direction: str
) -> tuple[MeasureResult, float | None]:
    """For 'rises'/'falls' criteria without a target: the first result is the baseline (the
    same cohort at its start); each later one is met if it moved the right way from it.
    Returns the result and the baseline for the next."""
    if baseline is None or result.value is None:
        return result, baseline if baseline is not None else result.value
    moved_right = result.value > baseline if direction == "increase" else result.value < baseline
    return (
        replace(
            result,
            verdict=Verdict.MET if moved_right else Verdict.NOT_MET,
            note="samme personer før og efter; uden sammenligningsgruppe er det ikke en "
            "effektmåling",
        ),
        baseline,
    )


def count_result(
    *,
    label: str,
    count: int,
    target: Decimal | None,
    direction: str,
    note: str = "",
    period_running: bool = False,
    identifies_people: bool = True,
) -> MeasureResult:
    """A count against its target. 'At least N' or 'about N' not yet reached while the period
    still runs is 'too early', not 'not met': the count can still grow to it."""
    if target is None or direction in ("increase", "decrease"):
        verdict = Verdict.NO_TARGET
    elif meets(count, float(target), direction):
        verdict = Verdict.MET
    elif period_running and direction in ("at_least", "about") and count < float(target):
        verdict = Verdict.TOO_EARLY
        note = (note + " · " if note else "") + "perioden er ikke slut"
    else:
        verdict = Verdict.NOT_MET
    return MeasureResult(
        label,
        count,
        None,
        count,
        False,
        verdict=verdict,
        note=note,
        identifies_people=identifies_people,
    )


def without_small_counts(result: MeasureResult) -> MeasureResult:
    """The result as shown to someone without access to the persons behind it: if any count
    it shows or implies (successes, failures, observed, missing) is from 1 to 4, the counts
    and the share are hidden together, so no hidden count can be worked out from the others."""
    if result.numerator is None or not result.identifies_people:
        return result
    implied = [result.numerator, result.missing]
    if result.denominator is not None:
        implied += [result.denominator, result.denominator - result.numerator]
    if not any(0 < n < MINIMUM_DENOMINATOR for n in implied):
        return result
    return MeasureResult(
        label=result.label,
        numerator=None,
        denominator=None,
        value=None,
        is_share=result.is_share,
        missing=0,
        # A verdict says what the hidden figure is (met: at least the target): hidden too.
        verdict=Verdict.HIDDEN,
        note="Tal under 5 er skjult.",
    )
