"""How long closed case records are kept (registered with audit.retention in CasesConfig.ready)."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from audit.retention import RetentionPolicy
from cases.models import SspCase
from people.models import Person


def expired_ssp_cases():
    cutoff = timezone.now() - timedelta(days=settings.CASE_RETENTION_DAYS)
    return SspCase.objects.filter(closed_at__lt=cutoff).select_related("person")


def ssp_case_delete(case: SspCase) -> None:
    """Delete the case with its history, tasks, referrals and plan; the person too when nothing
    else (another case, an intervention course) still needs them."""
    person = case.person
    case.delete()
    if (
        not person.ssp_cases.exists()
        and not Person.objects.filter(
            pk=person.pk, household_memberships__household__intervention_courses__isnull=False
        ).exists()
    ):
        person.household_memberships.all().delete()
        person.emergency_accesses.all().delete()
        person.family_goals.all().delete()
        person.delete()


def policies() -> list[RetentionPolicy]:
    return [
        RetentionPolicy(
            label=f"SSP-sager lukket for mere end {settings.CASE_RETENTION_DAYS} dage siden",
            expired=expired_ssp_cases,
            delete=ssp_case_delete,
        )
    ]
