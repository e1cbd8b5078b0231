"""The half-yearly troubled-areas report: figures per district, texts from each district,
approval freezes the figures (later records never change them), sending to BUU, SOU and BIU
then ØU, PDF and Excel."""

from datetime import date
from io import BytesIO

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from openpyxl import load_workbook

from areas.actions import acute_incident_record
from conftest import login_client
from outcomes.models import CrimeEvent
from people.actions import person_create
from people.models import CityDistrict, Person
from reports.models import ReportStatus
from reports.troubled_areas import (
    committee_refusal,
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
    for _ in range(6):
        _charge(ssp_consultant, "amager-vest", date(2010, 5, 1), date(2026, 3, 1))
    _charge(ssp_consultant, "noerrebro", date(2000, 5, 1), date(2026, 3, 1))  # 25: not counted
    _charge(ssp_consultant, "valby", date(2010, 5, 1), date(2026, 3, 1))  # one: hidden
    figures = {d["code"]: d for d in figures_of(report)["districts"]}
    assert figures["valby"]["charges_under_18"] == "<5"
    # Secondary suppression: with the city's 12 shown, Valby's 1 would be 12 - 5 - 6, so the
    # smallest other count (Nørrebro's 5) is hidden too: as "skjult", for it is not under 5
    # (two "<5" cells would state that 6 charges are 12 - 6 = 6 under 10: false).
    assert figures["noerrebro"]["charges_under_18"] == "skjult"
    assert figures["amager-vest"]["charges_under_18"] == 6
    assert figures["indre-by"]["charges_under_18"] == 0
    assert figures_of(report)["city"]["charges_under_18"] == 12


def test_approval_needs_every_district_and_freezes_the_figures(
    report, analyst, ssp_consultant, district_ssp_people
):
    with pytest.raises(ValidationError, match="Mangler tekster fra"):
        report_approve(by=analyst, report=report)
    _all_texts(report, district_ssp_people)
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
        district_text_submit(by=district_ssp_people, text=text, challenges="x", responses="y")
    for committee in ("BUU", "SOU", "BIU", "ØU"):
        report = report_send(
            by=analyst, report=report, committee=committee, meeting_on=date.today()
        )
    assert report.status == ReportStatus.SENT and report.sent_at is not None


MEETING = date(2026, 8, 20)


@pytest.mark.parametrize(
    ("committee", "meeting_on", "sent", "refusal"),
    [
        ("BUU", MEETING, {}, ""),
        ("SOU", MEETING, {"BUU": MEETING}, ""),
        ("BUU", MEETING, {"BUU": MEETING}, "allerede sendt til Børne- og Ungdomsudvalget"),
        ("ØU", MEETING, {"BUU": MEETING, "SOU": MEETING}, "(mangler: BIU)"),
        ("ØU", MEETING, {"BUU": MEETING, "SOU": MEETING, "BIU": MEETING}, ""),
        ("ØU", date(2026, 8, 19), {"BUU": MEETING, "SOU": MEETING, "BIU": MEETING}, "efter"),
        ("BIU", date(2026, 6, 30), {}, "før rapporten blev godkendt"),
    ],
)
def test_the_specialist_committees_come_first_then_the_finance_committee(
    committee, meeting_on, sent, refusal
):
    answer = committee_refusal(committee, meeting_on, date(2026, 7, 1), sent)
    assert (refusal in answer and answer) if refusal else answer == ""


def test_sending_to_the_finance_committee_first_is_refused_and_nothing_is_recorded(
    report, analyst, district_ssp_people
):
    _all_texts(report, district_ssp_people)
    report = report_approve(by=analyst, report=report)
    with pytest.raises(ValidationError, match="mangler: BUU, SOU, BIU"):
        report_send(by=analyst, report=report, committee="ØU", meeting_on=date.today())
    assert not report.sendings.exists()
    report_send(by=analyst, report=report, committee="BUU", meeting_on=date.today())
    report.refresh_from_db()
    assert report.status == ReportStatus.APPROVED and report.sendings.count() == 1


def test_acute_incidents_are_counted_per_district_in_the_period(report, ssp_consultant):
    for day in range(1, 6):
        acute_incident_record(
            by=ssp_consultant,
            district="noerrebro",
            place="Blågårds Plads",
            occurred_on=date(2026, 5, day),
            kind="unrest",
            description="",
        )
    acute_incident_record(
        by=ssp_consultant,
        district="valby",
        place="Toftegårds Plads",
        occurred_on=date(2026, 2, 1),
        kind="fire",
        description="",
    )
    acute_incident_record(  # after the period: not counted
        by=ssp_consultant,
        district="noerrebro",
        place="Mjølnerparken",
        occurred_on=date(2026, 7, 1),
        kind="weapon",
        description="",
    )
    figures = figures_of(report)
    by_code = {d["code"]: d for d in figures["districts"]}
    assert by_code["valby"]["acute_incidents"] == "<5"
    assert by_code["noerrebro"]["acute_incidents"] == "skjult"  # else Valby's = 6 − 5
    assert by_code["indre-by"]["acute_incidents"] == 0
    assert figures["city"]["acute_incidents"] == 6


def test_the_workflow_through_the_pages_and_the_frozen_pdf_and_excel(
    report, analyst, district_ssp_people, committee_reader
):
    writer = login_client(Client(), district_ssp_people)
    for code in CityDistrict.values:
        writer.post(
            f"/rapporter/urolige-omraader/{report.pk}/tekst/{code}/",
            {"challenges": f"Udfordring i {code}", "responses": "Svar", "version": "1"},
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
    # The districts in the city's order, as in the figures table, not by code.
    assert [workbook["Tekster"][f"A{row}"].value for row in (2, 3, 4)] == [
        "Indre By",
        "Østerbro",
        "Nørrebro",
    ]
    for committee in ("BUU", "SOU", "BIU", "ØU"):
        secretariat.post(
            f"/rapporter/urolige-omraader/{report.pk}/send/",
            {"committee": committee, "meeting_on": date.today().isoformat()},
        )
    report.refresh_from_db()
    assert report.status == ReportStatus.SENT
    page = reader.get(f"/rapporter/urolige-omraader/{report.pk}/").content.decode()
    assert "Økonomiudvalget (ØU): møde" in page


def test_a_districts_texts_belong_to_its_ssp_people(report, ssp_consultant, district_ssp_people):
    """Any SSP consultant could overwrite any district's texts; now only the SSP body of an
    SSP district within it writes them."""
    text = report.district_texts.get(district="noerrebro")
    url = f"/rapporter/urolige-omraader/{report.pk}/tekst/noerrebro/"
    outsider = login_client(Client(), ssp_consultant)
    data = {"challenges": "Overskrevet", "responses": "Overskrevet", "version": "1"}
    assert outsider.post(url, data).status_code == 403
    page = outsider.get(f"/rapporter/urolige-omraader/{report.pk}/").content.decode()
    assert "Skriv bydelens tekster" not in page
    from cases.models import SspBodyMembership

    SspBodyMembership.objects.create(user=ssp_consultant, ssp_district="3 Nørrebro")
    assert outsider.post(url, data).status_code == 302
    text.refresh_from_db()
    assert text.challenges == "Overskrevet" and text.submitted_by == ssp_consultant
    with pytest.raises(PermissionDenied):
        district_text_submit(
            by=ssp_consultant,
            text=report.district_texts.get(district="valby"),
            challenges="x",
            responses="y",
        )


def test_two_writers_at_once_never_overwrite_each_other(report, district_ssp_people):
    url = f"/rapporter/urolige-omraader/{report.pk}/tekst/valby/"
    first, second = (login_client(Client(), district_ssp_people) for _ in range(2))
    first.post(url, {"challenges": "Først", "responses": "Først", "version": "1"})
    response = second.post(url, {"challenges": "Anden", "responses": "Anden", "version": "1"})
    page = second.get(response["Location"]).content.decode()
    assert "En anden har gemt bydelens tekster imens" in page
    assert report.district_texts.get(district="valby").challenges == "Først"


def test_reports_one_day_apart_are_refused_so_no_days_charges_come_out(analyst, ssp_consultant):
    """The attack: two reports for periods one day apart, and the difference is one day's
    charges among under-18s per district. Periods are whole half-years now, one report each."""
    for end in (date(2026, 6, 29), date(2026, 7, 1)):
        with pytest.raises(ValidationError, match="halvår"):
            report_create(by=analyst, title="x", period_start=date(2026, 1, 1), period_end=end)
    report_create(
        by=analyst, title="H1", period_start=date(2026, 1, 1), period_end=date(2026, 6, 30)
    )
    with pytest.raises(ValidationError, match="allerede en rapport"):
        report_create(
            by=analyst, title="H1 igen", period_start=date(2026, 1, 1), period_end=date(2026, 6, 30)
        )


def test_a_running_half_years_figures_wait_until_it_has_ended(analyst):
    import time_machine

    with time_machine.travel(date(2026, 5, 15)):
        report = report_create(
            by=analyst, title="H1", period_start=date(2026, 1, 1), period_end=date(2026, 6, 30)
        )
        assert figures_of(report) is None
        page = login_client(Client(), analyst).get(f"/rapporter/urolige-omraader/{report.pk}/")
        assert "Tallene beregnes, når halvåret er slut" in page.content.decode()
        with pytest.raises(ValidationError, match="Halvåret er ikke slut"):
            report_approve(by=analyst, report=report)
    with time_machine.travel(date(2026, 7, 2)):
        assert figures_of(report) is not None
