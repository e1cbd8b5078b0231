"""A typed CPR number never opens a record the user may not see (the attack: register a case
with a child's CPR number and an invented district, and the child's file opened). The
registration is kept as typed, and those who already see the child decide the match."""

from django.test import Client

from audit.models import AccessLogEntry, AuditEvent
from cases.models import SspCase, Task
from conftest import login_client
from people.models import MatchStatus, Person, PersonMatch


def _new_case(client, **changes):
    data = {
        "cpr": "010108-4123",  # the fixture's young person, seen by the SSP consultant only
        "first_name": "Probe",
        "last_name": "Prøvesen",
        "level": "2",
        "reporting_partner": "Klub",
        "reported_on": "2026-11-20",
        "ssp_district": "3 Nørrebro",
        "description": "Butikstyveri",
        "legal_basis": "rpl115",
        "necessity": "Koordinering mellem klub og skole",
    }
    return client.post("/sager/ny/", {**data, **changes})


def test_a_cpr_number_of_a_child_one_may_not_see_registers_the_case_but_opens_nothing(
    level_3_case, coordinator
):
    child = level_3_case.person
    client = login_client(Client(), coordinator)
    assert client.get(f"/personer/{child.pk}/").status_code == 404
    response = _new_case(client)
    assert response.status_code == 302
    case = SspCase.objects.exclude(pk=level_3_case.pk).get()
    assert case.person != child
    # The child's file stays closed; the new case shows only what was typed.
    assert client.get(f"/personer/{child.pk}/").status_code == 404
    page = client.get(response["Location"]).content.decode()
    assert "Probe Prøvesen" in page and "Ungesen" not in page
    person_page = client.get(f"/personer/{case.person_id}/").content.decode()
    assert "010108-xxxx" in person_page and "Gentagne røverier" not in person_page
    match = PersonMatch.objects.get()
    assert (match.existing_person, match.typed_person, match.status) == (
        child,
        case.person,
        MatchStatus.PENDING,
    )


def test_the_answer_is_the_same_for_a_registered_and_an_unregistered_number(
    level_3_case, coordinator
):
    client = login_client(Client(), coordinator)
    registered = client.get(_new_case(client)["Location"]).content.decode()
    unregistered = client.get(
        _new_case(client, cpr="020209-4567", first_name="Ny")["Location"]
    ).content.decode()
    for page in (registered, unregistered):
        assert "SSP-sagen er oprettet" in page
    assert Person.objects.get(first_name="Ny").cpr == "0202094567"
    # Searching for either number finds the user's own record, and nothing else.
    for number, name in (("010108-4123", "Probe"), ("020209-4567", "Ny")):
        found = client.post("/personer/soeg/", {"cpr": number}).content.decode()
        assert name in found and "Ungesen" not in found


def test_an_invented_district_is_refused_and_nothing_is_saved(coordinator, catalogue):
    page = _new_case(
        login_client(Client(), coordinator), cpr="020209-4567", ssp_district="99 Probe"
    ).content.decode()
    assert "Vælg et af kommunens SSP-distrikter." in page
    assert not SspCase.objects.exists() and not Person.objects.exists()


def test_the_match_is_logged_for_the_child_and_audited(level_3_case, coordinator):
    _new_case(login_client(Client(), coordinator))
    entry = AccessLogEntry.objects.get(kind="search", subject_id=str(level_3_case.person_id))
    assert entry.username == "coordinator" and entry.criterion == "CPR 010108-xxxx"
    assert AuditEvent.objects.filter(action="person_match.create").exists()


def test_those_who_see_the_child_confirm_the_match_and_the_case_joins_the_childs_file(
    level_3_case, coordinator, ssp_consultant
):
    _new_case(login_client(Client(), coordinator))
    match = PersonMatch.objects.get()
    reviewer = login_client(Client(), ssp_consultant)
    assert f"/personer/match/{match.pk}/" in reviewer.get("/mit-arbejde/").content.decode()
    page = reviewer.get(f"/personer/match/{match.pk}/").content.decode()
    assert "Probe Prøvesen" in page and "Test Ungesen" in page
    response = reviewer.post(f"/personer/match/{match.pk}/", {"decision": "confirm"})
    assert response.status_code == 302
    assert set(SspCase.objects.values_list("person", flat=True)) == {level_3_case.person_id}
    assert not Person.objects.filter(first_name="Probe").exists()
    assert PersonMatch.objects.get().status == MatchStatus.CONFIRMED
    # Confirmed by someone who sees the child: the new case's team now works on the child.
    assert (
        login_client(Client(), coordinator).get(f"/personer/{level_3_case.person_id}/").status_code
        == 200
    )


def test_a_rejected_match_keeps_the_records_apart_and_asks_the_typist_to_check(
    level_3_case, coordinator, ssp_consultant
):
    _new_case(login_client(Client(), coordinator))
    match = PersonMatch.objects.get()
    reviewer = login_client(Client(), ssp_consultant)
    page = reviewer.post(f"/personer/match/{match.pk}/", {"decision": "reject"}).content.decode()
    assert "Angiv hvorfor det ikke er den samme person." in page
    reviewer.post(f"/personer/match/{match.pk}/", {"decision": "reject", "reason": "Andet navn"})
    typed = Person.objects.get(first_name="Probe")
    assert typed.typed_cpr == "" and typed.replacement_number
    assert Task.objects.filter(responsible=coordinator, title__startswith="Kontrollér CPR").exists()
    assert (
        login_client(Client(), coordinator).get(f"/personer/{level_3_case.person_id}/").status_code
        == 404
    )


def test_only_those_who_see_the_child_may_open_the_match(level_3_case, coordinator, caseworker):
    _new_case(login_client(Client(), coordinator))
    match = PersonMatch.objects.get()
    for user in (coordinator, caseworker):
        client = login_client(Client(), user)
        assert client.get(f"/personer/match/{match.pk}/").status_code == 404
        assert (
            client.post(f"/personer/match/{match.pk}/", {"decision": "confirm"}).status_code == 404
        )
    assert PersonMatch.objects.get().is_pending
