"""The synthetic demo population for `make run`: about 2,000 young people with their families,
SSP cases on all four levels with their histories, tasks, SSP+ plans, referrals and 20
intervention-team families (10 on Nørrebro, 10 in Tingbjerg), in different phases.

Nothing here is real. Every person is flagged `is_synthetic` (pages mark them 'demo'), and their
CPR numbers are valid in form but never issued (people.cpr.synthetic_cpr): a demo database
cannot be mistaken for real data. The SSP district numbers are illustrative.

It is generated from a fixed random seed, so two runs give the same population. It writes
straight to the tables in bulk (the actions would take minutes and write ~10,000 access-log
entries for a population nobody looked at); one audit event records that it ran.
"""

import random
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from accounts.models import RoleAssignment, Unit, User
from accounts.roles import Role
from audit.actions import audit_event_record
from cases.enrolments import (
    INTERVENTION_TEAM,
    SSP_PLUS,
    Enrolment,
    enrolment_announce,
    source_of,
)
from cases.intervention import index_child
from cases.intervention_rules import INTENSIVE_DAYS, PHASE_OUT_DAYS
from cases.models import (
    CaseMember,
    FamilyGoal,
    InterventionCourse,
    InterventionProgramme,
    LevelChange,
    LevelRule,
    Phase,
    PhaseDecision,
    PlanArea,
    PlanGoal,
    ProgressNote,
    Referral,
    ReferralStatus,
    SspBodyMembership,
    SspCase,
    SspPlusPlan,
    SspPlusSettings,
    Task,
    TeamMember,
)
from cases.rules import ssp_plus_eligibility
from initiatives.models import Initiative
from outcomes.demo import DemoOutcomes, demo_outcomes_create
from people.cpr import synthetic_cpr
from people.models import CityDistrict, Household, HouseholdMember, HouseholdRole, Person

SEED = 2026
# Illustrative SSP districts, one per city district (the seeds name '15 Sundbyvester').
DEMO_SSP_DISTRICTS = {
    CityDistrict.INDRE_BY: "1 Indre By",
    CityDistrict.NOERREBRO: "3 Nørrebro",
    CityDistrict.OESTERBRO: "4 Østerbro",
    CityDistrict.VESTERBRO: "6 Vesterbro",
    CityDistrict.BISPEBJERG: "8 Bispebjerg",
    CityDistrict.VALBY: "9 Valby",
    CityDistrict.VANLOESE: "11 Vanløse",
    CityDistrict.BROENSHOEJ: "12 Brønshøj-Husum",
    CityDistrict.AMAGER_OEST: "14 Amager Øst",
    CityDistrict.AMAGER_VEST: "15 Sundbyvester",
}
# Rough share of young people with SSP cases per district (more where the seeds' areas are).
DISTRICT_WEIGHTS = {
    CityDistrict.INDRE_BY: 5,
    CityDistrict.NOERREBRO: 16,
    CityDistrict.OESTERBRO: 6,
    CityDistrict.VESTERBRO: 10,
    CityDistrict.BISPEBJERG: 14,
    CityDistrict.VALBY: 8,
    CityDistrict.VANLOESE: 4,
    CityDistrict.BROENSHOEJ: 13,
    CityDistrict.AMAGER_OEST: 8,
    CityDistrict.AMAGER_VEST: 16,
}
# Level mix by age at report: mostly worrying behaviour among the youngest, more serious
# crime among the older (levels 1, 2, 3, 4).
LEVEL_WEIGHTS_BY_AGE = [(13, (70, 24, 5, 1)), (18, (40, 32, 19, 9)), (99, (22, 30, 32, 16))]
INTERVENTION_PHASES = [Phase.INTENSIVE] * 4 + [Phase.PHASE_OUT] * 3 + [Phase.AFTERCARE] * 2
INTERVENTION_PHASES += [Phase.ENDED]  # ten families per district, one of them ended

BOYS = [
    "Ali",
    "Mohammed",
    "Oliver",
    "William",
    "Noah",
    "Emil",
    "Lucas",
    "Omar",
    "Ahmad",
    "Malthe",
    "Yusuf",
    "Mikkel",
    "Hamza",
    "Jonas",
    "Adam",
    "Ibrahim",
    "Elias",
    "Mads",
    "Hassan",
    "Victor",
    "Karim",
    "Frederik",
    "Mustafa",
    "Sebastian",
    "Bilal",
    "Anton",
    "Tobias",
    "Abdi",
    "Magnus",
    "Rasmus",
]
GIRLS = [
    "Sara",
    "Emma",
    "Ida",
    "Fatima",
    "Laura",
    "Aya",
    "Sofie",
    "Maryam",
    "Clara",
    "Freja",
    "Amina",
    "Julie",
    "Zainab",
    "Ella",
    "Anna",
    "Hiba",
    "Mathilde",
    "Leyla",
    "Josefine",
    "Nour",
    "Alma",
    "Asma",
    "Caroline",
    "Ayan",
    "Cecilie",
    "Rukiya",
    "Maja",
    "Hanna",
    "Isabella",
    "Lina",
]
SURNAMES = [
    "Jensen",
    "Nielsen",
    "Hansen",
    "Pedersen",
    "Andersen",
    "Christensen",
    "Larsen",
    "Sørensen",
    "Rasmussen",
    "Jørgensen",
    "Petersen",
    "Madsen",
    "Kristensen",
    "Olsen",
    "Thomsen",
    "Poulsen",
    "Johansen",
    "Khan",
    "Ahmed",
    "Hussein",
    "Ali",
    "Yilmaz",
    "Hassan",
    "Mohamud",
    "Abdi",
    "Nguyen",
    "Kaya",
    "Öztürk",
    "Said",
    "Jama",
    "Hamad",
    "Berisha",
    "Kovač",
    "Novak",
    "Iqbal",
    "Rahimi",
    "Haddad",
    "Farah",
    "Osman",
    "Demir",
]
PARTNERS = [
    "Skole",
    "Fritidsklub",
    "Københavns Politi",
    "Socialforvaltningen",
    "Boligsocial medarbejder",
    "Gadeplansmedarbejder",
]
DESCRIPTIONS = {
    1: [
        "Højt fravær og konflikter i frikvarteret.",
        "Ses sent om aftenen med ældre unge.",
        "Bekymrende adfærd i klubben.",
    ],
    2: ["Butikstyveri sammen med ældre unge.", "Hærværk på skolen.", "Sigtet for cykeltyveri."],
    3: [
        "Gentagne indbrud i kolonihaver.",
        "Flere røverier af mobiltelefoner.",
        "Gentagen handel med hash.",
    ],
    4: [
        "Vold i forbindelse med konflikt mellem grupper.",
        "Knivstik ved en fest.",
        "Grov vold mod en jævnaldrende.",
    ],
}
RAISE_REASONS = [
    "Ny sigtelse for mere alvorlig kriminalitet.",
    "Gentagen kriminalitet trods samtaler.",
    "Politiet melder om vold.",
]
PLAN_OFFERS = {
    PlanArea.EDUCATION: ("krimiteamet", "Start på produktionsskole eller 10. klasse"),
    PlanArea.JOB: ("fritidsjob", "Fritidsjob med fast mentor"),
    PlanArea.HOUSING: ("den-gode-loesladelse", "Egen bolig eller plads på bosted"),
    PlanArea.LEISURE: ("vaeresteder-over-18", "Fast fritidstilbud to aftener om ugen"),
    PlanArea.DESISTANCE: ("exit-programmet", "Ud af gruppen: samtaler i exit-forløb"),
}


@dataclass
class DemoPopulation:
    """What was made, for the command's report."""

    young_people: int = 0
    persons: int = 0
    households: int = 0
    cases_by_level: Counter = field(default_factory=Counter)
    closed_cases: int = 0
    open_tasks: int = 0
    overdue_tasks: int = 0
    ssp_plus_plans: int = 0
    referrals: Counter = field(default_factory=Counter)
    courses_by_phase: Counter = field(default_factory=Counter)
    outcomes: DemoOutcomes | None = None


def _moment(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(10, 0)))


class _Builder:
    """Holds the random source, the staff and the rows not yet written."""

    def __init__(self, today: date, rng: random.Random):
        self.today, self.rng = today, rng
        self.serials: Counter = Counter()
        self.issued: set[str] = set()
        self.result = DemoPopulation()
        self.staff = _demo_staff()
        self.rules = {r.level: r for r in LevelRule.objects.prefetch_related("actions")}
        self.offers = {
            i.slug: i
            for i in Initiative.objects.filter(slug__in=[s for s, _ in PLAN_OFFERS.values()])
        }

    def person(self, *, sex: str, birth: date, last_name: str, district: str) -> Person:
        if (birth.month, birth.day) == (1, 1):  # synthetic CPR numbers avoid 1 January
            birth = birth.replace(day=2)
        while True:
            cpr = synthetic_cpr(birth, sex=sex, serial=self.serials[birth])
            self.serials[birth] += 1
            if cpr not in self.issued:
                break
        self.issued.add(cpr)
        names = BOYS if sex == "M" else GIRLS
        person = Person(
            cpr=cpr,
            first_name=self.rng.choice(names),
            last_name=last_name,
            birth_date=birth,
            sex=sex,
            district=district,
            is_synthetic=True,
        )
        self.result.persons += 1
        return person

    def relative(
        self, age_years: float, role: str, last_name: str, district: str
    ) -> tuple[Person, str]:
        sex = self.rng.choice("MK")
        born = self.birth_date(age_years)
        return self.person(sex=sex, birth=born, last_name=last_name, district=district), role

    def birth_date(self, age_years: float) -> date:
        return self.today - timedelta(days=int(age_years * 365.25) + self.rng.randrange(365))


def _demo_staff() -> dict[str, User]:
    """The demo logins plus unloginable colleagues: an SSP consultant per district, two more
    coordinators, and caseworkers in BIF, BUF and SOF for the teams."""
    staff = {
        u.username: u
        for u in User.objects.filter(username__in=["ssp", "koordinator", "sagsbehandler"])
    }
    units = {u.name: u for u in Unit.objects.select_related("department")}

    def colleague(username: str, name: str, unit_name: str, role: str) -> User:
        unit = units[unit_name]
        first, last = name.split(" ", 1)
        user, created = User.objects.get_or_create(
            username=username,
            defaults={
                "first_name": first,
                "last_name": last,
                "department": unit.department,
                "unit": unit,
            },
        )
        if created:
            user.set_unusable_password()
            user.save(update_fields=["password"])
            RoleAssignment.objects.create(user=user, role=role)
        return user

    for district, ssp_district in DEMO_SSP_DISTRICTS.items():
        number = ssp_district.split()[0]
        if district != CityDistrict.AMAGER_VEST:  # the 'ssp' login works in 15 Sundbyvester
            staff[f"ssp:{district}"] = colleague(
                f"demo.ssp{number}",
                f"SSP-konsulent {ssp_district} (demo)",
                "Skoler og klubber",
                Role.SSP_CONSULTANT,
            )
        else:
            staff[f"ssp:{district}"] = staff["ssp"]
        SspBodyMembership.objects.get_or_create(
            user=staff[f"ssp:{district}"], ssp_district=ssp_district
        )
    staff["koordinator.2"] = colleague(
        "demo.koordinator2",
        "Kasper Koordinator (demo)",
        "Lokale socialcentre (koordinatorer for interventionsteam)",
        Role.COORDINATOR,
    )
    staff["koordinator.3"] = colleague(
        "demo.koordinator3",
        "Katrine Koordinator (demo)",
        "Lokale socialcentre (koordinatorer for interventionsteam)",
        Role.COORDINATOR,
    )
    staff["bif.2"] = colleague(
        "demo.jobcenter",
        "Jamal Jobkonsulent (demo)",
        "Jobcenter København – Unge / Krimiteamet",
        Role.CASEWORKER,
    )
    staff["buf.1"] = colleague(
        "demo.laerer", "Lise Lærer (demo)", "Skoler og klubber", Role.CASEWORKER
    )
    staff["buf.2"] = colleague(
        "demo.klub", "Kim Klubmedarbejder (demo)", "Skoler og klubber", Role.CASEWORKER
    )
    staff["sof.1"] = colleague(
        "demo.familie",
        "Fie Familiebehandler (demo)",
        "Børnefamilieenheden Nørrebro",
        Role.CASEWORKER,
    )
    staff["sof.2"] = colleague(
        "demo.raadgiver",
        "Rune Socialrådgiver (demo)",
        "Socialforvaltningen, Center for Udsatte Børn og Unge",
        Role.CASEWORKER,
    )
    return staff


# The 'koordinator' login covers the intervention districts (and the 'ssp' login's district).
COORDINATOR_BY_DISTRICT = {
    CityDistrict.NOERREBRO: "koordinator",
    CityDistrict.BROENSHOEJ: "koordinator",
    CityDistrict.AMAGER_VEST: "koordinator",
    CityDistrict.INDRE_BY: "koordinator.2",
    CityDistrict.OESTERBRO: "koordinator.2",
    CityDistrict.VESTERBRO: "koordinator.2",
    CityDistrict.VALBY: "koordinator.2",
    CityDistrict.VANLOESE: "koordinator.3",
    CityDistrict.BISPEBJERG: "koordinator.3",
    CityDistrict.AMAGER_OEST: "koordinator.3",
}


def _coordinator_for(staff: dict[str, User], district: str) -> User:
    return staff[COORDINATOR_BY_DISTRICT[CityDistrict(district)]]


def _chance_done(overdue_by: timedelta) -> float:
    """Most actions are done on time; a few linger for weeks, very few for months."""
    if overdue_by > timedelta(days=60):
        return 0.995
    if overdue_by > timedelta(days=7):
        return 0.85
    return 0.4


def _level_for_age(rng: random.Random, age: float) -> int:
    weights = next(w for limit, w in LEVEL_WEIGHTS_BY_AGE if age < limit)
    return rng.choices([1, 2, 3, 4], weights=weights)[0]


@transaction.atomic
def demo_population_create(
    *, young_people: int = 2000, today: date | None = None
) -> DemoPopulation:
    """Create the population. Refuses without DEBUG or when demo persons already exist."""
    if not settings.DEBUG:
        raise RuntimeError(
            "Demo-befolkningen oprettes kun, når DEBUG er slået til (aldrig i produktion)."
        )
    if Person.objects.filter(is_synthetic=True).exists():
        raise RuntimeError("Der findes allerede syntetiske demo-personer.")
    if young_people < 20:
        raise ValueError(
            "Demo-befolkningen skal have mindst 20 unge (til de 20 interventionsfamilier)."
        )
    builder = _Builder(today or timezone.localdate(), random.Random(SEED))
    families = _families_create(builder, young_people)
    cases = _cases_create(builder, families)
    _ssp_plus_plans_create(builder, cases)
    _referrals_create(builder, cases)
    _intervention_courses_create(builder, families)
    result = builder.result
    result.outcomes = demo_outcomes_create(
        rng=builder.rng,
        today=builder.today,
        cases=[d.case for d in cases],
        by=builder.staff["sagsbehandler"],
    )
    audit_event_record(
        by=None,
        action="demo_population.create",
        object_type="people.person",
        object_repr="Syntetisk demo-befolkning",
        changes={
            "persons": [None, result.persons],
            "cases": [None, sum(result.cases_by_level.values())],
        },
    )
    return result


@dataclass
class _Family:
    household: Household
    young_person: Person
    members: list[tuple[Person, str]]
    district: str
    intervention: bool


def _families_create(b: _Builder, young_people: int) -> list[_Family]:
    rng, families = b.rng, []
    districts, weights = list(DISTRICT_WEIGHTS), list(DISTRICT_WEIGHTS.values())
    for index in range(young_people):
        # The first twenty are the intervention families: children with a level 3–4 case.
        intervention = index < 20
        district = (
            (CityDistrict.NOERREBRO if index < 10 else CityDistrict.BROENSHOEJ)
            if intervention
            else rng.choices(districts, weights)[0]
        )
        last_name = rng.choice(SURNAMES)
        age = rng.uniform(12, 17) if intervention else rng.triangular(10, 24, 16)
        young = b.person(
            sex="M" if rng.random() < 0.78 else "K",
            birth=b.birth_date(age),
            last_name=last_name,
            district=district,
        )

        members = [(young, HouseholdRole.CHILD)]
        parents = 1 if rng.random() < 0.45 else 2
        members += [
            b.relative(age + rng.uniform(22, 38), HouseholdRole.PARENT, last_name, district)
            for _ in range(parents)
        ]
        siblings = rng.choices([0, 1, 2, 3], [25, 35, 25, 15])[0]
        members += [
            b.relative(
                max(1.0, age + rng.uniform(-9, 6)), HouseholdRole.SIBLING, last_name, district
            )
            for _ in range(siblings)
        ]
        families.append(
            _Family(Household(name=f"Familien {last_name}"), young, members, district, intervention)
        )
    Household.objects.bulk_create([f.household for f in families], batch_size=500)
    Person.objects.bulk_create([p for f in families for p, _ in f.members], batch_size=500)
    HouseholdMember.objects.bulk_create(
        [
            HouseholdMember(household=f.household, person=p, role=role)
            for f in families
            for p, role in f.members
        ],
        batch_size=500,
    )
    b.result.young_people, b.result.households = young_people, len(families)
    return families


@dataclass
class _CaseDraft:
    case: SspCase
    history: list[tuple[int | None, int, date, str]]  # from, to, on, reason


def _cases_create(b: _Builder, families: list[_Family]) -> list[_CaseDraft]:
    rng, today, drafts = b.rng, b.today, []
    for family in families:
        person, district = family.young_person, family.district
        reported = today - timedelta(days=rng.randrange(30 if family.intervention else 5, 3 * 365))
        if family.intervention:
            reported = today - timedelta(days=rng.randrange(420, 700))
        age = (reported - person.birth_date).days / 365.25
        if age < 9.5:  # a case is about a young person; move the report to their tenth year
            reported = person.birth_date + timedelta(days=int(10 * 365.25))
            age = 10.0
        level = rng.choice([3, 4]) if family.intervention else _level_for_age(rng, age)
        history: list[tuple[int | None, int, date, str]] = []
        opened_at = level if level == 1 or rng.random() < 0.65 else rng.randint(1, level - 1)
        history.append((None, opened_at, reported, "Sagen oprettet"))
        if opened_at < level:
            raised_on = reported + timedelta(days=rng.randrange(1, max(2, (today - reported).days)))
            history.append((opened_at, level, min(raised_on, today), rng.choice(RAISE_REASONS)))
        closed_at = None
        if not family.intervention and (today - reported).days > 365 and rng.random() < 0.45:
            closed_on = reported + timedelta(days=rng.randrange(180, (today - reported).days))
            if closed_on > history[-1][2]:
                closed_at = _moment(closed_on)
        consent = rng.random() < 0.2
        case = SspCase(
            person=person,
            level=level,
            reporting_partner=rng.choice(PARTNERS),
            reported_on=reported,
            ssp_district=DEMO_SSP_DISTRICTS[district],
            description=rng.choice(DESCRIPTIONS[history[0][1]]),
            legal_basis="consent" if consent else "rpl115",
            necessity=""
            if consent
            else "Nødvendigt for at koordinere skolens, socialforvaltningens og politiets indsats.",
            consent_date=reported if consent else None,
            consent_scope="Udveksling i SSP-regi om den unges skole og fritid" if consent else "",
            opened_by=b.staff[f"ssp:{district}"],
            opened_at=_moment(reported),
            closed_at=closed_at,
        )
        drafts.append(_CaseDraft(case, history))
    SspCase.objects.bulk_create([d.case for d in drafts], batch_size=500)
    _case_details_create(b, drafts)
    return drafts


def _case_details_create(b: _Builder, drafts: list[_CaseDraft]) -> None:
    """Members, level history and the level rules' tasks (done, open or overdue)."""
    rng, today = b.rng, b.today
    members, changes, tasks = [], [], []
    caseworkers = [
        b.staff[k] for k in ("sagsbehandler", "bif.2", "buf.1", "buf.2", "sof.1", "sof.2")
    ]
    for draft in drafts:
        case = draft.case
        district = case.person.district
        consultant, coordinator = case.opened_by, _coordinator_for(b.staff, district)
        team = {consultant.pk: (consultant, "Opretter")}
        if case.level >= 3:
            team[coordinator.pk] = (coordinator, "Koordinator")
        if rng.random() < 0.2:
            worker = rng.choice(caseworkers)
            team.setdefault(worker.pk, (worker, f"Sagsbehandler ({worker.department.code})"))
        members += [
            CaseMember(case=case, user=user, role_on_case=role) for user, role in team.values()
        ]
        for from_level, to_level, on, reason in draft.history:
            changes.append(
                LevelChange(
                    case=case,
                    from_level=from_level,
                    to_level=to_level,
                    reason=reason,
                    changed_by=consultant,
                    changed_at=_moment(on),
                )
            )
            rule = b.rules.get(to_level)
            if rule is None:
                continue
            responsible = coordinator if rule.responsible_role == Role.COORDINATOR else consultant
            for action in rule.actions.all():
                due = Task.due_from(on, action.deadline_days)
                done = case.closed_at is not None or rng.random() < _chance_done(today - due)
                task = Task(
                    case=case,
                    title=action.title,
                    due_date=due,
                    responsible=responsible,
                    for_level=to_level,
                )
                if done:
                    task.done_at = _moment(
                        min(due - timedelta(days=rng.randrange(0, action.deadline_days)), today)
                    )
                    task.done_by = responsible
                else:
                    b.result.open_tasks += 1
                    b.result.overdue_tasks += due < today
                tasks.append(task)
        b.result.cases_by_level[case.level] += 1
        b.result.closed_cases += case.closed_at is not None
    CaseMember.objects.bulk_create(members, batch_size=500)
    LevelChange.objects.bulk_create(changes, batch_size=500)
    Task.objects.bulk_create(tasks, batch_size=500)


def _ssp_plus_plans_create(b: _Builder, drafts: list[_CaseDraft]) -> None:
    """An SSP+ plan for every open case that is eligible at its latest level change."""
    bounds = SspPlusSettings.current()
    plans, goals = [], []
    for draft in drafts:
        case = draft.case
        referred_on = draft.history[-1][2]
        eligible, _reason = ssp_plus_eligibility(
            born=case.person.birth_date,
            referred_on=referred_on,
            level=case.level,
            min_age=bounds.min_age,
            max_age=bounds.max_age,
        )
        if case.closed_at or not eligible:
            continue
        plan = SspPlusPlan(
            case=case,
            referred_on=referred_on,
            created_by=_coordinator_for(b.staff, case.person.district),
        )
        plans.append(plan)
        for area in b.rng.sample(list(PLAN_OFFERS), k=b.rng.randint(2, 4)):
            slug, description = PLAN_OFFERS[area]
            goals.append(
                PlanGoal(
                    plan=plan,
                    area=area,
                    description=description,
                    offer=b.offers.get(slug),
                    achieved=b.rng.random() < 0.3,
                )
            )
    SspPlusPlan.objects.bulk_create(plans, batch_size=500)
    PlanGoal.objects.bulk_create(goals, batch_size=500)
    b.result.ssp_plus_plans = len(plans)
    # Each plan is the young person's participation in SSP+, as the action makes it.
    for plan in plans:
        enrolment_announce(
            Enrolment(
                initiative_slug=SSP_PLUS,
                person=plan.case.person,
                source=source_of(plan),
                started_on=plan.referred_on,
                by=plan.created_by,
            )
        )


def _referrals_create(b: _Builder, drafts: list[_CaseDraft]) -> None:
    """Referrals from the SSP consultant to the job centre's youth team, a family unit or the
    centre for vulnerable young people: answered, declined, escalated and still open."""
    rng, today = b.rng, b.today
    receivers = list(
        Unit.objects.filter(
            name__in=[
                "Jobcenter København – Unge / Krimiteamet",
                "Børnefamilieenheden Nørrebro",
                "Socialforvaltningen, Center for Udsatte Børn og Unge",
            ]
        )
    )
    jobcentre = next(u for u in receivers if u.name.startswith("Jobcenter"))
    referrals, follow_ups = [], []
    open_cases = [d.case for d in drafts if d.case.closed_at is None and d.case.level >= 2]
    for case in rng.sample(open_cases, k=min(len(open_cases), max(12, len(drafts) // 12))):
        sent_on = today - timedelta(days=rng.randrange(1, 120))
        to_unit = (
            jobcentre
            if case.person.birth_date < today - timedelta(days=16 * 365) and rng.random() < 0.6
            else rng.choice(receivers)
        )
        answer_by = sent_on + timedelta(days=14)
        referral = Referral(
            case=case,
            from_unit=case.opened_by.unit,
            to_unit=to_unit,
            reason="Den unge har brug for en samlet indsats omkring skole/job og familie.",
            legal_basis=case.legal_basis,
            necessity=case.necessity or "",
            answer_by=answer_by,
            sent_by=case.opened_by,
            sent_at=_moment(sent_on),
        )
        roll = rng.random()
        if answer_by >= today:
            referral.status = ReferralStatus.SENT
        elif roll < 0.65:
            referral.status = ReferralStatus.ACCEPTED
        elif roll < 0.8:
            referral.status, referral.answer_reason = (
                ReferralStatus.DECLINED,
                "Den unge er allerede i et tilsvarende forløb hos os.",
            )
        else:
            referral.status = ReferralStatus.ESCALATED
            follow_ups.append(
                Task(
                    case=case,
                    title=f"Henvisning til {to_unit.name} er ubesvaret – følg op",
                    due_date=answer_by + timedelta(days=1),
                    responsible=case.opened_by,
                )
            )
        if referral.status in (ReferralStatus.ACCEPTED, ReferralStatus.DECLINED):
            referral.answered_at = _moment(sent_on + timedelta(days=rng.randrange(1, 14)))
            referral.answered_by_user = (
                b.staff["sagsbehandler"]
                if to_unit == jobcentre
                else b.staff["sof.1"]
                if "Nørrebro" in to_unit.name
                else b.staff["sof.2"]
            )
        referrals.append(referral)
        b.result.referrals[referral.status] += 1
    Referral.objects.bulk_create(referrals, batch_size=500)
    Task.objects.bulk_create(follow_ups)
    b.result.open_tasks += len(follow_ups)
    b.result.overdue_tasks += sum(t.due_date < today for t in follow_ups)


def _intervention_courses_create(b: _Builder, families: list[_Family]) -> None:
    """Ten families per running district in different phases, led by the 'koordinator' login,
    with teams across BIF, BUF and SOF, goals per family member, notes and tasks."""
    rng, today, staff = b.rng, b.today, b.staff
    coordinator = staff["koordinator"]
    team_roles = [
        (coordinator, "Koordinator"),
        (staff["sagsbehandler"], "Jobcentret, Krimiteamet"),
        (staff["buf.1"], "Skolen"),
        (staff["sof.1"], "Familiebehandler"),
    ]
    earliest = today
    for number, family in enumerate(f for f in families if f.intervention):
        phase = INTERVENTION_PHASES[number % 10]
        days_in = {
            Phase.INTENSIVE: rng.randrange(20, 170),
            Phase.PHASE_OUT: rng.randrange(200, 260),
            Phase.AFTERCARE: rng.randrange(290, 350),
            Phase.ENDED: 420,
        }[phase]
        if number % 10 == 0:
            days_in = INTENSIVE_DAYS + 12  # overdue for phase-out: the system proposes it
        admitted = today - timedelta(days=days_in)
        earliest = min(earliest, admitted)
        steps = [("", Phase.INTENSIVE, admitted, "Optaget")]
        for from_phase, to_phase, after in [
            (Phase.INTENSIVE, Phase.PHASE_OUT, INTENSIVE_DAYS),
            (Phase.PHASE_OUT, Phase.AFTERCARE, INTENSIVE_DAYS + PHASE_OUT_DAYS),
            (Phase.AFTERCARE, Phase.ENDED, 365),
        ]:
            if list(Phase).index(phase) >= list(Phase).index(to_phase):
                steps.append(
                    (
                        from_phase,
                        to_phase,
                        admitted + timedelta(days=after),
                        "Besluttet på teammøde ud fra familiens progression",
                    )
                )
        course = InterventionCourse.objects.create(
            household=family.household,
            district=family.district,
            coordinator=coordinator,
            admitted_on=admitted,
            phase=phase,
            phase_started_on=steps[-1][2],
            need_score=rng.randint(9, 20),
        )
        PhaseDecision.objects.bulk_create(
            [
                PhaseDecision(
                    course=course,
                    from_phase=f,
                    to_phase=t,
                    decided_by=coordinator,
                    decided_on=on,
                    note=note,
                )
                for f, t, on, note in steps
            ]
        )
        TeamMember.objects.bulk_create(
            [TeamMember(course=course, user=u, role_on_team=r) for u, r in team_roles]
        )
        FamilyGoal.objects.bulk_create(
            [
                FamilyGoal(
                    course=course,
                    person=person,
                    description="Møder i skole hver dag"
                    if role != HouseholdRole.PARENT
                    else "Fast kontakt med skolen og jobcentret",
                )
                for person, role in family.members
            ]
        )
        ProgressNote.objects.bulk_create(
            [
                ProgressNote(
                    course=course,
                    written_by=coordinator,
                    written_on=admitted + timedelta(days=14 * i),
                    is_meeting=i % 2 == 0,
                    text="Teammøde: status på mål og opgaver."
                    if i % 2 == 0
                    else "Hjemmebesøg; familien samarbejder.",
                )
                for i in range(1, 4)
                if admitted + timedelta(days=14 * i) <= today
            ]
        )
        if phase != Phase.ENDED:
            for responsible, title, due_in in [
                (staff["sagsbehandler"], "Samtale om praktikplads", rng.randrange(-20, 20)),
                (staff["buf.1"], "Fraværsopfølgning med skolen", rng.randrange(-10, 30)),
            ]:
                Task.objects.create(
                    course=course,
                    title=title,
                    due_date=today + timedelta(days=due_in),
                    responsible=responsible,
                )
                b.result.open_tasks += 1
                b.result.overdue_tasks += due_in < 0
        b.result.courses_by_phase[phase] += 1
        # The course is the family's participation in the intervention-team initiative.
        child = index_child(family.household)
        if child is not None:
            enrolment_announce(
                Enrolment(
                    initiative_slug=INTERVENTION_TEAM,
                    person=child,
                    source=source_of(course),
                    started_on=admitted,
                    ended_on=steps[-1][2] if phase == Phase.ENDED else None,
                    by=coordinator,
                )
            )
    programme = InterventionProgramme.current()
    programme.period_start, programme.period_end = earliest, earliest + timedelta(days=2 * 365)
    programme.save(update_fields=["period_start", "period_end"])
