"""Synthetic records at a municipality's scale for the outcomes benchmark (`--scale 1` = one
large municipality: 30,000 persons, 60,000 cases, 150,000 participations, 1.5 million status
observations). Starts from the demo population (so the pages have real-looking cases) and
tops it up in bulk, in chunks so memory stays flat."""

import random
from datetime import timedelta

from django.utils import timezone

PERSONS, CASES, PARTICIPATIONS, OBSERVATIONS, CRIME_EVENTS = (
    30_000,
    60_000,
    150_000,
    1_500_000,
    100_000,
)
PERSONS_PER_YOUNG_PERSON = 3.86  # the demo's families: a young person, parents, siblings
CHUNK = 50_000


def scale_data_create(scale: float, rng: random.Random) -> dict[str, int]:
    from accounts.models import User
    from cases.demo_population import demo_population_create
    from people.models import Person

    demo_population_create(young_people=max(20, round(PERSONS * scale / PERSONS_PER_YOUNG_PERSON)))
    by = User.objects.get(username="sagsbehandler")
    person_ids = list(Person.objects.values_list("pk", flat=True))
    _cases_top_up(round(CASES * scale), person_ids, by, rng)
    participation_rows = _participations_top_up(round(PARTICIPATIONS * scale), person_ids, by, rng)
    _observations_top_up(round(OBSERVATIONS * scale), participation_rows, rng)
    _crime_events_top_up(round(CRIME_EVENTS * scale), person_ids, rng)
    return _counts()


def _chunks(total: int):
    for start in range(0, total, CHUNK):
        yield min(CHUNK, total - start)


def _cases_top_up(target: int, person_ids: list[int], by, rng: random.Random) -> None:
    """More SSP cases on random persons, on no one's caseload (they weigh on the tables and
    the overview, as the rest of a municipality's cases would)."""
    from cases.models import SspCase

    missing = target - SspCase.objects.count()
    today = timezone.localdate()
    for size in _chunks(max(0, missing)):
        rows = []
        for _ in range(size):
            reported = today - timedelta(days=rng.randrange(0, 6 * 365))
            rows.append(
                SspCase(
                    person_id=rng.choice(person_ids),
                    level=rng.choice([1, 1, 1, 2, 2, 3, 4]),
                    reporting_partner="Skole",
                    reported_on=reported,
                    ssp_district="Benchmark",
                    description="Syntetisk benchmark-sag",
                    legal_basis="consent",
                    consent_date=reported,
                    consent_scope="SSP",
                    opened_by=by,
                    closed_at=timezone.now() if rng.random() < 0.6 else None,
                )
            )
        SspCase.objects.bulk_create(rows, batch_size=5000)


def _participations_top_up(target: int, person_ids: list[int], by, rng: random.Random):
    """Participations spread over every initiative and seven years; returns (id, person,
    started, ended) for the observations to hang on."""
    from initiatives.models import Initiative
    from outcomes.models import Participation

    initiative_ids = list(Initiative.objects.values_list("pk", flat=True))
    missing = target - Participation.objects.count()
    today = timezone.localdate()
    for size in _chunks(max(0, missing)):
        rows = []
        for _ in range(size):
            started = today - timedelta(days=rng.randrange(0, 7 * 365))
            ended = started + timedelta(days=rng.randrange(30, 400))
            done = ended < today and rng.random() < 0.8
            rows.append(
                Participation(
                    person_id=rng.choice(person_ids),
                    initiative_id=rng.choice(initiative_ids),
                    offer_kind=rng.choice(["active_employment", "mentor", "counselling", "other"]),
                    started_on=started,
                    ended_on=ended if done else None,
                    end_reason="completed" if done else "",
                    created_by=by,
                )
            )
        Participation.objects.bulk_create(rows, batch_size=5000)
    return list(Participation.objects.values_list("pk", "person_id", "started_on", "ended_on"))


STATUSES = [
    "job",
    "education",
    "activation",
    "job_centre_contact",
    "none",
    "none",
    "leisure_job",
    "youth_education",
    "regular_attendance",
]


def _observations_top_up(target: int, participations: list, rng: random.Random) -> None:
    """Observations near 0, 3, 6 and 12 months after a participation's start or end, and some
    at random: what job-centre and school extracts would bring."""
    from outcomes.models import StatusObservation

    missing = target - StatusObservation.objects.count()
    today = timezone.localdate()
    for size in _chunks(max(0, missing)):
        rows = []
        for _ in range(size):
            _pk, person_id, started, ended = rng.choice(participations)
            anchor = ended if ended and rng.random() < 0.3 else started
            day = anchor + timedelta(days=rng.choice([0, 91, 183, 365, 500]) + rng.randint(-25, 25))
            rows.append(
                StatusObservation(
                    person_id=person_id,
                    observed_on=min(day, today),
                    status=rng.choice(STATUSES),
                    source="import",
                )
            )
        StatusObservation.objects.bulk_create(rows, batch_size=10000)


def _crime_events_top_up(target: int, person_ids: list[int], rng: random.Random) -> None:
    from outcomes.models import CrimeEvent

    missing = target - CrimeEvent.objects.count()
    today = timezone.localdate()
    for size in _chunks(max(0, missing)):
        CrimeEvent.objects.bulk_create(
            [
                CrimeEvent(
                    person_id=rng.choice(person_ids),
                    occurred_on=today - timedelta(days=rng.randrange(0, 7 * 365)),
                    kind=rng.choice(["arrest", "charge", "charge", "conviction"]),
                    category=rng.choice(["violence", "property", "drugs", "other"]),
                )
                for _ in range(size)
            ],
            batch_size=10000,
        )


def _counts() -> dict[str, int]:
    from cases.models import SspCase
    from outcomes.models import CrimeEvent, Participation, StatusObservation
    from people.models import Person

    return {
        "persons": Person.objects.count(),
        "cases": SspCase.objects.count(),
        "participations": Participation.objects.count(),
        "status observations": StatusObservation.objects.count(),
        "crime events": CrimeEvent.objects.count(),
    }
