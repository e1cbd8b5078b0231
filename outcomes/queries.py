"""The counts behind computed success criteria, aggregated in SQL: one query per figure, over
the live records (no nightly batch)."""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.db.models import (
    Case,
    Count,
    DateField,
    Exists,
    Func,
    IntegerField,
    Max,
    Min,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Greatest, Least

from outcomes.criteria import OBSERVATION_WINDOW_DAYS, days_after
from outcomes.models import (
    Activity,
    CrimeEvent,
    Participation,
    StatusObservation,
    SurveyAnswer,
    WaitingListEntry,
)


class AddDays(Func):
    """A date column plus a whole number of days, in each database's own date arithmetic.
    (Django's generic `F() + timedelta` calls a Python function per row on SQLite, which made
    every cohort figure several times slower than plain SQL.)"""

    output_field = DateField()

    def __init__(self, expression, days: int):
        self.days = int(days)
        super().__init__(expression)

    def as_sqlite(self, compiler, connection, **extra_context):
        sql, params = compiler.compile(self.source_expressions[0])
        return f"date({sql}, '{self.days:+d} days')", params

    def as_postgresql(self, compiler, connection, **extra_context):
        sql, params = compiler.compile(self.source_expressions[0])
        return f"({sql} + {self.days:d})", params

    def as_sql(self, compiler, connection, **extra_context):
        sql, params = compiler.compile(self.source_expressions[0])
        return f"({sql} + INTERVAL '{self.days:d}' DAY)", params


class DaysBetween(Func):
    """Whole days from the second date to the first, in each database's own arithmetic."""

    output_field = IntegerField()

    def as_sqlite(self, compiler, connection, **extra_context):
        (later, later_params), (earlier, earlier_params) = (
            compiler.compile(e) for e in self.source_expressions
        )
        return (
            f"CAST(julianday({later}) - julianday({earlier}) AS INTEGER)",
            (*later_params, *earlier_params),
        )

    def as_sql(self, compiler, connection, **extra_context):
        (later, later_params), (earlier, earlier_params) = (
            compiler.compile(e) for e in self.source_expressions
        )
        return f"({later} - {earlier})", (*later_params, *earlier_params)


class AddMonths(Func):
    """A date column plus a whole number of months (for ages: 15 years = 180 months)."""

    output_field = DateField()

    def __init__(self, expression, months: int):
        self.months = int(months)
        super().__init__(expression)

    def as_sqlite(self, compiler, connection, **extra_context):
        sql, params = compiler.compile(self.source_expressions[0])
        return f"date({sql}, '{self.months:+d} months')", params

    def as_sql(self, compiler, connection, **extra_context):
        sql, params = compiler.compile(self.source_expressions[0])
        return f"CAST(({sql} + INTERVAL '{self.months:d} months') AS DATE)", params


@dataclass(frozen=True)
class Stream:
    """One stream of an initiative's participations, as a criterion counts them: those who
    came by one channel, aged within a band at their start (003's Fritidsjob: 260 aged 15–24
    who come to the job centre, 200 aged 16–24 placed through partners)."""

    initiative_id: int
    channel: str = ""
    age_min: Decimal | None = None  # years at the start, inclusive
    age_max: Decimal | None = None  # years at the start, inclusive ('15–24': until 25)


# An initiative's id (all its participations) or one stream of it.
Scope = int | Stream


def participations_of(scope: Scope) -> QuerySet:
    if isinstance(scope, int):
        return Participation.objects.filter(initiative_id=scope)
    rows = Participation.objects.filter(initiative_id=scope.initiative_id)
    if scope.channel:
        rows = rows.filter(channel=scope.channel)
    if scope.age_min is not None:
        # Old enough: the birthday age_min years on falls on or before the start.
        rows = rows.filter(
            started_on__gte=AddMonths("person__birth_date", round(12 * scope.age_min))
        )
    if scope.age_max is not None:
        # Not too old: the start falls before the birthday that ends the band.
        rows = rows.filter(
            started_on__lt=AddMonths("person__birth_date", round(12 * (scope.age_max + 1)))
        )
    return rows


def _shifted(field: str, days: int) -> AddDays:
    """The date `days` after the outer row's date field."""
    return AddDays(OuterRef(field), days)


def participations_overlapping(scope: Scope, start: date, end: date) -> QuerySet:
    return (
        participations_of(scope)
        .filter(started_on__lte=end)
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gte=start))
    )


def distinct_participants(scope: Scope, start: date, end: date) -> int:
    """People who took part at any time in the period (count of distinct persons)."""
    return participations_overlapping(scope, start, end).values("person_id").distinct().count()


def stock_on(scope: Scope, day: date) -> int:
    """Places occupied on a day."""
    return participations_overlapping(scope, day, day).count()


def _days_inside(start: date, end: date):
    """A participation's days inside start..end (for rows that overlap it)."""
    first = Greatest("started_on", Value(start, output_field=DateField()))
    last = Least(
        Coalesce("ended_on", Value(end, output_field=DateField())),
        Value(end, output_field=DateField()),
    )
    return Sum(DaysBetween(last, first) + 1)


def occupied_days(scope: Scope, start: date, end: date) -> int:
    """Participation days inside the period; divided by 365 it is full-year places used."""
    total = participations_overlapping(scope, start, end).aggregate(days=_days_inside(start, end))[
        "days"
    ]
    return total or 0


def reach_by_initiative(start: date, end: date) -> dict[int, tuple[int, int]]:
    """{initiative: (distinct participants, occupied days)} in the period, for every
    initiative in one statement (distinct_participants and occupied_days, all at once)."""
    rows = (
        Participation.objects.filter(started_on__lte=end)
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gte=start))
        .values("initiative_id")
        .annotate(people=Count("person_id", distinct=True), days=_days_inside(start, end))
    )
    return {row["initiative_id"]: (row["people"], row["days"] or 0) for row in rows}


def cohort(
    scope: Scope, anchor: str, matured_by: date, period: tuple[date, date] | None
) -> QuerySet:
    anchor_field = "started_on" if anchor == "start" else "ended_on"
    rows = participations_of(scope).filter(**{f"{anchor_field}__lte": matured_by})
    if period:
        rows = rows.filter(**{f"{anchor_field}__range": period})
    return rows


OBSERVED, SUCCESS = 1, 2


def _cohort_status_rows(
    scope: Scope,
    statuses: frozenset[str],
    months: int,
    anchor: str,
    as_of: date,
    period: tuple[date, date] | None,
) -> QuerySet:
    """The matured cohort, each row annotated `found`: None when no status was observed near
    anchor + k months, OBSERVED when one was, SUCCESS when one of them is in `statuses`.
    One probe of the (person, date, status) index per member answers both questions."""
    offset = days_after(months)
    anchor_field = "started_on" if anchor == "start" else "ended_on"
    found = (
        StatusObservation.objects.filter(
            person=OuterRef("person"),
            observed_on__gte=_shifted(anchor_field, offset - OBSERVATION_WINDOW_DAYS),
            observed_on__lte=_shifted(anchor_field, offset + OBSERVATION_WINDOW_DAYS),
        )
        .order_by()
        .values("person")
        .annotate(
            found=Max(Case(When(status__in=statuses, then=Value(SUCCESS)), default=Value(OBSERVED)))
        )
        .values("found")
    )
    rows = cohort(scope, anchor, as_of - timedelta(days=offset), period)
    return rows.annotate(found=Subquery(found))


def cohort_status_counts(
    *,
    scope: Scope,
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
    by_found = dict(
        _cohort_status_rows(scope, statuses, months, anchor, as_of, period)
        .order_by()
        .values("found")
        .annotate(n=Count("pk"))
        .values_list("found", "n")
    )
    successes = by_found.get(SUCCESS, 0)
    observed = successes + by_found.get(OBSERVED, 0)
    return successes, observed, observed + by_found.get(None, 0)


def cohort_status_members(
    *,
    scope: Scope,
    statuses: frozenset[str],
    months: int,
    anchor: str,
    as_of: date,
    period: tuple[date, date] | None = None,
) -> list[tuple[int, str]]:
    """(person id, 'success' | 'other' | 'missing') for each member behind
    `cohort_status_counts`: the drill-down from the figure to the people."""
    rows = _cohort_status_rows(scope, statuses, months, anchor, as_of, period)
    label = {SUCCESS: "success", OBSERVED: "other", None: "missing"}
    return [
        (person_id, label[found]) for person_id, found in rows.values_list("person_id", "found")
    ]


def _new_crime(crime_kinds: frozenset[str], after_days: int, before_days: int = 0) -> QuerySet:
    """A crime event of `crime_kinds` on a cohort row's person from `before_days` before its
    start (exclusive) up to `after_days` after it."""
    if before_days:
        return CrimeEvent.objects.filter(
            person=OuterRef("person"),
            kind__in=crime_kinds,
            occurred_on__gt=_shifted("started_on", -before_days),
            occurred_on__lte=OuterRef("started_on"),
        )
    return CrimeEvent.objects.filter(
        person=OuterRef("person"),
        kind__in=crime_kinds,
        occurred_on__gt=OuterRef("started_on"),
        occurred_on__lte=_shifted("started_on", after_days),
    )


def recidivism_counts(
    *,
    scope: Scope,
    crime_kinds: frozenset[str],
    months: int,
    as_of: date,
    period: tuple[date, date] | None = None,
) -> tuple[int, int]:
    """(reoffended, cohort): participants with a new event of `crime_kinds` within k months
    after their start. Police records are complete, so nobody is missing."""
    offset = days_after(months)
    counts = cohort(scope, "start", as_of - timedelta(days=offset), period).aggregate(
        cohort=Count("pk"), reoffended=Count("pk", filter=Exists(_new_crime(crime_kinds, offset)))
    )
    return counts["reoffended"], counts["cohort"]


def crime_before_after_counts(
    *,
    scope: Scope,
    crime_kinds: frozenset[str],
    months: int,
    as_of: date,
    period: tuple[date, date] | None = None,
) -> tuple[int, int, int]:
    """(with an event in the k months before the start, in the k months after, cohort): the
    same people before and after, for criteria like 'the young people's crime falls'."""
    offset = days_after(months)
    counts = cohort(scope, "start", as_of - timedelta(days=offset), period).aggregate(
        cohort=Count("pk"),
        before=Count("pk", filter=Exists(_new_crime(crime_kinds, 0, before_days=offset))),
        after=Count("pk", filter=Exists(_new_crime(crime_kinds, offset))),
    )
    return counts["before"], counts["after"], counts["cohort"]


def crime_members(
    *,
    scope: Scope,
    crime_kinds: frozenset[str],
    months: int,
    as_of: date,
    before: bool = False,
    period: tuple[date, date] | None = None,
) -> list[tuple[int, str]]:
    """(person id, 'success' if an event in the window else 'other') behind the counts above."""
    offset = days_after(months)
    event = (
        _new_crime(crime_kinds, 0, before_days=offset)
        if before
        else _new_crime(crime_kinds, offset)
    )
    rows = cohort(scope, "start", as_of - timedelta(days=offset), period)
    return [
        (person_id, "success" if has_event else "other")
        for person_id, has_event in rows.annotate(has_event=Exists(event)).values_list(
            "person_id", "has_event"
        )
    ]


def offer_share_counts(
    scope: Scope, offer_kinds: frozenset[str], start: date, end: date
) -> tuple[int, int]:
    """(with the offer, all) among the period's participations."""
    counts = participations_overlapping(scope, start, end).aggregate(
        total=Count("pk"), with_offer=Count("pk", filter=Q(offer_kind__in=offer_kinds))
    )
    return counts["with_offer"], counts["total"]


def stock_members(scope: Scope, day: date) -> list[int]:
    """The persons occupying a place on a day (behind `stock_on`)."""
    return list(participations_overlapping(scope, day, day).values_list("person_id", flat=True))


def waiting_members(initiative_id: int, day: date) -> list[int]:
    """The persons waiting on a day (behind `waiting_list_summary`)."""
    return list(
        WaitingListEntry.objects.filter(initiative_id=initiative_id, added_on__lte=day)
        .filter(Q(removed_on__isnull=True) | Q(removed_on__gt=day))
        .values_list("person_id", flat=True)
    )


def participant_members(scope: Scope, start: date, end: date) -> list[tuple[int, str]]:
    return [
        (person_id, "success")
        for person_id in participations_overlapping(scope, start, end)
        .values_list("person_id", flat=True)
        .distinct()
    ]


def offer_members(
    scope: Scope, offer_kinds: frozenset[str], start: date, end: date
) -> list[tuple[int, str]]:
    return [
        (person_id, "success" if kind in offer_kinds else "other")
        for person_id, kind in participations_overlapping(scope, start, end).values_list(
            "person_id", "offer_kind"
        )
    ]


def activity_total(
    initiative_id: int,
    kinds: frozenset[str],
    audiences: frozenset[str],
    start: date,
    end: date,
    *,
    attendees: bool,
) -> int:
    """The number of activities in the period, or (`attendees`) the people they reached."""
    rows = Activity.objects.filter(initiative_id=initiative_id, held_on__range=(start, end))
    if kinds:
        rows = rows.filter(kind__in=kinds)
    if audiences:
        rows = rows.filter(audience__in=audiences)
    if attendees:
        return rows.aggregate(total=Coalesce(Sum("attendees"), 0))["total"]
    return rows.count()


def survey_counts(criterion_id: int, start: date, end: date) -> tuple[int, int]:
    """(answering yes, all answers) to a survey criterion in the period."""
    counts = SurveyAnswer.objects.filter(
        criterion_id=criterion_id, answered_on__range=(start, end)
    ).aggregate(total=Count("pk"), agreeing=Count("pk", filter=Q(agrees=True)))
    return counts["agreeing"], counts["total"]


def first_record_year(scope: Scope) -> int | None:
    """The year of the initiative's earliest participation: trends start there."""
    first = (
        participations_of(scope).order_by("started_on").values_list("started_on", flat=True).first()
    )
    return first.year if first else None


def waiting_list_summary(initiative_id: int, day: date) -> tuple[int, int | None]:
    """(people waiting, days the longest has waited) on a day."""
    waiting = WaitingListEntry.objects.filter(
        initiative_id=initiative_id, added_on__lte=day
    ).filter(Q(removed_on__isnull=True) | Q(removed_on__gt=day))
    counts = waiting.aggregate(people=Count("pk"), first=Min("added_on"))
    return counts["people"], (day - counts["first"]).days if counts["first"] else None
