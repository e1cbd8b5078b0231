"""Seed 002's goals for the housing areas, from the areas' yearly figures: "no new vulnerable
areas" (Copenhagen's own classification, year against a baseline year) and "the share of
adults outside the labour market falls by 10 points" (in the areas that were vulnerable in
the baseline year, over all their housing sections)."""

from dataclasses import dataclass

from django.db.models import Sum

from areas.models import AreaKind, AreaType, AreaTypeYear, SectionYear


def housing_figure_years() -> list[int]:
    return list(
        AreaTypeYear.objects.filter(area__area_set__kind=AreaKind.HOUSING_AREA)
        .order_by("year")
        .values_list("year", flat=True)
        .distinct()
    )


def _vulnerable(year: int) -> set[str]:
    return set(
        AreaTypeYear.objects.filter(
            area__area_set__kind=AreaKind.HOUSING_AREA, year=year, area_type=AreaType.VULNERABLE
        ).values_list("area__name", flat=True)
    )


@dataclass(frozen=True)
class NewVulnerable:
    baseline_year: int
    year: int
    baseline: int  # vulnerable areas in the baseline year
    now: int
    new: list[str]  # vulnerable now, not in the baseline year


def new_vulnerable_areas(baseline_year: int, year: int) -> NewVulnerable:
    before, now = _vulnerable(baseline_year), _vulnerable(year)
    return NewVulnerable(baseline_year, year, len(before), len(now), sorted(now - before))


@dataclass(frozen=True)
class LabourMarketChange:
    baseline_year: int
    year: int
    areas: list[str]
    share_before: float  # 0..1
    share_now: float

    @property
    def points(self) -> float:
        return 100 * (self.share_now - self.share_before)


def outside_labour_market_change(baseline_year: int, year: int) -> LabourMarketChange | None:
    """The share of adults outside the labour market in the areas vulnerable in the baseline
    year, then and in `year`; None without figures for both years."""
    areas = _vulnerable(baseline_year)

    def share(in_year: int) -> float | None:
        sums = SectionYear.objects.filter(
            section__area__area_set__kind=AreaKind.HOUSING_AREA,
            section__area__name__in=areas,
            year=in_year,
        ).aggregate(adults=Sum("adults"), outside=Sum("adults_outside_labour_market"))
        return sums["outside"] / sums["adults"] if sums["adults"] else None

    before, now = share(baseline_year), share(year)
    if not areas or before is None or now is None:
        return None
    return LabourMarketChange(baseline_year, year, sorted(areas), before, now)
