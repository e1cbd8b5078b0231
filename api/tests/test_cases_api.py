from datetime import date, timedelta

import pytest
from django.test import Client
from django.utils import timezone

from api.tests.test_api import bearer
from audit.models import AccessLogEntry
from cases.actions import ssp_case_open
from conftest import ROLE_NAMES
from people.actions import person_create


@pytest.fixture
def case(ssp_consultant):
    person = person_create(
        by=ssp_consultant, first_name="Api", last_name="Ung", cpr_text="030308-4567", purpose="t"
    )
    return ssp_case_open(
        by=ssp_consultant,
        person=person,
        level=3,
        reporting_partner="Politi",
        reported_on=date(2026, 11, 1),
        ssp_district="3 Nørrebro",
        description="x",
        legal_basis="consent",
        consent_date=date(2026, 11, 1),
        consent_scope="SSP",
    )


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_the_api_shows_a_case_only_to_its_team(all_roles, case, role):
    headers = bearer(all_roles[role])
    client = Client()
    sees = role == "ssp_consultant"
    assert client.get(f"/api/v1/cases/{case.pk}", **headers).status_code == (200 if sees else 404)
    assert [c["id"] for c in client.get("/api/v1/cases", **headers).json()] == (
        [case.pk] if sees else []
    )
    response = client.post(
        f"/api/v1/cases/{case.pk}/level",
        {"version": 1, "to_level": 4, "reason": "Vold"},
        content_type="application/json",
        **headers,
    )
    assert response.status_code == (200 if sees else 404)
    assert client.get("/api/v1/tasks", **headers).status_code == 200


def test_the_api_never_returns_the_full_cpr_and_logs_each_read(case, ssp_consultant):
    body = Client().get(f"/api/v1/cases/{case.pk}", **bearer(ssp_consultant)).content.decode()
    assert "030308-xxxx" in body and "4567" not in body
    assert (
        AccessLogEntry.objects.filter(
            subject_id=str(case.person_id), purpose=f"API: SSP-sag {case.pk}"
        ).count()
        == 1
    )


def test_a_stale_level_change_gets_409(case, ssp_consultant):
    headers = bearer(ssp_consultant)
    client = Client()
    client.post(
        f"/api/v1/cases/{case.pk}/level",
        {"version": 1, "to_level": 4, "reason": "a"},
        content_type="application/json",
        **headers,
    )
    response = client.post(
        f"/api/v1/cases/{case.pk}/level",
        {"version": 1, "to_level": 2, "reason": "b"},
        content_type="application/json",
        **headers,
    )
    assert response.status_code == 409


def test_my_tasks_lists_the_level_actions(case, ssp_consultant):
    tasks = Client().get("/api/v1/tasks", **bearer(ssp_consultant)).json()
    assert {t["title"] for t in tasks} >= {"Behandling i koordinationsgruppen"}


@pytest.fixture
def referral_to_jobcentre(case, ssp_consultant, caseworker):
    from datetime import timedelta

    from django.utils import timezone

    from cases.actions import referral_send

    return referral_send(
        by=ssp_consultant,
        case=case,
        to_unit=caseworker.unit,
        reason="Brug for job",
        legal_basis="rpl115",
        necessity="Koordinering",
        answer_by=timezone.localdate() + timedelta(days=14),
    )


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_the_api_shows_a_referral_to_the_receiving_unit_and_the_sender_only(
    all_roles, referral_to_jobcentre, role
):
    listed = Client().get("/api/v1/referrals", **bearer(all_roles[role])).json()
    # The BIF initiative owner shares the receiving unit but does not work on cases.
    expected = {"ssp_consultant": "sent", "caseworker": "incoming"}
    assert [(r["id"], r["direction"]) for r in listed] == (
        [(referral_to_jobcentre.pk, expected[role])] if role in expected else []
    )


def test_the_receiver_declines_through_the_api_with_a_reason(
    referral_to_jobcentre, caseworker, coordinator
):
    url = f"/api/v1/referrals/{referral_to_jobcentre.pk}/answer"
    outsider = Client().post(
        url,
        {"accept": False, "reason": "x"},
        content_type="application/json",
        **bearer(coordinator),
    )
    assert outsider.status_code == 404
    client = Client()
    no_reason = client.post(
        url, {"accept": False}, content_type="application/json", **bearer(caseworker)
    )
    assert no_reason.status_code == 422 and "Angiv hvorfor" in no_reason.json()["detail"]
    declined = client.post(
        url,
        {"accept": False, "reason": "Allerede i forløb"},
        content_type="application/json",
        **bearer(caseworker),
    )
    assert declined.status_code == 200 and declined.json()["status"] == "declined"


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_intervention_courses_and_steering_through_the_api(all_roles, case, role):
    from cases.models import InterventionCourse

    coordinator = all_roles["coordinator"]
    course = InterventionCourse.objects.create(
        household=case.person.household_memberships.get().household,
        district="noerrebro",
        coordinator=coordinator,
        admitted_on=timezone.localdate() - timedelta(days=200),
        phase_started_on=timezone.localdate() - timedelta(days=200),
    )
    course.team.create(user=coordinator, role_on_team="Koordinator")
    headers = bearer(all_roles[role])
    courses = Client().get("/api/v1/intervention/courses", **headers).json()
    sees = role in {"coordinator", "department_leader"}  # the leader of SOF, the coordinator's
    assert [c["id"] for c in courses] == ([course.pk] if sees else [])
    if sees:
        assert courses[0]["proposed_next_phase"] == "phase_out"  # over 6 months in intensive
    steering = Client().get("/api/v1/intervention/steering", **headers)
    allowed = {"coordinator", "administrator", "analyst", "department_leader"}
    assert steering.status_code == (200 if role in allowed else 403)
    if role in allowed:
        # Those who see every family get exact counts by district, the others the programme
        # as a whole with small counts hidden (docs/decisions/0013).
        body = steering.json()
        assert body["exact"] == sees
        if sees:
            assert body["families"] == [
                {
                    "district": "noerrebro",
                    "counts": {"intensive": 1, "phase_out": 0, "aftercare": 0, "ended": 0},
                }
            ]
        else:
            assert body["families"] == [
                {
                    "district": "begge",
                    "counts": {
                        "intensive": "<5",
                        "phase_out": 0,
                        "aftercare": 0,
                        "ended": 0,
                        "I alt": "<5",
                    },
                }
            ]
            assert body["admitted"] == {"noerrebro": "<5", "I alt": "<5"}
        assert "Api" not in steering.content.decode()
