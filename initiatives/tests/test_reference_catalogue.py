"""The seeds' catalogue comes out of the system with every figure and its stated totals."""

from decimal import Decimal

from initiatives import queries
from initiatives.budget import discrepancy
from initiatives.models import Initiative, SourceTable, SuccessCriterion
from initiatives.reference_catalogue import reference_catalogue_load

M = Decimal(1_000_000)


def _table(key):
    return queries.source_table_as_published(SourceTable.objects.get(key=key))


def _row(table, label):
    return next(r for r in table.rows if r.label == label)


def test_it_loads_every_initiative_of_the_seeds(catalogue):
    names = set(Initiative.objects.values_list("name", flat=True))
    for expected in [
        "Den Korte Snor",
        "Nexus",
        "Projekt Bydelsmødre",
        "Helhedsplaner",
        "KK's Exit-program",
        "VINK – Viden*Inklusion*København",
        "Interventionsteam for kriminalitetsramte familier",
        "Tryghedsindekset",
        "Amager Partnerskab",
        "Ny start i 4 boligområder",
    ]:
        assert expected in names
    assert Initiative.objects.filter(is_reference=True).count() == 37


def test_loading_twice_does_not_duplicate(catalogue):
    assert reference_catalogue_load() == 0
    assert Initiative.objects.count() == 37


def test_the_002_table_reproduces_every_figure_and_flags_the_vaeresteder_total(catalogue):
    table = _table("002-tabel-integrationspolitikkens-maal")
    years = table.years
    assert [table.column_total(y) / M for y in years] == [
        Decimal("69.4"),
        Decimal("85.35"),
        Decimal("66.55"),
        Decimal("59.85"),
    ]
    vaeresteder = _row(table, "Væresteder for unge mellem 18 og 23 år")
    assert vaeresteder.total(years) == Decimal("33.05") * M
    assert (
        discrepancy(
            stated=vaeresteder.stated_total,
            computed=vaeresteder.total(years),
            printed=vaeresteder.printed_total,
        )
        == Decimal("7.95") * M
    )
    korte_snor = _row(table, "Den Korte Snor")
    assert [korte_snor.by_year[y] / M for y in years] == [
        Decimal("9.0"),
        Decimal("8.5"),
        Decimal("4.2"),
        Decimal("4.2"),
    ]
    assert (
        discrepancy(
            stated=korte_snor.stated_total, computed=korte_snor.total(years), printed="25,9"
        )
        is None
    )
    bydelsmoedre = _row(table, "Bydelsmødre og kommunale kvindeambassadører")
    assert bydelsmoedre.by_year == {}
    assert bydelsmoedre.total(years) == Decimal("2.37") * M


def test_every_row_of_the_002_tables_except_vaeresteder_adds_up(catalogue):
    for key in [
        "002-tabel-integrationspolitikkens-maal",
        "002-tabel-udover-integrationspolitikken",
    ]:
        table = _table(key)
        off = [
            r.label
            for r in table.rows
            if discrepancy(
                stated=r.stated_total, computed=r.total(table.years), printed=r.printed_total
            )
            is not None
        ]
        assert off == (["Væresteder for unge mellem 18 og 23 år"] if key.endswith("maal") else [])


def test_the_second_002_table_keeps_helhedsplaner_as_a_multi_year_total(catalogue):
    table = _table("002-tabel-udover-integrationspolitikken")
    assert [table.column_total(y) / M for y in table.years] == [
        Decimal("1.3"),
        Decimal("5.9"),
        Decimal("4.0"),
        Decimal("4.0"),
    ]
    assert table.annual_grand_total() == Decimal("15.2") * M
    assert _row(table, "Helhedsplaner").total(table.years) == Decimal("319.0") * M


def test_the_003_table_flags_the_2014_total_that_is_200000_short(catalogue):
    table = _table("003-tabel-1")
    computed = {y: table.column_total(y) for y in table.years}
    assert computed[2014] == Decimal("33.425") * M
    stated, printed = table.stated_column_totals[2014]
    assert (
        discrepancy(stated=stated, computed=computed[2014], printed=printed) == Decimal("-0.2") * M
    )
    for year in (2015, 2016, 2017):
        stated, printed = table.stated_column_totals[year]
        assert discrepancy(stated=stated, computed=computed[year], printed=printed) is None


def test_the_intervention_team_cofinancing_matches_001(catalogue):
    initiative = Initiative.objects.get(slug="interventionsteam")
    table = queries.cofinancing_by_department(initiative)
    assert table.column_total(2010) == Decimal("10766667")
    assert table.column_total(2011) == Decimal("16100000")
    total = table.annual_grand_total() + table.multi_year_total()
    row = initiative.source_rows.get()
    assert discrepancy(stated=row.stated_total, computed=total, printed=row.printed_total) is None


def test_success_criteria_are_structured_data(catalogue):
    inmates = SuccessCriterion.objects.get(initiative__slug="indsats-for-indsatte")
    assert (inmates.kind, inmates.direction, inmates.target_value, inmates.target_unit) == (
        "cohort_share",
        "at_least",
        50,
        "percent",
    )
    assert inmates.follow_up_month_list() == [3, 6, 12]
    assert inmates.statuses == "aktivering,uddannelse,job"
    ssp_plus = SuccessCriterion.objects.get(initiative__slug="ssp-plus-exit")
    assert (ssp_plus.kind, ssp_plus.target_value) == ("stock_at_time", 100)
    assert (
        SuccessCriterion.objects.filter(initiative__slug="vink", kind="survey_share").count() == 4
    )


def test_ages_and_capacities_are_kept(catalogue):
    ssp_plus = Initiative.objects.get(slug="ssp-plus-exit")
    assert ssp_plus.target_age_label() == "17½–24 år"
    assert Initiative.objects.get(slug="den-korte-snor").capacity_label() == "50 pladser"
    assert Initiative.objects.get(slug="exit-programmet").capacity_label() == "25 helårspladser"
