"""Need-to-know: who may see a person and their cases.

A person exists for a user only through a case the user may see: as a member of the case's
team, or as a member of the responsible SSP body for the case's district. Analysts and
committee readers never see persons. Outside one's scope a person does not exist (404).
"""

import rules
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from accounts.permissions import has_role
from accounts.roles import Role
from cases.models import SspCase
from people.models import Person

WORKS_ON_CASES = (Role.SSP_CONSULTANT, Role.COORDINATOR, Role.CASEWORKER)
can_work_on_cases = (
    has_role(Role.SSP_CONSULTANT) | has_role(Role.COORDINATOR) | has_role(Role.CASEWORKER)
)

rules.add_perm("cases.open_case", can_work_on_cases)
rules.add_perm("cases.configure_level_rules", has_role(Role.ADMINISTRATOR))
rules.add_perm("cases.break_the_glass", can_work_on_cases | has_role(Role.ADMINISTRATOR))
rules.add_perm("cases.review_emergency_access", has_role(Role.ADMINISTRATOR))
rules.add_perm("cases.admit_families", has_role(Role.COORDINATOR))
rules.add_perm(
    "cases.view_steering",
    has_role(Role.COORDINATOR) | has_role(Role.ADMINISTRATOR) | has_role(Role.ANALYST),
)
# Aggregates only (no person), so analysts may see them too.
rules.add_perm(
    "cases.view_overview", can_work_on_cases | has_role(Role.ADMINISTRATOR) | has_role(Role.ANALYST)
)


def cases_visible_to(user) -> QuerySet[SspCase]:
    """Cases the user works on, cases of the user's SSP body's districts, and cases of persons
    the user has opened by emergency access that has not yet expired. Administrators see
    persons only through emergency access."""
    if not user.is_authenticated:
        return SspCase.objects.none()
    emergency = Q(
        person__emergency_accesses__user=user,
        person__emergency_accesses__expires_at__gt=timezone.now(),
    )
    if any(user.has_role(role) for role in WORKS_ON_CASES):
        districts = user.ssp_bodies.values_list("ssp_district", flat=True)
        return SspCase.objects.filter(
            Q(members__user=user) | Q(ssp_district__in=districts) | emergency
        ).distinct()
    if user.has_role(Role.ADMINISTRATOR):
        return SspCase.objects.filter(emergency).distinct()
    return SspCase.objects.none()


def persons_visible_to(user) -> QuerySet[Person]:
    """Persons with a visible case, and the members of families whose intervention team the
    user coordinates or is on."""
    if not user.is_authenticated:
        return Person.objects.none()
    on_team = Q(household_memberships__household__intervention_courses__team__user=user)
    return Person.objects.filter(Q(ssp_cases__in=cases_visible_to(user)) | on_team).distinct()


def get_person_for_user(user, pk: int) -> Person:
    person = persons_visible_to(user).filter(pk=pk).first()
    if person is None:
        raise Http404
    return person


def get_case_for_user(user, pk: int) -> SspCase:
    case = cases_visible_to(user).select_related("person").filter(pk=pk).first()
    if case is None:
        raise Http404
    return case
