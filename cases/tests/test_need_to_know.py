"""A person is seen only by those working on their case; outside one's scope a person does
not exist (404), and every view of a person writes exactly one access-log entry."""

import pytest
from django.test import Client

from accounts.roles import Role
from audit.models import AccessLogEntry
from cases.models import CaseMember
from conftest import ROLE_NAMES, login_client, make_user

SEES_THE_CASE = {"ssp_consultant"}  # the consultant who opened it; others are outside the team


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_only_the_team_sees_the_person_and_the_case(all_roles, level_3_case, role):
    client = login_client(Client(), all_roles[role])
    expected = 200 if role in SEES_THE_CASE else 404
    assert client.get(f"/personer/{level_3_case.person_id}/").status_code == expected
    assert client.get(f"/sager/{level_3_case.pk}/").status_code == expected
    assert client.post(f"/personer/{level_3_case.person_id}/vis-cpr/").status_code == expected


def test_the_ssp_body_of_the_district_sees_its_cases(level_3_case, district_body_member):
    client = login_client(Client(), district_body_member)
    assert client.get(f"/sager/{level_3_case.pk}/").status_code == 200


def test_a_department_leader_sees_the_cases_a_colleague_from_the_department_works_on(
    level_3_case, department_leader, coordinator, caseworker
):
    """The leader (SOF) does not see a case with only a BUF consultant and a BIF caseworker on
    it; once a SOF coordinator joins, the leader does, and each view is logged."""
    CaseMember.objects.create(case=level_3_case, user=caseworker, role_on_case="Jobcenter")
    client = login_client(Client(), department_leader)
    assert client.get(f"/sager/{level_3_case.pk}/").status_code == 404
    CaseMember.objects.create(case=level_3_case, user=coordinator, role_on_case="Koordinator")
    before = AccessLogEntry.objects.filter(username="department_leader").count()
    assert client.get(f"/personer/{level_3_case.person_id}/").status_code == 200
    assert AccessLogEntry.objects.filter(username="department_leader").count() == before + 1
    # ØKF has nobody on the case.
    other_leader = make_user("okf_leader", [Role.DEPARTMENT_LEADER], "ØKF")
    assert login_client(Client(), other_leader).get(f"/sager/{level_3_case.pk}/").status_code == 404


def test_every_view_of_a_person_page_writes_exactly_one_access_log_entry(
    level_3_case, ssp_consultant
):
    client = login_client(Client(), ssp_consultant)
    before = AccessLogEntry.objects.count()
    client.get(f"/personer/{level_3_case.person_id}/")
    entries = AccessLogEntry.objects.order_by("-id")[: AccessLogEntry.objects.count() - before]
    assert [(e.kind, e.subject_id, e.username) for e in entries] == [
        ("read", str(level_3_case.person_id), "ssp_consultant")
    ]


def test_the_cpr_number_is_masked_until_revealed_and_the_reveal_is_logged(
    level_3_case, ssp_consultant
):
    client = login_client(Client(), ssp_consultant)
    page = client.get(f"/personer/{level_3_case.person_id}/").content.decode()
    assert "010108-xxxx" in page and "010108-4123" not in page
    revealed = client.post(
        f"/personer/{level_3_case.person_id}/vis-cpr/", HTTP_HX_REQUEST="true"
    ).content.decode()
    assert "010108-4123" in revealed
    assert (
        AccessLogEntry.objects.filter(kind="reveal", subject_id=str(level_3_case.person_id)).count()
        == 1
    )


def test_a_search_is_logged_with_its_criterion_but_never_the_cpr_number(
    level_3_case, ssp_consultant, caseworker
):
    client = login_client(Client(), ssp_consultant)
    page = client.post("/personer/soeg/", {"cpr": "010108-4123"}).content.decode()
    assert "Test Ungesen" in page
    entry = AccessLogEntry.objects.filter(kind="search").latest("id")
    assert entry.criterion == "CPR 010108-xxxx"
    outsider = login_client(Client(), caseworker)
    assert (
        "Test Ungesen"
        not in outsider.post("/personer/soeg/", {"cpr": "010108-4123"}).content.decode()
    )


def test_the_cpr_number_never_appears_in_a_url(level_3_case, ssp_consultant):
    client = login_client(Client(), ssp_consultant)
    page = (
        client.get("/mit-arbejde/").content.decode()
        + client.get(f"/sager/{level_3_case.pk}/").content.decode()
    )
    assert "0101084123" not in page and "010108-4123" not in page


def test_an_anonymous_user_sees_no_case_and_no_person(level_3_case):
    from django.contrib.auth.models import AnonymousUser

    from cases.permissions import cases_visible_to, courses_visible_to, persons_visible_to

    anonymous = AnonymousUser()
    assert not cases_visible_to(anonymous).exists()
    assert not persons_visible_to(anonymous).exists()
    assert not courses_visible_to(anonymous).exists()


def test_mit_arbejde_logs_each_person_it_names_once(level_3_case, ssp_consultant):
    client = login_client(Client(), ssp_consultant)
    before = AccessLogEntry.objects.count()
    client.get("/mit-arbejde/")
    entries = AccessLogEntry.objects.order_by("-id")[: AccessLogEntry.objects.count() - before]
    assert [(e.kind, e.subject_id, e.purpose) for e in entries] == [
        ("read", str(level_3_case.person_id), "Mit arbejde")
    ]
