"""Loading Copenhagen's reference catalogue (`initiatives/seed_catalogue.py`) into the database.

Run by `sikkerby load_seed_catalogue`. Another municipality simply never runs it and starts
with an empty catalogue.
"""

from datetime import date
from decimal import Decimal

from django.db import transaction

from accounts.models import Department, Unit
from audit.actions import audit_event_record
from imports.files import parse_danish_decimal
from initiatives import seed_catalogue as seed
from initiatives.budget import MILLION
from initiatives.models import (
    Funding,
    FundingSource,
    Initiative,
    PolicyGoal,
    ReportedValue,
    SourceTable,
    SourceTableRow,
    StatedColumnTotal,
    StatusReport,
    SuccessCriterion,
)

INITIATIVE_FIELDS = {
    "name",
    "kind",
    "partners",
    "target_ssp_levels",
    "target_areas",
    "target_group",
    "economy_text",
    "activities",
    "goal",
    "policy_contribution",
    "planned_follow_up",
    "evaluated_internally",
    "evaluated_externally",
    "statistical_follow_up",
    "capacity_unit",
    "capacity_note",
    "source_document",
}


def million(text: str) -> Decimal:
    """'1,666667' (million DKK as printed) -> Decimal('1666667.00') kroner."""
    digits = text.replace("ca.", "").replace("*", "").strip()
    return (parse_danish_decimal(digits) * MILLION).quantize(Decimal("0.01"))


def _optional_decimal(value: str | None) -> Decimal | None:
    return Decimal(value) if value is not None else None


def _optional_date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def organisation_load() -> None:
    """Departments, units and funding sources; safe to run again."""
    for code, name, external in seed.DEPARTMENTS:
        Department.objects.update_or_create(
            code=code, defaults={"name": name, "is_external": external}
        )
    for code, name in seed.UNITS:
        Unit.objects.get_or_create(department=Department.objects.get(code=code), name=name)
    for code, name in seed.FUNDING_SOURCES:
        FundingSource.objects.update_or_create(code=code, defaults={"name": name})
    for code, title, source in seed.POLICY_GOALS:
        PolicyGoal.objects.update_or_create(code=code, defaults={"title": title, "source": source})


def _initiative_create(spec: dict) -> Initiative:
    departments = {d.code: d for d in Department.objects.all()}
    unit = None
    if spec.get("unit"):
        unit = Unit.objects.get(name=spec["unit"])
    initiative = Initiative(
        slug=spec["slug"],
        is_reference=True,
        anchoring_unit=unit,
        target_age_min=_optional_decimal(spec.get("target_age_min")),
        target_age_max=_optional_decimal(spec.get("target_age_max")),
        capacity_amount=_optional_decimal(spec.get("capacity_amount")),
        period_start=_optional_date(spec.get("period_start")),
        period_end=_optional_date(spec.get("period_end")),
        **{k: v for k, v in spec.items() if k in INITIATIVE_FIELDS},
    )
    initiative.full_clean()
    initiative.save()
    initiative.owning_departments.set([departments[c] for c in spec["departments"]])
    initiative.policy_goals.set(PolicyGoal.objects.filter(code__in=spec.get("goals", [])))
    sources = {s.code: s for s in FundingSource.objects.all()}
    for line in spec.get("funding", []):
        years, amount, source, department = line[:4]
        note = line[4] if len(line) > 4 else ""
        stated_in = line[5] if len(line) > 5 else spec["source_document"]
        first, last = (
            (int(years), int(years)) if isinstance(years, int) else map(int, years.split("-"))
        )
        Funding.objects.create(
            initiative=initiative,
            first_year=first,
            last_year=last,
            amount=million(amount),
            source=sources[source],
            department=departments.get(department) if department else None,
            stated_in=stated_in[:100],
            note=note,
        )
    for position, criterion_spec in enumerate(spec.get("criteria", []), start=1):
        reported = criterion_spec.get("reported", [])
        fields = {k: v for k, v in criterion_spec.items() if k not in ("reported", "goal")}
        if "goal" in criterion_spec:
            fields["measures_goal"] = PolicyGoal.objects.get(code=criterion_spec["goal"])
        fields["target_value"] = _optional_decimal(fields.get("target_value"))
        fields["age_min"] = _optional_decimal(fields.get("age_min"))
        fields["age_max"] = _optional_decimal(fields.get("age_max"))
        fields["period_start"] = _optional_date(fields.get("period_start"))
        fields["period_end"] = _optional_date(fields.get("period_end"))
        criterion = SuccessCriterion.objects.create(
            initiative=initiative, position=position, **fields
        )
        for period, value, note in reported:
            ReportedValue.objects.create(
                criterion=criterion,
                period=period,
                value=parse_danish_decimal(value),
                note=note,
                reported_by="kildedokument",
            )
    for period, text in spec.get("status", {}).items():
        StatusReport.objects.create(initiative=initiative, period=period, text=text)
    return initiative


def _source_tables_load() -> None:
    for (
        key,
        title,
        source,
        first,
        last,
        note,
        rows,
        column_totals,
        grand_total,
    ) in seed.SOURCE_TABLES:
        table = SourceTable.objects.create(
            key=key,
            title=title,
            source_document=source,
            first_year=first,
            last_year=last,
            note=note,
        )
        for position, (label, slug, printed) in enumerate(rows, start=1):
            SourceTableRow.objects.create(
                table=table,
                position=position,
                label=label,
                initiative=Initiative.objects.get(slug=slug),
                stated_total=million(printed) if printed else None,
                printed_total=printed,
            )
        for year, printed in column_totals.items():
            StatedColumnTotal.objects.create(
                table=table, year=year, amount=million(printed), printed=printed
            )
        if grand_total:
            StatedColumnTotal.objects.create(
                table=table, year=None, amount=million(grand_total), printed=grand_total
            )


@transaction.atomic
def reference_catalogue_load(*, by=None, replace: bool = False) -> int:
    """Load the reference catalogue. Without `replace`, does nothing if it is already there."""
    organisation_load()
    existing = Initiative.objects.filter(is_reference=True)
    if existing.exists():
        if not replace:
            return 0
        existing.delete()
        SourceTable.objects.all().delete()
    for spec in seed.INITIATIVES:
        _initiative_create(spec)
    _source_tables_load()
    audit_event_record(
        by=by,
        action="catalogue.load_reference",
        object_type="initiatives.initiative",
        object_repr="Københavns referencekatalog",
        changes={"initiatives": [None, len(seed.INITIATIVES)]},
    )
    return len(seed.INITIATIVES)


# The reference catalogue's area goals and the districts the demo measures them on (the
# seeds' own areas — Tingbjerg/Utterslevhuse, Sundbyvester — lie in these districts).
AREA_GOAL_DISTRICTS = {
    "tingbjerg-husum-partnerskab": "Brønshøj-Husum",
    "amager-partnerskab": "Amager Vest",
}


# SSP resource goals and the SSP district (by its number) each is about (003: "distrikt 15
# Sundbyvester").
SSP_RESOURCE_DISTRICTS = {"amager-partnerskab": "15"}


def area_goals_link() -> int:
    """Link the area goals not yet linked to the district their area lies in, and the SSP
    resource goals to their SSP district."""
    from areas.models import Area, AreaKind

    linked = 0
    for slug, code in SSP_RESOURCE_DISTRICTS.items():
        district = Area.objects.filter(area_set__kind=AreaKind.SSP_DISTRICT, code=code).first()
        if district is not None:
            linked += SuccessCriterion.objects.filter(
                initiative__slug=slug, kind="ssp_resource_use", area__isnull=True
            ).update(area=district)
    for slug, district in AREA_GOAL_DISTRICTS.items():
        area = Area.objects.filter(area_set__key="bydele", name=district).first()
        if area is not None:
            linked += (
                SuccessCriterion.objects.filter(
                    initiative__slug=slug, kind="area_vs_city", area__isnull=True
                )
                .exclude(statuses="")
                .update(area=area)
            )
    return linked
