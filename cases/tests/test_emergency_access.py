from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from audit.models import AccessLogEntry
from cases.models import EmergencyAccess
from conftest import ROLE_NAMES, login_client

REASON = "Akut henvendelse fra politiet om den unges sikkerhed i aften."


def test_a_caseworker_outside_the_team_breaks_the_glass_for_a_limited_time(
    level_3_case, caseworker
):
    client = login_client(Client(), caseworker)
    person_url = f"/personer/{level_3_case.person_id}/"
    assert client.get(person_url).status_code == 404
    response = client.post("/noedadgang/", {"cpr": "010108-4123", "reason": REASON})
    assert response.status_code == 302 and response["Location"] == person_url
    assert client.get(person_url).status_code == 200
    assert AccessLogEntry.objects.filter(
        username="caseworker", purpose=f"Nødadgang: {REASON}"
    ).exists()
    EmergencyAccess.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    assert client.get(person_url).status_code == 404


def test_a_reason_is_required(level_3_case, caseworker):
    client = login_client(Client(), caseworker)
    page = client.post("/noedadgang/", {"cpr": "010108-4123", "reason": "fordi"}).content.decode()
    assert "Begrund nødadgangen" in page
    assert not EmergencyAccess.objects.exists()


@pytest.mark.parametrize("role", ["analyst", "committee_reader"])
def test_analysts_and_committee_readers_can_never_break_the_glass(all_roles, level_3_case, role):
    client = login_client(Client(), all_roles[role])
    assert client.get("/noedadgang/").status_code == 403
    assert client.post("/noedadgang/", {"cpr": "010108-4123", "reason": REASON}).status_code == 403


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_every_emergency_access_is_flagged_to_administrators_only(
    all_roles, level_3_case, caseworker, role
):
    login_client(Client(), caseworker).post(
        "/noedadgang/", {"cpr": "010108-4123", "reason": REASON}
    )
    client = login_client(Client(), all_roles[role])
    response = client.get("/noedadgang/gennemgang/")
    assert response.status_code == (200 if role == "administrator" else 403)
    if role == "administrator":
        assert REASON in response.content.decode()
        client.post(
            "/noedadgang/gennemgang/",
            {"access": EmergencyAccess.objects.get().pk, "note": "Berettiget"},
        )
        assert EmergencyAccess.objects.get().reviewed_by == all_roles["administrator"]


def test_an_attempt_for_a_number_nobody_has_is_logged_and_reviewed_too(caseworker, catalogue):
    client = login_client(Client(), caseworker)
    page = client.post("/noedadgang/", {"cpr": "020209-4567", "reason": REASON}).content.decode()
    assert "Forsøget er logget og gennemgås af en administrator." in page
    attempt = EmergencyAccess.objects.get()
    assert (attempt.person, attempt.criterion, attempt.reviewed_at) == (
        None,
        "CPR 020209-xxxx",
        None,
    )
    assert AccessLogEntry.objects.filter(
        username="caseworker", kind="search", criterion="CPR 020209-xxxx"
    ).exists()
