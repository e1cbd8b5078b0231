"""Need-to-know: who may see a person and their cases.

A person exists for a user only through a case the user may see: as a member of the case's
team, or as a member of the responsible SSP body for the case's district. Analysts and
committee readers never see persons. Outside one's scope a person does not exist (404).
"""

import rules
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from accounts.permissions import has_role
from accounts.roles import Role
from cases.models import CaseMember, EmergencyAccess, InterventionCourse, SspCase
from people.models import HouseholdMember, MatchStatus, Person, PersonMatch

WORKS_ON_CASES = (Role.SSP_CONSULTANT, Role.COORDINATOR, Role.CASEWORKER)
can_work_on_cases = (
    has_role(Role.SSP_CONSULTANT) | has_role(Role.COORDINATOR) | has_role(Role.CASEWORKER)
)

rules.add_perm("cases.open_case", can_work_on_cases)
rules.add_perm("cases.view_my_work", can_work_on_cases | has_role(Role.DEPARTMENT_LEADER))
# Only roles that may ever see a person may search for one (the search itself is logged).
rules.add_perm(
    "cases.search_persons",
    can_work_on_cases | has_role(Role.DEPARTMENT_LEADER) | has_role(Role.ADMINISTRATOR),
)
# A unit's entry point is worked by its staff on cases, never by readers or analysts.
rules.add_perm("cases.answer_referrals", can_work_on_cases)
rules.add_perm("cases.configure_level_rules", has_role(Role.ADMINISTRATOR))
rules.add_perm(
    "cases.break_the_glass",
    can_work_on_cases | has_role(Role.ADMINISTRATOR) | has_role(Role.DEPARTMENT_LEADER),
)
rules.add_perm("cases.review_emergency_access", has_role(Role.ADMINISTRATOR))
rules.add_perm("cases.admit_families", has_role(Role.COORDINATOR))
rules.add_perm(
    "cases.view_steering",
    has_role(Role.COORDINATOR)
    | has_role(Role.ADMINISTRATOR)
    | has_role(Role.ANALYST)
    | has_role(Role.DEPARTMENT_LEADER),
)
# Aggregates only (no person), so analysts may see them too.
rules.add_perm(
    "cases.view_overview",
    can_work_on_cases
    | has_role(Role.ADMINISTRATOR)
    | has_role(Role.ANALYST)
    | has_role(Role.DEPARTMENT_LEADER),
)


def cases_visible_to(user) -> QuerySet[SspCase]:
    """Cases the user works on, cases of the user's SSP body's districts, for a department
    leader the cases a colleague from the department works on, and cases of persons the user
    has opened by emergency access that has not yet expired. Administrators see persons only
    through emergency access."""
    if not user.is_authenticated:
        return SspCase.objects.none()
    works_on_cases = any(user.has_role(role) for role in WORKS_ON_CASES)
    leads_department = user.has_role(Role.DEPARTMENT_LEADER) and user.department_id is not None
    if not (works_on_cases or leads_department or user.has_role(Role.ADMINISTRATOR)):
        return SspCase.objects.none()
    # Each way in is an id query the database answers from an index, combined with UNION;
    # OR-ing them (or joins) let the planner scan every person or every case.
    ways_in = [
        SspCase.objects.filter(
            person_id__in=EmergencyAccess.objects.filter(
                user=user, expires_at__gt=timezone.now(), person__isnull=False
            ).values("person_id")
        ).values("pk")
    ]
    if works_on_cases:
        districts = user.ssp_bodies.values_list("ssp_district", flat=True)
        ways_in.append(CaseMember.objects.filter(user=user).values("case_id"))
        ways_in.append(SspCase.objects.filter(ssp_district__in=districts).values("pk"))
    if leads_department:
        ways_in.append(
            CaseMember.objects.filter(user__department_id=user.department_id).values("case_id")
        )
    return SspCase.objects.filter(pk__in=ways_in[0].union(*ways_in[1:]))


def persons_visible_to(user) -> QuerySet[Person]:
    """Persons with a visible case, and the members of families whose intervention course the
    user may see (courses_visible_to)."""
    if not user.is_authenticated:
        return Person.objects.none()
    on_course = HouseholdMember.objects.filter(
        household__intervention_courses__in=courses_visible_to(user)
    ).values("person_id")
    return Person.objects.filter(
        Q(pk__in=cases_visible_to(user).values("person_id")) | Q(pk__in=on_course)
    )


def courses_worked_by(user) -> QuerySet[InterventionCourse]:
    """Courses the user coordinates or is on the team of, while the user holds a role that
    works on cases: being named on a team grants nothing by itself (a coordinator stripped of
    every role sees none of the families)."""
    if not user.is_authenticated or not any(user.has_role(r) for r in WORKS_ON_CASES):
        return InterventionCourse.objects.none()
    return InterventionCourse.objects.filter(Q(coordinator=user) | Q(team__user=user)).distinct()


def courses_visible_to(user) -> QuerySet[InterventionCourse]:
    """The courses the user works on; for a department leader also the courses the
    department's coordinators lead (to read, not to change)."""
    if not user.is_authenticated:
        return InterventionCourse.objects.none()
    visible = InterventionCourse.objects.filter(pk__in=courses_worked_by(user).values("pk"))
    if user.has_role(Role.DEPARTMENT_LEADER) and user.department_id is not None:
        visible |= InterventionCourse.objects.filter(coordinator__department_id=user.department_id)
    return visible.distinct()


def may_coordinate(user, course: InterventionCourse) -> bool:
    """Only the course's coordinator, holding the coordinator role, changes the course."""
    return course.coordinator_id == user.pk and user.has_role(Role.COORDINATOR)


def get_person_for_user(user, pk: int) -> Person:
    """The person, if the user may see them (else 404). Asked for this one person: through a
    visible case of theirs, or their family's visible intervention course."""
    visible = cases_visible_to(user).filter(person_id=pk).exists() or (
        HouseholdMember.objects.filter(
            person_id=pk, household__intervention_courses__in=courses_visible_to(user)
        ).exists()
    )
    person = Person.objects.filter(pk=pk).first() if visible else None
    if person is None:
        raise Http404
    return person


def get_case_for_user(user, pk: int) -> SspCase:
    case = cases_visible_to(user).select_related("person").filter(pk=pk).first()
    if case is None:
        raise Http404
    return case


def get_person_for_change(user, pk: int) -> Person:
    """A person the user may change, not only see: department leaders and administrators with
    emergency access read; only those who work on cases change (403, the person is known)."""
    person = get_person_for_user(user, pk)
    if not user.has_perm("cases.open_case"):
        raise PermissionDenied
    return person


def get_case_for_change(user, pk: int) -> SspCase:
    case = get_case_for_user(user, pk)
    if not user.has_perm("cases.open_case"):
        raise PermissionDenied
    return case


def matches_to_decide(user) -> QuerySet[PersonMatch]:
    """Pending matches of a typed CPR number with a person the user sees and works on: they
    go to those who already see the person (the case's team, the district's SSP body)."""
    if not user.has_perm("cases.open_case"):
        return PersonMatch.objects.none()
    return PersonMatch.objects.filter(
        status=MatchStatus.PENDING, existing_person__in=persons_visible_to(user)
    )
