"""The purge on a whole population aged past every deadline: every kind of record about a
person goes, nothing stops the run, no name stays in the audit trail, and a second run finds
nothing more to do."""

from datetime import timedelta

import pytest
from django.apps import apps
from django.core.management import call_command
from django.utils import timezone

from audit.models import AccessLogEntry, AuditEvent, PurgeRun
from cases.demo_population import demo_population_create
from cases.models import EmergencyAccess, InterventionCourse, Phase, SspCase
from imports.models import ImportJob
from people.actions import person_create, person_for_registration
from people.models import Person

PERSONAL_RECORDS = [
    "people.Person",
    "people.Household",
    "people.HouseholdMember",
    "people.PersonMatch",
    "cases.SspCase",
    "cases.LevelChange",
    "cases.CaseMember",
    "cases.Task",
    "cases.Referral",
    "cases.SspPlusPlan",
    "cases.PlanGoal",
    "cases.InterventionCourse",
    "cases.TeamMember",
    "cases.PhaseDecision",
    "cases.ProgressNote",
    "cases.FamilyGoal",
    "cases.EmergencyAccess",
    "outcomes.Participation",
    "outcomes.FollowUp",
    "outcomes.WaitingListEntry",
    "outcomes.StatusObservation",
    "outcomes.CrimeEvent",
    "outcomes.Assessment",
    "outcomes.AssessmentScore",
    "audit.AccessLogEntry",
]


def _counts() -> dict[str, int]:
    return {label: apps.get_model(label).objects.count() for label in PERSONAL_RECORDS}


@pytest.fixture
def aged_population(settings, all_roles):
    from accounts.demo import demo_users_create

    ssp_consultant, caseworker = all_roles["ssp_consultant"], all_roles["caseworker"]
    settings.DEBUG = True
    demo_users_create()
    demo_population_create(young_people=40)
    # Records made through the actions, whose audit events name people.
    named = person_create(
        by=ssp_consultant,
        first_name="Navngivet",
        last_name="Revisionsen",
        purpose="test",
        cpr_text="020209-4567",
    )
    person_for_registration(
        by=caseworker,
        visible=Person.objects.none(),
        first_name="Indtastet",
        last_name="Matchesen",
        cpr_text="020209-4567",
        purpose="test",
    )
    EmergencyAccess.objects.create(
        user=caseworker, person=named, reason="Akut", expires_at=timezone.now()
    )
    ImportJob.objects.create(
        kind="status", label="x", filename="cpr.csv", data=b"cpr;dato;status", created_by=caseworker
    )
    names = {str(p) for p in Person.objects.all()}
    long_ago = timezone.now() - timedelta(days=settings.CASE_RETENTION_DAYS + 1)
    SspCase.objects.update(closed_at=long_ago)
    InterventionCourse.objects.update(phase=Phase.ENDED, phase_started_on=long_ago.date())
    EmergencyAccess.objects.update(expires_at=long_ago)
    AccessLogEntry.objects.update(at=long_ago)
    Person.objects.update(created_at=long_ago)
    ImportJob.objects.update(created_at=long_ago)
    return names


def test_a_purge_of_an_aged_population_deletes_every_record_of_every_kind(aged_population):
    before = _counts()
    assert all(before[label] > 0 for label in ("people.Person", "outcomes.Participation"))
    call_command("purge_expired")
    run = PurgeRun.objects.get()
    assert run.failures == []
    assert _counts() == dict.fromkeys(PERSONAL_RECORDS, 0)
    assert not ImportJob.objects.exclude(data=b"").exists()
    # No name of anyone deleted is left in the audit trail.
    trail = " ".join(f"{e.object_repr} {e.changes}" for e in AuditEvent.objects.all())
    assert [name for name in aged_population if name in trail] == []
    assert AuditEvent.objects.filter(action="retention.delete_many").exists()


def test_a_second_run_finds_nothing_and_fails_nothing(aged_population):
    call_command("purge_expired")
    call_command("purge_expired")
    second = PurgeRun.objects.order_by("started_at", "id").last()
    assert second.failures == [] and set(second.deleted.values()) == {0}


def test_one_item_that_fails_is_reported_and_skipped_and_the_rest_goes(
    aged_population, monkeypatch, administrator
):
    from dataclasses import replace

    from audit.retention import POLICIES

    first = SspCase.objects.order_by("pk").first()
    index, policy = next((i, p) for i, p in enumerate(POLICIES) if p.label.startswith("SSP-sager"))

    def failing_for_the_first(case):
        if case.pk == first.pk:
            raise RuntimeError("disk full")
        policy.delete(case)

    patched = list(POLICIES)
    patched[index] = replace(policy, delete=failing_for_the_first)
    monkeypatch.setattr("audit.retention.POLICIES", patched)
    call_command("purge_expired")
    run = PurgeRun.objects.get()
    assert run.failures == [[policy.label, f"SSP-sag {first.pk}", "RuntimeError"]]
    assert list(SspCase.objects.values_list("pk", flat=True)) == [first.pk]
    from django.test import Client

    from conftest import login_client

    page = login_client(Client(), administrator).get("/revision/sletning/").content.decode()
    assert f"SSP-sag {first.pk}" in page and "RuntimeError" in page
