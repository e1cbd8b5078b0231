"""The data-protection officer reads the access log: by person (CPR number or id), user,
purpose, kind and period, with administrators' own look-ups, and exports it. Nobody else."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from audit.models import AccessLogEntry
from conftest import ROLE_NAMES, login_client


def test_the_officer_finds_every_use_of_a_childs_data_by_cpr_number(
    level_3_case, data_protection_officer, administrator, ssp_consultant
):
    login_client(Client(), ssp_consultant).get(f"/personer/{level_3_case.person_id}/")
    client = login_client(Client(), data_protection_officer)
    page = client.post("/adgangslog/", {"cpr": "010108-4123"}).content.decode()
    assert "Visning af person" in page and "ssp_consultant" in page
    # The number is given back only in its own field, never in the results.
    assert "010108-4123" not in page.replace('value="010108-4123"', "")
    # The officer's own search is logged, with the number masked.
    assert AccessLogEntry.objects.filter(
        username="data_protection_officer", kind="search", criterion="CPR 010108-xxxx"
    ).exists()


def test_an_administrators_own_look_ups_are_in_it(
    level_3_case, data_protection_officer, administrator
):
    login_client(Client(), administrator).get("/revision/")
    page = (
        login_client(Client(), data_protection_officer)
        .post("/adgangslog/", {"username": "administrator"})
        .content.decode()
    )
    assert "Revisionsspor" in page


def test_the_officer_narrows_by_period_and_exports_csv(
    level_3_case, data_protection_officer, ssp_consultant
):
    login_client(Client(), ssp_consultant).get(f"/personer/{level_3_case.person_id}/")
    AccessLogEntry.objects.filter(username="ssp_consultant").update(
        at=timezone.now() - timedelta(days=40)
    )
    client = login_client(Client(), data_protection_officer)
    since = (timezone.localdate() - timedelta(days=10)).isoformat()
    page = client.post(
        "/adgangslog/", {"username": "ssp_consultant", "since": since}
    ).content.decode()
    assert "Ingen poster." in page
    export = client.post("/adgangslog/", {"person_id": level_3_case.person_id, "format": "csv"})
    assert export["Content-Type"].startswith("text/csv")
    assert "Visning af person" in export.content.decode("utf-8-sig")


def test_a_bad_period_gets_a_message(data_protection_officer):
    page = (
        login_client(Client(), data_protection_officer)
        .post("/adgangslog/", {"since": "2026-05-01", "until": "2026-01-01"})
        .content.decode()
    )
    assert "Til-datoen ligger før fra-datoen." in page


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_only_the_data_protection_officer_reads_the_access_log(all_roles, role):
    client = login_client(Client(), all_roles[role])
    assert client.get("/adgangslog/").status_code == 403
    assert client.post("/adgangslog/", {"username": "x"}).status_code == 403
