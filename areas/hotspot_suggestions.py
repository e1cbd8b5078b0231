"""Suggested hotspots: Gi* on citizen-facing reported crime per 1,000 residents a year, over
the areas of one set that have outlines, for a chosen run of years. A suggestion is a place
to look, not a designation: the secretariat designates hotspots on the hotspots page."""

from dataclasses import dataclass, field

from django.db.models import Sum
from django.utils.translation import gettext as _

from areas.gi_star import GiStar, gi_star, touching
from areas.models import CITIZEN_FACING, Area, AreaSet, AreaYear, PoliceReportCount

# Fewer areas than this and a "cluster" is most of the map: the page says so instead.
MIN_AREAS = 8


@dataclass
class AreaCrime:
    area: Area
    reports: int
    resident_years: int
    gi: GiStar | None = None

    @property
    def rate(self) -> float:
        """Reports per 1,000 residents a year over the chosen years."""
        return 1000 * self.reports / self.resident_years


@dataclass
class HotspotSuggestions:
    area_set: AreaSet
    first_year: int
    last_year: int
    rows: list[AreaCrime] = field(default_factory=list)
    left_out: list[tuple[Area, str]] = field(default_factory=list)
    cutoff: float | None = None
    alpha: float = 0.05
    permutations: int = 9999
    refused_because: str = ""

    @property
    def hot(self) -> list[AreaCrime]:
        return [row for row in self.rows if row.gi and row.gi.cluster == "hot"]


def police_years(area_set: AreaSet) -> list[int]:
    return list(
        PoliceReportCount.objects.filter(area__area_set=area_set)
        .order_by("year")
        .values_list("year", flat=True)
        .distinct()
    )


def hotspot_suggestions(
    area_set: AreaSet,
    first_year: int,
    last_year: int,
    *,
    alpha: float = 0.05,
    permutations: int = 9999,
) -> HotspotSuggestions:
    """Every area of the set with its reports, residents and Gi*; areas without an outline or
    without residents are listed as left out, with the reason."""
    result = HotspotSuggestions(
        area_set, first_year, last_year, alpha=alpha, permutations=permutations
    )
    years = {"year__gte": first_year, "year__lte": last_year}
    reports = dict(
        PoliceReportCount.objects.filter(
            area__area_set=area_set, category__in=CITIZEN_FACING, **years
        )
        .values("area_id")
        .annotate(total=Sum("reports"))
        .values_list("area_id", "total")
    )
    resident_years = dict(
        AreaYear.objects.filter(area__area_set=area_set, **years)
        .values("area_id")
        .annotate(total=Sum("residents"))
        .values_list("area_id", "total")
    )
    for area in area_set.areas.order_by("code"):
        if not area.geometry:
            result.left_out.append((area, _("intet omrids")))
        elif not resident_years.get(area.pk):
            result.left_out.append((area, _("intet beboertal i perioden")))
        else:
            result.rows.append(AreaCrime(area, reports.get(area.pk, 0), resident_years[area.pk]))
    if len(result.rows) < MIN_AREAS:
        result.refused_because = _(
            "Gi* kræver mindst %(minimum)d områder med omrids og beboertal; der er %(count)d."
        ) % {"minimum": MIN_AREAS, "count": len(result.rows)}
        return result
    neighbours = touching([row.area.geometry for row in result.rows])
    scores, result.cutoff = gi_star(
        [row.rate for row in result.rows], neighbours, alpha=alpha, permutations=permutations
    )
    for row, score in zip(result.rows, scores, strict=True):
        row.gi = score
    result.rows.sort(key=lambda row: -row.gi.z if row.gi else 0)
    return result
