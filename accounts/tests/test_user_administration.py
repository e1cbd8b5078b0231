import pytest
from django.test import Client

from accounts.models import Department, Unit, User
from audit.models import AuditEvent
from conftest import ROLE_NAMES, login_client

ROLES = ROLE_NAMES


@pytest.mark.parametrize("role", ROLES)
def test_only_administrators_manage_users(all_roles, role):
    client = login_client(Client(), all_roles[role])
    expected = 200 if role == "administrator" else 403
    for url in [
        "/konto/brugere/",
        "/konto/brugere/ny/",
        f"/konto/brugere/{all_roles['caseworker'].pk}/",
    ]:
        assert client.get(url).status_code == expected


def test_an_administrator_creates_a_user_with_several_roles(administrator):
    client = login_client(Client(), administrator)
    bif = Department.objects.get(code="BIF")
    unit = Unit.objects.get(name="Jobcenter København – Unge / Krimiteamet")
    response = client.post(
        "/konto/brugere/ny/",
        {
            "username": "ny.bruger",
            "first_name": "Nina",
            "last_name": "Ny",
            "email": "",
            "department": bif.pk,
            "unit": unit.pk,
            "is_active": "on",
            "roles": ["caseworker", "initiative_owner"],
            "password": "en-lang-og-sikker-kode",
        },
    )
    assert response.status_code == 302
    user = User.objects.get(username="ny.bruger")
    assert user.roles == {"caseworker", "initiative_owner"}
    event = AuditEvent.objects.get(action="user.create")
    assert event.changes["roles"] == [None, ["caseworker", "initiative_owner"]]
    assert "password" not in str(event.changes)


def test_a_unit_from_another_department_is_refused(administrator):
    client = login_client(Client(), administrator)
    page = client.post(
        "/konto/brugere/ny/",
        {
            "username": "x",
            "first_name": "X",
            "last_name": "Y",
            "department": Department.objects.get(code="SOF").pk,
            "unit": Unit.objects.get(name="Jobcenter København – Unge / Krimiteamet").pk,
            "roles": [],
            "password": "en-lang-og-sikker-kode",
        },
    ).content.decode()
    assert "Enheden hører ikke til den valgte forvaltning." in page
    assert not User.objects.filter(username="x").exists()


def test_changing_roles_is_audited_with_old_and_new(administrator, caseworker):
    client = login_client(Client(), administrator)
    client.post(
        f"/konto/brugere/{caseworker.pk}/",
        {
            "first_name": "Case",
            "last_name": "Worker",
            "department": caseworker.department_id,
            "unit": caseworker.unit_id,
            "is_active": "on",
            "roles": ["caseworker", "coordinator"],
        },
    )
    event = AuditEvent.objects.get(action="user.update")
    assert event.changes["roles"] == [["caseworker"], ["caseworker", "coordinator"]]


def test_an_administrator_lifts_a_login_delay(administrator, caseworker):
    from django.conf import settings

    from conftest import PASSWORD

    for _ in range(settings.AXES_FAILURE_LIMIT):
        Client().post("/konto/log-ind/", {"username": "caseworker", "password": "wrong"})
    delayed = Client().post("/konto/log-ind/", {"username": "caseworker", "password": PASSWORD})
    assert delayed.status_code == 200 and "For mange forkerte forsøg" in delayed.content.decode()
    admin = login_client(Client(), administrator)
    assert "Ophæv forsinkelsen" in admin.get("/konto/brugere/").content.decode()
    admin.post(f"/konto/brugere/{caseworker.pk}/ophaev-spaerring/")
    assert (
        Client()
        .post("/konto/log-ind/", {"username": "caseworker", "password": PASSWORD})
        .status_code
        == 302
    )
    assert AuditEvent.objects.filter(action="user.unlock").exists()
