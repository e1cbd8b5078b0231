"""The floor for computing every success criterion: one hand-written SQL statement per
criterion kind, covering every criterion of that kind in every initiative at once. The app
computes each criterion through the ORM (a query per figure); the ratio between the two says
what that costs. Same answers, checked by the benchmark before it times anything."""

from datetime import date, timedelta

from django.db import connection

from initiatives.models import MeasureKind, SuccessCriterion
from outcomes.criteria import (
    DEFAULT_FOLLOW_UP_MONTHS,
    DEFAULT_RECIDIVISM_MONTHS,
    OBSERVATION_WINDOW_DAYS,
    criterion_terms,
    days_after,
    follow_up_anchor,
    follow_up_months,
)


def _sqlite() -> bool:
    return connection.vendor == "sqlite"


def _date(day: date) -> str:
    return f"'{day.isoformat()}'" if _sqlite() else f"DATE '{day.isoformat()}'"


def _plus(expr: str, days: str) -> str:
    """expr + days as a date; `days` is an SQL integer expression."""
    if _sqlite():
        return f"date({expr}, printf('%+d days', {days}))"
    return f"({expr} + ({days}))"


def _values(rows: list[tuple]) -> str:
    return ", ".join("(" + ", ".join(str(v) for v in row) + ")" for row in rows)


def _fetch(sql: str) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return cursor.fetchall()


def _window(anchor: str, low_days: str, high_days: str) -> str:
    """o.observed_on within [anchor + low, anchor + high]; the bounds come from the spec row."""
    if _sqlite():
        return f"o.observed_on BETWEEN date({anchor}, s.low_mod) AND date({anchor}, s.high_mod)"
    return f"o.observed_on BETWEEN {anchor} + s.{low_days} AND {anchor} + s.{high_days}"


def cohort_status_floor(as_of: date) -> dict[tuple[int, int], tuple[int, int, int]]:
    """{(criterion, months): (successes, observed, cohort)} for every status cohort criterion,
    in one statement: per cohort member one probe of the (person, date, status) index that
    says 'observed' (1) or 'in one of the statuses' (2)."""
    specs, statuses = [], []
    for c in SuccessCriterion.objects.filter(kind=MeasureKind.COHORT_SHARE):
        terms = criterion_terms(c.statuses)
        if terms.unknown or not terms.statuses or terms.offer_kinds:
            continue
        anchor_end = int(follow_up_anchor(c.start_event) == "end")
        months_list = follow_up_months(c.follow_up_months) or [DEFAULT_FOLLOW_UP_MONTHS]
        if c.direction in ("increase", "decrease"):
            months_list = [0, *months_list]
        for months in months_list:
            offset = days_after(months)
            # The baseline (0 months) is taken on the cohort of the last measurement.
            matured = as_of - timedelta(days=offset or days_after(months_list[-1]))
            low, high = offset - OBSERVATION_WINDOW_DAYS, offset + OBSERVATION_WINDOW_DAYS
            specs.append(
                (
                    c.pk,
                    c.initiative_id,
                    months,
                    anchor_end,
                    _date(matured - timedelta(days=364)),
                    _date(matured),
                    low,
                    high,
                    f"'{low:+d} days'",
                    f"'{high:+d} days'",
                )
            )
        statuses += [(c.pk, f"'{s}'") for s in sorted(terms.statuses)]
    if not specs:
        return {}

    def members(anchor: str, anchor_end: int) -> str:
        return f"""
        SELECT s.criterion_id, s.months, (
            SELECT MAX(CASE WHEN o.status IN (
                SELECT ss.status FROM spec_status ss WHERE ss.criterion_id = s.criterion_id)
                THEN 2 ELSE 1 END)
            FROM outcomes_statusobservation o
            WHERE o.person_id = p.person_id AND {_window(anchor, "low_days", "high_days")}
        ) AS found
        FROM spec s JOIN outcomes_participation p ON p.initiative_id = s.initiative_id
        WHERE s.anchor_end = {anchor_end} AND {anchor} BETWEEN s.cohort_from AND s.matured_by"""

    sql = f"""
    WITH spec(criterion_id, initiative_id, months, anchor_end, cohort_from, matured_by, low_days,
              high_days, low_mod, high_mod) AS (VALUES {_values(specs)}),
    spec_status(criterion_id, status) AS (VALUES {_values(statuses)})
    SELECT criterion_id, months, SUM(CASE WHEN found = 2 THEN 1 ELSE 0 END),
        SUM(CASE WHEN found IS NOT NULL THEN 1 ELSE 0 END), COUNT(*)
    FROM ({members("p.started_on", 0)} UNION ALL {members("p.ended_on", 1)}) AS m
    GROUP BY criterion_id, months"""
    return {(row[0], row[1]): (int(row[2]), int(row[3]), row[4]) for row in _fetch(sql)}


def crime_floor(as_of: date) -> dict[tuple[int, int, int], tuple[int, int]]:
    """{(criterion, months, before): (with an event, cohort)} for recidivism and 'crime
    falls' criteria: events in the k months after (or before) the start."""
    specs, kinds = [], []
    for c in SuccessCriterion.objects.filter(kind=MeasureKind.COHORT_SHARE):
        terms = criterion_terms(c.statuses)
        if terms.unknown or not terms.is_recidivism:
            continue
        for months in follow_up_months(c.follow_up_months) or [DEFAULT_RECIDIVISM_MONTHS]:
            offset = days_after(months)
            matured = as_of - timedelta(days=offset)
            cohort = (_date(matured - timedelta(days=364)), _date(matured))
            specs.append((c.pk, c.initiative_id, months, 0, offset, *cohort))
            if c.direction == "decrease":
                specs.append((c.pk, c.initiative_id, months, 1, offset, *cohort))
        kinds += [(c.pk, f"'{k}'") for k in sorted(terms.crime_kinds)]
    if not specs:
        return {}
    after = f"e.occurred_on > p.started_on AND e.occurred_on <= {_plus('p.started_on', 's.offset_days')}"
    before = (
        f"e.occurred_on > {_plus('p.started_on', '-s.offset_days')} "
        "AND e.occurred_on <= p.started_on"
    )
    sql = f"""
    WITH spec(criterion_id, initiative_id, months, before, offset_days, cohort_from,
              matured_by) AS (
        VALUES {_values(specs)}),
    spec_kind(criterion_id, kind) AS (VALUES {_values(kinds)})
    SELECT s.criterion_id, s.months, s.before,
        SUM(CASE WHEN EXISTS (SELECT 1 FROM outcomes_crimeevent e
                 JOIN spec_kind k ON k.criterion_id = s.criterion_id AND k.kind = e.kind
                 WHERE e.person_id = p.person_id AND (
                     (s.before = 0 AND {after}) OR (s.before = 1 AND {before})))
            THEN 1 ELSE 0 END),
        COUNT(*)
    FROM spec s JOIN outcomes_participation p ON p.initiative_id = s.initiative_id
    WHERE p.started_on BETWEEN s.cohort_from AND s.matured_by
    GROUP BY s.criterion_id, s.months, s.before"""
    return {(r[0], r[1], r[2]): (int(r[3]), r[4]) for r in _fetch(sql)}


def counts_floor(start: date, end: date) -> list[tuple]:
    """Distinct participants in the period, stock on its last day, occupied days and offer
    kinds: one pass over participations, grouped by initiative."""
    if _sqlite():
        days = (
            f"julianday(min(coalesce(ended_on, {_date(end)}), {_date(end)})) "
            f"- julianday(max(started_on, {_date(start)})) + 1"
        )
    else:
        days = (
            f"LEAST(coalesce(ended_on, {_date(end)}), {_date(end)}) "
            f"- GREATEST(started_on, {_date(start)}) + 1"
        )
    needed = ", ".join(
        str(pk)
        for pk in SuccessCriterion.objects.filter(
            kind__in=[
                MeasureKind.COUNT_IN_PERIOD,
                MeasureKind.STOCK_AT_TIME,
                MeasureKind.COHORT_SHARE,
            ]
        )
        .values_list("initiative_id", flat=True)
        .distinct()
    )
    sql = f"""
    SELECT initiative_id, COUNT(DISTINCT person_id),
        SUM(CASE WHEN ended_on IS NULL OR ended_on >= {_date(end)} THEN 1 ELSE 0 END),
        SUM({days}), SUM(CASE WHEN offer_kind = 'active_employment' THEN 1 ELSE 0 END), COUNT(*)
    FROM outcomes_participation
    WHERE initiative_id IN ({needed}) AND started_on <= {_date(end)}
        AND (ended_on IS NULL OR ended_on >= {_date(start)})
    GROUP BY initiative_id"""
    return _fetch(sql)


def activities_and_surveys_floor(start: date, end: date) -> tuple[list[tuple], list[tuple]]:
    activities = _fetch(
        f"""SELECT initiative_id, kind, audience, COUNT(*), SUM(attendees)
        FROM outcomes_activity WHERE held_on BETWEEN {_date(start)} AND {_date(end)}
        GROUP BY initiative_id, kind, audience"""
    )
    surveys = _fetch(
        f"""SELECT criterion_id, SUM(CASE WHEN agrees THEN 1 ELSE 0 END), COUNT(*)
        FROM outcomes_surveyanswer WHERE answered_on BETWEEN {_date(start)} AND {_date(end)}
        GROUP BY criterion_id"""
    )
    return activities, surveys


def every_criterion_floor(as_of: date) -> None:
    """Every kind once: what computing all criteria must at least cost."""
    start = as_of.replace(month=1, day=1)
    cohort_status_floor(as_of)
    crime_floor(as_of)
    counts_floor(start, as_of)
    activities_and_surveys_floor(start, as_of)
