"""The safety index (Tryghedsindekset) as plain functions over weighted sums the database
computes: weighted shares with 95 % intervals on the effective sample size, comparisons
with the city average and the previous year, the composite index (versioned), threshold
classification and the small-area publication rule (seeds 003, 004)."""

from dataclasses import dataclass
from math import sqrt
from statistics import NormalDist

Z_95 = NormalDist().inv_cdf(0.975)
INDEX_VERSION = "v1 (2026)"


@dataclass(frozen=True)
class WeightedSums:
    """For one measure in one area: respondents who answered, the sum of their weights, the
    sum of squared weights, and the weight of those answering 'yes' (e.g. safe)."""

    respondents: int
    weight: float
    weight_squared: float
    yes_weight: float


@dataclass(frozen=True)
class Share:
    value: float
    respondents: int
    effective_n: float
    low: float
    high: float


def effective_sample_size(sums: WeightedSums) -> float:
    """Kish: (Σw)² / Σw². Unequal weights carry less information than as many equal ones."""
    return sums.weight * sums.weight / sums.weight_squared if sums.weight_squared else 0.0


def weighted_share(sums: WeightedSums) -> Share | None:
    """The weighted share answering yes, with a Wilson interval on the effective n."""
    if sums.respondents == 0 or sums.weight <= 0:
        return None
    share = sums.yes_weight / sums.weight
    n = effective_sample_size(sums)
    z2 = Z_95 * Z_95
    centre = (share + z2 / (2 * n)) / (1 + z2 / n)
    half = Z_95 * sqrt(share * (1 - share) / n + z2 / (4 * n * n)) / (1 + z2 / n)
    return Share(share, sums.respondents, n, max(0.0, centre - half), min(1.0, centre + half))


@dataclass(frozen=True)
class Difference:
    points: float  # percentage points, this minus the other
    significant: bool  # at the 5 % level (two-sided z-test on effective sample sizes)


def difference(this: Share, other: Share) -> Difference:
    variance = (
        this.value * (1 - this.value) / this.effective_n
        + other.value * (1 - other.value) / other.effective_n
    )
    points = 100 * (this.value - other.value)
    if variance <= 0:
        return Difference(points, this.value != other.value)
    return Difference(points, abs(this.value - other.value) / sqrt(variance) > Z_95)


def per_thousand(reports: int, residents: int) -> float | None:
    return 1000 * reports / residents if residents else None


def safety_index(
    *,
    safe: float,
    city_safe: float,
    not_victim: float,
    city_not_victim: float,
    crime_rate: float,
    city_crime_rate: float,
) -> float:
    """Composite index v1: the mean of three components, each 100 at the city average and
    above 100 where the area does better — experienced safety (share safe in the
    neighbourhood), victimisation (share not a victim in 12 months) and reported crime
    (citizen-facing reports per 1,000 residents, inverted and capped at 200). Documented in
    docs/decisions/0006-safety-index.md; a new formula gets a new version."""
    experienced = 100 * safe / city_safe if city_safe else 100.0
    victimisation = 100 * not_victim / city_not_victim if city_not_victim else 100.0
    reported = min(200.0, 100 * city_crime_rate / crime_rate) if crime_rate else 200.0
    return (experienced + victimisation + reported) / 3


@dataclass(frozen=True)
class Threshold:
    name: str
    measure: str  # 'safe' | 'unsafe' | 'evening' | 'night' | 'victim'
    below: bool  # True: flag when the share is below the percent; False: above
    percent: float


def flags(shares: dict[str, Share | None], thresholds: list[Threshold]) -> list[str]:
    """The names of the thresholds an area crosses (e.g. 'under 85 % trygge')."""
    crossed = []
    for threshold in thresholds:
        share = shares.get(threshold.measure)
        if share is None:
            continue
        value = 100 * share.value
        if (value < threshold.percent) if threshold.below else (value > threshold.percent):
            crossed.append(threshold.name)
    return crossed


def publishable(respondents: int, minimum: int) -> tuple[bool, str]:
    """Small areas (a single estate) are computed but not published under `minimum`
    respondents: the interval would be too wide to say anything, and few answers from one
    estate come close to identifying people."""
    if respondents >= minimum:
        return True, ""
    return False, (
        f"Kun {respondents} besvarelser; der offentliggøres først fra {minimum} "
        "(for usikkert og for tæt på at kunne genkende enkelte)."
    )


SHADES = ["#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"]
NO_VALUE = "#dddddd"


@dataclass(frozen=True)
class Shading:
    """Five equal steps from the lowest to the highest value shown (a choropleth's classes)."""

    low: float
    high: float

    def colour(self, value: float | None) -> str:
        if value is None:
            return NO_VALUE
        if self.high <= self.low:
            return SHADES[2]
        step = int((value - self.low) / (self.high - self.low) * len(SHADES))
        return SHADES[min(step, len(SHADES) - 1)]

    def legend(self) -> list[tuple[str, float, float]]:
        width = (self.high - self.low) / len(SHADES)
        return [
            (shade, self.low + i * width, self.low + (i + 1) * width)
            for i, shade in enumerate(SHADES)
        ]


def shade_steps(values: list[float]) -> Shading:
    return Shading(min(values), max(values)) if values else Shading(0.0, 0.0)
