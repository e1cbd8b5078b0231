import io
import json
from decimal import Decimal

from django.core.management import call_command
from django.test import Client
from openpyxl import load_workbook

from conftest import login_client
from initiatives.models import Initiative
from reports import exports
from reports.views import budget_export_for


def test_the_003_table_as_json_carries_stated_totals_and_the_discrepancy(catalogue, capsysbinary):
    call_command("report", "budget", "--table", "003-tabel-1", "--format", "json")
    payload = json.loads(capsysbinary.readouterr().out)
    totals = {c["year"]: c for c in payload["column_totals"]}
    assert Decimal(totals[2014]["total"]) == Decimal("33425000")
    assert totals[2014]["printed"] == "33,225"
    assert Decimal(totals[2014]["discrepancy"]) == Decimal("-200000")
    assert totals[2015]["discrepancy"] is None
    vink = next(r for r in payload["rows"] if r["label"] == "VINK")
    assert Decimal(vink["by_year"]["2014"]) == Decimal("1725000")


def test_the_budget_range_command_writes_every_format(catalogue, tmp_path):
    for fmt, magic in [("pdf", b"%PDF"), ("xlsx", b"PK"), ("csv", b"\xef\xbb\xbf"), ("json", b"{")]:
        target = tmp_path / f"budget.{fmt}"
        call_command(
            "report",
            "budget",
            "--from",
            "2009",
            "--to",
            "2012",
            "--format",
            fmt,
            "--output",
            str(target),
        )
        assert target.read_bytes().startswith(magic)


def test_the_csv_is_danish_excel_csv(catalogue):
    content = exports.budget_csv(
        budget_export_for(
            view="initiative",
            first=2009,
            last=2012,
            table_key="002-tabel-integrationspolitikkens-maal",
        )
    )
    text = content.decode("utf-8-sig")
    assert "Væresteder for unge mellem 18 og 23 år;3,6;10,35;9,55;9,55;;33,05;41;7,95" in text
    assert "I alt (beregnet);69,4;85,35;66,55;59,85" in text


def test_the_excel_budget_marks_the_discrepancy(catalogue):
    content = exports.budget_xlsx(
        budget_export_for(
            view="initiative",
            first=2009,
            last=2012,
            table_key="002-tabel-integrationspolitikkens-maal",
        )
    )
    sheet = load_workbook(io.BytesIO(content)).active
    row = next(
        r
        for r in sheet.iter_rows(values_only=True)
        if r[0] == "Væresteder for unge mellem 18 og 23 år"
    )
    assert row[-2:] == (41.0, 7.95)


def test_the_status_form_has_the_seven_headings(catalogue):
    initiative = Initiative.objects.get(slug="den-korte-snor")
    labels = [label for label, _ in exports.status_form_sections(initiative)]
    assert labels == [
        "Økonomi",
        "Målgruppe",
        "Beskriv aktiviteterne",
        "Indsatsens mål",
        "Hvordan bidrager indsatsen til opnåelse af mål i integrationspolitikken",
        "Planlagt opfølgning",
        "Status i forhold til målopfyldelse",
    ]
    sheet = load_workbook(io.BytesIO(exports.status_form_xlsx(initiative))).active
    assert sheet["A1"].value == "Statusskema: Den Korte Snor"
    assert "50 pladser" in sheet["B4"].value


def test_a_committee_reader_downloads_the_status_form_as_pdf(committee_reader):
    client = login_client(Client(), committee_reader)
    response = client.get("/indsatser/nexus/statusskema.pdf")
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert 'filename="statusskema-nexus.pdf"' in response["Content-Disposition"]


def test_an_unknown_format_is_not_found(committee_reader):
    client = login_client(Client(), committee_reader)
    assert client.get("/indsatser/budget/eksport.docx").status_code == 404
    assert client.get("/indsatser/nexus/statusskema.docx").status_code == 404
