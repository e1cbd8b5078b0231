"""The counts behind computed success criteria, aggregated in SQL: one query per figure, over
the live records (no nightly batch)."""

from datetime import date, timedelta

from django.db.models import Count, DateField, Exists, OuterRef, Q, QuerySet
from django.db.models.functions import Cast

from outcomes.criteria import OBSERVATION_WINDOW_DAYS, days_after
from outcomes.models import CrimeEvent, Participation, StatusObservation


def _shifted(field: str, days: int):
    """The date `days` after the outer row's date field, as a date on every database."""
    return Cast(OuterRef(field) + timedelta(days=days), DateField())


def participations_overlapping(initiative_id: int, start: date, end: date) -> QuerySet:
    return Participation.objects.filter(initiative_id=initiative_id, started_on__lte=end).filter(
        Q(ended_on__isnull=True) | Q(ended_on__gte=start)
    )


def distinct_participants(initiative_id: int, start: date, end: date) -> int:
    """People who took part at any time in the period (count of distinct persons)."""
    return (
        participations_overlapping(initiative_id, start, end).values("person_id").distinct().count()
    )


def stock_on(initiative_id: int, day: date) -> int:
    """Places occupied on a day."""
    return participations_overlapping(initiative_id, day, day).count()


def occupied_days(initiative_id: int, start: date, end: date) -> int:
    """Participation days inside the period; divided by 365 it is full-year places used."""
    total = 0
    for started, ended in participations_overlapping(initiative_id, start, end).values_list(
        "started_on", "ended_on"
    ):
        total += ((min(ended or end, end) - max(started, start)).days) + 1
    return total


def cohort(
    initiative_id: int, anchor: str, matured_by: date, period: tuple[date, date] | None
) -> QuerySet:
    anchor_field = "started_on" if anchor == "start" else "ended_on"
    rows = Participation.objects.filter(
        initiative_id=initiative_id, **{f"{anchor_field}__lte": matured_by}
    )
    if period:
        rows = rows.filter(**{f"{anchor_field}__range": period})
    return rows


def cohort_status_counts(
    *,
    initiative_id: int,
    statuses: frozenset[str],
    months: int,
    anchor: str,
    as_of: date,
    period: tuple[date, date] | None = None,
) -> tuple[int, int, int]:
    """(successes, observed, cohort) for 'in one of `statuses` k months after the anchor'.

    The cohort is every participation whose anchor date is at least k months before `as_of`.
    A member is observed when any status observation falls within ±31 days of anchor + k
    months, and a success when one of those is in `statuses`. The rest are missing."""
    offset = days_after(months)
    anchor_field = "started_on" if anchor == "start" else "ended_on"
    in_window = StatusObservation.objects.filter(
        person=OuterRef("person"),
        observed_on__gte=_shifted(anchor_field, offset - OBSERVATION_WINDOW_DAYS),
        observed_on__lte=_shifted(anchor_field, offset + OBSERVATION_WINDOW_DAYS),
    )
    counts = cohort(initiative_id, anchor, as_of - timedelta(days=offset), period).aggregate(
        cohort=Count("pk"),
        observed=Count("pk", filter=Exists(in_window)),
        successes=Count("pk", filter=Exists(in_window.filter(status__in=statuses))),
    )
    return counts["successes"], counts["observed"], counts["cohort"]


def recidivism_counts(
    *,
    initiative_id: int,
    crime_kinds: frozenset[str],
    months: int,
    as_of: date,
    period: tuple[date, date] | None = None,
) -> tuple[int, int]:
    """(reoffended, cohort): participants with a new event of `crime_kinds` within k months
    after their start. Police records are complete, so nobody is missing."""
    offset = days_after(months)
    new_event = CrimeEvent.objects.filter(
        person=OuterRef("person"),
        kind__in=crime_kinds,
        occurred_on__gt=OuterRef("started_on"),
        occurred_on__lte=_shifted("started_on", offset),
    )
    counts = cohort(initiative_id, "start", as_of - timedelta(days=offset), period).aggregate(
        cohort=Count("pk"), reoffended=Count("pk", filter=Exists(new_event))
    )
    return counts["reoffended"], counts["cohort"]


def offer_share_counts(
    initiative_id: int, offer_kinds: frozenset[str], start: date, end: date
) -> tuple[int, int]:
    """(with the offer, all) among the period's participations."""
    counts = participations_overlapping(initiative_id, start, end).aggregate(
        total=Count("pk"), with_offer=Count("pk", filter=Q(offer_kind__in=offer_kinds))
    )
    return counts["with_offer"], counts["total"]
