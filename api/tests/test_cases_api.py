from datetime import date

import pytest
from django.test import Client

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
        ssp_district="2",
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
