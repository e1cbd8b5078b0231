"""Every role × every page of the cases part, in one table. A person and their case exist only
for those working on them (404); pages a role may never use answer 403."""

from datetime import date

import pytest
from django.test import Client

from cases.models import InterventionCourse
from conftest import ROLE_NAMES, login_client

# Codes per role, in the order of PAGES below. The young person's case was opened by the SSP
# consultant; the family is in a course led by the coordinator (SOF), so the coordinator and
# the SOF department leader see the family's persons but not the SSP case itself.
PAGES = [
    "/mit-arbejde/",
    "/sager/overblik/",
    "/personer/soeg/",
    "/personer/{person}/",
    "/sager/{case}/",
    "/sager/{case}/henvis/",
    "/sager/{case}/ssp-plus/",
    "/sager/ny/",
    "/niveauregler/",
    "/niveauregler/3/",
    "/niveauregler/ssp-plus/",
    "/henvisninger/",
    "/noedadgang/",
    "/noedadgang/gennemgang/",
    "/indsigt/",
    "/interventionsteam/",
    "/interventionsteam/styregruppe/",
    "/interventionsteam/{course}/",
]
EXPECTED = {
    "administrator":     [403, 200, 200, 404, 404, 404, 404, 403, 200, 200, 200, 403, 200, 200, 200, 403, 200, 404],
    "bif_owner":         [403, 403, 403, 404, 404, 404, 404, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 404],
    "sof_owner":         [403, 403, 403, 404, 404, 404, 404, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 404],
    "ssp_consultant":    [200, 200, 200, 200, 200, 200, 404, 200, 403, 403, 403, 200, 200, 403, 403, 403, 403, 404],
    "coordinator":       [200, 200, 200, 200, 404, 404, 404, 200, 403, 403, 403, 200, 200, 403, 403, 200, 200, 200],
    "caseworker":        [200, 200, 200, 404, 404, 404, 404, 200, 403, 403, 403, 200, 200, 403, 403, 403, 403, 404],
    "analyst":           [403, 200, 403, 404, 404, 404, 404, 403, 403, 403, 403, 403, 403, 403, 403, 403, 200, 404],
    "committee_reader":  [403, 403, 403, 404, 404, 404, 404, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 404],
    "department_leader": [200, 200, 200, 200, 404, 404, 404, 403, 403, 403, 403, 403, 200, 403, 403, 403, 200, 200],
}  # fmt: skip


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_every_case_page_answers_each_role_as_need_to_know_requires(
    all_roles, level_3_case, coordinator, role
):
    household = level_3_case.person.household_memberships.get().household
    course = InterventionCourse.objects.create(
        household=household,
        district="noerrebro",
        coordinator=coordinator,
        admitted_on=date(2026, 1, 1),
        phase_started_on=date(2026, 1, 1),
    )
    course.team.create(user=coordinator, role_on_team="Koordinator")
    ids = {"person": level_3_case.person_id, "case": level_3_case.pk, "course": course.pk}
    client = login_client(Client(), all_roles[role])
    got = [client.get(page.format(**ids)).status_code for page in PAGES]
    assert dict(zip(PAGES, got, strict=True)) == dict(zip(PAGES, EXPECTED[role], strict=True))
