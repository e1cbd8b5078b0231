"""The areas part's reference places and a labelled synthetic history for them.

The 10 administrative districts and the housing areas the seeds name are real; their yearly
figures here are synthetic, made to retell seed 002's story: under the old rule the list
shrank to 2 areas by 2009 as the areas improved, and the rule change of 1 January 2010 put
6 on it."""

import random
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from areas.models import (
    CITIZEN_FACING,
    AcuteIncident,
    Area,
    AreaKind,
    AreaSet,
    AreaType,
    AreaTypeYear,
    AreaYear,
    Hotspot,
    HousingSection,
    PoliceReportCount,
    SectionYear,
    SurveyResponse,
    SurveyWave,
    TransferIncomeFigure,
)

# Schematic outlines on a 100 × 100 grid (north up), roughly where the districts lie: for the
# demo map only, and labelled as schematic wherever they are drawn.
SCHEMATIC_CELLS = {
    "Bispebjerg": (20, 70, 45, 95),
    "Østerbro": (45, 65, 75, 95),
    "Brønshøj-Husum": (0, 65, 20, 95),
    "Vanløse": (0, 40, 20, 65),
    "Nørrebro": (20, 50, 45, 70),
    "Indre By": (45, 40, 70, 65),
    "Vesterbro/Kongens Enghave": (20, 20, 45, 50),
    "Valby": (0, 10, 20, 40),
    "Amager Vest": (45, 5, 70, 40),
    "Amager Øst": (70, 5, 100, 40),
}


def schematic_polygon(name: str) -> dict:
    west, south, east, north = SCHEMATIC_CELLS[name]
    ring = [[west, south], [east, south], [east, north], [west, north], [west, south]]
    return {"type": "Polygon", "coordinates": [ring]}


DISTRICTS = [
    "Indre By",
    "Østerbro",
    "Nørrebro",
    "Vesterbro/Kongens Enghave",
    "Valby",
    "Vanløse",
    "Brønshøj-Husum",
    "Bispebjerg",
    "Amager Øst",
    "Amager Vest",
]
YEARS = range(2006, 2013)
# Housing area: (district, residents, the worst section's % of adults outside the labour
# market in 2006..2012).
HOUSING_AREAS = {
    "Tingbjerg/Utterslevhuse": ("Brønshøj-Husum", 6500, [58, 57, 55, 53, 51, 49, 47]),
    "Mjølnerparken": ("Nørrebro", 1800, [60, 58, 56, 54, 52, 50, 48]),
    "Akacieparken": ("Valby", 1300, [52, 49, 48, 47, 46, 44, 41]),
    "Lundtoftegade": ("Nørrebro", 1500, [55, 53, 52, 49, 45, 43, 42]),
    "Aldersrogade/Vognvænget": ("Østerbro", 1100, [48, 47, 46, 45, 44, 42, 40]),
    "Bispeparken": ("Bispebjerg", 1250, [46, 45, 44, 43, 42, 39, 38]),
    "Blågården": ("Nørrebro", 1700, [38, 37, 37, 36, 35, 35, 34]),
    "Husum": ("Brønshøj-Husum", 2200, [35, 35, 34, 34, 33, 33, 32]),
    "Voldparken": ("Brønshøj-Husum", 2400, [36, 36, 35, 35, 34, 33, 33]),
    "Urbanplanen": ("Amager Vest", 5000, [39, 39, 38, 38, 37, 36, 36]),
    "Holmbladskvarteret": ("Amager Øst", 900, [45, 45, 44, 44, 43, 42, 41]),
    "Haraldsgade": ("Bispebjerg", 1600, [37, 37, 36, 36, 35, 35, 34]),
    "Sjælør Boulevard": ("Vesterbro/Kongens Enghave", 1400, [34, 34, 33, 33, 32, 32, 31]),
}


@dataclass
class DemoAreas:
    districts: int = 0
    housing_areas: int = 0
    figures: int = 0
    survey_responses: int = 0
    safety_index_areas: int = 0


def _area_type(share: int, residents: int) -> str:
    """The demo's stand-in for Copenhagen's own classification (its criteria are not in the
    seeds): vulnerable above 50 %, high-risk above 40 %, risk above 30 %."""
    if share > 50 and residents >= 1200:
        return AreaType.VULNERABLE
    if share > 40:
        return AreaType.HIGH_RISK
    return AreaType.RISK if share > 30 else AreaType.NEUTRAL


# District: (residents, share safe in the neighbourhood in 2009, citizen-facing reports per
# 1,000 residents in 2009). Synthetic, in the range the municipality's reports show.
DISTRICT_PROFILES = {
    "Indre By": (50_000, 0.84, 160),
    "Østerbro": (75_000, 0.93, 55),
    "Nørrebro": (78_000, 0.78, 95),
    "Vesterbro/Kongens Enghave": (62_000, 0.80, 110),
    "Valby": (50_000, 0.90, 50),
    "Vanløse": (38_000, 0.93, 40),
    "Brønshøj-Husum": (41_000, 0.80, 60),
    "Bispebjerg": (52_000, 0.81, 65),
    "Amager Øst": (53_000, 0.89, 50),
    "Amager Vest": (70_000, 0.85, 58),
}
FIRST_SURVEY_YEAR = 2009
RESPONSES_PER_DISTRICT = 500


def survey_years() -> range:
    """One time frame for the demo: yearly waves from the seeds' first (2009) through this
    year, so the seed years' criteria and the current half-year report both have figures."""
    return range(FIRST_SURVEY_YEAR, timezone.localdate().year + 1)


def _progress(year: int) -> float:
    """Years of improvement since 2009: steady to 2014 (the seeds' period), slower after."""
    return min(year - 2009, 5) + 0.3 * max(0, year - 2014)


CATEGORY_SHARES = {"burglary": 0.2, "robbery": 0.05, "theft": 0.6, "violence": 0.15}


def city_districts_create() -> tuple[dict[str, Area], int]:
    """Copenhagen's 10 districts (schematic outlines) and SSP's districts within them: the
    area sets a case's district and the troubled-areas report's districts come from.
    Returns the districts by name and how many were new."""
    districts_set, _ = AreaSet.objects.get_or_create(
        key="bydele",
        defaults={"name": "Københavns 10 bydele", "kind": AreaKind.DISTRICT},
    )
    districts, new = {}, 0
    for number, name in enumerate(DISTRICTS, start=1):
        districts[name], created = Area.objects.get_or_create(
            area_set=districts_set,
            code=f"{number:02d}",
            defaults={
                "name": name,
                "geometry": schematic_polygon(name),
                "geometry_is_schematic": True,
            },
        )
        new += created
    _ssp_districts_create(districts)
    return districts, new


@transaction.atomic
def demo_areas_create() -> DemoAreas:
    """Safe to run again: nothing is created twice."""
    made = DemoAreas()
    districts, made.districts = city_districts_create()
    housing_set, _ = AreaSet.objects.get_or_create(
        key="almene-boligomraader",
        defaults={
            "name": "Almene boligområder",
            "kind": AreaKind.HOUSING_AREA,
            "note": "Navnene er fra kildedokumenterne; tallene er syntetiske demotal.",
        },
    )
    for code, (name, (district, residents, shares)) in enumerate(HOUSING_AREAS.items(), 1):
        area, created = Area.objects.get_or_create(
            area_set=housing_set,
            code=f"B{code:02d}",
            defaults={"name": name, "parent": districts[district]},
        )
        made.housing_areas += created
        if not created:
            continue
        worst = HousingSection.objects.create(area=area, name="Afdeling 1")
        other = HousingSection.objects.create(area=area, name="Afdeling 2")
        for year, share in zip(YEARS, shares, strict=True):
            adults = round(residents * 0.35)
            AreaYear.objects.create(area=area, year=year, residents=residents)
            SectionYear.objects.create(
                section=worst,
                year=year,
                adults=adults,
                adults_outside_labour_market=round(adults * Decimal(share) / 100 + Decimal("0.4")),
            )
            SectionYear.objects.create(
                section=other,
                year=year,
                adults=adults,
                adults_outside_labour_market=round(adults * Decimal(share - 8) / 100),
            )
            AreaTypeYear.objects.create(
                area=area, year=year, area_type=_area_type(share, residents)
            )
            made.figures += 1
    made.survey_responses = _safety_history_create(AreaSet.objects.get(key="bydele"), districts)
    made.safety_index_areas = _safety_index_districts_create(districts)
    _acute_incidents_create()
    _transfer_income_extract_load()
    _hotspot_create(districts)
    return made


def _hotspot_create(districts: dict[str, Area]) -> None:
    """One designated hotspot (the name and goals are illustrations, not from the seeds)."""
    from accounts.models import Unit

    by = User.objects.filter(is_superuser=True).first() or User.objects.first()
    unit = Unit.objects.filter(name__icontains="SSP").first() or Unit.objects.first()
    if by is None or unit is None or Hotspot.objects.exists():
        return
    Hotspot.objects.create(
        name="Blågårds Plads (demo)",
        area=districts["Nørrebro"],
        goals="Færre anmeldelser om aftenen og natten; flere beboere, der føler sig trygge "
        "på pladsen efter mørkets frembrud.",
        responsible_unit=unit,
        period_start=date(2013, 1, 1),
        period_end=date(2014, 12, 31),
        created_by=by,
    )


REFERENCE_EXTRACT = Path(__file__).parent / "reference" / "overfoerselsindkomst-2006-2008.csv"


def _transfer_income_extract_load() -> None:
    """A constructed register extract (synthetic) that reproduces seed 002's 2006–2008
    transfer-income table, so the evaluation page shows the seed's figures."""
    from areas.transfer_income import transfer_income_import

    by = User.objects.filter(is_superuser=True).first() or User.objects.first()
    if by is None or TransferIncomeFigure.objects.exists():
        return
    transfer_income_import(
        by=by,
        start=2006,
        end=2008,
        filename=REFERENCE_EXTRACT.name,
        data=REFERENCE_EXTRACT.read_bytes(),
    )


def _safety_history_create(districts_set: AreaSet, districts: dict[str, Area]) -> int:
    """Yearly survey waves with weighted answers and the police's report counts from 2009 to
    this year, slowly improving, Nørrebro and Brønshøj-Husum fastest (the partnerships'
    areas)."""
    by = User.objects.filter(is_superuser=True).first() or User.objects.first()
    if by is None or SurveyWave.objects.filter(area_set=districts_set).exists():
        return 0
    rng = random.Random(2014)
    responses = []
    for year in survey_years():
        wave = SurveyWave.objects.create(
            area_set=districts_set,
            year=year,
            name=f"Tryghedsundersøgelsen {year} (syntetisk)",
            invited=len(districts) * RESPONSES_PER_DISTRICT * 3,
            responded=len(districts) * RESPONSES_PER_DISTRICT,
            imported_by=by,
        )
        for name, area in districts.items():
            residents, safe_2009, crime_2009 = DISTRICT_PROFILES[name]
            gain = 0.012 if name in ("Nørrebro", "Brønshøj-Husum") else 0.006
            safe = min(0.97, safe_2009 + gain * _progress(year))
            AreaYear.objects.get_or_create(
                area=area, year=year, defaults={"residents": residents + 400 * (year - 2009)}
            )
            for _ in range(RESPONSES_PER_DISTRICT):
                feeling = rng.random()
                responses.append(
                    SurveyResponse(
                        wave=wave,
                        area=area,
                        weight=Decimal(str(round(rng.lognormvariate(0, 0.35), 4))),
                        neighbourhood="safe"
                        if feeling < safe
                        else ("unsafe" if feeling < safe + (1 - safe) / 2 else "neither"),
                        evening_safe=rng.random() < safe - 0.05,
                        night_safe=rng.random() < safe - 0.17,
                        victim=rng.random() < 0.06 + (1 - safe) * 0.35,
                    )
                )
            reports = crime_2009 * (1 - (gain * 2.5) * _progress(year)) * residents / 1000
            for category in CITIZEN_FACING:
                PoliceReportCount.objects.create(
                    area=area,
                    year=year,
                    category=category,
                    reports=round(reports * CATEGORY_SHARES[category] * rng.uniform(0.93, 1.07)),
                )
            PoliceReportCount.objects.create(
                area=area, year=year, category="other", reports=round(reports * 0.4)
            )
    SurveyResponse.objects.bulk_create(responses, batch_size=5000)
    return len(responses)


# The seeds' safety index measured 35 districts within the 10 (seed 004); their names and
# borders are not in the seeds, so the demo divides each schematic district into parts.
SAFETY_INDEX_PARTS = {
    "Indre By": 4,
    "Østerbro": 4,
    "Nørrebro": 4,
    "Vesterbro/Kongens Enghave": 4,
    "Valby": 3,
    "Vanløse": 2,
    "Brønshøj-Husum": 3,
    "Bispebjerg": 3,
    "Amager Øst": 4,
    "Amager Vest": 4,
}
PART_NAMES = {
    2: ["Vest", "Øst"],
    3: ["Vest", "Midt", "Øst"],
    4: ["Sydvest", "Sydøst", "Nordvest", "Nordøst"],
}
# The demo's true hotspots: a cluster in the centre (Nørrebro's south-east touches Indre By
# and Vesterbro) and one estate-sized spot in Brønshøj-Husum's west, with this many times the
# district's rate of reports.
TRUE_HOTSPOTS = {
    ("Nørrebro", "Sydøst"): 2.6,
    ("Indre By", "Sydvest"): 1.9,
    ("Vesterbro/Kongens Enghave", "Nordøst"): 2.2,
    ("Brønshøj-Husum", "Vest"): 2.0,
}


def _part_cells(name: str, parts: int) -> list[tuple[float, float, float, float]]:
    west, south, east, north = SCHEMATIC_CELLS[name]
    if parts == 4:
        mid_x, mid_y = (west + east) / 2, (south + north) / 2
        return [
            (west, south, mid_x, mid_y),
            (mid_x, south, east, mid_y),
            (west, mid_y, mid_x, north),
            (mid_x, mid_y, east, north),
        ]
    step = (east - west) / parts
    return [(west + i * step, south, west + (i + 1) * step, north) for i in range(parts)]


def _safety_index_districts_create(districts: dict[str, Area]) -> int:
    """The 35 safety-index districts of 2009–2016 with residents and police report counts
    for those years (synthetic), for the hotspot suggestions: crime falls slowly everywhere
    and stays high in the true hotspots."""
    index_set, created = AreaSet.objects.get_or_create(
        key="tryghedsindeks-35",
        defaults={
            "name": "Tryghedsindeksets 35 distrikter (2009–2016)",
            "kind": AreaKind.SAFETY_INDEX,
            "valid_from": date(2009, 1, 1),
            "valid_to": date(2016, 12, 31),
            "note": "Demoens inddeling og tal er syntetiske: de rigtige distrikters navne og "
            "grænser står ikke i kildedokumenterne.",
        },
    )
    if not created:
        return 0
    rng = random.Random(35)
    made = 0
    for name, parts in SAFETY_INDEX_PARTS.items():
        district = districts[name]
        residents, _, crime_2009 = DISTRICT_PROFILES[name]
        for part, cell in zip(PART_NAMES[parts], _part_cells(name, parts), strict=True):
            west, south, east, north = cell
            area = Area.objects.create(
                area_set=index_set,
                code=f"{district.code}{PART_NAMES[parts].index(part) + 1}",
                name=f"{name} {part}",
                parent=district,
                geometry={
                    "type": "Polygon",
                    "coordinates": [
                        [[west, south], [east, south], [east, north], [west, north], [west, south]]
                    ],
                },
                geometry_is_schematic=True,
            )
            made += 1
            people = round(residents / parts * rng.uniform(0.85, 1.15))
            rate = crime_2009 * TRUE_HOTSPOTS.get((name, part), rng.uniform(0.75, 1.2))
            for year in range(2009, 2017):
                AreaYear.objects.create(area=area, year=year, residents=people)
                reports = rate * (1 - 0.02 * _progress(year)) * people / 1000
                PoliceReportCount.objects.bulk_create(
                    PoliceReportCount(
                        area=area,
                        year=year,
                        category=category,
                        reports=round(reports * share * rng.uniform(0.9, 1.1)),
                    )
                    for category, share in CATEGORY_SHARES.items()
                )
    return made


def _ssp_districts_create(districts: dict[str, Area]) -> None:
    """SSP's numbered districts, each within its city district (the demo's illustrative
    numbering, as in the cases' demo population; the seeds name 15 Sundbyvester)."""
    from cases.demo_population import DEMO_SSP_DISTRICTS

    ssp_set, _ = AreaSet.objects.get_or_create(
        key="ssp-distrikter",
        defaults={"name": "SSP-distrikter", "kind": AreaKind.SSP_DISTRICT},
    )
    for city_district, ssp_name in DEMO_SSP_DISTRICTS.items():
        Area.objects.update_or_create(
            area_set=ssp_set,
            code=ssp_name.split(" ")[0],
            defaults={"name": ssp_name, "parent": districts[str(city_district.label)]},
        )


# District (code): (places, incidents in the last 12 months). Synthetic: more where the seeds'
# areas are.
DEMO_INCIDENTS = {
    "noerrebro": (["Blågårds Plads", "Mjølnerparken", "Nørrebroparken"], 14),
    "broenshoej-husum": (["Tingbjerg Torv", "Husum Torv"], 9),
    "vesterbro": (["Istedgade", "Sjælør Boulevard"], 7),
    "bispebjerg": (["Bispeparken", "Lundtoftegade"], 6),
    "amager-vest": (["Urbanplanen", "Sundbyvester Plads"], 5),
    "valby": (["Akacieparken"], 3),
    "indre-by": (["Kongens Nytorv"], 2),
}
INCIDENT_KINDS = ["unrest", "unrest", "unrest", "vandalism", "fire", "weapon"]


def _acute_incidents_create() -> None:
    """Acute incidents over the last 12 months, so this half-year's report has some."""
    by = User.objects.filter(is_superuser=True).first() or User.objects.first()
    if by is None or AcuteIncident.objects.exists():
        return
    rng = random.Random(112)
    today = timezone.localdate()
    AcuteIncident.objects.bulk_create(
        AcuteIncident(
            district=district,
            place=rng.choice(places),
            occurred_on=today - timedelta(days=rng.randrange(365)),
            kind=rng.choice(INCIDENT_KINDS),
            description="Syntetisk demohændelse.",
            recorded_by=by,
        )
        for district, (places, count) in DEMO_INCIDENTS.items()
        for _ in range(count)
    )
