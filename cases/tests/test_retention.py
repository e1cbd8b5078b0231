from datetime import date, timedelta

from django.conf import settings
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from audit.models import AuditEvent
from cases.actions import ssp_case_close, ssp_case_open
from cases.models import EmergencyAccess, InterventionCourse, SspCase, Task
from conftest import login_client
from people.actions import person_create
from people.models import HouseholdMember, Person


def _case(by, name):
    person = person_create(
        by=by, first_name="Gammel", last_name=name, birth_date=date(2000, 1, 1), purpose="t"
    )
    return ssp_case_open(
        by=by,
        person=person,
        level=1,
        reporting_partner="Skole",
        reported_on=date(2015, 1, 1),
        ssp_district="1 Indre By",
        description="x",
        legal_basis="consent",
        consent_date=date(2015, 1, 1),
        consent_scope="SSP",
    )


def test_purge_expired_removes_what_it_lists_and_nothing_else(ssp_consultant, capsys):
    old, recent, still_open = (
        _case(ssp_consultant, "Udløbet"),
        _case(ssp_consultant, "Nylig"),
        _case(ssp_consultant, "Åben"),
    )
    for case in (old, recent):
        ssp_case_close(by=ssp_consultant, case=case, reason="Afsluttet")
    SspCase.objects.filter(pk=old.pk).update(
        closed_at=timezone.now() - timedelta(days=settings.CASE_RETENTION_DAYS + 1)
    )

    call_command("purge_expired", "--dry-run")
    listed = capsys.readouterr().out
    assert f"SSP-sag {old.pk}" in listed and f"SSP-sag {recent.pk}\n" not in listed
    assert SspCase.objects.count() == 3

    call_command("purge_expired")
    assert set(SspCase.objects.values_list("pk", flat=True)) == {recent.pk, still_open.pk}
    assert not Person.objects.filter(last_name="Udløbet").exists()
    assert Person.objects.filter(last_name__in=["Nylig", "Åben"]).count() == 2
    event = AuditEvent.objects.get(action="retention.delete")
    assert event.object_id == str(old.pk) and "Udløbet" not in event.object_repr


def test_closing_a_case_needs_a_reason_and_removes_its_open_actions(ssp_consultant):
    case = _case(ssp_consultant, "Luk")
    client = login_client(Client(), ssp_consultant)
    client.post(f"/sager/{case.pk}/luk/", {"reason": ""})
    assert SspCase.objects.get(pk=case.pk).closed_at is None
    client.post(f"/sager/{case.pk}/luk/", {"reason": "Den unge er flyttet"})
    assert SspCase.objects.get(pk=case.pk).closed_at is not None
    assert not Task.objects.filter(case=case, done_at__isnull=True).exists()


def test_ended_intervention_courses_and_old_emergency_accesses_expire_too(
    ssp_consultant, coordinator, administrator
):
    """An ended course past the deadline goes; the family stays while a child of it still has
    a case; a course still running stays; emergency accesses, reviewed or not, go once the
    access log they explain has gone."""
    case = _case(ssp_consultant, "Familie")
    household = case.person.household_memberships.get().household
    parent = person_create(
        by=ssp_consultant,
        first_name="Mor",
        last_name="Familie",
        birth_date=date(1980, 5, 5),
        purpose="t",
    )
    HouseholdMember.objects.create(household=household, person=parent, role="parent")
    long_ago = timezone.localdate() - timedelta(days=settings.CASE_RETENTION_DAYS + 1)
    ended = InterventionCourse.objects.create(
        household=household,
        district="noerrebro",
        coordinator=coordinator,
        admitted_on=long_ago - timedelta(days=365),
        phase="ended",
        phase_started_on=long_ago,
    )
    running = InterventionCourse.objects.create(
        household=_case(ssp_consultant, "Igang").person.household_memberships.get().household,
        district="noerrebro",
        coordinator=coordinator,
        admitted_on=long_ago,
        phase="aftercare",
        phase_started_on=long_ago,
    )
    old_moment = timezone.now() - timedelta(days=settings.ACCESS_LOG_RETENTION_DAYS + 1)
    reviewed = EmergencyAccess.objects.create(
        user=ssp_consultant,
        person=parent,
        reason="x",
        expires_at=old_moment,
        reviewed_by=administrator,
        reviewed_at=old_moment,
    )
    unreviewed = EmergencyAccess.objects.create(
        user=ssp_consultant, person=case.person, reason="y", expires_at=old_moment
    )

    call_command("purge_expired")

    assert set(InterventionCourse.objects.values_list("pk", flat=True)) == {running.pk}
    assert Person.objects.filter(pk=case.person_id).exists()  # her son still has a case
    assert Person.objects.filter(pk=parent.pk).exists()  # so his family stays
    assert not EmergencyAccess.objects.filter(pk__in=[reviewed.pk, unreviewed.pk]).exists()
    assert AuditEvent.objects.filter(action="retention.delete", object_id=str(ended.pk)).exists()
