"""From the records to an analysis (evidence.estimators.Design): who was offered or started an
initiative, who could have been but was not, what was known about each before the index date,
and what became of them.

The comparison pool is everyone the municipality's records follow (an SSP case, a job-centre
register status, a participation in another initiative) who was never offered this initiative,
of an age the initiative takes. A pool person gets a row in each calendar half-year in which
someone started, dated on the median start of that half-year. Outcomes are measured the same
way for both groups, from the start (index) date: a status observation within ±31 days of
k months after it (as the criteria count), a police record within the recidivism window."""

from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from operator import itemgetter

import numpy as np
from django.conf import settings
from django.db.models import Avg

from cases.models import SspCase
from initiatives.models import Initiative, MeasureKind
from outcomes.criteria import (
    DEFAULT_FOLLOW_UP_MONTHS,
    OBSERVATION_WINDOW_DAYS,
    criterion_terms,
    days_after,
    follow_up_months,
)
from outcomes.models import (
    AssessmentScore,
    CrimeEvent,
    ObservationSource,
    Participation,
    StatusObservation,
    WaitingListEntry,
)
from people.models import CityDistrict, Person

LOOK_BACK_DAYS = 730  # prior charges and convictions: the two years before the index date
STATUS_AT_START_DAYS = 183  # the latest status in the half-year before the index date
SCORE_AT_START_DAYS = 365
GOOD_START_STATUSES = frozenset({"job", "education", "wage_subsidy", "self_supporting"})
AGE_BANDS = ((0, 15), (15, 18), (18, 21), (21, 26), (26, 200))
DISTRICTS = [d.value for d in CityDistrict]
first = itemgetter(0)


@dataclass(frozen=True)
class Outcome:
    """One measure the card estimates an effect on."""

    key: str
    kind: str  # "status", "recidivism", "progression"
    months: int
    statuses: frozenset[str] = frozenset()
    crime_kinds: frozenset[str] = frozenset()
    criterion_id: int | None = None
    criterion_text: str = ""
    from_end: bool = False  # the criterion counts from the offer's end; measured from start


def recidivism_definitions() -> list[tuple[str, frozenset[str], int]]:
    """(key, crime kinds, months): configured in settings (DOMAIN.md §6: a new police
    registration within 9 months; a new sentence within 2 years)."""
    return [
        (key, frozenset(kinds), months)
        for key, (kinds, months) in settings.SIKKERBY_RECIDIVISM_DEFINITIONS.items()
    ]


def initiative_outcomes(initiative: Initiative) -> list[Outcome]:
    """The initiative's own person-level status criteria, both recidivism definitions and the
    change in progression."""
    outcomes, seen = [], set()
    for criterion in initiative.success_criteria.filter(kind=MeasureKind.COHORT_SHARE):
        terms = criterion_terms(criterion.statuses)
        if not terms.statuses or terms.unknown:
            continue
        months_list = follow_up_months(criterion.follow_up_months) or [DEFAULT_FOLLOW_UP_MONTHS]
        months = 6 if 6 in months_list else months_list[0]
        key = (terms.statuses, months)
        if key in seen:
            continue
        seen.add(key)
        outcomes.append(
            Outcome(
                key=f"criterion-{criterion.pk}",
                kind="status",
                months=months,
                statuses=terms.statuses,
                criterion_id=criterion.pk,
                criterion_text=criterion.text,
                from_end="afslutning" in criterion.start_event.lower(),
            )
        )
    for key, kinds, months in recidivism_definitions():
        outcomes.append(Outcome(key=key, kind="recidivism", months=months, crime_kinds=kinds))
    outcomes.append(Outcome(key="progression", kind="progression", months=6))
    return outcomes


@dataclass
class PersonRecords:
    """Everything the analysis reads about the persons the records follow, loaded once."""

    birth: dict[int, date] = field(default_factory=dict)
    sex: dict[int, str] = field(default_factory=dict)
    district: dict[int, str] = field(default_factory=dict)
    cases: dict[int, list[tuple[date, int]]] = field(default_factory=lambda: defaultdict(list))
    crimes: dict[int, list[tuple[date, str]]] = field(default_factory=lambda: defaultdict(list))
    statuses: dict[int, list[tuple[date, str]]] = field(default_factory=lambda: defaultdict(list))
    scores: dict[int, list[tuple[date, float]]] = field(default_factory=lambda: defaultdict(list))
    followed: set[int] = field(default_factory=set)  # the pool: persons the records follow


def person_records_load() -> PersonRecords:
    records = PersonRecords()
    for person_id, reported_on, level in SspCase.objects.values_list(
        "person_id", "reported_on", "level"
    ):
        records.cases[person_id].append((reported_on, level))
    followed = set(records.cases)
    followed |= set(Participation.objects.values_list("person_id", flat=True).distinct())
    followed |= set(
        StatusObservation.objects.filter(source=ObservationSource.JOB_CENTRE)
        .values_list("person_id", flat=True)
        .distinct()
    )
    records.followed = followed
    for pk, birth, sex, district in Person.objects.filter(pk__in=followed).values_list(
        "pk", "birth_date", "sex", "district"
    ):
        records.birth[pk], records.sex[pk], records.district[pk] = birth, sex, district
    for person_id, day, kind in CrimeEvent.objects.order_by("occurred_on").values_list(
        "person_id", "occurred_on", "kind"
    ):
        records.crimes[person_id].append((day, kind))
    for person_id, day, status in StatusObservation.objects.order_by("observed_on").values_list(
        "person_id", "observed_on", "status"
    ):
        records.statuses[person_id].append((day, status))
    mean_scores = (
        AssessmentScore.objects.values("assessment__person_id", "assessment__assessed_on")
        .annotate(mean=Avg("score"))
        .order_by("assessment__assessed_on")
        .values_list("assessment__person_id", "assessment__assessed_on", "mean")
    )
    for person_id, day, mean in mean_scores:
        records.scores[person_id].append((day, float(mean)))
    return records


def _between(events: list, start: date, end: date) -> list:
    """The (date, value) events with start < date <= end (events sorted by date)."""
    return events[bisect_right(events, start, key=first) : bisect_right(events, end, key=first)]


def half_year(day: date) -> int:
    return day.year * 2 + (day.month > 6)


def age_on(birth: date, day: date) -> float:
    return (day - birth).days / 365.25


def age_band(age: float) -> str:
    for low, high in AGE_BANDS:
        if low <= age < high:
            return f"{low}-{high - 1}" if high < 200 else f"{low}+"
    return "?"


def ssp_level_on(records: PersonRecords, person_id: int, day: date) -> int:
    """The highest level of the person's SSP cases reported by that day (0: none)."""
    return max(
        (level for reported, level in records.cases.get(person_id, ()) if reported <= day),
        default=0,
    )


@dataclass
class Analysis:
    """The rows of one analysis and their covariates; outcomes are computed per measure."""

    person: list[int]
    index: list[date]
    treated: np.ndarray
    covariates: np.ndarray
    names: tuple[str, ...]
    stratum: np.ndarray
    groups: dict[str, list[str]]  # subgroup labels per row, for the moderators


COVARIATE_NAMES = (
    "age",
    "male",
    *(f"district:{d}" for d in DISTRICTS[1:]),
    *(f"ssp_level:{k}" for k in range(1, 5)),
    "prior_charges",
    "prior_convictions",
    "start_job_or_education",
    "start_status_unknown",
    "has_progression_score",
    "progression_score",
)


def _covariates(records: PersonRecords, person_id: int, day: date) -> list[float]:
    age = age_on(records.birth[person_id], day)
    district = records.district.get(person_id, "")
    level = ssp_level_on(records, person_id, day)
    prior = _between(records.crimes.get(person_id, []), day - timedelta(LOOK_BACK_DAYS), day)
    recent = _between(
        records.statuses.get(person_id, []), day - timedelta(STATUS_AT_START_DAYS), day
    )
    scores = _between(records.scores.get(person_id, []), day - timedelta(SCORE_AT_START_DAYS), day)
    return [
        age,
        float(records.sex.get(person_id) == "M"),
        *(float(district == d) for d in DISTRICTS[1:]),
        *(float(level == k) for k in range(1, 5)),
        float(sum(kind == "charge" for _, kind in prior)),
        float(sum(kind == "conviction" for _, kind in prior)),
        float(bool(recent) and recent[-1][1] in GOOD_START_STATUSES),
        float(not recent),
        float(bool(scores)),
        scores[-1][1] if scores else 0.0,
    ]


def _groups(records: PersonRecords, person_id: int, day: date) -> list[str]:
    level = ssp_level_on(records, person_id, day)
    return [
        age_band(age_on(records.birth[person_id], day)),
        records.sex.get(person_id, "") or "?",
        records.district.get(person_id, "") or "?",
        str(level),
    ]


MODERATORS = ("age_band", "sex", "district", "ssp_level")


def treated_index_dates(initiative: Initiative, *, offered: bool, as_of: date) -> dict[int, date]:
    """Each person's first start (or first offer: referral, waiting list) up to `as_of`."""
    first: dict[int, date] = {}
    rows = Participation.objects.filter(initiative=initiative, started_on__lte=as_of).values_list(
        "person_id", "started_on", "referred_on"
    )
    for person_id, started, referred in rows:
        day = min(started, referred) if offered and referred else started
        if day <= as_of and (person_id not in first or day < first[person_id]):
            first[person_id] = day
    if offered:
        waiting = WaitingListEntry.objects.filter(
            initiative=initiative, added_on__lte=as_of
        ).values_list("person_id", "added_on")
        for person_id, added in waiting:
            if person_id not in first or added < first[person_id]:
                first[person_id] = added
    return first


def ever_offered(initiative: Initiative) -> set[int]:
    return set(
        Participation.objects.filter(initiative=initiative).values_list("person_id", flat=True)
    ) | set(
        WaitingListEntry.objects.filter(initiative=initiative).values_list("person_id", flat=True)
    )


def analysis_build(
    records: PersonRecords, initiative: Initiative, *, offered: bool, as_of: date
) -> Analysis:
    treated_dates = {
        pk: day
        for pk, day in treated_index_dates(initiative, offered=offered, as_of=as_of).items()
        if pk in records.birth
    }
    by_stratum: dict[int, list[date]] = defaultdict(list)
    for day in treated_dates.values():
        by_stratum[half_year(day)].append(day)
    ages = [age_on(records.birth[pk], day) for pk, day in treated_dates.items()]
    low = (
        float(initiative.target_age_min)
        if initiative.target_age_min is not None
        else min(ages, default=0)
    )
    high = (
        float(initiative.target_age_max) + 1
        if initiative.target_age_max is not None
        else max(ages, default=0) + 0.01
    )
    excluded = ever_offered(initiative)
    person, index, treated, stratum = [], [], [], []
    for pk, day in treated_dates.items():
        person.append(pk), index.append(day), treated.append(True), stratum.append(half_year(day))
    for s, days in sorted(by_stratum.items()):
        day = sorted(days)[len(days) // 2]
        for pk in records.followed:
            if pk in excluded or pk not in records.birth:
                continue
            if low <= age_on(records.birth[pk], day) < high:
                person.append(pk), index.append(day), treated.append(False), stratum.append(s)
    covariates = np.array(
        [_covariates(records, pk, day) for pk, day in zip(person, index, strict=True)], float
    ).reshape(len(person), len(COVARIATE_NAMES))
    groups = [_groups(records, pk, day) for pk, day in zip(person, index, strict=True)]
    return Analysis(
        person=person,
        index=index,
        treated=np.array(treated, bool),
        covariates=covariates,
        names=COVARIATE_NAMES,
        stratum=np.array(stratum, int),
        groups={m: [g[i] for g in groups] for i, m in enumerate(MODERATORS)},
    )


def outcome_values(
    records: PersonRecords, analysis: Analysis, outcome: Outcome, *, as_of: date
) -> tuple[np.ndarray, np.ndarray]:
    """(outcome, baseline) per row: 1/0, NaN where not observed or not yet matured."""
    offset = days_after(outcome.months)
    values, baselines = [], []
    for pk, day in zip(analysis.person, analysis.index, strict=True):
        due = day + timedelta(days=offset)
        if due > as_of:
            values.append(np.nan), baselines.append(np.nan)
            continue
        if outcome.kind == "status":
            window = _between(
                records.statuses.get(pk, []),
                due - timedelta(days=OBSERVATION_WINDOW_DAYS + 1),
                due + timedelta(days=OBSERVATION_WINDOW_DAYS),
            )
            values.append(
                float(any(s in outcome.statuses for _, s in window)) if window else np.nan
            )
            before = _between(
                records.statuses.get(pk, []), day - timedelta(STATUS_AT_START_DAYS), day
            )
            baselines.append(float(before[-1][1] in outcome.statuses) if before else np.nan)
        elif outcome.kind == "recidivism":
            crimes = records.crimes.get(pk, [])
            after = _between(crimes, day, due)
            before = _between(crimes, day - timedelta(days=offset), day)
            values.append(float(any(k in outcome.crime_kinds for _, k in after)))
            baselines.append(float(any(k in outcome.crime_kinds for _, k in before)))
        else:  # progression: improved by at least one point on the mean score
            scores = records.scores.get(pk, [])
            start = _between(scores, day - timedelta(SCORE_AT_START_DAYS), day + timedelta(31))
            later = _between(scores, due - timedelta(61), due + timedelta(61))
            values.append(float(later[-1][1] - start[0][1] >= 1) if start and later else np.nan)
            baselines.append(np.nan)
    return np.array(values, float), np.array(baselines, float)


def data_version() -> tuple:
    """Changes whenever a record the analysis reads is added, changed or removed."""
    from django.db.models import Count, Max, Sum

    parts = []
    for model, edits in (
        (Participation, Sum("version")),
        (WaitingListEntry, Count("removed_on")),
        (StatusObservation, Max("created_at")),
        (CrimeEvent, Count("pk")),
        (AssessmentScore, Sum("score")),
        (SspCase, Sum("version")),
        (Person, Sum("version")),
    ):
        agg = model.objects.aggregate(n=Count("pk"), top=Max("pk"), edits=edits)
        parts.append((agg["n"], agg["top"], str(agg["edits"])))
    return tuple(parts)
