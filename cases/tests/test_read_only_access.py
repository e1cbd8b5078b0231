"""Seeing is not changing: a department leader, and an administrator who broke the glass, may
read a case but never change it, its person or its family."""

from django.test import Client

from cases.actions import emergency_access_grant
from cases.models import CaseMember, SspCase
from conftest import login_client
from people.models import HouseholdMember, Person


def _changes(client, case):
    person = case.person_id
    household = case.person.household_memberships.get().household_id
    return {
        "level": client.post(
            f"/sager/{case.pk}/niveau/", {"version": 1, "to_level": 4, "reason": "x"}
        ),
        "close": client.post(f"/sager/{case.pk}/luk/", {"reason": "x"}),
        "family": client.post(
            f"/personer/{person}/familie/{household}/tilfoej/",
            {"first_name": "A", "last_name": "B", "birth_date": "1980-01-01", "role": "parent"},
        ),
        "status": client.post(
            f"/personer/{person}/status/",
            {"status": "job", "observed_on": "2026-01-01", "source": "school"},
        ),
    }


def test_a_department_leader_reads_the_case_but_cannot_change_it(
    level_3_case, department_leader, coordinator
):
    CaseMember.objects.create(case=level_3_case, user=coordinator, role_on_case="Koordinator")
    client = login_client(Client(), department_leader)
    assert client.get(f"/sager/{level_3_case.pk}/").status_code == 200
    assert {k: r.status_code for k, r in _changes(client, level_3_case).items()} == dict.fromkeys(
        ["level", "close", "family", "status"], 403
    )
    case = SspCase.objects.get(pk=level_3_case.pk)
    assert (case.level, case.closed_at) == (3, None)
    assert HouseholdMember.objects.count() == 1 and Person.objects.count() == 1


def test_an_administrator_with_emergency_access_reads_but_cannot_change(
    level_3_case, administrator
):
    emergency_access_grant(by=administrator, person=level_3_case.person, reason="Akut henvendelse")
    client = login_client(Client(), administrator)
    assert client.get(f"/sager/{level_3_case.pk}/").status_code == 200
    assert {r.status_code for r in _changes(client, level_3_case).values()} == {403}
    assert SspCase.objects.get(pk=level_3_case.pk).level == 3


def test_the_case_page_offers_a_reader_no_forms_to_change_it(
    level_3_case, department_leader, coordinator
):
    CaseMember.objects.create(case=level_3_case, user=coordinator, role_on_case="Koordinator")
    page = (
        login_client(Client(), department_leader).get(f"/sager/{level_3_case.pk}/").content.decode()
    )
    assert (
        "Skift niveau" not in page
        and "Luk sagen" not in page
        and "Henvis til en anden enhed" not in page
    )
