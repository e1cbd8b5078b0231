import pytest
from django.test import Client

from accounts.actions import api_token_create, api_token_revoke
from conftest import ROLE_NAMES
from initiatives.models import Initiative, ReportedValue, SuccessCriterion

ROLES = ROLE_NAMES


def bearer(user):
    _, plain = api_token_create(by=user, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {plain}"}


def test_the_openapi_schema_is_published(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    assert "/api/v1/initiatives" in response.json()["paths"]


def test_without_a_token_the_api_answers_401(catalogue, client):
    assert client.get("/api/v1/initiatives").status_code == 401


def test_a_revoked_token_no_longer_works(bif_owner, client):
    token, plain = api_token_create(by=bif_owner, name="x")
    headers = {"HTTP_AUTHORIZATION": f"Bearer {plain}"}
    assert client.get("/api/v1/me", **headers).status_code == 200
    api_token_revoke(by=bif_owner, token=token)
    assert client.get("/api/v1/me", **headers).status_code == 401


@pytest.mark.parametrize("role", ROLES)
def test_every_role_reads_the_catalogue_and_budget(all_roles, client, role):
    headers = bearer(all_roles[role])
    assert client.get("/api/v1/initiatives?department=BIF&year=2014", **headers).status_code == 200
    assert client.get("/api/v1/initiatives/nexus", **headers).json()["capacity_amount"] == "20.0"
    budget = client.get("/api/v1/budget?first=2014&last=2017&table=003-tabel-1", **headers).json()
    assert budget["column_totals"][0]["printed"] == "33,225"
    assert client.get("/api/v1/me", **headers).json()["username"] == all_roles[role].username


@pytest.mark.parametrize("role", ROLES)
def test_the_api_allows_exactly_what_the_ui_allows(all_roles, client, role):
    headers = bearer(all_roles[role])
    initiative = Initiative.objects.get(slug="fritidsjob")
    response = client.patch(
        "/api/v1/initiatives/fritidsjob",
        {"version": initiative.version, "capacity_note": "via API"},
        content_type="application/json",
        **headers,
    )
    allowed = role in {"administrator", "bif_owner"}
    assert response.status_code == (200 if allowed else 403)
    criterion = SuccessCriterion.objects.filter(initiative__slug="fritidsjob").first()
    response = client.post(
        f"/api/v1/criteria/{criterion.pk}/reported-values",
        {"period": "2014", "value": "270"},
        content_type="application/json",
        **headers,
    )
    assert response.status_code == (201 if allowed else 403)
    assert ReportedValue.objects.filter(criterion=criterion).exists() == allowed
    response = client.put(
        f"/api/v1/criteria/{criterion.pk}",
        {"version": criterion.version, "target_value": "280"},
        content_type="application/json",
        **headers,
    )
    assert response.status_code == (200 if allowed else 403)


def test_a_stale_version_gets_409_and_changes_nothing(bif_owner, client):
    headers = bearer(bif_owner)
    assert (
        client.patch(
            "/api/v1/initiatives/fritidsjob",
            {"version": 1, "capacity_note": "first"},
            content_type="application/json",
            **headers,
        ).status_code
        == 200
    )
    response = client.patch(
        "/api/v1/initiatives/fritidsjob",
        {"version": 1, "capacity_note": "stale"},
        content_type="application/json",
        **headers,
    )
    assert response.status_code == 409
    assert Initiative.objects.get(slug="fritidsjob").capacity_note == "first"


def test_invalid_data_through_the_api_gets_422_and_saves_nothing(bif_owner, client):
    headers = bearer(bif_owner)
    response = client.patch(
        "/api/v1/initiatives/fritidsjob",
        {"version": 1, "period_start": "2020-01-01", "period_end": "2019-01-01"},
        content_type="application/json",
        **headers,
    )
    assert response.status_code == 422
    assert Initiative.objects.get(slug="fritidsjob").period_end is None


def test_an_administrator_session_without_second_factor_is_refused(administrator):
    from conftest import PASSWORD

    client = Client()
    client.post("/konto/log-ind/", {"username": "administrator", "password": PASSWORD})
    assert client.get("/api/v1/me").status_code == 401
