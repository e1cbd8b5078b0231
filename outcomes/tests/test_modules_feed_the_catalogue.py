"""The modules feed the catalogue, with one source of truth (found: the intervention-team
initiative said 0 families and 'not met' while 18 families were in the programme; a new SSP+
plan did not count for SSP+'s stock; a report sent to all four committees did not count as
an afrapportering). The module record is the participation or the activity."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from areas.models import AreaSet, SurveyWave
from cases.actions import ssp_case_close, ssp_case_open, ssp_plus_plan_create
from cases.intervention import course_admit, course_change_phase, family_candidates
from cases.models import InterventionProgramme, SspCase
from initiatives.models import Initiative
from outcomes.actions import participation_end
from outcomes.models import Activity, Participation
from outcomes.scorecard import criterion_card
from people.actions import person_create
from reports.models import DistrictText
from reports.safety_presentations import survey_wave_present
from reports.troubled_areas import report_approve, report_create, report_send


def _family(by, name: str, level: int = 4):
    person = person_create(
        by=by,
        first_name="Barn",
        last_name=name,
        birth_date=date(2009, 1, 1),
        district="noerrebro",
        purpose="t",
    )
    ssp_case_open(
        by=by,
        person=person,
        level=level,
        reporting_partner="Politi",
        reported_on=date(2026, 11, 1),
        ssp_district="3 Nørrebro",
        description="x",
        legal_basis="consent",
        consent_date=date(2026, 11, 1),
        consent_scope="SSP",
    )
    return person


def _stock(slug: str) -> int:
    criterion = Initiative.objects.get(slug=slug).success_criteria.get(kind="stock_at_time")
    return criterion_card(criterion, timezone.localdate()).results[0].numerator


def test_admitting_a_family_counts_it_for_the_intervention_team_initiative(
    ssp_consultant, coordinator
):
    child = _family(ssp_consultant, "Firer")
    assert _stock("interventionsteam") == 0
    candidate = family_candidates(InterventionProgramme.current())[0]
    course = course_admit(by=coordinator, candidate=candidate)
    assert _stock("interventionsteam") == 1
    participation = Participation.objects.get(initiative__slug="interventionsteam")
    assert (participation.person, participation.module_record) == (
        child,
        f"cases.interventioncourse:{course.pk}",
    )
    # It follows the course: it cannot be ended by hand, and it ends when the course does.
    with pytest.raises(ValidationError, match="afslut den dér"):
        participation_end(
            by=coordinator, participation=participation, ended_on=date.today(), end_reason="other"
        )
    course_change_phase(
        by=coordinator, course=course, to_phase="ended", note="Afsluttet", expected_version=1
    )
    participation.refresh_from_db()
    assert participation.ended_on == timezone.localdate()


def test_a_new_ssp_plus_plan_counts_in_ssp_plus_stock_until_the_case_closes(ssp_consultant):
    person = person_create(
        by=ssp_consultant,
        first_name="Plus",
        last_name="Demo",
        birth_date=date(2005, 1, 1),
        purpose="t",
    )
    case = ssp_case_open(
        by=ssp_consultant,
        person=person,
        level=3,
        reporting_partner="Kriminalforsorgen",
        reported_on=date(2026, 11, 1),
        ssp_district="3 Nørrebro",
        description="x",
        legal_basis="consent",
        consent_date=date(2026, 11, 1),
        consent_scope="SSP+",
    )
    before = _stock("ssp-plus-exit")
    ssp_plus_plan_create(by=ssp_consultant, case=case, referred_on=timezone.localdate())
    assert _stock("ssp-plus-exit") == before + 1
    ssp_case_close(by=ssp_consultant, case=SspCase.objects.get(pk=case.pk), reason="Afsluttet")
    assert Participation.objects.get(initiative__slug="ssp-plus-exit").ended_on is not None


def test_a_report_sent_to_all_four_committees_is_one_afrapportering(analyst, district_ssp_people):
    report = report_create(
        by=analyst, title="H1 2026", period_start=date(2026, 1, 1), period_end=date(2026, 6, 30)
    )
    for text in DistrictText.objects.filter(report=report):
        from reports.troubled_areas import district_text_submit

        district_text_submit(by=district_ssp_people, text=text, challenges="x", responses="y")
    report = report_approve(by=analyst, report=report)
    criterion = Initiative.objects.get(slug="urolige-omraader").success_criteria.get()
    before = criterion_card(criterion, timezone.localdate()).results[-1].numerator
    for committee in ("BUU", "SOU", "BIU"):
        report = report_send(
            by=analyst, report=report, committee=committee, meeting_on=date.today()
        )
    assert not Activity.objects.filter(initiative__slug="urolige-omraader").exists()
    report_send(by=analyst, report=report, committee="ØU", meeting_on=date.today())
    after = criterion_card(criterion, timezone.localdate()).results[-1].numerator
    assert after == before + 1


def test_a_survey_presented_to_biu_oeu_and_br_is_the_years_survey(analyst, catalogue):
    area_set = AreaSet.objects.get(key="bydele")
    wave = SurveyWave.objects.create(
        area_set=area_set,
        year=2025,
        name="Tryghedsundersøgelsen 2025",
        invited=100,
        responded=30,
        imported_by=analyst,
    )
    criterion = Initiative.objects.get(slug="tryghedsindekset").success_criteria.get()
    for committee in ("BIU", "ØU"):
        survey_wave_present(by=analyst, wave=wave, committee=committee, meeting_on=date.today())
    assert not Activity.objects.filter(initiative__slug="tryghedsindekset").exists()
    with pytest.raises(ValidationError, match="forelægges BIU, ØU og BR"):
        survey_wave_present(by=analyst, wave=wave, committee="SOU", meeting_on=date.today())
    survey_wave_present(by=analyst, wave=wave, committee="BR", meeting_on=date.today())
    result = criterion_card(criterion, timezone.localdate()).results[-1]
    assert result.numerator == 1 and result.verdict == "met"
