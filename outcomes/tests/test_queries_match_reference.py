"""Property tests: the SQL computations equal a naive Python reading of the same records, on
random small datasets (dates around the windows' edges included)."""

from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from initiatives.models import Initiative
from outcomes import queries
from outcomes.criteria import OBSERVATION_WINDOW_DAYS, days_after
from outcomes.models import CrimeEvent, Participation, StatusObservation
from people.actions import person_create

AS_OF = date(2026, 6, 30)
STATUSES = ["job", "education", "none"]
day = st.integers(min_value=0, max_value=900).map(lambda d: AS_OF - timedelta(days=d))
participation = st.tuples(
    st.integers(0, 3), day, st.one_of(st.none(), st.integers(1, 400))
)  # (person, start, days until end or None)
observation = st.tuples(st.integers(0, 3), day, st.sampled_from(STATUSES))
crime = st.tuples(st.integers(0, 3), day, st.sampled_from(["arrest", "charge", "conviction"]))
HYPOTHESIS = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.fixture
def world(ssp_consultant):
    persons = [
        person_create(
            by=ssp_consultant,
            first_name=f"P{n}",
            last_name="Ref",
            birth_date=date(2008, 1, 1 + n),
            purpose="t",
        )
        for n in range(4)
    ]
    return Initiative.objects.get(slug="fremskudt-norrebro"), persons, ssp_consultant


def _store(world, participations, observations=(), crimes=()):
    initiative, persons, by = world
    for model in (Participation, StatusObservation, CrimeEvent):
        model.objects.all().delete()
    rows = []
    for person, started, length in participations:
        ended = started + timedelta(days=length) if length is not None else None
        if ended is not None and ended > AS_OF:
            ended = None
        rows.append((person, started, ended))
        Participation.objects.create(
            person=persons[person],
            initiative=initiative,
            offer_kind="other",
            started_on=started,
            ended_on=ended,
            end_reason="completed" if ended else "",
            created_by=by,
        )
    for person, observed_on, status in observations:
        StatusObservation.objects.create(
            person=persons[person], observed_on=observed_on, status=status, source="import"
        )
    for person, occurred_on, kind in crimes:
        CrimeEvent.objects.create(
            person=persons[person], occurred_on=occurred_on, kind=kind, category="other"
        )
    return initiative.pk, rows


@HYPOTHESIS
@given(
    st.lists(participation, max_size=6),
    st.lists(observation, max_size=12),
    st.sampled_from([0, 3, 6, 12]),
    st.sampled_from(["start", "end"]),
)
def test_cohort_shares_equal_the_naive_reading(world, parts, observations, months, anchor):
    initiative_id, rows = _store(world, parts, observations)
    offset = days_after(months)
    cohort = [
        (person, started if anchor == "start" else ended)
        for person, started, ended in rows
        if (started if anchor == "start" else ended) is not None
        and (started if anchor == "start" else ended) <= AS_OF - timedelta(days=offset)
    ]
    observed = successes = 0
    for person, anchor_day in cohort:
        low = anchor_day + timedelta(days=offset - OBSERVATION_WINDOW_DAYS)
        high = anchor_day + timedelta(days=offset + OBSERVATION_WINDOW_DAYS)
        seen = [s for p, d, s in observations if p == person and low <= d <= high]
        observed += bool(seen)
        successes += any(s in ("job", "education") for s in seen)
    assert queries.cohort_status_counts(
        scope=initiative_id,
        statuses=frozenset({"job", "education"}),
        months=months,
        anchor=anchor,
        as_of=AS_OF,
    ) == (successes, observed, len(cohort))


@HYPOTHESIS
@given(st.lists(participation, max_size=6), st.lists(crime, max_size=10), st.sampled_from([3, 12]))
def test_crime_before_and_after_the_start_equal_the_naive_reading(world, parts, crimes, months):
    initiative_id, rows = _store(world, parts, crimes=crimes)
    offset = timedelta(days=days_after(months))
    kinds = {"charge", "conviction"}
    cohort = [(person, started) for person, started, _ in rows if started <= AS_OF - offset]

    def with_event(after: bool) -> int:
        return sum(
            any(
                p == person
                and k in kinds
                and (started < d <= started + offset if after else started - offset < d <= started)
                for p, d, k in crimes
            )
            for person, started in cohort
        )

    assert queries.crime_before_after_counts(
        scope=initiative_id, crime_kinds=frozenset(kinds), months=months, as_of=AS_OF
    ) == (with_event(False), with_event(True), len(cohort))
    assert queries.recidivism_counts(
        scope=initiative_id, crime_kinds=frozenset(kinds), months=months, as_of=AS_OF
    ) == (with_event(True), len(cohort))


@HYPOTHESIS
@given(st.lists(participation, max_size=8), day, day)
def test_people_stock_and_occupied_days_equal_the_naive_reading(world, parts, one, other):
    initiative_id, rows = _store(world, parts)
    start, end = min(one, other), max(one, other)
    overlapping = [
        (person, s, e) for person, s, e in rows if s <= end and (e is None or e >= start)
    ]
    assert queries.distinct_participants(initiative_id, start, end) == len(
        {person for person, _, _ in overlapping}
    )
    assert queries.stock_on(initiative_id, end) == sum(
        1 for _, s, e in rows if s <= end and (e is None or e >= end)
    )
    assert queries.occupied_days(initiative_id, start, end) == sum(
        ((min(e or end, end) - max(s, start)).days + 1) for _, s, e in overlapping
    )


assessment = st.tuples(st.integers(0, 3), day, st.integers(1, 10), st.integers(1, 10))


@HYPOTHESIS
@given(st.lists(participation, min_size=1, max_size=5), st.lists(assessment, max_size=10))
def test_progression_in_sql_equals_the_reference_mean_changes(world, parts, assessments):
    from outcomes.models import Assessment, AssessmentScore, ProgressionParameter
    from outcomes.progression import initiative_progression, mean_changes

    initiative_id, rows = _store(world, parts)
    _, persons, by = world
    Assessment.objects.all().delete()
    first, second = ProgressionParameter.objects.filter(active=True)[:2]
    reference_rows = []
    for person, assessed_on, one, other in assessments:
        made = Assessment.objects.create(
            person=persons[person], assessed_on=assessed_on, assessed_by=by
        )
        for parameter, score in ((first, one), (second, other)):
            AssessmentScore.objects.create(assessment=made, parameter=parameter, score=score)
            if person in {p for p, _, _ in rows}:
                reference_rows.append((person, parameter.name, assessed_on, score))
    expected = {
        c.parameter: (c.people, c.mean_change) for c in mean_changes(reference_rows) if c.people
    }
    got = {c.parameter: (c.people, c.mean_change) for c in initiative_progression(initiative_id)}
    assert got.keys() == expected.keys()
    for name, (people, mean) in expected.items():
        assert got[name][0] == people and got[name][1] == pytest.approx(mean)
