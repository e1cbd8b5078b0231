"""Odd input in any query parameter or id never gives a server error (found by probing: NUL
bytes on PostgreSQL, "²".isdigit() followed by int(), years out of range, ids that are not
numbers)."""

import pytest
from django.test import Client

from conftest import login_client

ODD = ["²", "-1", "0", "99999999999999999999", "\x00", "abc", "ÆØÅ", "1e9", " 7 ", "x" * 500]
PAGES = [
    "/indsatser/?year={v}&age={v}&department={v}&kind={v}&lapses_after={v}&q={v}",
    "/indsatser/budget/?first={v}&last={v}&view={v}",
    "/indsatser/budget/eksport.csv?first={v}&last={v}&kilde={v}",
    "/mit-arbejde/?side={v}",
    "/revision/?side={v}&since={v}&who={v}",
    "/omraader/tryghed/?aar={v}&inddeling={v}",
    "/omraader/kort/?aar={v}&maal={v}&inddeling={v}",
    "/omraader/tryghed/sammenlign/?maal={v}&omraade={v}&fra={v}&til={v}",
    "/omraader/hotspots/?omraade={v}",
    "/indsatser/vink/resultater/",
]


@pytest.mark.parametrize("value", ODD)
def test_odd_query_parameters_get_a_page_or_a_message_never_a_server_error(
    value, administrator, ssp_consultant, analyst
):
    for user in (administrator, ssp_consultant, analyst):
        client = login_client(Client(), user)
        for page in PAGES:
            response = client.get(page.format(v=value))
            assert response.status_code < 500, (page, value, response.status_code)


def test_ids_that_are_not_numbers_are_not_found_not_a_server_error(
    administrator, level_3_case, ssp_consultant
):
    worker = login_client(Client(), ssp_consultant)
    case = level_3_case
    assert worker.get(f"/sager/{case.pk}/henvis/?igen=abc").status_code == 404
    assert worker.post(f"/personer/{case.person_id}/flet/", {"remove": "²"}).status_code == 404
    admin = login_client(Client(), administrator)
    assert admin.post("/noedadgang/gennemgang/", {"access": "x"}).status_code == 404
    assert admin.post("/progressionsparametre/", {"toggle": "²"}).status_code == 404


def test_a_nul_character_is_refused_with_a_message(analyst):
    client = login_client(Client(), analyst)
    response = client.get("/indsatser/?q=a%00b")
    assert response.status_code == 400 and "ugyldigt tegn" in response.content.decode()
    api = client.post(
        "/api/v1/criteria/1/reported-values",
        data='{"period": "2026\\u0000", "value": 1}',
        content_type="application/json",
    )
    assert api.status_code == 400 and api.json()["detail"].startswith("Forespørgslen")
