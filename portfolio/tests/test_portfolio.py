"""The portfolio lists every initiative, filters as Bortfald does, ranks without hiding what
lacks evidence, and exports numbers as numbers."""

import io
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse
from openpyxl import load_workbook

from initiatives.models import Initiative
from initiatives.queries import lapses_after
from outcomes.tests.conftest import cohort  # noqa: F401 (a fixture)
from portfolio.filters import PortfolioFilters
from portfolio.rows import portfolio_rows, portfolio_sorted

NOW = datetime(2026, 12, 3, 10, tzinfo=ZoneInfo("Europe/Copenhagen"))


@pytest.fixture(autouse=True)
def frozen_clock():
    with time_machine.travel(NOW):
        yield


def test_every_seed_initiative_is_a_row(client, committee_reader):
    client.force_login(committee_reader)
    page = client.get(reverse("portfolio:page")).content.decode()
    assert Initiative.objects.count() == 37
    for initiative in Initiative.objects.all():
        assert reverse("initiatives:detail", args=[initiative.slug]) in page
    assert "ikke målt" in page


def test_the_lapse_filter_for_2015_gives_bortfalds_list(committee_reader):
    rows = portfolio_rows(PortfolioFilters(lapses_after=2015).initiatives(), year=2025)
    assert {row.initiative for row in rows} == {lapse.initiative for lapse in lapses_after(2015)}
    assert rows and all(row.last_funded_year == 2015 for row in rows)


def test_the_ranking_puts_measured_first_and_keeps_every_unmeasured_one(catalogue):
    rows = portfolio_rows(Initiative.objects.all(), year=2025)
    ranked = portfolio_sorted(rows, "rang")
    assert len(ranked) == len(rows) == 37
    by_name = portfolio_sorted(rows, "-navn")
    assert [r.initiative.name for r in by_name] == sorted(
        (r.initiative.name for r in rows), reverse=True
    )


def test_the_xlsx_has_numeric_cells_and_no_formula(client, committee_reader):
    client.force_login(committee_reader)
    response = client.get(reverse("portfolio:export", args=["xlsx"]) + "?aar=2014")
    sheet = load_workbook(io.BytesIO(response.content)).active
    money = [row[4] for row in sheet.iter_rows(min_row=2, values_only=True) if row[4] is not None]
    assert money and all(isinstance(value, float | int) for value in money)
    assert not any(cell.data_type == "f" for row in sheet.iter_rows() for cell in row)


def test_csv_pdf_and_the_api_take_the_same_filters(client, committee_reader):
    client.force_login(committee_reader)
    csv = client.get(reverse("portfolio:export", args=["csv"]) + "?bortfalder=2015")
    lines = csv.content.decode("utf-8-sig").strip().splitlines()
    assert len(lines) - 1 == len(lapses_after(2015))
    pdf = client.get(reverse("portfolio:export", args=["pdf"]) + "?forvaltning=BIF")
    assert pdf.content.startswith(b"%PDF")
    api = client.get("/api/v1/portfolio?bortfalder=2015").json()
    assert {row["initiative"] for row in api["rows"]} == {
        lapse.initiative.slug for lapse in lapses_after(2015)
    }
    assert client.get(reverse("portfolio:export", args=["doc"])).status_code == 404


def test_a_bad_filter_is_ignored_not_a_500(client, committee_reader):
    client.force_login(committee_reader)
    page = client.get(reverse("portfolio:page") + "?bortfalder=abc&sorter=%3Cx%3E&type=zzz")
    assert page.status_code == 200


def test_the_year_is_the_last_whole_year():
    from portfolio.rows import portfolio_year

    assert portfolio_year(date(2026, 12, 3)) == 2025


def test_a_year_after_the_last_whole_one_is_not_chosen(client, committee_reader):
    assert PortfolioFilters.of({"aar": "2026"}).chosen_year == 2025
    assert PortfolioFilters.of({"aar": "2014"}).chosen_year == 2014


def test_an_evidence_card_not_yet_computed_is_asked_of_the_worker_not_awaited(
    cohort,  # noqa: F811
):
    from django_tasks_db.models import DBTaskResult

    from evidence.tasks import evidence_card_refresh_task

    chosen = Initiative.objects.filter(slug="fremskudt-norrebro")
    with time_machine.travel(datetime(2027, 3, 1, 10, tzinfo=ZoneInfo("Europe/Copenhagen"))):
        (row,) = portfolio_rows(chosen, year=2026)
        assert row.effect_state == "computing" and row.participants == 10
        for queued in DBTaskResult.objects.filter(status="READY"):
            evidence_card_refresh_task.call(*queued.args_kwargs["args"])
        (row,) = portfolio_rows(chosen, year=2026)
    assert row.effect_state in ("effect", "no_effect")
    assert row.maryland is not None


def test_with_fewer_than_5_participants_their_places_are_hidden_too(
    cohort,  # noqa: F811
):
    from outcomes.models import FollowUp, Participation

    kept = [member.pk for member in cohort[:3]]
    FollowUp.objects.exclude(participation_id__in=kept).delete()
    Participation.objects.exclude(pk__in=kept).delete()
    chosen = Initiative.objects.filter(slug="fremskudt-norrebro")
    with time_machine.travel(datetime(2027, 3, 1, 10, tzinfo=ZoneInfo("Europe/Copenhagen"))):
        (row,) = portfolio_rows(chosen, year=2026)
    # 3 people for 200 days each would read as 1.6 full-year places: a count in disguise.
    assert row.participants == "<5" and row.full_year_places is None
