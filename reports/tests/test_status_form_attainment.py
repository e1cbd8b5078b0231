"""The status form's seventh heading shows computed attainment (found: VINK's status form
printed '–' there while its results page computed its criteria): each criterion's figure,
target and verdict, on the page, in the PDF, in Excel and in the API; an approved status
form keeps the figures it had."""

import io
import subprocess
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone
from openpyxl import load_workbook

from conftest import login_client
from initiatives.actions import status_report_save
from initiatives.models import Initiative, StatusReport
from outcomes.actions import activity_record
from reports.status_forms import status_report_approve

VINK_CRITERION = "Viden om radikalisering udbredes til minimum 100 frontmed"


def _talk(by, attendees: int, day: date):
    activity_record(
        by=by,
        initiative=Initiative.objects.get(slug="vink"),
        held_on=day,
        kind="session",
        audience="front_line_staff",
        attendees=attendees,
    )


def _new_years_day() -> date:
    """The year's first day: this year's and never in the future, whatever day the suite runs."""
    return timezone.localdate().replace(month=1, day=1)


def test_vinks_status_form_shows_the_computed_verdicts_on_the_page_pdf_excel_and_api(
    bif_owner, committee_reader
):
    _talk(bif_owner, 120, _new_years_day())
    client = login_client(Client(), committee_reader)
    page = client.get("/indsatser/vink/").content.decode()
    assert "/indsatser/vink/status/maalopfyldelse/" in page
    fragment = client.get("/indsatser/vink/status/maalopfyldelse/").content.decode()
    assert VINK_CRITERION in fragment and "Opfyldt" in fragment
    workbook = load_workbook(io.BytesIO(client.get("/indsatser/vink/statusskema.xlsx").content))
    heading_7 = next(
        row[1].value
        for row in workbook.active.iter_rows()
        if row[0].value == "Status i forhold til målopfyldelse"
    )
    assert VINK_CRITERION in heading_7 and "– Opfyldt" in heading_7
    pdf = client.get("/indsatser/vink/statusskema.pdf").content
    text = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True).stdout.decode()
    assert "Opfyldt" in text and "Beregnet" in text
    from api.tests.test_api import bearer

    api = client.get("/api/v1/initiatives/vink", **bearer(committee_reader)).json()
    assert any(r["verdict"] == "met" for row in api["status_attainment"] for r in row["results"])


def test_an_approved_status_form_keeps_the_figures_it_had(bif_owner):
    _talk(bif_owner, 40, _new_years_day())
    report = status_report_save(
        by=bif_owner, initiative=Initiative.objects.get(slug="vink"), period="2026", text="Godt."
    )
    report = status_report_approve(by=bif_owner, report=report)
    frozen = report.frozen_attainment
    _talk(bif_owner, 80, _new_years_day())  # later records change nothing
    report = StatusReport.objects.get(pk=report.pk)
    assert report.frozen_attainment == frozen
    with pytest.raises(ValidationError, match="godkendt"):
        status_report_save(by=bif_owner, initiative=report.initiative, period="2026", text="Ændret")
