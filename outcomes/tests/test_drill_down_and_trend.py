"""From a figure to the people behind it (only those the user may see, each logged), a
criterion year by year, and 'rises' criteria measured against the same people at the start."""

from datetime import date, timedelta

from django.test import Client
from django.utils import timezone

from audit.models import AccessLogEntry
from conftest import login_client
from initiatives.models import Initiative
from outcomes.measures import Verdict
from outcomes.models import Participation, StatusObservation
from outcomes.scorecard import criterion_card, criterion_trend


def _observe(participation, days, status):
    StatusObservation.objects.create(
        person=participation.person,
        observed_on=participation.started_on + timedelta(days=days),
        status=status,
        source="job_centre",
    )


def _three_month_criterion():
    return Initiative.objects.get(slug="fremskudt-norrebro").success_criteria.get(
        follow_up_months="3,6,12"
    )


def test_the_drill_down_lists_who_counts_how_and_logs_each_person(cohort, ssp_consultant):
    for p in cohort[:4]:
        _observe(p, 91, "job")
    _observe(cohort[4], 91, "none")
    criterion = _three_month_criterion()
    url = f"/indsatser/fremskudt-norrebro/resultater/{criterion.pk}/personer/0/"
    page = login_client(Client(), ssp_consultant).get(url)
    text = page.content.decode()
    assert page.status_code == 200
    assert text.count(">i tælleren<") == 4 and text.count(">opfølgning mangler<") == 5
    assert text.count("i nævneren, ikke i tælleren") == 1
    logged = AccessLogEntry.objects.filter(purpose__startswith="Personerne bag et resultattal")
    assert logged.count() == 10


def test_the_drill_down_shows_only_persons_on_the_users_cases(cohort, coordinator, analyst):
    criterion = _three_month_criterion()
    url = f"/indsatser/fremskudt-norrebro/resultater/{criterion.pk}/personer/0/"
    # Roles without person access get no list at all.
    assert login_client(Client(), analyst).get(url).status_code == 403
    page = login_client(Client(), coordinator).get(url).content.decode()
    assert "10 personer bag tallet er ikke på dine sager" in page
    assert not AccessLogEntry.objects.filter(purpose__startswith="Personerne bag").exists()


def test_the_criterion_page_shows_the_trend_and_hides_small_counts_from_readers(cohort, analyst):
    for p in cohort[:3]:
        _observe(p, 91, "job")
    criterion = _three_month_criterion()
    page = login_client(Client(), analyst).get(
        f"/indsatser/fremskudt-norrebro/resultater/{criterion.pk}/"
    )
    text = page.content.decode()
    # Readers see final figures of whole years; this year's cohort is not final yet.
    assert page.status_code == 200 and "Seneste endelige tal" in text
    assert "intet afsluttet år endnu" in text and "Vis personer" not in text


def test_the_trend_puts_each_cohort_in_the_year_of_its_start(cohort, ssp_consultant):
    today = timezone.localdate()
    cohort_year = cohort[0].started_on.year  # 200 days ago: last year until late July
    earlier = date(cohort_year - 2, 3, 1)
    initiative = Initiative.objects.get(slug="fremskudt-norrebro")
    for p in cohort[:6]:
        earlier_participation = Participation.objects.create(
            person=p.person,
            initiative=initiative,
            offer_kind="active_employment",
            started_on=earlier,
            ended_on=earlier + timedelta(days=60),
            end_reason="completed",
            created_by=ssp_consultant,
        )
        _observe(earlier_participation, 91, "education")
    trend = {row.year: row.results[0] for row in criterion_trend(_three_month_criterion(), today)}
    assert (trend[cohort_year - 2].numerator, trend[cohort_year - 2].denominator) == (6, 6)
    assert trend[cohort_year - 1].verdict == Verdict.TOO_EARLY  # nobody started that year
    # Today's figure is the cohort measured within the last 12 months: not the old one.
    today_figure = criterion_card(_three_month_criterion(), today).results[0]
    assert today_figure.missing + (today_figure.denominator or 0) == len(cohort)


def test_a_rises_criterion_compares_the_same_people_at_the_start_and_a_year_later(
    cohort, ssp_consultant
):
    initiative = Initiative.objects.get(slug="ny-start")
    started = timezone.localdate() - timedelta(days=400)
    participations = [
        Participation.objects.create(
            person=p.person,
            initiative=initiative,
            offer_kind="counselling",
            started_on=started,
            created_by=ssp_consultant,
        )
        for p in cohort
    ]
    for number, p in enumerate(participations):
        _observe(p, 0, "leisure_activity" if number < 2 else "none")  # 2 of 10 at the start
        _observe(p, 365, "leisure_activity" if number < 6 else "none")  # 6 of 10 a year on
    criterion = initiative.success_criteria.get(text__startswith="Den enkelte unges fritid")
    at_start, after = criterion_card(criterion, timezone.localdate()).results
    assert (at_start.numerator, at_start.denominator) == (2, 10)
    assert (after.numerator, after.denominator) == (6, 10)
    assert after.verdict == Verdict.MET and "ikke en effektmåling" in after.note
