"""The safety index's figures per area and year, aggregated in SQL (weighted sums per area in
one query, the city in another), then turned into shares, comparisons and flags by the pure
functions in areas/safety.py."""

from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, F, FloatField, Q, Sum
from django.db.models.functions import Cast

from areas.models import (
    CITIZEN_FACING,
    Area,
    AreaSet,
    AreaYear,
    PoliceReportCount,
    SafetyThreshold,
    SurveyResponse,
)
from areas.safety import (
    Difference,
    Share,
    Threshold,
    WeightedSums,
    difference,
    flags,
    per_thousand,
    publishable,
    safety_index,
    weighted_share,
)

# measure: (answered, answering yes)
MEASURES = {
    "safe": (~Q(neighbourhood=""), Q(neighbourhood="safe")),
    "unsafe": (~Q(neighbourhood=""), Q(neighbourhood="unsafe")),
    "evening": (Q(evening_safe__isnull=False), Q(evening_safe=True)),
    "night": (Q(night_safe__isnull=False), Q(night_safe=True)),
    "victim": (Q(victim__isnull=False), Q(victim=True)),
}


def _aggregates() -> dict:
    weight = Cast("weight", FloatField())
    squared = Cast(F("weight") * F("weight"), FloatField())
    result: dict = {"respondents": Count("pk")}
    for name, (answered, yes) in MEASURES.items():
        result[f"{name}_n"] = Count("pk", filter=answered)
        result[f"{name}_w"] = Sum(weight, filter=answered)
        result[f"{name}_w2"] = Sum(squared, filter=answered)
        result[f"{name}_yes"] = Sum(weight, filter=answered & yes)
    return result


def _shares(row: dict) -> dict[str, Share | None]:
    return {
        name: weighted_share(
            WeightedSums(
                row[f"{name}_n"] or 0,
                row[f"{name}_w"] or 0.0,
                row[f"{name}_w2"] or 0.0,
                row[f"{name}_yes"] or 0.0,
            )
        )
        for name in MEASURES
    }


def _survey_rows(area_set: AreaSet, year: int) -> tuple[dict[int, dict], dict]:
    """Weighted sums per area in one grouped query; the city's are their sums (sums add up,
    so the city needs no second pass over the answers)."""
    wave = area_set.waves.filter(year=year).values_list("pk", flat=True).first()
    if wave is None:
        return {}, {"respondents": 0} | {key: 0 for key in _aggregates() if key != "respondents"}
    by_area = {
        row["area_id"]: row
        for row in SurveyResponse.objects.filter(wave_id=wave)
        .values("area_id")
        .annotate(**_aggregates())
    }
    city = {
        key: sum(row[key] or 0 for row in by_area.values())
        for key in ["respondents", *(k for k in _aggregates() if k != "respondents")]
    }
    return by_area, city


def _crime_rates(area_set: AreaSet, year: int) -> tuple[dict[int, float | None], float | None]:
    reports = dict(
        PoliceReportCount.objects.filter(
            area__area_set=area_set, year=year, category__in=CITIZEN_FACING
        )
        .values("area_id")
        .annotate(total=Sum("reports"))
        .values_list("area_id", "total")
    )
    residents = dict(
        AreaYear.objects.filter(area__area_set=area_set, year=year).values_list(
            "area_id", "residents"
        )
    )
    rates = {area: per_thousand(reports.get(area, 0), n) for area, n in residents.items()}
    city = per_thousand(sum(reports.values()), sum(residents.values()))
    return rates, city


@dataclass
class AreaSafety:
    area: Area | None  # None: the whole city
    respondents: int
    shares: dict[str, Share | None]
    crime_rate: float | None
    index: float | None = None
    versus_city: Difference | None = None
    versus_last_year: Difference | None = None
    flags: list[str] = field(default_factory=list)
    published: bool = True
    withheld_because: str = ""


def _thresholds() -> list[Threshold]:
    return [
        Threshold(t.name, t.measure, t.below, float(t.percent))
        for t in SafetyThreshold.objects.all()
    ]


def safety_table(area_set: AreaSet, year: int) -> tuple[list[AreaSafety], AreaSafety]:
    """Every area of the set in the year, and the city as a whole."""
    return _table(
        area_set,
        year,
        _survey_rows(area_set, year),
        _survey_rows(area_set, year - 1)[0],
        _thresholds(),
    )


def safety_history(area_set: AreaSet) -> dict[int, tuple[list[AreaSafety], AreaSafety]]:
    """Every year with a survey wave; each year's answers are summed once."""
    history = {}
    thresholds = _thresholds()
    previous: dict[int, dict] | None = None
    for year in sorted(area_set.waves.values_list("year", flat=True)):
        if previous is None:
            previous = _survey_rows(area_set, year - 1)[0]
        this_year = _survey_rows(area_set, year)
        history[year] = _table(area_set, year, this_year, previous, thresholds)
        previous = this_year[0]
    return history


def _table(
    area_set: AreaSet,
    year: int,
    this_year: tuple[dict[int, dict], dict],
    last_year: dict[int, dict],
    thresholds: list[Threshold],
) -> tuple[list[AreaSafety], AreaSafety]:
    by_area, city_row = this_year
    rates, city_rate = _crime_rates(area_set, year)
    city = AreaSafety(None, city_row["respondents"], _shares(city_row), city_rate)
    minimum = settings.SAFETY_MIN_RESPONDENTS
    rows = []
    for area in area_set.areas.order_by("name"):
        survey = by_area.get(area.pk)
        shares = _shares(survey) if survey else dict.fromkeys(MEASURES)
        row = AreaSafety(area, survey["respondents"] if survey else 0, shares, rates.get(area.pk))
        row.published, row.withheld_because = publishable(row.respondents, minimum)
        safe, city_safe = shares["safe"], city.shares["safe"]
        victim, city_victim = shares["victim"], city.shares["victim"]
        if safe and city_safe and victim and city_victim and row.crime_rate and city_rate:
            row.index = safety_index(
                safe=safe.value,
                city_safe=city_safe.value,
                not_victim=1 - victim.value,
                city_not_victim=1 - city_victim.value,
                crime_rate=row.crime_rate,
                city_crime_rate=city_rate,
            )
        if safe and city_safe:
            row.versus_city = difference(safe, city_safe)
        previous = last_year.get(area.pk)
        if safe and previous and (previous_safe := _shares(previous)["safe"]):
            row.versus_last_year = difference(safe, previous_safe)
        row.flags = flags(shares, thresholds)
        rows.append(row)
    return rows, city


# Measures a comparison or map can show: the survey shares (in %), reported crime and the index.
SHARE_MEASURES = tuple(MEASURES)


def measure_value(row: AreaSafety, measure: str) -> float | None:
    """The row's figure for a measure: a share in %, reports per 1,000 or the index; None when
    the area is withheld (too few answers) or has no figure."""
    if row.area is not None and not row.published:
        return None
    if measure == "crime":
        return row.crime_rate
    if measure == "index":
        return row.index
    share = row.shares.get(measure)
    return 100 * share.value if share else None


@dataclass(frozen=True)
class ComparedCell:
    value: float | None
    versus_city: (
        int  # +1 / -1: significantly above / below the city; 0: not (or not a survey share)
    )
    withheld: bool


@dataclass
class Comparison:
    years: list[int]
    rows: list[tuple[Area, list[ComparedCell]]]
    city: list[ComparedCell]


def districts_compared(area_set: AreaSet, measure: str) -> Comparison:
    """Every area of the set, year by year, for one measure, beside the city; survey shares
    are marked where they differ significantly from the city's (5 %, two-sided). Areas are
    ordered by their latest figure, highest first."""
    history = safety_history(area_set)
    years = list(history)
    cells: dict[Area, list[ComparedCell]] = {}
    city = []
    for rows, city_row in history.values():
        city.append(ComparedCell(measure_value(city_row, measure), 0, False))
        for row in rows:
            assert row.area is not None
            mark = 0
            if measure in SHARE_MEASURES and row.published:
                this, whole = row.shares.get(measure), city_row.shares.get(measure)
                if this and whole and (diff := difference(this, whole)).significant:
                    mark = 1 if diff.points > 0 else -1
            cells.setdefault(row.area, []).append(
                ComparedCell(measure_value(row, measure), mark, not row.published)
            )

    def latest(item: tuple[Area, list[ComparedCell]]) -> float:
        value = item[1][-1].value if item[1] else None
        return -value if value is not None else float("inf")

    return Comparison(years, sorted(cells.items(), key=latest), city)
