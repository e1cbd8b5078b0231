"""Aggregates over cases, computed in the database. Nothing here returns a person."""

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
