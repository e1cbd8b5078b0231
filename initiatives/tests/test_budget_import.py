"""Budget import: Danish Excel CSV is normal input; one bad row rejects the whole file."""

import io
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from openpyxl import Workbook

from conftest import login_client
from initiatives.models import Funding

HEADER = "indsats;år;beløb;kilde;forvaltning;bemærkning\r\n"


def _post(client, content: bytes, name="budget.csv"):
    return client.post("/indsatser/budget/import/", {"file": SimpleUploadedFile(name, content)})


def test_a_cp1252_semicolon_file_with_decimal_commas_is_imported(bif_owner):
    client = login_client(Client(), bif_owner)
    body = (
        HEADER
        + "krimiteamet;2018;800.000,50;egen-ramme;BIF;Videreført\r\nKK's Exit-program;2015-2016;1.000.000;egen-ramme;BIF;Ønsket forlængelse\r\n"
    )
    response = _post(client, body.encode("cp1252"))
    assert response.status_code == 302
    assert Funding.objects.get(initiative__slug="krimiteamet", first_year=2018).amount == Decimal(
        "800000.50"
    )
    multi = Funding.objects.get(initiative__slug="exit-programmet", first_year=2015)
    assert (multi.last_year, multi.note) == (2016, "Ønsket forlængelse")


def test_a_utf8_file_with_bom_is_read(bif_owner):
    client = login_client(Client(), bif_owner)
    response = _post(
        client, ("\ufeff" + HEADER + "krimiteamet;2019;1,5;egen-ramme;BIF;\r\n").encode("utf-8")
    )
    assert response.status_code == 302
    assert Funding.objects.get(initiative__slug="krimiteamet", first_year=2019).amount == Decimal(
        "1.5"
    )


def test_one_bad_row_rejects_the_file_with_line_numbers_and_saves_nothing(bif_owner):
    client = login_client(Client(), bif_owner)
    before = Funding.objects.count()
    body = HEADER + (
        "krimiteamet;2018;800000;egen-ramme;BIF;ok\r\n"
        "krimiteamet;20x8;800000;egen-ramme;BIF;\r\n"
        "krimiteamet;2019;-5;egen-ramme;BIF;\r\n"
        "krimiteamet;2019;5;egen-ramme;XYZ;\r\n"
        "ukendt-indsats;2019;5;egen-ramme;BIF;\r\n"
        "den-korte-snor;2019;5;egen-ramme;SOF;\r\n"
    )
    page = _post(client, body.encode("utf-8")).content.decode()
    assert "Filen blev afvist" in page
    assert "Linje 3: &#x27;20x8&#x27; er ikke et år" in page
    assert "Linje 4: beløbet -5 er negativt" in page
    assert "Linje 5: ukendt forvaltning &#x27;XYZ&#x27;" in page
    assert "Linje 6: ukendt indsats &#x27;ukendt-indsats&#x27;" in page
    assert "Linje 7: du må ikke ændre indsatsen &#x27;Den Korte Snor&#x27;" in page
    assert Funding.objects.count() == before


def test_reimporting_the_same_line_replaces_it_instead_of_doubling(bif_owner):
    client = login_client(Client(), bif_owner)
    _post(client, (HEADER + "krimiteamet;2014;900000;egen-ramme;BIF;\r\n").encode())
    assert [
        f.amount for f in Funding.objects.filter(initiative__slug="krimiteamet", first_year=2014)
    ] == [Decimal("900000")]


def test_an_empty_file_is_refused(bif_owner):
    client = login_client(Client(), bif_owner)
    page = _post(client, b"").content.decode()
    assert "fil er tom" in page
    assert "Indlæs budgetlinjer" in page


def test_an_excel_file_is_imported(bif_owner):
    client = login_client(Client(), bif_owner)
    workbook = Workbook()
    workbook.active.append(["indsats", "år", "beløb", "kilde", "forvaltning"])
    workbook.active.append(["vink", 2015, 1725000, "egen-ramme", "BIF"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    assert _post(client, buffer.getvalue(), name="budget.xlsx").status_code == 302
    assert Funding.objects.get(initiative__slug="vink", first_year=2015).amount == Decimal(
        "1725000"
    )
