"""Direct standardisation of rates (goal c, seed 002: crime frequency "when the social
distribution is taken into account").

Each group's rate per stratum is weighted by the standard population's share in that stratum:
DSR = Σ w_s · d_s / n_s. Its variance treats each stratum's count as Poisson:
Var(DSR) = Σ w_s² · d_s / n_s². The ratio of two such rates has its 95 % interval on the log
scale: Var(log RR) ≈ Var(DSR₁)/DSR₁² + Var(DSR₂)/DSR₂² (the delta method; Breslow & Day
vol. II §2.3, as epitools' ageadjust.direct and ratio intervals compute it). The crude ratio's
interval is the Poisson one, Var(log RR) = 1/D₁ + 1/D₂."""

import math
from dataclasses import dataclass

from outcomes.measures import Z_95


@dataclass(frozen=True)
class Stratum:
    label: str
    persons: int
    events: int


@dataclass(frozen=True)
class Rate:
    value: float  # events per person
    variance: float


@dataclass(frozen=True)
class RateRatio:
    ratio: float
    low: float
    high: float


def crude_rate(strata: list[Stratum]) -> Rate:
    persons = sum(s.persons for s in strata)
    events = sum(s.events for s in strata)
    return Rate(events / persons, events / persons**2)


def standard_weights(*groups: list[Stratum]) -> dict[str, float]:
    """The standard population: every group together, as shares of its persons by stratum."""
    persons: dict[str, int] = {}
    for strata in groups:
        for s in strata:
            persons[s.label] = persons.get(s.label, 0) + s.persons
    total = sum(persons.values())
    return {label: n / total for label, n in persons.items()}


def directly_standardised_rate(strata: list[Stratum], weights: dict[str, float]) -> Rate:
    value = sum(weights[s.label] * s.events / s.persons for s in strata)
    variance = sum(weights[s.label] ** 2 * s.events / s.persons**2 for s in strata)
    return Rate(value, variance)


def rate_ratio(first: Rate, second: Rate) -> RateRatio | None:
    """first ÷ second with its 95 % interval; None when either rate is zero."""
    if first.value <= 0 or second.value <= 0:
        return None
    ratio = first.value / second.value
    spread = Z_95 * math.sqrt(first.variance / first.value**2 + second.variance / second.value**2)
    return RateRatio(ratio, ratio * math.exp(-spread), ratio * math.exp(spread))
