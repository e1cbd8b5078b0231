from datetime import date

import pytest
from django.test import Client

from cases.actions import ssp_case_open
from conftest import ROLE_NAMES, login_client
from people.actions import person_create

CAN_SEE = {
    "administrator",
    "ssp_consultant",
    "coordinator",
    "caseworker",
    "analyst",
    "department_leader",
}


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_the_overview_is_for_supervisors_and_analysts(all_roles, level_3_case, role):
    response = login_client(Client(), all_roles[role]).get("/sager/overblik/")
    assert response.status_code == (200 if role in CAN_SEE else 403)
    if response.status_code == 200:
        page = response.content.decode()
        assert "Test Ungesen" not in page
        assert "&lt;5" in page  # one open case: never shown as 1


def test_counts_of_5_or_more_are_shown(ssp_consultant, analyst):
    for i in range(6):
        person = person_create(
            by=ssp_consultant,
            first_name="P",
            last_name=str(i),
            birth_date=date(2010, 1, 1 + i),
            purpose="t",
        )
        ssp_case_open(
            by=ssp_consultant,
            person=person,
            level=1,
            reporting_partner="Skole",
            reported_on=date(2020, 1, 1),
            ssp_district="9 Valby",
            description="x",
            legal_basis="consent",
            consent_date=date(2020, 1, 1),
            consent_scope="SSP",
        )
    page = login_client(Client(), analyst).get("/sager/overblik/").content.decode()
    assert "9 Valby" in page
    assert '<td class="num">6</td>' in page


def test_overdue_intervention_tasks_do_not_disturb_the_case_overview(
    level_3_case, coordinator, analyst
):
    from cases.models import InterventionCourse, Task

    course = InterventionCourse.objects.create(
        household=level_3_case.person.household_memberships.get().household,
        district="noerrebro",
        coordinator=coordinator,
        admitted_on=date(2026, 1, 1),
        phase_started_on=date(2026, 1, 1),
    )
    Task.objects.create(
        course=course, title="x", due_date=date(2020, 1, 1), responsible=coordinator
    )
    assert login_client(Client(), analyst).get("/sager/overblik/").status_code == 200
