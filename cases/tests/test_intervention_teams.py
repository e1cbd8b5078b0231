from datetime import date, timedelta

import pytest
from django.test import Client
from django.utils import timezone

from accounts.roles import Role
from cases.actions import ssp_case_open
from cases.models import InterventionCourse, InterventionProgramme, PhaseDecision, TeamMember
from conftest import ROLE_NAMES, login_client, make_user
from people.actions import person_create


def _family(ssp_consultant, name, level, district="noerrebro"):
    person = person_create(
        by=ssp_consultant,
        first_name="Barn",
        last_name=name,
        birth_date=date(2009, 1, 1),
        district=district,
        purpose="t",
    )
    ssp_case_open(
        by=ssp_consultant,
        person=person,
        level=level,
        reporting_partner="Politi",
        reported_on=date(2026, 11, 1),
        ssp_district="3 Nørrebro",
        description="x",
        legal_basis="consent",
        consent_date=date(2026, 11, 1),
        consent_scope="SSP",
    )
    return person.household_memberships.get().household


def test_qualifying_families_are_ranked_by_visible_need(ssp_consultant, coordinator):
    _family(ssp_consultant, "Treer", 3)
    _family(ssp_consultant, "Firer", 4)
    _family(ssp_consultant, "Toer", 2)
    _family(ssp_consultant, "Valby", 4, district="valby")
    page = login_client(Client(), coordinator).get("/interventionsteam/").content.decode()
    assert page.index("Familien Firer") < page.index("Familien Treer")
    assert "Familien Toer" not in page and "Familien Valby" not in page


def test_a_coordinator_admits_builds_a_team_across_departments_and_moves_to_phase_out(
    ssp_consultant, coordinator, caseworker, catalogue
):
    household = _family(ssp_consultant, "Firer", 4)
    client = login_client(Client(), coordinator)
    response = client.post(f"/interventionsteam/optag/{household.pk}/")
    course = InterventionCourse.objects.get(household=household)
    assert response["Location"] == f"/interventionsteam/{course.pk}/"
    teacher = make_user("buf_teacher", [Role.CASEWORKER], "BUF")
    for user, role in [(caseworker, "Jobcentret"), (teacher, "Skolen")]:
        client.post(
            f"/interventionsteam/{course.pk}/team/", {"user": user.pk, "role_on_team": role}
        )
    assert {m.user.department.code for m in course.team.select_related("user__department")} == {
        "SOF",
        "BIF",
        "BUF",
    }
    assert (
        login_client(Client(), caseworker)
        .get(f"/personer/{household.members.get().person_id}/")
        .status_code
        == 200
    )
    client.post(
        f"/interventionsteam/{course.pk}/phase/",
        {"version": course.version, "to_phase": "phase_out", "note": "God progression"},
    )
    course.refresh_from_db()
    assert course.phase == "phase_out"
    assert list(PhaseDecision.objects.filter(course=course).values_list("to_phase", flat=True)) == [
        "intensive",
        "phase_out",
    ]


def test_a_team_member_without_a_department_is_refused(ssp_consultant, coordinator, catalogue):
    household = _family(ssp_consultant, "Firer", 4)
    client = login_client(Client(), coordinator)
    client.post(f"/interventionsteam/optag/{household.pk}/")
    course = InterventionCourse.objects.get()
    loner = make_user("no_department", [Role.CASEWORKER], None)
    page = client.post(
        f"/interventionsteam/{course.pk}/team/", {"user": loner.pk, "role_on_team": "x"}
    ).content.decode()
    assert "Et teammedlem skal høre til en forvaltning" in page
    assert not TeamMember.objects.filter(user=loner).exists()


def test_admission_respects_the_capacity_per_district(ssp_consultant, coordinator):
    InterventionProgramme.objects.update_or_create(pk=1, defaults={"district_capacity": 1})
    first, second = _family(ssp_consultant, "En", 4), _family(ssp_consultant, "To", 4)
    client = login_client(Client(), coordinator)
    client.post(f"/interventionsteam/optag/{first.pk}/")
    response = client.post(f"/interventionsteam/optag/{second.pk}/", follow=True)
    assert "Der er ikke plads" in response.content.decode()
    assert InterventionCourse.objects.count() == 1


def test_the_system_proposes_the_next_phase_when_its_time_has_come(ssp_consultant, coordinator):
    household = _family(ssp_consultant, "Firer", 4)
    client = login_client(Client(), coordinator)
    client.post(f"/interventionsteam/optag/{household.pk}/")
    InterventionCourse.objects.update(phase_started_on=timezone.localdate() - timedelta(days=200))
    page = client.get(f"/interventionsteam/{InterventionCourse.objects.get().pk}/").content.decode()
    assert "Systemet foreslår næste fase" in page and "Udfasning" in page


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_the_steering_group_sees_counts_never_names(all_roles, ssp_consultant, role):
    household = _family(ssp_consultant, "Firer", 4)
    admitted = timezone.localdate() - timedelta(days=70)
    InterventionCourse.objects.create(
        household=household,
        district="noerrebro",
        coordinator=all_roles["coordinator"],
        admitted_on=admitted,
        phase_started_on=admitted,
    )
    response = login_client(Client(), all_roles[role]).get("/interventionsteam/styregruppe/")
    assert response.status_code == (
        200 if role in {"coordinator", "administrator", "analyst", "department_leader"} else 403
    )
    if response.status_code == 200:
        page = response.content.decode()
        assert "Familien Firer" not in page and "Barn" not in page
        # The course's coordinator sees the family: exact; the others a hidden small count.
        leads_the_coordinator = (
            role == "department_leader"
            and all_roles[role].department_id == all_roles["coordinator"].department_id
        )
        exact = role == "coordinator" or leads_the_coordinator
        assert ("tallene er præcise" in page) == exact
        if role in {"administrator", "analyst"}:
            assert "&lt;5" in page and "Begge bydele" in page


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_only_coordinators_see_the_prioritisation_list(all_roles, role):
    assert login_client(Client(), all_roles[role]).get("/interventionsteam/").status_code == (
        200 if role == "coordinator" else 403
    )


def test_a_team_member_sees_and_completes_a_course_task_in_my_work(
    ssp_consultant, coordinator, caseworker
):
    household = _family(ssp_consultant, "Firer", 4)
    client = login_client(Client(), coordinator)
    client.post(f"/interventionsteam/optag/{household.pk}/")
    course = InterventionCourse.objects.get()
    client.post(
        f"/interventionsteam/{course.pk}/team/",
        {"user": caseworker.pk, "role_on_team": "Jobcentret"},
    )
    client.post(
        f"/interventionsteam/{course.pk}/task/",
        {
            "responsible": caseworker.pk,
            "title": "Jobsamtale med faren",
            "due_date": (timezone.localdate() + timedelta(days=7)).isoformat(),
        },
    )
    member = login_client(Client(), caseworker)
    page = member.get("/mit-arbejde/").content.decode()
    assert "Jobsamtale med faren" in page and "Familien Firer" in page
    task = course.tasks.get()
    member.post(f"/opgaver/{task.pk}/udfoert/")
    task.refresh_from_db()
    assert task.done_at is not None
    outsider = login_client(Client(), ssp_consultant)
    other = course.tasks.create(title="x", due_date=date(2030, 1, 1), responsible=caseworker)
    assert outsider.post(f"/opgaver/{other.pk}/udfoert/").status_code == 404


def test_a_department_leader_sees_the_courses_the_departments_coordinators_lead(
    ssp_consultant, coordinator, department_leader
):
    """The SOF leader may open a SOF coordinator's course (read only); a BIF leader may not."""
    household = _family(ssp_consultant, "Firer", 4)
    login_client(Client(), coordinator).post(f"/interventionsteam/optag/{household.pk}/")
    course = InterventionCourse.objects.get()
    assert (
        login_client(Client(), department_leader)
        .get(f"/interventionsteam/{course.pk}/")
        .status_code
        == 200
    )
    other_leader = make_user("bif_leader", [Role.DEPARTMENT_LEADER], "BIF")
    assert (
        login_client(Client(), other_leader).get(f"/interventionsteam/{course.pk}/").status_code
        == 404
    )
    refused = login_client(Client(), department_leader).post(
        f"/interventionsteam/{course.pk}/phase/",
        {"version": course.version, "to_phase": "phase_out", "note": "x"},
    )
    assert refused.status_code in (403, 404)
    course.refresh_from_db()
    assert course.phase == "intensive"


def test_a_coordinator_stripped_of_every_role_opens_nothing_of_the_family(
    ssp_consultant, coordinator
):
    """Course access came from the course's foreign keys alone; now it needs a role too."""
    household = _family(ssp_consultant, "Firer", 4)
    client = login_client(Client(), coordinator)
    client.post(f"/interventionsteam/optag/{household.pk}/")
    course = InterventionCourse.objects.get(household=household)
    child = household.members.get().person
    assert client.get(f"/personer/{child.pk}/").status_code == 200
    coordinator.role_assignments.all().delete()
    stripped = login_client(Client(), coordinator)
    assert stripped.get(f"/interventionsteam/{course.pk}/").status_code == 404
    assert stripped.get(f"/personer/{child.pk}/").status_code == 404
    assert stripped.post(f"/personer/{child.pk}/vis-cpr/").status_code == 404
    assert stripped.post(f"/interventionsteam/{course.pk}/note/", {"text": "x"}).status_code == 404
    assert not course.notes.exists()


def test_a_department_leader_reads_the_course_but_writes_no_note(
    ssp_consultant, coordinator, department_leader
):
    household = _family(ssp_consultant, "Firer", 4)
    login_client(Client(), coordinator).post(f"/interventionsteam/optag/{household.pk}/")
    course = InterventionCourse.objects.get(household=household)
    leader = login_client(Client(), department_leader)
    page = leader.get(f"/interventionsteam/{course.pk}/").content.decode()
    assert "Familien Firer" in page and "Skriv notat" not in page
    response = leader.post(f"/interventionsteam/{course.pk}/note/", {"text": "Ledernotat"})
    assert response.status_code == 403 and not course.notes.exists()
