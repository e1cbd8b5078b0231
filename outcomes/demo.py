"""Synthetic outcomes for the demo population (called by cases.demo_population): participation
in five seed initiatives with cohort criteria, status observations around the follow-up times,
follow-ups (observed, unreachable, due) and police records. Written in bulk, like the rest of
the demo; every person concerned is synthetic."""

import math
import random
from dataclasses import dataclass
from datetime import date, timedelta

from accounts.models import User
from initiatives.models import Channel, Initiative, ReportedValue, SuccessCriterion
from outcomes.actions import follow_up_rule
from outcomes.criteria import days_after
from outcomes.demo_history import demo_history_create
from outcomes.models import (
    Activity,
    ActivityKind,
    Assessment,
    AssessmentScore,
    Audience,
    CrimeEvent,
    EndReason,
    FollowUp,
    FollowUpOutcome,
    ObservationSource,
    OfferKind,
    Participation,
    ProgressionParameter,
    StatusObservation,
    SurveyAnswer,
    WaitingListEntry,
)
from people.models import Person

# slug: (offer kind, share of participants reaching a good status, good statuses, age range)
DEMO_INITIATIVES = {
    "fremskudt-norrebro": (OfferKind.ACTIVE_EMPLOYMENT, 0.3, ["education", "job"], (16, 25)),
    "udegaaende-beskaeftigelsesindsats": (
        OfferKind.MENTOR,
        0.6,
        ["job_centre_contact", "job", "education"],
        (16, 25),
    ),
    "exit-programmet": (
        OfferKind.ACTIVE_EMPLOYMENT,
        0.55,
        ["job_centre_contact", "job", "education"],
        (17, 25),
    ),
    "fritidsjob": (OfferKind.LEISURE_JOB, 0.65, ["leisure_job", "study_job"], (15, 25)),
    "den-korte-snor": (
        OfferKind.COUNSELLING,
        0.5,
        ["completed_9th_grade", "youth_education"],
        (12, 18),
    ),
    "ny-start": (
        OfferKind.COUNSELLING,
        0.55,
        ["regular_attendance", "completed_9th_grade", "leisure_activity", "parent_in_job"],
        (12, 17),
    ),
    "indsats-for-indsatte": (
        OfferKind.COUNSELLING,
        0.5,
        ["activation", "education", "job"],
        (18, 25),
    ),
}
# VINK's outreach per year: (audience, talks a year, attendees per talk).
VINK_OUTREACH = [
    ("front_line_staff", 7, (10, 25)),
    ("parents", 6, (8, 25)),
    ("young_people", 9, (15, 30)),
]
# The yearly or half-yearly activities other 003 criteria count: slug, kind, months held,
# and whether they are history from before the system (its module records them from this
# year: the troubled-areas reports sent; the safety surveys come from reports.demo).
RECURRING_ACTIVITIES = [
    ("fritidsjob", ActivityKind.MEETING, Audience.PARTNERS, [10], "Årligt opfølgningsmøde", False),
    (
        "urolige-omraader",
        ActivityKind.REPORT,
        Audience.COMMITTEES,
        [3, 9],
        "Halvårsrapport (før systemet)",
        True,
    ),
]
# Survey criteria of VINK, by the start of their text: the share answering yes.
VINK_SURVEYS = {
    "80 % af frontmedarbejdere": 0.84,
    "80 % af de unge": 0.74,
    "60 % af deltagerne": 0.63,
    "80 % af forældre og unge": 0.86,
}
OTHER_STATUSES = ["none", "activation", "none", "job_centre_contact"]
# The planted effect the evidence card must recover (evidence/tests/test_demo_evidence.py):
# Fremskudt beskæftigelsesindsats på Nørrebro raises each participant's chance of being in
# job or education by 15 percentage points over what it would have been without the offer.
# That untreated chance is the same for everyone the registers follow (evidence.demo writes
# the job-centre register of those not offered from it): lower on higher SSP levels, rising
# with age.
PLANTED_SLUG, PLANTED_EFFECT = "fremskudt-norrebro", 0.15


def untreated_job_or_education_chance(ssp_level: int, born: date, on: date) -> float:
    """Between 0.12 and 0.57: the demo's chance of job or education without the initiative."""
    age = (on - born).days / 365.25
    return 0.12 + 0.45 / (1 + math.exp(-(1.0 - 0.6 * (ssp_level - 1) + 0.15 * (age - 20))))


@dataclass
class DemoOutcomes:
    participations: int = 0
    observations: int = 0
    follow_ups: int = 0
    crime_events: int = 0
    activities: int = 0
    survey_answers: int = 0


def _age(person: Person, on: date) -> float:
    return (on - person.birth_date).days / 365.25


def demo_outcomes_create(*, rng: random.Random, today: date, cases: list, by: User) -> DemoOutcomes:
    """`cases` are the demo SSP cases (with their persons)."""
    made = DemoOutcomes()
    initiatives = {i.slug: i for i in Initiative.objects.filter(slug__in=DEMO_INITIATIVES)}
    rules = {slug: follow_up_rule(i) for slug, i in initiatives.items()}
    participations, observations, crimes = [], [], []
    plans: list[tuple[Participation, str]] = []
    for case in cases:
        person = case.person
        if case.level >= 2:
            crimes.append(
                CrimeEvent(
                    person=person,
                    occurred_on=case.reported_on,
                    kind="charge",
                    category=rng.choice(["property", "violence", "drugs", "other"]),
                )
            )
        if rng.random() > 0.35:
            continue
        options = [
            s
            for s, (_, _, _, (lo, hi)) in DEMO_INITIATIVES.items()
            if s in initiatives and lo <= _age(person, today) < hi
        ]
        if not options:
            continue
        slug = rng.choice(options)
        started = today - timedelta(days=rng.randrange(20, 2 * 365))
        started = max(started, case.reported_on)
        ended = started + timedelta(days=rng.randrange(60, 300))
        participation = Participation(
            person=person,
            initiative=initiatives[slug],
            # Most get the initiative's usual offer; some another (so offer shares are not 100 %).
            offer_kind=DEMO_INITIATIVES[slug][0] if rng.random() < 0.8 else OfferKind.OTHER,
            channel=_demo_channel(rng, slug, person, started),
            referred_on=started - timedelta(days=rng.randrange(5, 40)),
            started_on=started,
            ended_on=ended if ended < today else None,
            end_reason=rng.choice([EndReason.COMPLETED] * 4 + [EndReason.DROPPED_OUT])
            if ended < today
            else "",
            created_by=by,
        )
        participations.append(participation)
        plans.append((participation, slug))
        if rng.random() < 0.3:  # a new charge after the start: recidivism
            crimes.append(
                CrimeEvent(
                    person=person,
                    occurred_on=started + timedelta(days=rng.randrange(20, 330)),
                    kind=rng.choice(["charge", "conviction"]),
                    category="property",
                )
            )
    Participation.objects.bulk_create(participations, batch_size=500)
    levels = {case.person.pk: case.level for case in cases}
    follow_ups = []
    for participation, slug in plans:
        _, success_share, good, _ = DEMO_INITIATIVES[slug]
        if rng.random() < 0.6:  # a status at the start: the baseline 'rises' criteria need
            observations.append(
                StatusObservation(
                    person=participation.person,
                    observed_on=participation.started_on - timedelta(days=rng.randrange(0, 20)),
                    status=rng.choice(good)
                    if rng.random() < success_share / 2
                    else rng.choice(OTHER_STATUSES),
                    source=ObservationSource.CASEWORKER,
                    recorded_by=by,
                )
            )
        for anchor, months_list in rules[slug].items():
            anchor_date = participation.started_on if anchor == "start" else participation.ended_on
            if anchor_date is None:
                continue
            for months in months_list:
                due = anchor_date + timedelta(days=days_after(months))
                follow_up = FollowUp(
                    participation=participation, months=months, anchor=anchor, due_on=due
                )
                if due <= today:
                    roll = rng.random()
                    if roll < 0.72:
                        observation = StatusObservation(
                            person=participation.person,
                            observed_on=min(today, due + timedelta(days=rng.randrange(-20, 21))),
                            status=rng.choice(good)
                            if rng.random()
                            < _success_chance(slug, success_share, levels, participation, due)
                            else rng.choice(OTHER_STATUSES),
                            source=ObservationSource.FOLLOW_UP,
                            recorded_by=by,
                        )
                        observations.append(observation)
                        follow_up.observation, follow_up.outcome = (
                            observation,
                            FollowUpOutcome.OBSERVED,
                        )
                    elif roll < 0.85:
                        follow_up.outcome = FollowUpOutcome.UNREACHABLE
                follow_ups.append(follow_up)
    _assessments_create(rng, today, [p for p, _ in plans], by)
    StatusObservation.objects.bulk_create(observations, batch_size=500)
    FollowUp.objects.bulk_create(follow_ups, batch_size=500)
    CrimeEvent.objects.bulk_create(crimes, batch_size=500)
    # SSP+ participations come from the plans (cases.enrolments), as in the running system.
    made.participations = len(participations) + demo_history_create(rng=rng, today=today, by=by)
    made.observations = len(observations)
    made.activities = _activities_create(rng, today, by)
    _waiting_list_create(rng, today, cases, by)
    made.survey_answers = _survey_answers_create(rng, today, by)
    _reported_values_create()
    made.follow_ups, made.crime_events = len(follow_ups), len(crimes)
    return made


def _success_chance(
    slug: str, share: float, levels: dict[int, int], participation: Participation, on: date
) -> float:
    """The chance of a good status at a follow-up: the initiative's share, or for the planted
    initiative the untreated chance plus the planted effect."""
    if slug != PLANTED_SLUG:
        return share
    level = levels.get(participation.person.pk, 1)
    chance = untreated_job_or_education_chance(level, participation.person.birth_date, on)
    return chance + PLANTED_EFFECT


def _demo_channel(rng: random.Random, slug: str, person: Person, started: date) -> str:
    """Fritidsjob's two streams (003): most come to the job centre themselves; from 16 some
    are placed in municipal jobs through partners."""
    if slug != "fritidsjob":
        return ""
    if _age(person, started) >= 16 and rng.random() < 0.45:
        return Channel.PARTNER
    return Channel.OWN_CONTACT


def _assessments_create(rng: random.Random, today: date, participations: list, by: User) -> None:
    """Two to four progression assessments for half the participants, mostly improving."""
    parameters = list(ProgressionParameter.objects.filter(active=True))
    assessments, scores = [], []
    for participation in participations[::2]:
        level = {p.pk: rng.randint(2, 6) for p in parameters}
        for number in range(rng.randint(2, 4)):
            day = participation.started_on + timedelta(days=90 * number)
            if day > today:
                break
            assessment = Assessment(person=participation.person, assessed_on=day, assessed_by=by)
            assessments.append(assessment)
            for parameter in parameters:
                level[parameter.pk] = max(
                    1, min(10, level[parameter.pk] + rng.choice([-1, 0, 1, 1, 2]))
                )
                scores.append(
                    AssessmentScore(
                        assessment=assessment, parameter=parameter, score=level[parameter.pk]
                    )
                )
    Assessment.objects.bulk_create(assessments, batch_size=500)
    AssessmentScore.objects.bulk_create(scores, batch_size=1000)


def _activities_create(rng: random.Random, today: date, by: User) -> int:
    """Four years of VINK's talks and the recurring meetings, surveys and reports."""
    by_slug = {
        i.slug: i
        for i in Initiative.objects.filter(slug__in=["vink", "fritidsjob", "urolige-omraader"])
    }
    rows = []
    for year in range(today.year - 3, today.year + 1):
        if "vink" in by_slug:
            for audience, per_year, (low, high) in VINK_OUTREACH:
                for _ in range(per_year):
                    held = date(year, rng.randint(1, 12), rng.randint(1, 28))
                    if held <= today:
                        rows.append(
                            Activity(
                                initiative=by_slug["vink"],
                                held_on=held,
                                kind=ActivityKind.SESSION,
                                audience=audience,
                                attendees=rng.randint(low, high),
                                description="Oplæg om radikalisering",
                                recorded_by=by,
                            )
                        )
        for slug, kind, audience, months, description, before_system in RECURRING_ACTIVITIES:
            if before_system and year == today.year:
                continue
            for month in months:
                held = date(year, month, rng.randint(5, 25))
                if slug in by_slug and held <= today:
                    rows.append(
                        Activity(
                            initiative=by_slug[slug],
                            held_on=held,
                            kind=kind,
                            audience=audience,
                            attendees=rng.randint(6, 20) if audience else 0,
                            description=description,
                            recorded_by=by,
                        )
                    )
    Activity.objects.bulk_create(rows, batch_size=500)
    return len(rows)


# Survey criteria answered in the demo: initiative, {criterion text start: share answering
# yes}, and the years (VINK's the last three; the others' their running years).
DEMO_SURVEYS = [
    ("vink", VINK_SURVEYS, None),
    (
        "bydelsmoedre",
        {"80 % af de besøgte kvinder": 0.83, "60 % af de besøgte kvinder": 0.57},
        range(2009, 2011),
    ),
    (
        "kringlebakken",
        {"Minimum 70 % af kvinderne får styrket": 0.76, "Minimum 70 % af kvinderne får øget": 0.68},
        range(2010, 2014),
    ),
    ("socialraadgivere-paa-skolerne", {"Skoleledere": 0.9}, range(2009, 2011)),
]


def _survey_answers_create(rng: random.Random, today: date, by: User) -> int:
    """Questionnaire answers to the survey criteria above, near their targets."""
    rows = []
    for slug, shares, years in DEMO_SURVEYS:
        for criterion in SuccessCriterion.objects.filter(
            initiative__slug=slug, kind="survey_share"
        ):
            share = next((v for k, v in shares.items() if criterion.text.startswith(k)), 0.7)
            for year in years or range(today.year - 2, today.year + 1):
                for _ in range(rng.randint(40, 120)):
                    answered = date(year, rng.randint(1, 11), rng.randint(1, 28))
                    if answered <= today:
                        rows.append(
                            SurveyAnswer(
                                criterion=criterion,
                                answered_on=answered,
                                agrees=rng.random() < share,
                                respondent_group="Demo",
                                imported_by=by,
                            )
                        )
    SurveyAnswer.objects.bulk_create(rows, batch_size=1000)
    return len(rows)


def _reported_values_create() -> None:
    """The 003 criteria the system cannot compute yet (area figures come with the areas part;
    'more capacity' and 'SSP's use of resources' are judgements): a synthetic reported figure,
    marked as such, so the scorecard shows what a reported value looks like."""
    for criterion in SuccessCriterion.objects.filter(
        initiative__source_document__startswith="003", kind__in=["area_vs_city", "manual"]
    ).exclude(reported_values__isnull=False):
        ReportedValue.objects.create(
            criterion=criterion,
            period="2025",
            value=1,
            note="Syntetisk demotal (indberettet, ikke beregnet)",
            reported_by="Demo",
        )


def _waiting_list_create(rng: random.Random, today: date, cases: list, by: User) -> None:
    """A waiting list for the Exit programme, which runs at its capacity of about 25."""
    initiative = Initiative.objects.filter(slug="exit-programmet").first()
    if initiative is None:
        return
    taking_part = set(
        Participation.objects.filter(initiative=initiative, ended_on=None).values_list(
            "person_id", flat=True
        )
    )
    candidates = [
        c.person
        for c in cases
        if 17 <= _age(c.person, today) < 25 and c.person.pk not in taking_part
    ]
    WaitingListEntry.objects.bulk_create(
        WaitingListEntry(
            person=person,
            initiative=initiative,
            added_on=today - timedelta(days=rng.randrange(3, 90)),
            created_by=by,
        )
        for person in rng.sample(candidates, k=min(12, len(candidates)))
    )
