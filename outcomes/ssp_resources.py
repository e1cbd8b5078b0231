"""SSP's resource use in a district against the city's norm (003, Amager Partnerskab: "SSP
Københavns ressourceforbrug i distrikt 15 Sundbyvester (Amager Vest) skal falde hen imod et
normalt niveau").

The seed names no measure, so this is the definition (docs/decisions/0012): SSP's work is
its cases, and a district's resource use in a year is its share of the city's SSP cases open
at some time that year. The normal level is an even share, 1 ÷ the number of SSP districts
(the city's average per district). The index is the share over the normal share: 1,0 is
normal, 1,5 half as many cases again as the average district. Case weights by level are
not used: the seeds give none.
"""

from dataclasses import dataclass
from datetime import date

from areas.models import Area
from areas.queries import ssp_districts
from areas.safety import Share, difference
from cases.models import SspCase
from cases.queries import ssp_cases_by_district
from outcomes.measures import Verdict, wilson_interval


@dataclass(frozen=True)
class DistrictResourceUse:
    year: int
    start: date
    end: date
    cases: int  # the district's cases open at some time in the period
    city_cases: int
    districts: int  # SSP districts in the city

    @property
    def share(self) -> float:
        return self.cases / self.city_cases

    @property
    def normal_share(self) -> float:
        return 1 / self.districts

    @property
    def index(self) -> float:
        return self.share / self.normal_share

    @property
    def interval(self) -> tuple[float, float]:
        return wilson_interval(self.cases, self.city_cases)

    def as_share(self) -> Share:
        low, high = self.interval
        return Share(self.share, self.city_cases, float(self.city_cases), low, high)


def district_resource_use(district: Area, year: int, as_of: date) -> DistrictResourceUse | None:
    """The district's resource use in a calendar year (up to as_of in the running year);
    None without SSP districts or without cases in the city."""
    start, end = date(year, 1, 1), min(date(year, 12, 31), as_of)
    districts = len(ssp_districts())
    by_district = ssp_cases_by_district(start, end)
    city_cases = sum(by_district.values())
    if not districts or not city_cases:
        return None
    return DistrictResourceUse(
        year, start, end, by_district.get(district.name, 0), city_cases, districts
    )


def first_case_year() -> int | None:
    first = SspCase.objects.order_by("reported_on").values_list("reported_on", flat=True).first()
    return first.year if first else None


def falls_towards_normal(
    first: DistrictResourceUse, last: DistrictResourceUse
) -> tuple[Verdict, str]:
    """Met when the district is at the normal level or below, or its share has fallen
    significantly since the first year; otherwise not met."""
    if last.share <= last.normal_share:
        return Verdict.MET, "på normalt niveau eller derunder"
    change = difference(last.as_share(), first.as_share())
    significance = "signifikant" if change.significant else "ikke signifikant"
    note = f"{change.points:+.1f} point mod {first.year} ({significance})".replace(".", ",")
    if change.significant and change.points < 0:
        return Verdict.MET, note
    return Verdict.NOT_MET, note
