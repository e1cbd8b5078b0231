"""How long case records are kept after they end (registered with audit.retention in
CasesConfig.ready). Referrals, tasks, level history and SSP+ plans belong to their case and go
with it; family goals, notes, team and phase decisions belong to their course."""

from datetime import timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from audit.retention import RetentionPolicy
from cases.models import EmergencyAccess, InterventionCourse, Phase, SspCase
from people.models import Household, Person


def _cutoff(days: int):
    return timezone.now() - timedelta(days=days)


def expired_ssp_cases():
    return SspCase.objects.filter(
        closed_at__lt=_cutoff(settings.CASE_RETENTION_DAYS)
    ).select_related("person")


def _person_delete_if_unneeded(person: Person) -> None:
    """Delete a person nothing needs any more: no case and no intervention course."""
    still_needed = Person.objects.filter(pk=person.pk).filter(
        Q(ssp_cases__isnull=False)
        | Q(household_memberships__household__intervention_courses__isnull=False)
    )
    if still_needed.exists():
        return
    households = list(Household.objects.filter(members__person=person))
    person.household_memberships.all().delete()
    person.emergency_accesses.all().delete()
    person.family_goals.all().delete()
    person.delete()
    for household in households:
        if not household.members.exists() and not household.intervention_courses.exists():
            household.delete()


def ssp_case_delete(case: SspCase) -> None:
    """Delete the case with its history, tasks, referrals and plan; the person too when nothing
    else (another case, an intervention course) still needs them."""
    person = case.person
    case.delete()
    _person_delete_if_unneeded(person)


def expired_intervention_courses():
    """Courses ended (phase 'ended') longer ago than the case retention period."""
    return InterventionCourse.objects.filter(
        phase=Phase.ENDED,
        phase_started_on__lt=_cutoff(settings.CASE_RETENTION_DAYS).date(),
    )


def intervention_course_delete(course: InterventionCourse) -> None:
    """Delete the course with its team, goals, notes, tasks and phase decisions; then the
    family's members that nothing else needs."""
    members = [m.person for m in course.household.members.select_related("person")]
    course.delete()
    for person in members:
        _person_delete_if_unneeded(person)


def expired_emergency_accesses():
    """Reviewed emergency accesses, kept as long as the access log they explain."""
    return EmergencyAccess.objects.filter(
        reviewed_at__isnull=False,
        expires_at__lt=_cutoff(settings.ACCESS_LOG_RETENTION_DAYS),
    )


def policies() -> list[RetentionPolicy]:
    days, log_days = settings.CASE_RETENTION_DAYS, settings.ACCESS_LOG_RETENTION_DAYS
    return [
        RetentionPolicy(
            label=f"SSP-sager lukket for mere end {days} dage siden",
            expired=expired_ssp_cases,
            delete=ssp_case_delete,
        ),
        RetentionPolicy(
            label=f"Interventionsforløb afsluttet for mere end {days} dage siden",
            expired=expired_intervention_courses,
            delete=intervention_course_delete,
        ),
        RetentionPolicy(
            label=f"Gennemgåede nødadgange udløbet for mere end {log_days} dage siden",
            expired=expired_emergency_accesses,
            delete=lambda access: access.delete(),
        ),
    ]
