"""How long case records are kept after they end (registered with audit.retention in
CasesConfig.ready). Referrals, tasks, level history and SSP+ plans belong to their case and go
with it; family goals, notes, team and phase decisions belong to their course. A person goes
when nothing needs them any more, with everything recorded about them (participations and
their follow-ups, status observations, police records, assessments, waiting lists), and so do
family members whom nothing else needs."""

from datetime import timedelta

from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils import timezone

from audit.retention import RetentionPolicy, records_erase
from cases.models import EmergencyAccess, InterventionCourse, Phase, SspCase
from people.models import Household, HouseholdMember, MatchStatus, Person, PersonMatch


def _cutoff(days: int):
    return timezone.now() - timedelta(days=days)


def persons_needed() -> QuerySet[Person]:
    """Persons something still needs: their own SSP case, an intervention course of their
    household, or a household member with an SSP case (the family of a child still followed)."""
    with_case = SspCase.objects.values("person_id")
    households_needed = Household.objects.filter(
        Q(intervention_courses__isnull=False) | Q(members__person_id__in=with_case)
    ).values("pk")
    return Person.objects.filter(
        Q(pk__in=with_case) | Q(household_memberships__household_id__in=households_needed)
    )


def person_erase_if_unneeded(person: Person) -> bool:
    """Erase the person and everything recorded about them, unless something still needs them.
    Participations first: they protect the person (and take their follow-ups with them)."""
    if persons_needed().filter(pk=person.pk).exists():
        return False
    records_erase(list(person.participations.all()))
    records_erase([person])
    return True


def _family_erase_if_unneeded(households: list[Household]) -> None:
    """After a person went: the members of their households whom nothing else needs, then the
    households left without members or courses."""
    for member in HouseholdMember.objects.filter(household__in=households).select_related("person"):
        person_erase_if_unneeded(member.person)
    for household in Household.objects.filter(pk__in=[h.pk for h in households]):
        if not household.members.exists() and not household.intervention_courses.exists():
            records_erase([household])


def expired_ssp_cases():
    return SspCase.objects.filter(
        closed_at__lt=_cutoff(settings.CASE_RETENTION_DAYS)
    ).select_related("person")


def ssp_case_delete(case: SspCase) -> None:
    """Delete the case with its history, tasks, referrals and plan; then the person and their
    family when nothing else (another case, an intervention course) still needs them."""
    person = case.person
    households = list(Household.objects.filter(members__person=person))
    records_erase([case])
    person_erase_if_unneeded(person)
    _family_erase_if_unneeded(households)


def expired_intervention_courses():
    """Courses ended (phase 'ended') longer ago than the case retention period."""
    return InterventionCourse.objects.filter(
        phase=Phase.ENDED,
        # A local date: the UTC date lags Copenhagen's by a day in the hour after midnight.
        phase_started_on__lt=timezone.localdate() - timedelta(days=settings.CASE_RETENTION_DAYS),
    ).select_related("household")


def intervention_course_delete(course: InterventionCourse) -> None:
    """Delete the course with its team, goals, notes, tasks and phase decisions; then the
    family's members that nothing else needs, and the household if it is left empty."""
    household = course.household
    records_erase([course])
    _family_erase_if_unneeded([household])


def unneeded_persons():
    """Persons nothing needs (no case, no course, no family with a case): nobody can see them,
    so nothing justifies keeping them, e.g. those left when a case was deleted by hand."""
    return Person.objects.exclude(pk__in=persons_needed().values("pk")).filter(
        created_at__lt=_cutoff(1)
    )


def expired_emergency_accesses():
    """Emergency accesses, reviewed or not, kept as long as the access log they explain."""
    return EmergencyAccess.objects.filter(
        expires_at__lt=_cutoff(settings.ACCESS_LOG_RETENTION_DAYS)
    )


def expired_person_matches():
    """Matches decided (or left without their typed record) longer ago than the access log is
    kept; a pending match lives as long as the person it names."""
    old = _cutoff(settings.ACCESS_LOG_RETENTION_DAYS)
    return PersonMatch.objects.filter(
        Q(decided_at__lt=old)
        | Q(status=MatchStatus.PENDING, typed_person__isnull=True, created_at__lt=old)
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
            label="Personer, som ingen sag, intet forløb og ingen familie med en sag har brug for",
            expired=unneeded_persons,
            delete=lambda person: person_erase_if_unneeded(person),
        ),
        RetentionPolicy(
            label=f"Nødadgange udløbet for mere end {log_days} dage siden",
            expired=expired_emergency_accesses,
            delete=lambda access: records_erase([access]),
        ),
        RetentionPolicy(
            label=f"Afgjorte mulige match ældre end {log_days} dage",
            expired=expired_person_matches,
            delete=lambda match: records_erase([match]),
        ),
    ]
