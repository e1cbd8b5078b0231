from decimal import Decimal

import pytest
from django.test import Client

from audit.models import AuditEvent
from conftest import login_client
from initiatives import actions
from initiatives.models import Initiative


def _form_data(initiative, **changes):
    data = {
        "version": initiative.version,
        "name": initiative.name,
        "kind": initiative.kind,
        "owning_departments": [d.pk for d in initiative.owning_departments.all()],
        "target_age_min": ""
        if initiative.target_age_min is None
        else str(initiative.target_age_min).replace(".", ","),
        "target_age_max": ""
        if initiative.target_age_max is None
        else str(initiative.target_age_max).replace(".", ","),
        "capacity_unit": initiative.capacity_unit,
        "target_group": initiative.target_group,
    }
    data.update(changes)
    return data


def test_an_owner_edits_her_initiative_and_the_change_is_audited_with_old_and_new_values(bif_owner):
    client = login_client(Client(), bif_owner)
    initiative = Initiative.objects.get(slug="exit-programmet")
    response = client.post(
        "/indsatser/exit-programmet/rediger/",
        _form_data(initiative, capacity_note="normeret", target_age_max="26"),
    )
    assert response.status_code == 302
    initiative.refresh_from_db()
    assert initiative.target_age_max == Decimal("26") and initiative.version == 2
    event = AuditEvent.objects.get(action="initiative.update")
    assert event.actor_username == "bif_owner"
    assert event.changes["target_age_max"] == ["25.0", "26"]
    assert event.changes["capacity_note"] == ["", "normeret"]


def test_a_stale_form_is_refused_and_nothing_is_overwritten(bif_owner):
    client = login_client(Client(), bif_owner)
    initiative = Initiative.objects.get(slug="exit-programmet")
    stale = _form_data(initiative, capacity_note="from the stale tab")
    assert (
        client.post(
            "/indsatser/exit-programmet/rediger/", _form_data(initiative, capacity_note="first")
        ).status_code
        == 302
    )
    response = client.post("/indsatser/exit-programmet/rediger/", stale)
    assert response.status_code == 200
    assert "En anden har gemt indsatsen" in response.content.decode()
    initiative.refresh_from_db()
    assert initiative.capacity_note == "first"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {"target_age_min": "30", "target_age_max": "20"},
            "Alder til skal være større end eller lig med alder fra.",
        ),
        ({"capacity_amount": "-5"}, "Denne værdi skal være større end eller lig 0."),
        ({"target_ssp_levels": "3,7"}, "SSP-niveauer går fra 1 til 4."),
        (
            {"period_start": "2015-01-01", "period_end": "2014-01-01"},
            "Perioden kan ikke slutte, før den begynder.",
        ),
        ({"owning_departments": []}, "Dette felt er påkrævet."),
    ],
)
def test_bad_input_gets_a_danish_message_and_saves_nothing(bif_owner, changes, message):
    client = login_client(Client(), bif_owner)
    initiative = Initiative.objects.get(slug="exit-programmet")
    response = client.post("/indsatser/exit-programmet/rediger/", _form_data(initiative, **changes))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Initiative.objects.get(slug="exit-programmet").version == 1
    assert not AuditEvent.objects.filter(action="initiative.update").exists()


def test_the_action_itself_refuses_an_owner_from_another_department(sof_owner):
    initiative = Initiative.objects.get(slug="exit-programmet")
    with pytest.raises(actions.PermissionDenied):
        actions.initiative_update(
            by=sof_owner, initiative=initiative, data={"name": "x"}, expected_version=1
        )
    assert Initiative.objects.get(slug="exit-programmet").name == "KK's Exit-program"
