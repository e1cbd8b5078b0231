"""Families: those working on a young person's case register the household's members with
their role, from the person page; bad input saves nothing; every change is audited."""

import pytest
from django.test import Client

from audit.models import AuditEvent
from conftest import ROLE_NAMES, login_client
from people.models import HouseholdMember, Person, PersonMatch


def _add(client, case, **fields):
    household = case.person.household_memberships.get().household
    data = {
        "first_name": "Mor",
        "last_name": "Ungesen",
        "cpr": "",
        "birth_date": "",
        "role": "parent",
    }
    data.update(fields)
    return client.post(f"/personer/{case.person_id}/familie/{household.pk}/tilfoej/", data)


def test_the_case_team_adds_a_parent_with_a_cpr_number(level_3_case, ssp_consultant):
    client = login_client(Client(), ssp_consultant)
    response = _add(client, level_3_case, cpr="120585-1234")
    assert response.status_code == 302
    mother = Person.objects.get(first_name="Mor")
    assert mother.birth_date.isoformat() == "1985-05-12"
    page = client.get(f"/personer/{level_3_case.person_id}/").content.decode()
    assert "Mor Ungesen" in page and "Forælder" in page
    assert AuditEvent.objects.filter(action="household.member_add").count() == 1


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"cpr": "320185-1234"}, "ikke en gyldig dato"),
        ({"birth_date": "2099-01-01"}, "Fødselsdatoen ligger i fremtiden"),
        ({}, "Uden CPR-nummer skal fødselsdatoen angives"),
    ],
)
def test_bad_input_gives_a_danish_message_and_saves_nothing(
    level_3_case, ssp_consultant, fields, message
):
    persons_before = Person.objects.count()
    page = _add(login_client(Client(), ssp_consultant), level_3_case, **fields).content.decode()
    assert message in page
    assert Person.objects.count() == persons_before
    # The number is only given back in its own field for correction, never in the message.
    assert page.count("320185") <= 1


def test_removing_a_member_needs_a_reason_and_keeps_the_person(level_3_case, ssp_consultant):
    client = login_client(Client(), ssp_consultant)
    _add(client, level_3_case, birth_date="1980-02-02")
    member = HouseholdMember.objects.get(person__first_name="Mor")
    url = f"/personer/{level_3_case.person_id}/familie/medlem/{member.pk}/fjern/"
    client.post(url, {"reason": ""})
    assert HouseholdMember.objects.filter(pk=member.pk).exists()
    client.post(url, {"reason": "Flyttet"})
    assert not HouseholdMember.objects.filter(pk=member.pk).exists()
    assert Person.objects.filter(first_name="Mor").exists()


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_only_the_case_team_may_change_the_family(all_roles, level_3_case, role):
    response = _add(login_client(Client(), all_roles[role]), level_3_case, birth_date="1980-02-02")
    assert response.status_code == (302 if role == "ssp_consultant" else 404)
    assert Person.objects.filter(first_name="Mor").exists() == (role == "ssp_consultant")


def test_typing_an_existing_cpr_number_never_links_or_names_that_person(
    level_3_case, ssp_consultant
):
    from people.actions import person_create

    hidden = person_create(
        by=ssp_consultant,
        first_name="Hemmelig",
        last_name="Anden",
        cpr_text="120585-1234",
        purpose="t",
    )
    client = login_client(Client(), ssp_consultant)
    # Answered exactly as for a number nobody has: the member is added as typed.
    response = _add(client, level_3_case, cpr="120585-1234")
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "Familiemedlemmet er tilføjet." in page and "Mor Ungesen" in page
    assert "Hemmelig" not in page
    assert not HouseholdMember.objects.filter(person=hidden).exists()
    # The typed record waits for those who see the registered person to confirm the match.
    match = PersonMatch.objects.get()
    assert (match.existing_person, match.typed_person.first_name) == (hidden, "Mor")
    assert match.typed_person.identifier_masked() == "120585-xxxx"
    assert match.is_pending
