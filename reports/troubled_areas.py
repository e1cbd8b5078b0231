"""The troubled-areas report's figures (per district and for the city) and its workflow.
Figures are computed live while the report is a draft and frozen into it on approval."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from accounts.models import User
from areas.models import AreaSet
from areas.safety_queries import safety_table
from audit.actions import audit_event_record
from cases.models import SspCase
from outcomes.models import CrimeEvent
from people.models import CityDistrict
from reports.disclosure import HIDDEN, THRESHOLD
from reports.models import DistrictText, ReportStatus, TroubledAreasReport


def _shown(count: int) -> int | str:
    """Counts from 1 to 4 are hidden in a report to committees."""
    return HIDDEN if 0 < count < THRESHOLD else count


def _charges_under_18(start: date, end: date) -> dict[str, int]:
    counts: dict[str, int] = {}
    for district, occurred, born in CrimeEvent.objects.filter(
        kind="charge", occurred_on__range=(start, end)
    ).values_list("person__district", "occurred_on", "person__birth_date"):
        if (occurred.year - born.year) - (
            (occurred.month, occurred.day) < (born.month, born.day)
        ) < 18:
            counts[district or ""] = counts.get(district or "", 0) + 1
    return counts


def _open_cases_by_level(day: date) -> dict[str, dict[int, int]]:
    rows = (
        SspCase.objects.filter(reported_on__lte=day)
        .filter(Q(closed_at__isnull=True) | Q(closed_at__date__gt=day))
        .values("person__district", "level")
        .annotate(n=Count("pk"))
    )
    result: dict[str, dict[int, int]] = {}
    for row in rows:
        result.setdefault(row["person__district"] or "", {})[row["level"]] = row["n"]
    return result


def _safety(end: date) -> dict[str, dict]:
    """% safe in the neighbourhood in the latest survey year up to the period, by district
    name, with the change since the year before."""
    area_set = AreaSet.objects.filter(key="bydele", waves__year__lte=end.year).distinct().first()
    if area_set is None:
        return {}
    year = max(area_set.waves.filter(year__lte=end.year).values_list("year", flat=True))
    rows, city = safety_table(area_set, year)
    result = {
        row.area.name: {
            "year": year,
            "safe": round(100 * row.shares["safe"].value, 1) if row.shares["safe"] else None,
            "change": round(row.versus_last_year.points, 1) if row.versus_last_year else None,
            "significant": bool(row.versus_last_year and row.versus_last_year.significant),
        }
        for row in rows
        if row.published
    }
    if city.shares["safe"]:
        result["Hele byen"] = {
            "year": year,
            "safe": round(100 * city.shares["safe"].value, 1),
            "change": None,
            "significant": False,
        }
    return result


def report_figures(report: TroubledAreasReport) -> dict:
    """Per district and for the city: charges among under-18s in the period, open SSP cases
    by level at its end, and the safety index. JSON-ready (it is what approval freezes)."""
    charges = _charges_under_18(report.period_start, report.period_end)
    cases = _open_cases_by_level(report.period_end)
    safety = _safety(report.period_end)
    districts = []
    for code, name in CityDistrict.choices:
        levels = cases.get(code, {})
        districts.append(
            {
                "code": code,
                "name": str(name),
                "charges_under_18": _shown(charges.get(code, 0)),
                "cases": {str(level): _shown(levels.get(level, 0)) for level in (1, 2, 3, 4)},
                "safety": safety.get(str(name)),
            }
        )
    city_levels = {
        str(level): sum(c.get(level, 0) for c in cases.values()) for level in (1, 2, 3, 4)
    }
    return {
        "districts": districts,
        "city": {
            "charges_under_18": _shown(sum(charges.values())),
            "cases": {k: _shown(v) for k, v in city_levels.items()},
            "safety": safety.get("Hele byen"),
        },
        "computed_at": timezone.now().isoformat(timespec="minutes"),
    }


def figures_of(report: TroubledAreasReport) -> dict:
    """The frozen figures of an approved report; live ones for a draft."""
    return report.frozen_figures if report.frozen_figures else report_figures(report)


@transaction.atomic
def report_create(*, by: User, title: str, period_start: date, period_end: date):
    if period_end < period_start:
        raise ValidationError({"period_end": "Perioden slutter før den begynder."})
    if TroubledAreasReport.objects.filter(
        period_start=period_start, period_end=period_end
    ).exists():
        raise ValidationError({"period_start": "Der er allerede en rapport for perioden."})
    report = TroubledAreasReport.objects.create(
        title=title, period_start=period_start, period_end=period_end, created_by=by
    )
    DistrictText.objects.bulk_create(
        DistrictText(report=report, district=code) for code in CityDistrict.values
    )
    audit_event_record(by=by, action="troubled_areas.create", obj=report)
    return report


@transaction.atomic
def district_text_submit(*, by: User, text: DistrictText, challenges: str, responses: str):
    report = TroubledAreasReport.objects.select_for_update().get(pk=text.report_id)
    if report.status != ReportStatus.DRAFT:
        raise ValidationError("Rapporten er godkendt; teksterne kan ikke ændres.")
    if not challenges.strip() or not responses.strip():
        raise ValidationError("Skriv både udfordringerne og hvordan de mødes.")
    old = (text.challenges, text.responses)
    text.challenges, text.responses = challenges.strip(), responses.strip()
    text.submitted_by, text.submitted_at = by, timezone.now()
    text.save()
    audit_event_record(
        by=by,
        action="troubled_areas.submit_text",
        obj=text,
        changes={"challenges": [old[0], text.challenges], "responses": [old[1], text.responses]},
    )
    return text


@transaction.atomic
def report_approve(*, by: User, report: TroubledAreasReport) -> TroubledAreasReport:
    """Freeze the figures; every district must have submitted its texts."""
    report = TroubledAreasReport.objects.select_for_update().get(pk=report.pk)
    if report.status != ReportStatus.DRAFT:
        raise ValidationError("Rapporten er allerede godkendt.")
    missing = [t.get_district_display() for t in report.district_texts.filter(submitted_at=None)]
    if missing:
        raise ValidationError("Mangler tekster fra: " + ", ".join(missing) + ".")
    report.frozen_figures = report_figures(report)
    report.status, report.approved_by, report.approved_at = (
        ReportStatus.APPROVED,
        by,
        timezone.now(),
    )
    report.save()
    audit_event_record(by=by, action="troubled_areas.approve", obj=report)
    return report


@transaction.atomic
def report_send(*, by: User, report: TroubledAreasReport) -> TroubledAreasReport:
    report = TroubledAreasReport.objects.select_for_update().get(pk=report.pk)
    if report.status != ReportStatus.APPROVED:
        raise ValidationError("Kun en godkendt rapport kan sendes til udvalgene.")
    report.status, report.sent_at = ReportStatus.SENT, timezone.now()
    report.save()
    audit_event_record(by=by, action="troubled_areas.send", obj=report)
    return report
