"""The troubled-areas report's figures (per district and for the city) and its workflow.
Figures are computed live while the report is a draft and frozen into it on approval."""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from areas.models import AcuteIncident, AreaKind, AreaSet
from areas.safety_queries import safety_table
from audit.actions import audit_event_record
from cases.models import SspCase
from initiatives.models import Initiative
from outcomes.models import Activity, ActivityKind, Audience, CrimeEvent
from people.models import CityDistrict
from reports.disclosure import suppress_rows
from reports.models import (
    TROUBLED_AREAS_COMMITTEES,
    Committee,
    CommitteeSending,
    DistrictText,
    ReportStatus,
    TroubledAreasReport,
)
from sikkerby.versioning import version_claim

TOTAL = "I alt"  # suppress_rows' name for the total


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


def _acute_incidents(start: date, end: date) -> dict[str, int]:
    return dict(
        AcuteIncident.objects.filter(occurred_on__range=(start, end))
        .values("district")
        .annotate(n=Count("pk"))
        .values_list("district", "n")
    )


def _safety(end: date) -> dict[str, dict]:
    """% safe in the neighbourhood in the latest survey year up to the period, by district
    name, with the change since the year before."""
    # The city districts' set (kind "district") with a survey up to the period's year.
    area_set = (
        AreaSet.objects.filter(kind=AreaKind.DISTRICT, waves__year__lte=end.year)
        .distinct()
        .order_by("key")
        .first()
    )
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
    """Per district and for the city: charges among under-18s and acute incidents in the
    period, open SSP cases by level at its end, and the safety index. JSON-ready (it is what
    approval freezes). Each count column is suppressed as a whole with the city as its total
    (under 5 hidden, and a second cell where one hidden cell could be worked out)."""
    charges = _charges_under_18(report.period_start, report.period_end)
    incidents = _acute_incidents(report.period_start, report.period_end)
    cases = _open_cases_by_level(report.period_end)
    safety = _safety(report.period_end)
    # Persons without a recorded district count in the city's total, in no district's row.
    codes = [*CityDistrict.values, *({""} & (set(charges) | set(cases)))]
    columns = {
        "charges_under_18": {code: charges.get(code, 0) for code in codes},
        "acute_incidents": {code: incidents.get(code, 0) for code in codes},
        **{
            f"level_{level}": {code: cases.get(code, {}).get(level, 0) for code in codes}
            for level in (1, 2, 3, 4)
        },
    }
    shown = suppress_rows(columns)
    districts = [
        {
            "code": code,
            "name": str(name),
            "charges_under_18": shown["charges_under_18"][code],
            "acute_incidents": shown["acute_incidents"][code],
            "cases": {str(level): shown[f"level_{level}"][code] for level in (1, 2, 3, 4)},
            "safety": safety.get(str(name)),
        }
        for code, name in CityDistrict.choices
    ]
    return {
        "districts": districts,
        "city": {
            "charges_under_18": shown["charges_under_18"][TOTAL],
            "acute_incidents": shown["acute_incidents"][TOTAL],
            "cases": {str(level): shown[f"level_{level}"][TOTAL] for level in (1, 2, 3, 4)},
            "safety": safety.get("Hele byen"),
        },
        "computed_at": timezone.now().isoformat(timespec="minutes"),
    }


def figures_of(report: TroubledAreasReport) -> dict | None:
    """The frozen figures of an approved report; for a draft the figures computed now, once
    its half-year has ended (None before: a figure of a running half-year would differ from
    tomorrow's by a few young people's charges)."""
    if report.frozen_figures:
        return report.frozen_figures
    if report.period_end >= timezone.localdate():
        return None
    return report_figures(report)


def half_year_of(period_start: date, period_end: date) -> bool:
    """Whether the period is a whole half-year (1.1.–30.6. or 1.7.–31.12.)."""
    first_half = (period_start.month, period_start.day) == (1, 1) and (
        period_end.month,
        period_end.day,
    ) == (6, 30)
    second_half = (period_start.month, period_start.day) == (7, 1) and (
        period_end.month,
        period_end.day,
    ) == (12, 31)
    return period_start.year == period_end.year and (first_half or second_half)


@transaction.atomic
def report_create(*, by: User, title: str, period_start: date, period_end: date):
    """A report for one half-year (seed 003: half-yearly). Periods are fixed half-years, one
    report each, so no two reports' figures differ by a day's charges."""
    if period_end < period_start:
        raise ValidationError({"period_end": _("Perioden slutter før den begynder.")})
    if not half_year_of(period_start, period_end):
        raise ValidationError(
            {"period_start": _("Perioden skal være et halvår: 1.1.–30.6. eller 1.7.–31.12.")}
        )
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
def district_text_submit(
    *,
    by: User,
    text: DistrictText,
    challenges: str,
    responses: str,
    expected_version: int | None = None,
):
    """A district's two texts, written by its SSP people (the SSP bodies of its SSP districts).
    The version the writer began from guards against overwriting a colleague's save."""
    if not by.has_perm("reports.write_this_district_text", text):
        raise PermissionDenied
    report = TroubledAreasReport.objects.select_for_update().get(pk=text.report_id)
    if report.status != ReportStatus.DRAFT:
        raise ValidationError(_("Rapporten er godkendt; teksterne kan ikke ændres."))
    if not challenges.strip() or not responses.strip():
        raise ValidationError(_("Skriv både udfordringerne og hvordan de mødes."))
    expected = text.version if expected_version is None else expected_version
    version_claim(DistrictText, text.pk, expected)
    text.version = expected + 1
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
    if report.period_end >= timezone.localdate():
        raise ValidationError(
            _("Halvåret er ikke slut (%(end)s): tallene kan først fryses bagefter.")
            % {"end": f"{report.period_end:%d.%m.%Y}"}
        )
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


SPECIALIST_COMMITTEES = (Committee.BUU, Committee.SOU, Committee.BIU)


def committee_refusal(
    committee: str, meeting_on: date, approved_on: date, sent: dict[str, date]
) -> str:
    """Why the report may not go to `committee` for a meeting on `meeting_on`, given the
    committees it has gone to (committee → meeting day); "" when it may. The three
    specialist committees get it first, in any order; the Finance Committee last, for a
    meeting no earlier than theirs."""
    label = Committee(committee).label
    if committee in sent:
        return f"Rapporten er allerede sendt til {label}."
    if meeting_on < approved_on:
        return "Udvalgsmødet ligger før rapporten blev godkendt."
    if committee == Committee.OEU:
        missing = [str(c.value) for c in SPECIALIST_COMMITTEES if c not in sent]
        if missing:
            return (
                f"{label} får rapporten, når BUU, SOU og BIU har fået den "
                f"(mangler: {', '.join(missing)})."
            )
        if meeting_on < max(sent.values()):
            return f"{label}s møde skal ligge efter fagudvalgenes."
    return ""


def next_committee(report: TroubledAreasReport) -> str:
    """The committee the report goes to next in the usual order: BUU, SOU, BIU, then ØU."""
    sent = set(report.sendings.values_list("committee", flat=True))
    return next((c.value for c in TROUBLED_AREAS_COMMITTEES if c.value not in sent), "")


TROUBLED_AREAS_INITIATIVE = "urolige-omraader"  # seed 003: 'Afrapportering af urolige områder'


def _reporting_record(*, by: User, report: TroubledAreasReport) -> None:
    """A report that has gone to all four committees is one of the initiative's half-yearly
    afrapporteringer: recorded as its activity (the report is the one source)."""
    initiative = Initiative.objects.filter(slug=TROUBLED_AREAS_INITIATIVE).first()
    source = f"{report._meta.label_lower}:{report.pk}"
    if initiative is None or Activity.objects.filter(module_record=source).exists():
        return
    Activity.objects.create(
        initiative=initiative,
        held_on=timezone.localdate(),
        kind=ActivityKind.REPORT,
        audience=Audience.COMMITTEES,
        description=report.title[:200],
        recorded_by=by,
        module_record=source,
    )


@transaction.atomic
def report_send(
    *, by: User, report: TroubledAreasReport, committee: str, meeting_on: date
) -> TroubledAreasReport:
    """Send the approved report to one committee; when the Finance Committee has it, the
    report is sent to all."""
    report = TroubledAreasReport.objects.select_for_update().get(pk=report.pk)
    if report.status != ReportStatus.APPROVED or report.approved_at is None:
        raise ValidationError("Kun en godkendt rapport kan sendes til udvalgene.")
    if committee not in TROUBLED_AREAS_COMMITTEES:
        raise ValidationError(_("Vælg et af udvalgene BUU, SOU, BIU eller ØU."))
    sent = dict(report.sendings.values_list("committee", "meeting_on"))
    refusal = committee_refusal(committee, meeting_on, timezone.localdate(report.approved_at), sent)
    if refusal:
        raise ValidationError(refusal)
    CommitteeSending.objects.create(
        report=report, committee=committee, meeting_on=meeting_on, sent_by=by
    )
    if committee == Committee.OEU:
        report.status, report.sent_at = ReportStatus.SENT, timezone.now()
        report.save()
        _reporting_record(by=by, report=report)
    audit_event_record(
        by=by,
        action="troubled_areas.send",
        obj=report,
        changes={"committee": [None, committee], "meeting_on": [None, meeting_on.isoformat()]},
    )
    return report
