"""Intervention teams: intake by need, admission within capacity, the team, phases and notes.
Actions are atomic and audited; every use of a family member's data is logged."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from accounts.roles import Role
from audit.actions import access_log_record_many, audit_event_record
from audit.models import AccessKind
from cases.enrolments import INTERVENTION_TEAM, Enrolment, enrolment_announce, source_of
from cases.intervention_rules import FamilyNeed, NeedWeights, can_admit, need_score, qualifies
from cases.models import (
    FamilyGoal,
    InterventionCourse,
    InterventionProgramme,
    Phase,
    PhaseDecision,
    ProgressNote,
    SspCase,
    Task,
    TeamMember,
)
from cases.permissions import courses_visible_to
from people.models import CityDistrict, Household, HouseholdRole
from reports.disclosure import suppress_rows
from sikkerby.versioning import version_claim

ACTIVE_PHASES = [Phase.INTENSIVE, Phase.PHASE_OUT, Phase.AFTERCARE]


@dataclass
class Candidate:
    household: Household
    district: str
    need: FamilyNeed
    score: int

    @property
    def district_label(self) -> str:
        return district_label(self.district)


def district_label(code: str) -> str:
    return dict(CityDistrict.choices).get(code, code)


def programme_weights(programme: InterventionProgramme) -> NeedWeights:
    return NeedWeights(
        per_level_4_case=programme.weight_level_4_case,
        per_level_3_case=programme.weight_level_3_case,
        per_child_with_case=programme.weight_child_with_case,
        per_younger_sibling=programme.weight_younger_sibling,
    )


def family_candidates(programme: InterventionProgramme) -> list[Candidate]:
    """Qualifying families not already in a course, most need first."""
    households = (
        Household.objects.filter(
            members__person__ssp_cases__level__gte=3,
            members__person__ssp_cases__closed_at__isnull=True,
            members__person__district__in=programme.districts(),
        )
        .exclude(intervention_courses__phase__in=ACTIVE_PHASES)
        .distinct()
        .prefetch_related("members__person__ssp_cases")
    )
    weights, candidates = programme_weights(programme), []
    for household in households:
        members = list(household.members.all())
        open_cases = [c for m in members for c in m.person.ssp_cases.all() if c.closed_at is None]
        with_cases = [
            m for m in members if any(c.closed_at is None for c in m.person.ssp_cases.all())
        ]
        district = next((m.person.district for m in with_cases if m.person.district), "")
        if not qualifies(
            highest_level=max(c.level for c in open_cases),
            district=district,
            running_in=programme.districts(),
        ):
            continue
        oldest = min(m.person.birth_date for m in with_cases)
        need = FamilyNeed(
            level_4_cases=sum(c.level == 4 for c in open_cases),
            level_3_cases=sum(c.level == 3 for c in open_cases),
            children_with_cases=len(with_cases),
            younger_siblings=sum(
                1
                for m in members
                if m not in with_cases
                and m.role in (HouseholdRole.CHILD, HouseholdRole.SIBLING)
                and m.person.birth_date > oldest
            ),
        )
        candidates.append(
            Candidate(
                household=household, district=district, need=need, score=need_score(need, weights)
            )
        )
    return sorted(candidates, key=lambda c: (-c.score, c.household.pk))


def index_child(household: Household):
    """The young person a family is in the programme for: the one with the highest-level open
    SSP case (the oldest, on a tie). The initiative counts families through them, one
    participation each (seed 000/001 counts families: 10 per district, 30 in the period)."""
    cases = (
        SspCase.objects.filter(person__household_memberships__household=household, closed_at=None)
        .select_related("person")
        .order_by("-level", "person__birth_date", "pk")
    )
    first = cases.first()
    if first is not None:
        return first.person
    member = household.members.select_related("person").order_by("person__birth_date").first()
    return member.person if member else None


def _course_enrolment(course: InterventionCourse, by: User, ended_on: date | None = None):
    child = index_child(course.household)
    if child is not None:
        enrolment_announce(
            Enrolment(
                initiative_slug=INTERVENTION_TEAM,
                person=child,
                source=source_of(course),
                started_on=course.admitted_on,
                ended_on=ended_on,
                by=by,
            )
        )


def _log_family(by: User, household: Household, kind: str, purpose: str) -> None:
    access_log_record_many(
        by=by,
        kind=kind,
        purpose=purpose,
        subjects=[m.person for m in household.members.select_related("person")],
    )


@transaction.atomic
def course_admit(
    *, by: User, candidate: Candidate, today: date | None = None
) -> InterventionCourse:
    if not by.has_role(Role.COORDINATOR):
        raise PermissionDenied
    today = today or timezone.localdate()
    programme = InterventionProgramme.current()
    active_here = InterventionCourse.objects.filter(
        district=candidate.district, phase__in=ACTIVE_PHASES
    ).count()
    in_period = InterventionCourse.objects.filter(
        admitted_on__gte=programme.period_start, admitted_on__lte=programme.period_end
    ).count()
    if not can_admit(
        active_in_district=active_here,
        district_capacity=programme.district_capacity,
        admitted_in_period=in_period,
        period_capacity=programme.period_capacity,
    ):
        raise ValidationError(
            {
                "capacity": (
                    f"Der er ikke plads: højst {programme.district_capacity} familier pr. bydel ad gangen "
                    f"og {programme.period_capacity} i perioden."
                )
            }
        )
    course = InterventionCourse.objects.create(
        household=candidate.household,
        district=candidate.district,
        coordinator=by,
        admitted_on=today,
        phase=Phase.INTENSIVE,
        phase_started_on=today,
        need_score=candidate.score,
    )
    TeamMember.objects.create(course=course, user=by, role_on_team="Koordinator")
    PhaseDecision.objects.create(
        course=course,
        from_phase="",
        to_phase=Phase.INTENSIVE,
        decided_by=by,
        decided_on=today,
        note="Optaget",
    )
    audit_event_record(
        by=by,
        action="intervention_course.admit",
        obj=course,
        changes={"need_score": [None, candidate.score]},
    )
    _course_enrolment(course, by)
    _log_family(by, candidate.household, AccessKind.CREATE, "Optagelse i interventionsteam")
    return course


def _require_coordinator(by: User, course: InterventionCourse) -> None:
    from cases.permissions import may_coordinate

    if not may_coordinate(by, course):
        raise PermissionDenied


def _require_team(by: User, course: InterventionCourse) -> None:
    """Notes are written by those who work on the course, never by those who only read it."""
    from cases.permissions import courses_worked_by

    if not courses_worked_by(by).filter(pk=course.pk).exists():
        raise PermissionDenied


@transaction.atomic
def team_member_add(
    *, by: User, course: InterventionCourse, user: User, role_on_team: str
) -> TeamMember:
    _require_coordinator(by, course)
    if user.department_id is None:
        raise ValidationError(
            {"user": "Et teammedlem skal høre til en forvaltning eller en samarbejdspartner."}
        )
    if user.has_role(Role.ANALYST) or user.has_role(Role.COMMITTEE_READER):
        raise ValidationError({"user": "Analytikere og udvalgslæsere kan ikke være med i et team."})
    member, _ = TeamMember.objects.get_or_create(
        course=course, user=user, defaults={"role_on_team": role_on_team}
    )
    audit_event_record(
        by=by,
        action="team_member.add",
        obj=member,
        changes={"user": [None, user.username], "role": [None, role_on_team]},
    )
    return member


@transaction.atomic
def course_change_phase(
    *, by: User, course: InterventionCourse, to_phase: str, note: str, expected_version: int
) -> InterventionCourse:
    _require_coordinator(by, course)
    if to_phase == course.phase:
        raise ValidationError({"to_phase": "Familien er allerede i denne fase."})
    version_claim(InterventionCourse, course.pk, expected_version)
    today = timezone.localdate()
    PhaseDecision.objects.create(
        course=course,
        from_phase=course.phase,
        to_phase=to_phase,
        decided_by=by,
        decided_on=today,
        note=note,
    )
    from_phase = course.phase
    InterventionCourse.objects.filter(pk=course.pk).update(phase=to_phase, phase_started_on=today)
    course.refresh_from_db()
    if to_phase == Phase.ENDED:
        _course_enrolment(course, by, ended_on=today)
    audit_event_record(
        by=by,
        action="intervention_course.phase",
        obj=course,
        changes={"phase": [from_phase, to_phase], "note": [None, note]},
    )
    return course


@transaction.atomic
def team_task_add(
    *, by: User, course: InterventionCourse, responsible: User, title: str, due_date: date
) -> Task:
    _require_coordinator(by, course)
    if not course.team.filter(user=responsible).exists():
        raise ValidationError({"responsible": "Opgaven skal gives til et medlem af teamet."})
    task = Task.objects.create(
        course=course, title=title, due_date=due_date, responsible=responsible
    )
    audit_event_record(
        by=by,
        action="team_task.add",
        obj=task,
        changes={"title": [None, title], "responsible": [None, responsible.username]},
    )
    return task


@transaction.atomic
def progress_note_add(
    *, by: User, course: InterventionCourse, text: str, is_meeting: bool
) -> ProgressNote:
    _require_team(by, course)
    note = ProgressNote.objects.create(
        course=course, written_by=by, text=text, is_meeting=is_meeting
    )
    audit_event_record(
        by=by, action="progress_note.add", obj=note, changes={"meeting": [None, is_meeting]}
    )
    return note


@transaction.atomic
def family_goal_add(
    *, by: User, course: InterventionCourse, person, description: str
) -> FamilyGoal:
    _require_coordinator(by, course)
    if not course.household.members.filter(person=person).exists():
        raise ValidationError({"person": "Målet skal gælde et medlem af familien."})
    goal = FamilyGoal.objects.create(course=course, person=person, description=description)
    audit_event_record(
        by=by, action="family_goal.add", obj=goal, changes={"goal": [None, description]}
    )
    return goal


@dataclass(frozen=True)
class SteeringFigures:
    """The intervention steering group's overview as one user may see it
    (docs/decisions/0013-the-intervention-steering-groups-figures.md)."""

    exact: bool  # exact counts by district and phase, or the programme aggregated
    as_of: date
    # Rows are district codes, or WHOLE_PROGRAMME: {row: {phase: families}}.
    families: dict[str, dict[str, int]]
    overdue: dict[str, dict[str, int]]  # {row: {phase: overdue team tasks}}
    admitted: dict[str, int]  # district code → families admitted since the programme began

    def shown(self) -> tuple[dict, dict, dict]:
        """(families, overdue, admitted) as shown: exact, or suppressed (under 5 hidden, and
        a second cell where one could be worked out from the row's total 'I alt')."""
        if self.exact:
            return self.families, self.overdue, self.admitted
        admitted = suppress_rows({WHOLE_PROGRAMME: self.admitted})[WHOLE_PROGRAMME]
        return suppress_rows(self.families), suppress_rows(self.overdue), admitted


WHOLE_PROGRAMME = "begge"  # the row of the programme as a whole (both districts)


def steering_row_label(row: str) -> str:
    return str(_("Begge bydele")) if row == WHOLE_PROGRAMME else district_label(row)


def sees_every_family(user) -> bool:
    """Whether the user may see every family in the programme: its coordinators and team,
    and the department leader whose coordinators lead the courses (they lead the staff)."""
    every = InterventionCourse.objects.count()
    return courses_visible_to(user).count() == every


def _phase_on(course: InterventionCourse, day: date) -> str | None:
    """The course's phase at the end of a day (None before admission), from its decisions."""
    if course.admitted_on > day:
        return None
    phase: str = Phase.INTENSIVE
    for decision in course.phase_decisions.all():
        if decision.decided_on <= day:
            phase = decision.to_phase
    return phase


def _steering_counts(day: date, row_of) -> tuple[dict, dict, dict[str, int]]:
    """Families and overdue team tasks per row and phase at the end of a day; `row_of` maps
    a course to its row (its district, or one row for the whole programme)."""
    phases = [p.value for p in Phase]
    families: dict[str, dict[str, int]] = {}
    admitted: dict[str, int] = {}
    phase_of: dict[int, str] = {}
    for course in InterventionCourse.objects.prefetch_related("phase_decisions"):
        phase = _phase_on(course, day)
        if phase is None:
            continue
        phase_of[course.pk] = phase
        families.setdefault(row_of(course), dict.fromkeys(phases, 0))[phase] += 1
        admitted[course.district] = admitted.get(course.district, 0) + 1
    overdue: dict[str, dict[str, int]] = {row: dict.fromkeys(phases, 0) for row in families}
    open_on_day = Q(done_at__isnull=True) | Q(done_at__date__gt=day)
    for task in Task.objects.filter(open_on_day, course__isnull=False, due_date__lt=day):
        if task.course_id in phase_of:
            row = row_of(task.course)
            overdue.setdefault(row, dict.fromkeys(phases, 0))[phase_of[task.course_id]] += 1
    return families, overdue, admitted


def steering_figures(user, today: date) -> SteeringFigures:
    """Exact counts by district and phase today for those who may see every family; for the
    others the programme as a whole (both districts in one row) at the end of last month,
    and the families admitted per district since it began: each table a single row, whose
    total is the same, so no cell under 5 can be had by subtracting one from another."""
    if sees_every_family(user):
        families, overdue, admitted = _steering_counts(today, lambda course: course.district)
        return SteeringFigures(True, today, families, overdue, admitted)
    month_end = today.replace(day=1) - timedelta(days=1)
    families, overdue, admitted = _steering_counts(month_end, lambda course: WHOLE_PROGRAMME)
    return SteeringFigures(False, month_end, families, overdue, admitted)
