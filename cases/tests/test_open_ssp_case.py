from datetime import date, timedelta

from django.test import Client
from django.utils import timezone

from audit.models import AccessLogEntry, AuditEvent
from cases.actions import ssp_case_change_level
from cases.models import LevelRuleAction, SspCase, Task
from conftest import login_client
from people.models import Person


def test_a_level_3_case_starts_the_levels_actions_with_deadlines(level_3_case, ssp_consultant):
    tasks = list(level_3_case.tasks.order_by("due_date", "id"))
    assert [(t.title, t.due_date) for t in tasks] == [
        ("Behandling i koordinationsgruppen", date(2026, 11, 9)),
        ("Handleplan med ansvarlige personer", date(2026, 11, 16)),
        ("Vurdering af SSP+ for unge over 17½ år", date(2026, 11, 16)),
    ]
    # Nobody holds the rule's role (coordinator) in district 15's coordination group: the
    # tasks go to the one who registered the case, and say so.
    assert {t.responsible for t in tasks} == {ssp_consultant}
    assert all("Ingen med rollen Koordinator" in t.fallback_note for t in tasks)
    assert AuditEvent.objects.filter(
        action="ssp_case.open", object_id=str(level_3_case.pk)
    ).exists()


def test_level_3_duties_go_to_the_coordinator_of_the_districts_coordination_group(
    ssp_consultant, young_person
):
    from accounts.roles import Role
    from cases.actions import ssp_case_open
    from cases.models import SspBodyMembership
    from conftest import make_user

    coordinator = make_user("koordinationsgruppe_15", [Role.COORDINATOR], "SOF")
    SspBodyMembership.objects.create(user=coordinator, ssp_district="15 Sundbyvester")
    case = ssp_case_open(
        by=ssp_consultant,
        person=young_person,
        level=3,
        reporting_partner="Politiet",
        reported_on=date(2026, 11, 2),
        ssp_district="15 Sundbyvester",
        description="Gentagne røverier.",
        legal_basis="rpl115",
        necessity="Koordinering.",
    )
    assert {(t.responsible, t.fallback_note) for t in case.tasks.all()} == {(coordinator, "")}
    page = login_client(Client(), coordinator).get("/mit-arbejde/").content.decode()
    assert "Behandling i koordinationsgruppen" in page


def test_raising_the_level_to_4_keeps_history_and_adds_the_new_actions(
    level_3_case, ssp_consultant
):
    ssp_case_change_level(
        by=ssp_consultant,
        case=level_3_case,
        to_level=4,
        reason="Vold mod person",
        expected_version=1,
    )
    level_3_case.refresh_from_db()
    assert level_3_case.level == 4
    assert list(level_3_case.level_changes.values_list("from_level", "to_level")) == [
        (None, 3),
        (3, 4),
    ]
    new = Task.objects.filter(case=level_3_case, for_level=4).order_by("due_date")
    assert new.first().title == "Akut koordinationsmøde"
    assert new.first().due_date == timezone.localdate() + timedelta(days=2)


def test_a_configured_deadline_is_used_for_new_cases(ssp_consultant, young_person):
    from cases.actions import ssp_case_open

    LevelRuleAction.objects.filter(rule__level=1, position=1).update(deadline_days=3)
    case = ssp_case_open(
        by=ssp_consultant,
        person=young_person,
        level=1,
        reporting_partner="Skole",
        reported_on=date(2026, 1, 10),
        ssp_district="15 Sundbyvester",
        description="Bekymring",
        legal_basis="consent",
        consent_date=date(2026, 1, 9),
        consent_scope="Skole og SSP",
    )
    assert case.tasks.get(title="Bekymringssamtale med den unge og forældrene").due_date == date(
        2026, 1, 13
    )


def test_an_ssp_consultant_registers_a_case_through_the_form(ssp_consultant):
    client = login_client(Client(), ssp_consultant)
    response = client.post(
        "/sager/ny/",
        {
            "cpr": "020209-4567",
            "first_name": "Ali",
            "last_name": "Demo",
            "level": "2",
            "reporting_partner": "Klub",
            "reported_on": "2026-11-20",
            "ssp_district": "3 Nørrebro",
            "description": "Butikstyveri",
            "legal_basis": "rpl115",
            "necessity": "Koordinering mellem klub og skole",
        },
    )
    case = SspCase.objects.get(person__cpr="0202094567")
    assert response.status_code == 302 and response["Location"] == f"/sager/{case.pk}/"
    assert case.person.birth_date == date(2009, 2, 2) and case.person.sex == "M"
    assert case.tasks.count() == 2
    assert AccessLogEntry.objects.filter(kind="create", subject_id=str(case.person_id)).exists()


def test_bad_input_gets_a_danish_message_and_saves_nothing(ssp_consultant):
    client = login_client(Client(), ssp_consultant)
    base = {
        "first_name": "X",
        "last_name": "Y",
        "level": "2",
        "reporting_partner": "Klub",
        "reported_on": "2026-11-20",
        "ssp_district": "3 Nørrebro",
        "description": "x",
        "legal_basis": "rpl115",
        "necessity": "n",
    }
    cases = [
        ({"cpr": "310299-1234"}, "CPR-nummerets første seks cifre er ikke en gyldig dato."),
        (
            {"cpr": "", "birth_date": (date.today() + timedelta(days=3)).isoformat()},
            "Fødselsdatoen ligger i fremtiden.",
        ),
        ({"cpr": "010108-4123", "level": "5"}, "SSP-niveauet skal være 1–4."),
        ({"cpr": "010108-4123", "necessity": ""}, "hvorfor videregivelsen er nødvendig"),
    ]
    for changes, message in cases:
        page = client.post("/sager/ny/", {**base, **changes}).content.decode()
        assert message in page, message
        assert "310299" not in page.replace('value="310299-1234"', "")
    assert not Person.objects.exists() and not SspCase.objects.exists()


def test_a_person_without_cpr_gets_a_replacement_number(ssp_consultant):
    client = login_client(Client(), ssp_consultant)
    client.post(
        "/sager/ny/",
        {
            "cpr": "",
            "birth_date": "2010-06-01",
            "first_name": "Uden",
            "last_name": "Cpr",
            "level": "1",
            "reporting_partner": "Skole",
            "reported_on": "2026-11-20",
            "ssp_district": "3 Nørrebro",
            "description": "x",
            "legal_basis": "consent",
            "consent_date": "2026-11-19",
            "consent_scope": "Skole og SSP",
        },
    )
    assert Person.objects.get(last_name="Cpr").replacement_number == "010610-E001"
