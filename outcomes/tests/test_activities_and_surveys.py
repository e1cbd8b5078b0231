"""Criteria fed by activities (talks, meetings, reports: headcounts, no persons) and by
imported questionnaire answers; counts whose stated period lies before any record."""

from datetime import date, timedelta

import pytest
from django.test import Client
from django.utils import timezone

from conftest import login_client
from imports.files import ImportRejected
from initiatives.models import Initiative
from outcomes.actions import activity_record
from outcomes.measures import Verdict, without_small_counts
from outcomes.models import Activity, SurveyAnswer
from outcomes.scorecard import criterion_card
from outcomes.survey_import import survey_answers_import


def _criterion(slug: str, text_start: str):
    return Initiative.objects.get(slug=slug).success_criteria.get(text__startswith=text_start)


def _talk(initiative, by, held_on, audience, attendees):
    return activity_record(
        by=by,
        initiative=initiative,
        held_on=held_on,
        kind="session",
        audience=audience,
        attendees=attendees,
    )


def test_an_outreach_target_sums_the_attendees_of_that_audience_in_the_year(bif_owner):
    vink = Initiative.objects.get(slug="vink")
    criterion = _criterion("vink", "Viden om radikalisering udbredes til minimum 100 frontmed")
    _talk(vink, bif_owner, date(2026, 1, 2), "front_line_staff", 60)
    _talk(vink, bif_owner, date(2026, 1, 3), "parents", 80)  # other audience
    _talk(vink, bif_owner, date(2025, 12, 31), "front_line_staff", 90)  # last year
    result = criterion_card(criterion, date(2026, 12, 2)).results[0]
    assert result.numerator == 60
    # Short of 100 while the year still runs, to its last day: too early, not failed.
    assert result.verdict == Verdict.TOO_EARLY
    assert criterion_card(criterion, date(2026, 12, 31)).results[0].verdict == Verdict.TOO_EARLY
    # Once the year is over, 60 of 100 is not met.
    last_year = criterion_card(criterion, date(2027, 1, 1), year=2026).results[0]
    assert (last_year.numerator, last_year.verdict) == (60, Verdict.NOT_MET)
    _talk(vink, bif_owner, date(2026, 12, 2), "front_line_staff", 40)
    assert criterion_card(criterion, date(2026, 12, 2)).results[0].verdict == Verdict.MET


def test_headcounts_of_activities_are_not_hidden_as_small_counts(bif_owner):
    today = timezone.localdate()
    _talk(Initiative.objects.get(slug="vink"), bif_owner, today, "parents", 3)
    result = criterion_card(
        _criterion("vink", "Viden om radikalisering udbredes til minimum 100 forældre"), today
    ).results[0]
    assert without_small_counts(result).numerator == 3


def test_a_yearly_meeting_counts_meetings_not_people(bif_owner):
    today = timezone.localdate()
    activity_record(
        by=bif_owner,
        initiative=Initiative.objects.get(slug="fritidsjob"),
        held_on=today,
        kind="meeting",
        audience="partners",
        attendees=14,
    )
    result = criterion_card(_criterion("fritidsjob", "Der afholdes et årligt"), today).results[0]
    assert (result.numerator, result.verdict) == (1, Verdict.MET)


def test_an_activity_cannot_be_dated_in_the_future(bif_owner):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        _talk(
            Initiative.objects.get(slug="vink"),
            bif_owner,
            timezone.localdate() + timedelta(days=1),
            "parents",
            5,
        )


def test_only_those_who_may_change_the_initiative_record_activities(bif_owner, caseworker):
    form = {"held_on": "2026-01-05", "kind": "session", "audience": "parents", "attendees": "12"}
    url = "/indsatser/vink/resultater/aktivitet/"
    assert login_client(Client(), caseworker).post(url, form).status_code == 403
    assert login_client(Client(), bif_owner).post(url, form).status_code == 302
    assert Activity.objects.get().attendees == 12


SURVEY_CSV = "dato;svar;gruppe\r\n03-02-2026;Ja;Forældre\r\n04-02-2026;nej;Forældre\r\n".encode(
    "cp1252"
)


def test_survey_answers_from_danish_excel_csv_give_the_share_answering_yes(bif_owner):
    criterion = _criterion("vink", "80 % af forældre og unge")
    rows = "dato;svar;gruppe\r\n" + "".join(
        f"{day:02d}-03-2025;{'ja' if day <= 17 else 'nej'};Unge\r\n" for day in range(1, 21)
    )
    assert (
        survey_answers_import(
            by=bif_owner, criterion=criterion, filename="svar.csv", data=rows.encode("cp1252")
        )
        == 20
    )
    result = criterion_card(criterion, timezone.localdate()).results[0]
    assert (result.numerator, result.denominator) == (17, 20)
    assert result.verdict == Verdict.MET  # 85 % against at least 80 %
    assert result.low is not None and result.low < 0.85 < result.high


def test_one_bad_answer_rejects_the_file_with_its_line_and_saves_nothing(bif_owner):
    criterion = _criterion("vink", "80 % af forældre og unge")
    data = SURVEY_CSV + "05-02-2026;måske;Unge\r\n".encode("cp1252")
    with pytest.raises(ImportRejected) as rejected:
        survey_answers_import(by=bif_owner, criterion=criterion, filename="s.csv", data=data)
    assert [str(e) for e in rejected.value.errors] == [
        "Linje 4: ukendt svar 'måske' (brug ja eller nej)"
    ]
    assert not SurveyAnswer.objects.exists()


def test_the_survey_upload_page_imports_for_the_owner_and_refuses_others(bif_owner, analyst):
    from django.core.files.uploadedfile import SimpleUploadedFile

    criterion = _criterion("vink", "80 % af forældre og unge")
    url = f"/indsatser/vink/resultater/{criterion.pk}/svar/"

    def upload():
        return {"file": SimpleUploadedFile("svar.csv", SURVEY_CSV)}

    assert login_client(Client(), analyst).post(url, upload()).status_code == 403
    page = login_client(Client(), bif_owner).post(url, upload(), follow=True)
    assert "2 svar er indlæst" in page.content.decode()
    assert SurveyAnswer.objects.count() == 2


def test_a_count_for_a_year_before_any_record_says_so_and_adds_the_current_year(cohort):
    criterion = _criterion("fremskudt-norrebro", "Mindst 190 uroskabende unge")  # 'i 2014'
    stated, current = criterion_card(criterion, timezone.localdate()).results
    assert stated.verdict == Verdict.TOO_LITTLE_DATA
    assert stated.note == "Ingen registreringer fra perioden i systemet."
    assert current.numerator == 10 and current.label.startswith(
        f"01.01.{timezone.localdate().year}"
    )
