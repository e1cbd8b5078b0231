"""Those on the young person's case record participation, status and follow-ups from the
person page; nobody else can (the person does not exist for them)."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from conftest import ROLE_NAMES, login_client
from initiatives.models import Initiative
from outcomes.models import Participation, StatusObservation


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_only_the_case_team_records_participation_and_status(all_roles, level_3_case, role):
    client = login_client(Client(), all_roles[role])
    person = level_3_case.person_id
    start = timezone.localdate() - timedelta(days=10)
    response = client.post(
        f"/personer/{person}/deltagelse/",
        {
            "initiative": Initiative.objects.get(slug="exit-programmet").pk,
            "offer_kind": "active_employment",
            "started_on": start.isoformat(),
        },
    )
    allowed = role == "ssp_consultant"
    assert response.status_code == (302 if allowed else 404)
    assert Participation.objects.filter(person_id=person).exists() == allowed
    client.post(
        f"/personer/{person}/status/",
        {"status": "education", "observed_on": start.isoformat(), "source": "school"},
    )
    assert StatusObservation.objects.filter(person_id=person).exists() == allowed


def test_a_future_start_is_refused_with_a_danish_message(level_3_case, ssp_consultant):
    client = login_client(Client(), ssp_consultant)
    response = client.post(
        f"/personer/{level_3_case.person_id}/deltagelse/",
        {
            "initiative": Initiative.objects.get(slug="exit-programmet").pk,
            "offer_kind": "mentor",
            "started_on": (timezone.localdate() + timedelta(days=3)).isoformat(),
        },
        follow=True,
    )
    assert "Starten kan ikke ligge i fremtiden." in response.content.decode()
    assert not Participation.objects.exists()


def test_a_second_open_participation_in_the_same_initiative_is_refused(
    level_3_case, ssp_consultant
):
    client = login_client(Client(), ssp_consultant)
    data = {
        "initiative": Initiative.objects.get(slug="exit-programmet").pk,
        "offer_kind": "mentor",
        "started_on": (timezone.localdate() - timedelta(days=3)).isoformat(),
    }
    client.post(f"/personer/{level_3_case.person_id}/deltagelse/", data)
    again = client.post(f"/personer/{level_3_case.person_id}/deltagelse/", data, follow=True)
    assert "Personen deltager allerede i KK&#x27;s Exit-program" in again.content.decode()
    assert Participation.objects.count() == 1
