"""Aggregates over cases, computed in the database. No person records: ids at most, for a
figure's drill-down (which logs whom it shows)."""

from datetime import date

from django.db.models import Count, Q
from django.utils import timezone

from cases.models import SspCase, SspLevel, Task


def overdue_by_district_and_level() -> tuple[dict[str, dict[str, int]], dict[str, dict[str, int]]]:
    """(open cases, overdue tasks), each as {ssp_district: {level: count}} for all four levels."""
    levels = [str(level) for level in SspLevel.values]
    cases: dict[str, dict[str, int]] = {}
    for district, level, n in (
        SspCase.objects.filter(closed_at__isnull=True)
        .values_list("ssp_district", "level")
        .annotate(n=Count("id"))
        .order_by()
    ):
        cases.setdefault(district, dict.fromkeys(levels, 0))[str(level)] = n
    overdue: dict[str, dict[str, int]] = {district: dict.fromkeys(levels, 0) for district in cases}
    rows = (
        Task.objects.filter(
            Q(done_at__isnull=True) & Q(due_date__lt=timezone.localdate()),
            case__isnull=False,
            case__closed_at__isnull=True,
        )
        .values_list("case__ssp_district", "case__level")
        .annotate(n=Count("id"))
        .order_by()
    )
    for district, level, n in rows:
        overdue.setdefault(district, dict.fromkeys(levels, 0))[str(level)] = n
    return cases, overdue


def _cases_open_during(start: date, end: date):
    """SSP cases open at some time from start to end (registered by the end, not closed
    before the start)."""
    return SspCase.objects.filter(reported_on__lte=end).filter(
        Q(closed_at__isnull=True) | Q(closed_at__date__gte=start)
    )


def ssp_cases_by_district(start: date, end: date) -> dict[str, int]:
    """{ssp_district: cases open at some time in the period}."""
    return dict(
        _cases_open_during(start, end)
        .values_list("ssp_district")
        .annotate(n=Count("id"))
        .order_by()
    )


def ssp_case_persons(ssp_district: str, start: date, end: date) -> list[int]:
    """The persons behind a district's cases in the period (for a figure's drill-down)."""
    return list(
        _cases_open_during(start, end)
        .filter(ssp_district=ssp_district)
        .values_list("person_id", flat=True)
        .distinct()
    )
