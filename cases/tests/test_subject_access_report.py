from django.test import Client

from conftest import login_client


def test_an_administrator_produces_the_dates_and_purposes_for_an_insight_request(
    level_3_case, ssp_consultant, administrator
):
    login_client(Client(), ssp_consultant).get(f"/personer/{level_3_case.person_id}/")
    page = (
        login_client(Client(), administrator)
        .post("/indsigt/", {"cpr": "010108-4123"})
        .content.decode()
    )
    assert "Visning af person" in page and "Oprettelse af SSP-sag" in page
    assert "Gentagne røverier" not in page  # the log, not the case


def test_others_cannot_produce_it(level_3_case, ssp_consultant):
    assert login_client(Client(), ssp_consultant).get("/indsigt/").status_code == 403
