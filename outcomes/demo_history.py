"""The demo's one time frame, the seeds' years to today, for the initiatives the case records
leave empty: synthetic participants in the periods the seeds' criteria name and in each
initiative's running years (women's projects, the 2010–11 intervention-team pilot,
Fremskudt Nørrebro's 2014, …), with the statuses and police records their criteria count.

They are the demo families' members who were the right age (and, for the women's projects,
mothers) then, and where the families have too few, grown-up older siblings added to them;
their families are followed now, so retention keeps them. Every one is synthetic, like the
rest of the demo population."""

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from accounts.models import User
from initiatives.models import Initiative
from outcomes.criteria import days_after
from outcomes.models import (
    CrimeEvent,
    EndReason,
    ObservationSource,
    OfferKind,
    Participation,
    StatusObservation,
)
from people.cpr import synthetic_cpr
from people.models import Household, HouseholdMember, HouseholdRole, Person


@dataclass(frozen=True)
class Stream:
    slug: str
    first: date  # starts fall from first to last
    last: date
    people: int
    ages: tuple[int, int]  # age at the start, from and until
    offer: str
    mothers_only: bool = False
    # Status 12 months after the start: (status, share) drawn in turn; the rest 'none'.
    outcomes: list[tuple[str, float]] = field(default_factory=list)
    crime_before_after: tuple[float, float] | None = None  # shares charged before / after


STREAMS = [
    # 002: "i kontakt med 100 udsatte familier pr. 30.6.2010" (from November 2008).
    Stream("bydelsmoedre", date(2008, 11, 1), date(2010, 6, 30), 96, (22, 60),
           OfferKind.COUNSELLING, mothers_only=True),
    # 001: "løbende 30 familier" in the 2010–11 pilot; one participant per family.
    Stream("interventionsteam", date(2010, 1, 1), date(2011, 12, 31), 28, (28, 60),
           OfferKind.COORDINATED),
    # 003: "Mindst 190 uroskabende unge modtager aktivt tilbud i 2014"; 20 % in education or
    # a job after 3, 6 and 12 months.
    Stream("fremskudt-norrebro", date(2014, 1, 1), date(2014, 12, 31), 176, (16, 25),
           OfferKind.ACTIVE_EMPLOYMENT, outcomes=[("education", 0.14), ("job", 0.1)]),
    # 002: FAKTI "ca. 60 kvinder om året", 2010–13.
    *[
        Stream("fakti", date(year, 1, 1), date(year, 12, 31), 58, (20, 60),
               OfferKind.COUNSELLING, mothers_only=True)
        for year in range(2010, 2014)
    ],
    # 002: Kringlebakken, 2010–13: children in day care (50 %), on to language school,
    # education or a job (40 %).
    Stream("kringlebakken", date(2010, 1, 1), date(2013, 12, 31), 48, (18, 45),
           OfferKind.COUNSELLING, mothers_only=True,
           outcomes=[("child_in_daycare", 0.52), ("language_school", 0.3), ("job", 0.12)]),
    # 002: Dansk Flygtningehjælp, "ca. 750 … årligt", 2008–10.
    *[
        Stream("dansk-flygtningehjaelp", date(year, 1, 1), date(year, 12, 31), 700, (6, 70),
               OfferKind.OTHER)
        for year in (2008, 2009, 2010)
    ],
    # 002: street-level work with young people 10–18, to 2010.
    Stream("gadeplansindsats", date(2009, 1, 1), date(2010, 12, 31), 90, (10, 18),
           OfferKind.OTHER, crime_before_after=(0.3, 0.2)),
    # 002: Nexus (15–17) and Den Flyvende Hollænder (12–14), to 2012: 9th grade, youth
    # education, a job; less crime.
    Stream("nexus", date(2009, 9, 1), date(2012, 6, 30), 60, (15, 17), OfferKind.COUNSELLING,
           outcomes=[("completed_9th_grade", 0.35), ("youth_education", 0.3), ("job", 0.1)],
           crime_before_after=(0.4, 0.25)),
    Stream("den-flyvende-hollaender", date(2010, 1, 1), date(2012, 6, 30), 50, (12, 14),
           OfferKind.COUNSELLING,
           outcomes=[("completed_9th_grade", 0.45), ("youth_education", 0.2)],
           crime_before_after=(0.3, 0.2)),
    # 002: Den Korte Snor Plus (18–25), 2010–12: less crime, more in a job.
    Stream("den-korte-snor-plus", date(2010, 1, 1), date(2012, 6, 30), 40, (18, 25),
           OfferKind.COUNSELLING, outcomes=[("job", 0.35)], crime_before_after=(0.6, 0.4)),
]  # fmt: skip


def _age(born: date, on: date) -> float:
    return (on - born).days / 365.25


def demo_history_create(*, rng: random.Random, today: date, by: User) -> int:
    """Participants (with their statuses and police records) for every stream whose
    initiative is in the catalogue; returns the number of participations."""
    initiatives = {i.slug: i for i in Initiative.objects.filter(slug__in={s.slug for s in STREAMS})}
    members = list(
        Person.objects.filter(is_synthetic=True, household_memberships__isnull=False)
        .values_list("pk", "birth_date", "sex", "household_memberships__role")
        .distinct()
    )
    siblings = _OlderSiblings(rng)
    participations, observations, crimes = [], [], []
    for stream in STREAMS:
        initiative = initiatives.get(stream.slug)
        if initiative is None:
            continue
        span = (stream.last - stream.first).days
        chosen = []
        for pk, born, sex, role in rng.sample(members, len(members)):
            if len(chosen) == stream.people:
                break
            started = stream.first + timedelta(days=rng.randrange(span + 1))
            if stream.mothers_only and (sex != "K" or role != HouseholdRole.PARENT):
                continue
            if stream.ages[0] <= _age(born, started) < stream.ages[1]:
                chosen.append((pk, started))
        if not stream.mothers_only:
            for _ in range(stream.people - len(chosen)):
                started = stream.first + timedelta(days=rng.randrange(span + 1))
                chosen.append((siblings.add(started, stream.ages), started))
        for pk, started in chosen:
            ended = min(started + timedelta(days=rng.randrange(90, 330)), stream.last)
            ended = max(ended, started)
            participations.append(
                Participation(
                    person_id=pk,
                    initiative=initiative,
                    offer_kind=stream.offer,
                    started_on=started,
                    ended_on=ended,
                    end_reason=EndReason.COMPLETED,
                    created_by=by,
                )
            )
            observations += _statuses(rng, stream, pk, started, by, today)
            crimes += _crimes(rng, stream, pk, started, today)
    Participation.objects.bulk_create(participations, batch_size=500)
    StatusObservation.objects.bulk_create(observations, batch_size=500)
    CrimeEvent.objects.bulk_create(crimes, batch_size=500)
    return len(participations)


class _OlderSiblings:
    """Grown-up older siblings added to demo families, of an age to have taken part then."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.households = list(Household.objects.filter(members__person__is_synthetic=True)
                               .distinct().values_list("pk", "name"))  # fmt: skip
        self.issued = set(Person.objects.exclude(cpr=None).values_list("cpr", flat=True))

    def add(self, started: date, ages: tuple[int, int]) -> int:
        rng = self.rng
        born = started - timedelta(days=int(rng.uniform(ages[0], ages[1] - 0.01) * 365.25))
        if (born.month, born.day) == (1, 1):  # synthetic CPR numbers avoid 1 January
            born = born.replace(day=2)
        sex = rng.choice("MK")
        serial = 0
        while (cpr := synthetic_cpr(born, sex=sex, serial=serial)) in self.issued:
            serial += 1
            if serial == 100:
                born, serial = born + timedelta(days=1), 0
        self.issued.add(cpr)
        household, name = rng.choice(self.households)
        person = Person.objects.create(
            cpr=cpr,
            first_name=rng.choice(["Ali", "Sara", "Mikkel", "Amira", "Jonas", "Fatima"]),
            last_name=name.removeprefix("Familien "),
            birth_date=born,
            sex=sex,
            is_synthetic=True,
        )
        HouseholdMember.objects.create(
            household_id=household, person=person, role=HouseholdRole.SIBLING
        )
        return person.pk


def _statuses(
    rng: random.Random, stream: Stream, pk: int, started: date, by: User, today: date
) -> list[StatusObservation]:
    """A status at the start (the baseline 'rises' criteria compare with) and, for most, at
    3 and 12 months: one of the stream's outcomes by its share, else none."""
    if not stream.outcomes:
        return []

    def drawn() -> str:
        roll = rng.random()
        for status, share in stream.outcomes:
            if roll < share:
                return status
            roll -= share
        return "none"

    rows = [StatusObservation(person_id=pk, observed_on=started, status="none",
                              source=ObservationSource.CASEWORKER, recorded_by=by)]  # fmt: skip
    outcome = drawn()
    for months in (3, 6, 12):
        day = started + timedelta(days=days_after(months) + rng.randrange(-10, 11))
        if day <= today and rng.random() < 0.85:
            rows.append(
                StatusObservation(
                    person_id=pk,
                    observed_on=day,
                    status=outcome if months == 12 or rng.random() < 0.7 else "none",
                    source=ObservationSource.FOLLOW_UP,
                    recorded_by=by,
                )
            )
    return rows


def _crimes(
    rng: random.Random, stream: Stream, pk: int, started: date, today: date
) -> list[CrimeEvent]:
    if stream.crime_before_after is None:
        return []
    before, after = stream.crime_before_after
    rows = []
    if rng.random() < before:
        rows.append(
            CrimeEvent(
                person_id=pk,
                occurred_on=started - timedelta(days=rng.randrange(10, 330)),
                kind="charge",
                category=rng.choice(["property", "violence", "drugs"]),
            )
        )
    if rng.random() < after:
        day = started + timedelta(days=rng.randrange(20, 330))
        if day <= today:
            rows.append(
                CrimeEvent(
                    person_id=pk,
                    occurred_on=day,
                    kind=rng.choice(["charge", "conviction"]),
                    category="property",
                )  # fmt: skip
            )
    return rows
