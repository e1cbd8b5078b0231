"""From the records to an analysis (evidence.estimators.Design): who was offered or started an
initiative, who could have been but was not, what was known about each before the index date,
and what became of them.

The comparison pool is everyone the municipality's records follow (an SSP case, a job-centre
register status, a participation in another initiative) who was never offered this initiative,
of an age the initiative takes. A pool person gets a row in each calendar half-year in which
someone started, dated 1 April or 1 October (the middle of the half-year); where the pool is
larger than POOL_PER_TREATED per starter (and than POOL_ALWAYS_KEPT), a fixed random draw. Outcomes are
measured the same way for both groups, from the start (index) date: a status observation
within ±31 days of k months after it (as the criteria count), a police record within the
recidivism window."""

import hashlib
from collections import Counter
from dataclasses import dataclass
from datetime import date

import numpy as np
from django.conf import settings
from django.db.models import Avg

from cases.models import SspCase
from initiatives.models import Funding, Initiative, MeasureKind, SuccessCriterion
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
# At most this many pool members per starter in a half-year, drawn at random: beyond it a
# larger pool narrows the interval by little (its variance share is 1/k of the treated's)
# and costs time in proportion (a municipality's whole register is tens of thousands).
POOL_PER_TREATED = 10
POOL_ALWAYS_KEPT = 2000  # a pool this small is kept whole: rare comparable people stay in it
AGE_BANDS = ((0, 15), (15, 18), (18, 21), (21, 26), (26, 200))
DISTRICTS = [d.value for d in CityDistrict]


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


# Keys that sort a person's records by date: person id × KEY_SPAN + the date's ordinal, so
# that one binary search over all persons' records answers "how many of this person's records
# fall between two dates" for every row at once.
KEY_SPAN = 10**6


def _keys(person_ids, days) -> np.ndarray:
    return np.asarray(person_ids, np.int64) * KEY_SPAN + np.asarray(days, np.int64)


def _ordinals(days) -> np.ndarray:
    return np.array([d.toordinal() for d in days], np.int64)


@dataclass
class Events:
    """One kind of record (police records, statuses, scores, SSP cases) for every person,
    sorted by key, with its values."""

    keys: np.ndarray
    values: np.ndarray

    @classmethod
    def of(cls, rows: list[tuple[int, date, object]], dtype=object) -> "Events":
        keys = _keys([r[0] for r in rows], _ordinals([r[1] for r in rows]))
        order = np.argsort(keys, kind="stable")
        return cls(keys[order], np.array([r[2] for r in rows], dtype=dtype)[order])

    def where(self, mask: np.ndarray) -> "Events":
        return Events(self.keys[mask], self.values[mask])

    def count_between(self, persons: np.ndarray, after: np.ndarray, until: np.ndarray):
        """Records with after < date <= until, per row."""
        return np.searchsorted(self.keys, _keys(persons, until), "right") - np.searchsorted(
            self.keys, _keys(persons, after), "right"
        )

    def last_until(self, persons: np.ndarray, after: np.ndarray, until: np.ndarray):
        """(position of each row's last record with after < date <= until, found)."""
        if len(self.keys) == 0:
            return np.zeros(len(persons), np.int64), np.zeros(len(persons), bool)
        at = np.searchsorted(self.keys, _keys(persons, until), "right") - 1
        found = (at >= 0) & (self.keys[np.maximum(at, 0)] > _keys(persons, after))
        return np.maximum(at, 0), found

    def first_from(self, persons: np.ndarray, after: np.ndarray, until: np.ndarray):
        """(position of each row's first record with after < date <= until, found)."""
        if len(self.keys) == 0:
            return np.zeros(len(persons), np.int64), np.zeros(len(persons), bool)
        at = np.searchsorted(self.keys, _keys(persons, after), "right")
        inside = np.minimum(at, len(self.keys) - 1)
        found = (at < len(self.keys)) & (self.keys[inside] <= _keys(persons, until))
        return inside, found

    def value_at(self, at: np.ndarray, found: np.ndarray, default) -> np.ndarray:
        """The values at positions found by the searches above; `default` where not found."""
        if len(self.values) == 0:
            return np.full(len(at), default)
        return np.where(found, self.values[at], default)


@dataclass
class PersonRecords:
    """Everything the analysis reads about the persons the records follow, loaded once."""

    birth: dict[int, int]  # date ordinals
    sex: dict[int, str]
    district: dict[int, str]
    cases: Events  # values: the highest SSP level so far (running over the person's cases)
    crimes: Events  # values: the crime kind
    statuses: Events  # values: the status code
    scores: Events  # values: the mean score of an assessment
    followed: np.ndarray  # the pool: persons the records follow, with a birth date


def no_person_records() -> PersonRecords:
    """For an initiative nobody has been offered: nothing to read."""
    empty = Events.of([])
    return PersonRecords({}, {}, {}, empty, empty, empty, empty, np.array([], np.int64))


def person_records_load() -> PersonRecords:
    cases = list(SspCase.objects.values_list("person_id", "reported_on", "level"))
    followed = {row[0] for row in cases}
    followed |= set(Participation.objects.values_list("person_id", flat=True).distinct())
    followed |= set(
        StatusObservation.objects.filter(source=ObservationSource.JOB_CENTRE)
        .values_list("person_id", flat=True)
        .distinct()
    )
    birth, sex, district = {}, {}, {}
    for pk, born, person_sex, person_district in Person.objects.filter(pk__in=followed).values_list(
        "pk", "birth_date", "sex", "district"
    ):
        birth[pk], sex[pk], district[pk] = born.toordinal(), person_sex, person_district
    case_events = Events.of(cases, dtype=np.int64)
    # Person id × 10 + level, accumulated: within a person's run, the highest level so far
    # (an earlier person's value is always smaller than any of this person's).
    running = np.maximum.accumulate(case_events.keys // KEY_SPAN * 10 + case_events.values)
    case_events.values = running % 10 if len(running) else running
    mean_scores = (
        AssessmentScore.objects.values("assessment__person_id", "assessment__assessed_on")
        .annotate(mean=Avg("score"))
        .values_list("assessment__person_id", "assessment__assessed_on", "mean")
    )
    return PersonRecords(
        birth=birth,
        sex=sex,
        district=district,
        cases=case_events,
        crimes=Events.of(list(CrimeEvent.objects.values_list("person_id", "occurred_on", "kind"))),
        statuses=Events.of(
            list(StatusObservation.objects.values_list("person_id", "observed_on", "status"))
        ),
        scores=Events.of([(p, d, float(m)) for p, d, m in mean_scores], dtype=float),
        followed=np.array(sorted(followed & set(birth)), np.int64),
    )


def half_year(day: date) -> int:
    return day.year * 2 + (day.month > 6)


def half_year_middle(stratum: int) -> date:
    """The index date of the pool's rows in a half-year: 1 April or 1 October."""
    return date(stratum // 2, 10 if stratum % 2 else 4, 1)


def age_band(age: float) -> str:
    for low, high in AGE_BANDS:
        if low <= age < high:
            return f"{low}-{high - 1}" if high < 200 else f"{low}+"
    return "?"


@dataclass
class Analysis:
    """The rows of one analysis and their covariates; outcomes are computed per measure."""

    person: np.ndarray  # person ids
    index: np.ndarray  # index dates as ordinals
    treated: np.ndarray
    covariates: np.ndarray
    names: tuple[str, ...]
    stratum: np.ndarray
    groups: dict[str, np.ndarray]  # subgroup labels per row, for the moderators

    @property
    def index_years(self) -> np.ndarray:
        return np.array([date.fromordinal(int(d)).year for d in self.index], np.int64)


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
MODERATORS = ("age_band", "sex", "district", "ssp_level")


def _levels(records: PersonRecords, persons: np.ndarray, days: np.ndarray) -> np.ndarray:
    """The highest level of each row's SSP cases reported by its day (0: none); a case of any
    earlier date counts (after = ordinal -1 reaches back to the person's first record)."""
    at, found = records.cases.last_until(persons, np.full(len(days), -1), days)
    return records.cases.value_at(at, found, 0).astype(np.int64)


def _rows(records: PersonRecords, persons: np.ndarray, days: np.ndarray):
    """(covariates, subgroup labels) of every row, known on its index date."""
    if len(persons) == 0:
        return np.zeros((0, len(COVARIATE_NAMES))), {m: np.array([], str) for m in MODERATORS}
    ages = (days - np.array([records.birth[p] for p in persons])) / 365.25
    districts = np.array([records.district.get(p, "") for p in persons])
    sexes = np.array([records.sex.get(p, "") or "?" for p in persons])
    levels = _levels(records, persons, days)
    look_back = days - LOOK_BACK_DAYS
    charges = records.crimes.where(records.crimes.values == "charge")
    convictions = records.crimes.where(records.crimes.values == "conviction")
    at, known = records.statuses.last_until(persons, days - STATUS_AT_START_DAYS, days)
    good = np.isin(records.statuses.value_at(at, known, ""), list(GOOD_START_STATUSES))
    score_at, scored = records.scores.last_until(persons, days - SCORE_AT_START_DAYS, days)
    covariates = np.column_stack(
        [
            ages,
            sexes == "M",
            *(districts == d for d in DISTRICTS[1:]),
            *(levels == k for k in range(1, 5)),
            charges.count_between(persons, look_back, days),
            convictions.count_between(persons, look_back, days),
            good,
            ~known,
            scored,
            records.scores.value_at(score_at, scored, 0.0),
        ]
    ).astype(float)
    groups = {
        "age_band": np.array([age_band(a) for a in ages]),
        "sex": sexes,
        "district": np.where(districts == "", "?", districts),
        "ssp_level": levels.astype(str),
    }
    return covariates, groups


def treated_index_dates(initiative: Initiative, *, offered: bool, as_of: date) -> dict[int, date]:
    """Each person's first start (or first offer: referral, waiting list) up to `as_of`."""
    first: dict[int, date] = {}
    rows = Participation.objects.filter(initiative=initiative).values_list(
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
        pk: day.toordinal()
        for pk, day in treated_index_dates(initiative, offered=offered, as_of=as_of).items()
        if pk in records.birth
    }
    ages = [(day - records.birth[pk]) / 365.25 for pk, day in treated_dates.items()]
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
    pool = records.followed[~np.isin(records.followed, list(ever_offered(initiative)))]
    pool_births = np.array([records.birth[p] for p in pool], np.int64)
    persons = [np.array(list(treated_dates), np.int64)]
    days = [np.array(list(treated_dates.values()), np.int64)]
    strata = [np.array([half_year(date.fromordinal(d)) for d in days[0]], np.int64)]
    starters = Counter(strata[0].tolist())
    for s in sorted(starters):
        day = min(half_year_middle(s), as_of).toordinal()
        age = (day - pool_births) / 365.25
        chosen = pool[(low <= age) & (age < high)]
        cap = max(POOL_PER_TREATED * starters[s], POOL_ALWAYS_KEPT)
        if len(chosen) > cap:
            # A fixed draw per initiative and half-year: the same card every time.
            draw = np.random.default_rng([initiative.pk, s])
            chosen = np.sort(draw.choice(chosen, cap, replace=False))
        persons.append(chosen)
        days.append(np.full(len(chosen), day, np.int64))
        strata.append(np.full(len(chosen), s, np.int64))
    person, index = np.concatenate(persons), np.concatenate(days)
    covariates, groups = _rows(records, person, index)
    return Analysis(
        person=person,
        index=index,
        treated=np.arange(len(person)) < len(treated_dates),
        covariates=covariates,
        names=COVARIATE_NAMES,
        stratum=np.concatenate(strata),
        groups=groups,
    )


def outcome_values(
    records: PersonRecords, analysis: Analysis, outcome: Outcome, *, as_of: date
) -> tuple[np.ndarray, np.ndarray]:
    """(outcome, baseline) per row: 1/0, NaN where not observed or not yet matured."""
    persons, days = analysis.person, analysis.index
    due = days + days_after(outcome.months)
    matured = due <= as_of.toordinal()
    if outcome.kind == "status":
        window = (due - OBSERVATION_WINDOW_DAYS - 1, due + OBSERVATION_WINDOW_DAYS)
        observed = records.statuses.count_between(persons, *window) > 0
        hits = records.statuses.where(np.isin(records.statuses.values, list(outcome.statuses)))
        success = hits.count_between(persons, *window) > 0
        at, known = records.statuses.last_until(persons, days - STATUS_AT_START_DAYS, days)
        was = np.isin(records.statuses.value_at(at, known, ""), list(outcome.statuses))
        values = np.where(observed, success, np.nan)
        baseline = np.where(known, was, np.nan)
    elif outcome.kind == "recidivism":
        crimes = records.crimes.where(np.isin(records.crimes.values, list(outcome.crime_kinds)))
        values = (crimes.count_between(persons, days, due) > 0).astype(float)
        baseline = (crimes.count_between(persons, days - (due - days), days) > 0).astype(float)
    else:  # progression: improved by at least one point on the mean score
        scores = records.scores
        start, started = scores.first_from(persons, days - SCORE_AT_START_DAYS, days + 31)
        later, measured = scores.last_until(persons, due - 61, due + 61)
        change = scores.value_at(later, measured, 0.0) - scores.value_at(start, started, 0.0)
        values = np.where(started & measured, change >= 1, np.nan)
        baseline = np.full(len(persons), np.nan)
    values = np.where(matured, values, np.nan).astype(float)
    return values, np.where(matured, baseline, np.nan).astype(float)


def records_version() -> str:
    """A short stamp of `data_version`: the computed cards are stored under it."""
    return hashlib.sha256(repr(data_version()).encode()).hexdigest()[:16]


_loaded: dict[str, PersonRecords] = {}


def person_records_of(version: str) -> PersonRecords:
    """The records as of `version`, loaded once per process while the version holds (the
    worker computes one card after another from the same records)."""
    if version not in _loaded:
        _loaded.clear()  # one version at a time: the records of a replaced one are dropped
        _loaded[version] = person_records_load()
    return _loaded[version]


def data_version() -> tuple:
    """Changes whenever a record the analysis reads is added, changed or removed. Per table:
    the highest key (an index answers it at once), and for tables whose rows are edited or
    removed one by one, the rows and a sum their edits change. Status observations and police
    records are only ever added, or removed with their person (the purge erases a person and
    what is recorded about them), so their highest key and the persons' stamp suffice: their
    counts would cost a scan of millions of rows on PostgreSQL."""
    from django.db.models import Count, Max, Sum

    parts = []
    for model, edits in (
        (Participation, Sum("version")),
        (WaitingListEntry, Count("removed_on")),
        (StatusObservation, None),
        (CrimeEvent, None),
        (AssessmentScore, Sum("score")),
        (SspCase, Sum("version")),
        (Person, Sum("version")),
        (SuccessCriterion, Sum("version")),
        (Funding, Sum("amount")),
    ):
        rows = model.objects.all()
        parts.append(rows.aggregate(top=Max("pk"))["top"])
        if edits is not None:  # one scan for both
            counted = rows.aggregate(n=Count("pk"), edits=edits)
            parts.append((counted["n"], str(counted["edits"])))
    return tuple(parts)
