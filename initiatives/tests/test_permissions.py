"""Every role on every catalogue page and API endpoint: who may read, export and change."""

import pytest
from django.test import Client

from conftest import ROLE_NAMES, login_client
from initiatives.models import SuccessCriterion

ROLES = ROLE_NAMES
EDITORS_OF_BIF_INITIATIVE = {"administrator", "bif_owner"}
EDITORS_OF_SOF_INITIATIVE = {"administrator", "sof_owner"}
IMPORTERS = {"administrator", "bif_owner", "sof_owner"}

READ_PAGES = [
    "/indsatser/",
    "/indsatser/?department=BIF&year=2014&age=20&lapses_after=2014",
    "/indsatser/krimiteamet/",
    "/indsatser/den-korte-snor/",
    "/indsatser/budget/",
    "/indsatser/budget/?first=2014&last=2017&view=department",
    "/indsatser/budget/?first=2009&last=2012&view=source",
    "/indsatser/budget/kilde/003-tabel-1/",
    "/indsatser/medfinansiering/",
    "/indsatser/budget/eksport.pdf?first=2009&last=2012",
    "/indsatser/budget/eksport.xlsx?kilde=003-tabel-1",
    "/indsatser/budget/eksport.csv?first=2009&last=2012",
    "/indsatser/budget/eksport.json?first=2014&last=2017",
    "/indsatser/den-korte-snor/statusskema.pdf",
    "/indsatser/krimiteamet/statusskema.xlsx",
    "/konto/roller/",
    "/konto/api-noegler/",
]


@pytest.fixture
def clients(all_roles):
    return {name: login_client(Client(), user) for name, user in all_roles.items()}


@pytest.mark.parametrize("role", ROLES)
def test_every_role_can_read_and_export_the_catalogue(clients, role):
    for url in READ_PAGES:
        assert clients[role].get(url).status_code == 200, url


@pytest.mark.parametrize("role", ROLES)
def test_only_owners_of_the_department_and_administrators_may_open_the_edit_pages(clients, role):
    criterion = SuccessCriterion.objects.filter(initiative__slug="fritidsjob").first()
    bif_pages = [
        "/indsatser/fritidsjob/rediger/",
        "/indsatser/fritidsjob/succeskriterier/ny/",
        f"/indsatser/fritidsjob/succeskriterier/{criterion.pk}/",
        f"/indsatser/fritidsjob/succeskriterier/{criterion.pk}/indberet/",
        "/indsatser/fritidsjob/bevillinger/",
        "/indsatser/fritidsjob/status/ny/",
    ]
    for url in bif_pages:
        expected = 200 if role in EDITORS_OF_BIF_INITIATIVE else 403
        assert clients[role].get(url).status_code == expected, url
    expected = 200 if role in EDITORS_OF_SOF_INITIATIVE else 403
    assert clients[role].get("/indsatser/den-korte-snor/rediger/").status_code == expected


@pytest.mark.parametrize("role", ROLES)
def test_changing_a_bif_criterion_is_allowed_only_for_bif_owners_and_administrators(clients, role):
    criterion = SuccessCriterion.objects.get(initiative__slug="ssp-plus-exit")
    response = clients[role].post(
        f"/indsatser/ssp-plus-exit/succeskriterier/{criterion.pk}/",
        {
            "version": criterion.version,
            "text": criterion.text,
            "kind": criterion.kind,
            "direction": "at_least",
            "target_value": "120",
            "target_unit": "people",
        },
    )
    criterion.refresh_from_db()
    if role in EDITORS_OF_BIF_INITIATIVE:
        assert response.status_code == 302
        assert criterion.target_value == 120
    else:
        assert response.status_code == 403
        assert criterion.target_value == 100


@pytest.mark.parametrize("role", ROLES)
def test_only_catalogue_editors_may_import_budgets(clients, role):
    expected = 200 if role in IMPORTERS else 403
    assert clients[role].get("/indsatser/budget/import/").status_code == expected


@pytest.mark.parametrize("role", ROLES)
def test_only_administrators_see_the_audit_trail(clients, role):
    expected = 200 if role == "administrator" else 403
    assert clients[role].get("/revision/").status_code == expected
    assert clients[role].get("/revision/?format=csv").status_code == expected


def test_a_visitor_who_is_not_logged_in_is_sent_to_the_login_page(catalogue, client):
    for url in READ_PAGES:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/konto/log-ind/")
