"""The half-yearly troubled-areas report: figures per district, texts from each district,
approval freezes the figures (later records never change them), sending, PDF and Excel."""

from datetime import date
from io import BytesIO

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from openpyxl import load_workbook

from conftest import login_client
from outcomes.models import CrimeEvent
from people.actions import person_create
from people.models import CityDistrict, Person
from reports.models import ReportStatus
from reports.troubled_areas import (
    district_text_submit,
    figures_of,
    report_approve,
    report_create,
    report_send,
)


@pytest.fixture
def report(analyst):
    return report_create(
        by=analyst,
        title="Urolige områder, 1. halvår 2026",
        period_start=date(2026, 1, 1),
        period_end=date(2026, 6, 30),
    )


def _charge(by, district: str, born: date, on: date) -> None:
    person = person_create(by=by, first_name="U", last_name="Ung", birth_date=born, purpose="t")
    Person.objects.filter(pk=person.pk).update(district=district)
    CrimeEvent.objects.create(person=person, occurred_on=on, kind="charge", category="property")


def _all_texts(report, by) -> None:
    for text in report.district_texts.all():
        district_text_submit(by=by, text=text, challenges="Uro om aftenen.", responses="Gadeplan.")


def test_charges_among_under_18s_are_counted_per_district_and_small_counts_hidden(
    report, ssp_consultant
):
    for _ in range(5):
        _charge(ssp_consultant, "noerrebro", date(2010, 5, 1), date(2026, 3, 1))  # 15 years old
    _charge(ssp_consultant, "noerrebro", date(2000, 5, 1), date(2026, 3, 1))  # 25: not counted
    _charge(ssp_consultant, "valby", date(2010, 5, 1), date(2026, 3, 1))  # one: hidden
    figures = {d["code"]: d for d in figures_of(report)["districts"]}
    assert figures["noerrebro"]["charges_under_18"] == 5
    assert figures["valby"]["charges_under_18"] == "<5"
    assert figures_of(report)["city"]["charges_under_18"] == 6


def test_approval_needs_every_district_and_freezes_the_figures(report, analyst, ssp_consultant):
    with pytest.raises(ValidationError, match="Mangler tekster fra"):
        report_approve(by=analyst, report=report)
    _all_texts(report, ssp_consultant)
    for _ in range(5):
        _charge(ssp_consultant, "noerrebro", date(2010, 5, 1), date(2026, 3, 1))
    report = report_approve(by=analyst, report=report)
    before = figures_of(report)
    # A charge recorded after approval does not change the approved report.
    _charge(ssp_consultant, "noerrebro", date(2010, 5, 1), date(2026, 4, 1))
    report.refresh_from_db()
    assert figures_of(report) == before
    assert {d["code"]: d for d in before["districts"]}["noerrebro"]["charges_under_18"] == 5
    text = report.district_texts.first()
    with pytest.raises(ValidationError, match="godkendt"):
        district_text_submit(by=ssp_consultant, text=text, challenges="x", responses="y")
    assert report_send(by=analyst, report=report).status == ReportStatus.SENT


def test_the_workflow_through_the_pages_and_the_frozen_pdf_and_excel(
    report, analyst, ssp_consultant, committee_reader
):
    writer = login_client(Client(), ssp_consultant)
    for code in CityDistrict.values:
        writer.post(
            f"/rapporter/urolige-omraader/{report.pk}/tekst/{code}/",
            {"challenges": f"Udfordring i {code}", "responses": "Svar"},
        )
    reader = login_client(Client(), committee_reader)
    assert reader.post(f"/rapporter/urolige-omraader/{report.pk}/godkend/").status_code == 403
    secretariat = login_client(Client(), analyst)
    secretariat.post(f"/rapporter/urolige-omraader/{report.pk}/godkend/")
    report.refresh_from_db()
    assert report.status == ReportStatus.APPROVED and report.frozen_figures
    page = reader.get(f"/rapporter/urolige-omraader/{report.pk}/").content.decode()
    assert "Frosset ved godkendelsen" in page and "Udfordring i noerrebro" in page
    pdf = reader.get(f"/rapporter/urolige-omraader/{report.pk}/rapport.pdf")
    assert pdf.content.startswith(b"%PDF")
    workbook = load_workbook(
        BytesIO(reader.get(f"/rapporter/urolige-omraader/{report.pk}/rapport.xlsx").content)
    )
    assert workbook["Tekster"]["B3"].value.startswith("Udfordring i")
