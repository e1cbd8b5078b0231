"""Which housing areas qualify for the designation list in which year, under the rule in force
that year (and, to show what a rule change did, under the version before it), and letting
decisions counted per area and year."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q
from django.db.models.functions import ExtractYear

from areas.models import (
    Area,
    AreaKind,
    AreaType,
    AreaTypeYear,
    AreaYear,
    DesignationRuleVersion,
    LettingDecision,
    LettingRuleVersion,
    SectionYear,
)
from areas.rules import (
    Designation,
    DesignationRule,
    LettingRule,
    SectionFigures,
    designation_test,
    rule_in_force,
)


def designation_rules() -> list[DesignationRule]:
    return [
        DesignationRule(r.name, r.takes_effect, r.min_residents, r.section_share_above, r.source)
        for r in DesignationRuleVersion.objects.all()
    ]


def letting_rule_on(day: date) -> tuple[LettingRuleVersion, LettingRule] | None:
    versions = {v.takes_effect: v for v in LettingRuleVersion.objects.filter(takes_effect__lte=day)}
    rule = rule_in_force(
        [
            LettingRule(
                v.name,
                v.takes_effect,
                v.max_consecutive_months,
                frozenset(b.strip() for b in v.benefits.split(",") if b.strip()),
                v.scheme_start,
                v.source,
            )
            for v in versions.values()
        ],
        day,
    )
    return (versions[rule.takes_effect], rule) if rule else None


@dataclass(frozen=True)
class YearDesignation:
    year: int
    rule: DesignationRule | None
    current: Designation | None  # under the rule in force on 1 January of the year
    previous: Designation | None  # under the version before it (None if none or the same)


def housing_area_designations(years: range) -> dict[Area, list[YearDesignation]]:
    """For every housing area and year: the designation test under the year's rule."""
    rules = designation_rules()
    areas = list(Area.objects.filter(area_set__kind=AreaKind.HOUSING_AREA).order_by("name"))
    residents = {
        (row.area_id, row.year): row.residents
        for row in AreaYear.objects.filter(area__in=areas, year__in=years)
    }
    sections: dict[tuple[int, int], list[SectionFigures]] = defaultdict(list)
    for row in SectionYear.objects.filter(section__area__in=areas, year__in=years).select_related(
        "section"
    ):
        sections[(row.section.area_id, row.year)].append(
            SectionFigures(row.section.name, row.adults, row.adults_outside_labour_market)
        )
    result: dict[Area, list[YearDesignation]] = {}
    for area in areas:
        rows = []
        for year in years:
            rule = rule_in_force(rules, date(year, 1, 1))
            earlier = [r for r in rules if rule and r.takes_effect < rule.takes_effect]
            previous_rule = max(earlier, key=lambda r: r.takes_effect) if earlier else None
            key = (area.pk, year)
            if rule is None or key not in residents:
                rows.append(YearDesignation(year, rule, None, None))
                continue
            current = designation_test(residents[key], sections[key], rule)
            previous = (
                designation_test(residents[key], sections[key], previous_rule)
                if previous_rule
                else None
            )
            rows.append(YearDesignation(year, rule, current, previous))
        result[area] = rows
    return result


def designated_in(area: Area, year: int) -> bool:
    """Whether the housing area is on the designation list that applies in `year`: the list
    of that year, or of the latest year before it with figures (a list applies until the
    next is made), each judged under its own year's rule."""
    latest = (
        AreaYear.objects.filter(area=area, year__lte=year)
        .order_by("-year")
        .values_list("year", flat=True)
        .first()
    )
    if latest is None:
        return False
    rows = housing_area_designations(range(latest, latest + 1)).get(area, [])
    return any(row.current is not None and row.current.qualifies for row in rows)


@dataclass(frozen=True)
class YearChange:
    year: int
    rule: DesignationRule | None
    listed: list[str]
    joined: list[str]
    left: list[str]
    under_previous_rule: int | None  # how many the version before would have listed


def designation_changes(by_area: dict[Area, list[YearDesignation]]) -> list[YearChange]:
    """Per year: the areas on the list, which joined and which left since the year before."""
    years = sorted({row.year for rows in by_area.values() for row in rows})
    listed_by_year = {
        year: sorted(
            area.name
            for area, rows in by_area.items()
            for row in rows
            if row.year == year and row.current and row.current.qualifies
        )
        for year in years
    }
    changes = []
    for index, year in enumerate(years):
        before = set(listed_by_year[years[index - 1]]) if index else set()
        now = listed_by_year[year]
        previous_counts = [
            row.previous.qualifies
            for rows in by_area.values()
            for row in rows
            if row.year == year and row.previous is not None
        ]
        rule = next(
            (row.rule for rows in by_area.values() for row in rows if row.year == year), None
        )
        changes.append(
            YearChange(
                year,
                rule,
                now,
                sorted(set(now) - before) if index else [],
                sorted(before - set(now)) if index else [],
                sum(previous_counts) if previous_counts else None,
            )
        )
    return changes


def letting_decisions_per_area_and_year() -> list[dict]:
    """Approved and rejected decisions per area and year (no person: counts of applications)."""
    return list(
        LettingDecision.objects.annotate(year=ExtractYear("applied_on"))
        .values("area__name", "year")
        .annotate(
            approved_count=Count("pk", filter=Q(approved=True, covered=True)),
            rejected_count=Count("pk", filter=Q(approved=False, covered=True)),
            not_covered_count=Count("pk", filter=Q(covered=False)),
            replacement_count=Count("pk", filter=Q(replacement_dwelling_duty=True)),
        )
        .order_by("area__name", "year")
    )


@dataclass(frozen=True)
class AreaTypes:
    years: list[int]
    by_area: list[tuple[Area, list[str]]]  # the type's label per year ("" when unclassified)
    counts: list[tuple[str, list[int]]]  # per type: how many areas had it, per year


def area_types_by_year(years: range) -> AreaTypes:
    """Copenhagen's classification of the housing areas (vulnerable, high-risk, risk,
    neutral), year by year, and how many areas had each type."""
    labels = dict(AreaType.choices)
    types = {
        (row.area_id, row.year): row.area_type
        for row in AreaTypeYear.objects.filter(
            area__area_set__kind=AreaKind.HOUSING_AREA, year__in=years
        )
    }
    areas = Area.objects.filter(area_set__kind=AreaKind.HOUSING_AREA).order_by("name")
    by_area = [
        (area, [str(labels.get(types.get((area.pk, year), ""), "")) for year in years])
        for area in areas
    ]
    counts = [
        (
            str(label),
            [sum(1 for (_, y), t in types.items() if y == year and t == kind) for year in years],
        )
        for kind, label in AreaType.choices
    ]
    return AreaTypes(list(years), by_area, counts)


def ssp_district_names_in(city_district: str) -> list[str]:
    """The names of SSP's districts within a city district (the SSP district's parent area)."""
    return list(
        Area.objects.filter(
            area_set__kind=AreaKind.SSP_DISTRICT, parent__name=city_district
        ).values_list("name", flat=True)
    )


def ssp_districts() -> list[Area]:
    """SSP's districts (the area sets of that kind), in their numbering order: the only
    districts an SSP case can be registered in."""
    areas = Area.objects.filter(area_set__kind=AreaKind.SSP_DISTRICT)
    return sorted(areas, key=lambda a: (int(a.code) if a.code.isdecimal() else 10**6, a.name))
