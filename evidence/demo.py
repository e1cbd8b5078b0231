"""The demo's register extracts for the comparison pool (`sikkerby load_demo_registers`, after
`load_demo_population`): what the job centre's register and the police's records say about the
young people the records follow, quarter by quarter over the last three years. Synthetic, from
a fixed seed of its own, so the rest of the demo is unchanged.

- Job-centre status for every young person aged 15–25 with an SSP case, drawn from the same
  untreated chance the demo's planted effect is measured against
  (outcomes.demo.untreated_job_or_education_chance). A participant's register stops 45 days
  before their first start: after it, the initiative's follow-ups record their status.
- Police registrations at a rate that rises with the SSP level; for participants only more
  than a year before their first start, so no criterion's window changes.
- 150 more participants of the planted initiative (outcomes.demo.PLANTED_SLUG) over the last
  two and a half years, chosen more often on higher SSP levels (as 'uroskabende unge' are),
  with their follow-ups: their chance of job or education is the untreated one plus the
  planted effect, so the card has enough people to recover it.
- The inmates of 'Indsats for indsatte' have two prior convictions each, as people in prison
  do, which few in the pool have: their card is refused as an effect because balance fails."""

import random
from datetime import date, timedelta

from django.db.models import Min

from accounts.models import User
from cases.models import SspCase
from cases.rules import age_in_years
from initiatives.models import Initiative
from outcomes.actions import follow_up_rule
from outcomes.criteria import days_after
from outcomes.demo import PLANTED_EFFECT, PLANTED_SLUG, untreated_job_or_education_chance
from outcomes.models import (
    CrimeEvent,
    EndReason,
    FollowUp,
    FollowUpOutcome,
    ObservationSource,
    OfferKind,
    Participation,
    StatusObservation,
)

SEED = 1313
QUARTER_DAYS = 91
GOOD, OTHER = ["education", "job"], ["none", "activation", "job_centre_contact", "none"]
# Chance of a police registration per quarter by SSP level.
QUARTERLY_CRIME = {1: 0.02, 2: 0.06, 3: 0.1, 4: 0.14}
INMATES_SLUG = "indsats-for-indsatte"
PLANTED_PARTICIPANTS = 150


def demo_registers_create(*, today: date, by: User) -> tuple[int, int]:
    """Write the extracts; returns (status observations, police registrations)."""
    rng = random.Random(SEED)
    people: dict[int, tuple[date, int]] = {}
    for person_id, birth, level in SspCase.objects.filter(person__is_synthetic=True).values_list(
        "person_id", "person__birth_date", "level"
    ):
        people[person_id] = (birth, max(level, people.get(person_id, (birth, 0))[1]))
    _planted_participants_create(rng, today, people, by)
    first_start = dict(
        Participation.objects.values("person_id")
        .annotate(first=Min("started_on"))
        .values_list("person_id", "first")
    )
    observations, crimes = [], []
    begin = today - timedelta(days=3 * 365)
    for person_id, (birth, level) in sorted(people.items()):
        start = first_start.get(person_id)
        day = begin + timedelta(days=rng.randrange(QUARTER_DAYS))
        while day <= today:
            if 15 <= age_in_years(birth, day) < 26 and (
                start is None or day < start - timedelta(45)
            ):
                chance = untreated_job_or_education_chance(level, birth, day)
                observations.append(
                    StatusObservation(
                        person_id=person_id,
                        observed_on=day,
                        status=rng.choice(GOOD) if rng.random() < chance else rng.choice(OTHER),
                        source=ObservationSource.JOB_CENTRE,
                        recorded_by=by,
                    )
                )
            if (start is None or day < start - timedelta(366)) and rng.random() < QUARTERLY_CRIME[
                level
            ]:
                crimes.append(
                    CrimeEvent(
                        person_id=person_id,
                        occurred_on=day,
                        kind="conviction" if rng.random() < 0.2 else "charge",
                        category=rng.choice(["property", "violence", "drugs", "other"]),
                    )
                )
            day += timedelta(days=QUARTER_DAYS)
    for person_id, started in Participation.objects.filter(
        initiative__slug=INMATES_SLUG
    ).values_list("person_id", "started_on"):
        for _ in range(2):
            crimes.append(
                CrimeEvent(
                    person_id=person_id,
                    occurred_on=started - timedelta(days=rng.randrange(400, 700)),
                    kind="conviction",
                    category="property",
                    source="Kriminalforsorgen",
                )
            )
    StatusObservation.objects.bulk_create(observations, batch_size=1000)
    CrimeEvent.objects.bulk_create(crimes, batch_size=1000)
    return len(observations), len(crimes)


def _planted_participants_create(
    rng: random.Random, today: date, people: dict[int, tuple[date, int]], by: User
) -> None:
    initiative = Initiative.objects.filter(slug=PLANTED_SLUG).first()
    if initiative is None:
        return
    taking_part = set(Participation.objects.values_list("person_id", flat=True))
    rule = follow_up_rule(initiative)
    chosen: list[tuple[int, date]] = []
    for person_id, (birth, level) in sorted(people.items()):
        if person_id in taking_part or len(chosen) == PLANTED_PARTICIPANTS:
            continue
        started = today - timedelta(days=rng.randrange(200, 900))
        # Higher SSP levels are offered more often: the selection the comparison must undo.
        if 16 <= age_in_years(birth, started) < 26 and rng.random() < 0.1 + 0.15 * level:
            chosen.append((person_id, started))
    participations = []
    for person_id, started in chosen:
        ended = started + timedelta(days=rng.randrange(60, 300))
        participations.append(
            Participation(
                person_id=person_id,
                initiative=initiative,
                offer_kind=OfferKind.ACTIVE_EMPLOYMENT,
                referred_on=started - timedelta(days=rng.randrange(5, 40)),
                started_on=started,
                ended_on=ended if ended < today else None,
                end_reason=EndReason.COMPLETED if ended < today else "",
                created_by=by,
            )
        )
    Participation.objects.bulk_create(participations, batch_size=500)
    observations, follow_ups = [], []
    for participation in participations:
        birth, level = people[participation.person_id]
        for months in rule.get("start", []):
            due = participation.started_on + timedelta(days=days_after(months))
            follow_up = FollowUp(
                participation=participation, months=months, anchor="start", due_on=due
            )
            if due <= today:
                roll = rng.random()
                if roll < 0.75:
                    chance = untreated_job_or_education_chance(level, birth, due)
                    observation = StatusObservation(
                        person_id=participation.person_id,
                        observed_on=min(today, due + timedelta(days=rng.randrange(-20, 21))),
                        status=rng.choice(GOOD)
                        if rng.random() < chance + PLANTED_EFFECT
                        else rng.choice(OTHER),
                        source=ObservationSource.FOLLOW_UP,
                        recorded_by=by,
                    )
                    observations.append(observation)
                    follow_up.observation, follow_up.outcome = observation, FollowUpOutcome.OBSERVED
                elif roll < 0.87:
                    follow_up.outcome = FollowUpOutcome.UNREACHABLE
            follow_ups.append(follow_up)
    StatusObservation.objects.bulk_create(observations, batch_size=1000)
    FollowUp.objects.bulk_create(follow_ups, batch_size=1000)
