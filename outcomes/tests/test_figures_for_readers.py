"""Disclosure control that survives differencing (found by attack: a criterion page showed the
overall figure and every year but one, so Den Korte Snor 2024 came out as 0 of 2). Those
without person access see final figures of whole years only: no overall figure spans the
years, no figure changes from one day to the next, and a small year stays hidden."""

import re
from datetime import date, timedelta

import time_machine
from django.test import Client

from conftest import login_client
from initiatives.models import Initiative, MeasureKind, TargetUnit
from outcomes.measures import Verdict
from outcomes.models import Participation, StatusObservation
from outcomes.scorecard import criterion_card, final_card, final_on

YEAR = 2024


def _criterion():
    return Initiative.objects.get(slug="fremskudt-norrebro").success_criteria.get(
        follow_up_months="3,6,12"
    )


def _cohort(cohort, ssp_consultant, started: date, successes: int, size: int):
    initiative = Initiative.objects.get(slug="fremskudt-norrebro")
    for number, member in enumerate(cohort[:size]):
        participation = Participation.objects.create(
            person=member.person,
            initiative=initiative,
            offer_kind="active_employment",
            started_on=started,
            ended_on=started + timedelta(days=30),
            end_reason="completed",
            created_by=ssp_consultant,
        )
        for days in (91, 183, 365):
            StatusObservation.objects.create(
                person=member.person,
                observed_on=participation.started_on + timedelta(days=days),
                status="job" if number < successes else "none",
                source="job_centre",
            )


def _figures(client, url) -> list[str]:
    """Every numerator / denominator cell the page shows."""
    text = client.get(url).content.decode()
    return re.findall(r'<td class="num">([^<]*)</td>', text)


def test_a_reader_sees_no_overall_figure_beside_the_years_and_small_years_stay_hidden(
    cohort, ssp_consultant, analyst
):
    _cohort(cohort, ssp_consultant, date(YEAR - 1, 3, 1), successes=5, size=10)
    _cohort(cohort, ssp_consultant, date(YEAR, 3, 1), successes=0, size=2)  # 0 of 2: small
    criterion = _criterion()
    url = f"/indsatser/fremskudt-norrebro/resultater/{criterion.pk}/"
    with time_machine.travel(date(YEAR + 2, 6, 1)):
        reader = login_client(Client(), analyst)
        page = reader.get(url).content.decode()
        # The small year is hidden, and nothing on the page lets it be worked out: the
        # latest figure is the latest final year's own figure, not one over several years.
        assert f"Endelige tal for {YEAR}" in page
        cells = _figures(reader, url)
        assert "2" not in cells  # the 2 of YEAR's cohort never shows
        assert "10" in cells  # YEAR - 1's cohort of 10 does
        # A case worker who sees every person behind it sees today's figures exactly.
        worker = login_client(Client(), ssp_consultant).get(url).content.decode()
        assert "I dag (" in worker


def test_a_readers_figures_do_not_change_from_one_day_to_the_next(cohort, ssp_consultant, analyst):
    _cohort(cohort, ssp_consultant, date(YEAR, 3, 1), successes=3, size=8)
    criterion = _criterion()
    url = f"/indsatser/fremskudt-norrebro/resultater/{criterion.pk}/"
    scorecard = "/indsatser/fremskudt-norrebro/resultater/"
    with time_machine.travel(date(YEAR + 1, 8, 1)) as clock:
        reader = login_client(Client(), analyst)
        before = _figures(reader, url), _figures(reader, scorecard)
        # One more young person's outcome is recorded during the running year...
        _cohort(cohort[8:], ssp_consultant, date(YEAR + 1, 2, 1), successes=1, size=1)
        clock.shift(timedelta(days=1))
        reader = login_client(Client(), analyst)
        assert (_figures(reader, url), _figures(reader, scorecard)) == before


def test_a_year_becomes_final_only_when_its_whole_cohort_has_been_followed_up(catalogue):
    criterion = _criterion()
    assert final_on(criterion, YEAR) > date(YEAR + 1, 12, 31)  # 12 months' follow-up
    count = (
        Initiative.objects.get(slug="den-korte-snor")
        .success_criteria.filter(kind="count_in_period")
        .first()
    )
    if count is not None:
        assert final_on(count, YEAR) == date(YEAR, 12, 31)


def test_a_finished_year_short_of_its_count_target_is_not_met_not_too_early(cohort, ssp_consultant):
    """Found in the demo: the final figure of a whole year was computed as of its last day,
    so a year that ended short of 'at least N people' read 'too early: the period has not
    ended' for the rest of the next year."""
    initiative = Initiative.objects.get(slug="fremskudt-norrebro")
    criterion = initiative.success_criteria.create(
        text="Mindst 50 unge deltager årligt.",
        kind=MeasureKind.COUNT_IN_PERIOD,
        target_value=50,
        target_unit=TargetUnit.PEOPLE,
        direction="at_least",
        per_year=True,
    )
    _cohort(cohort, ssp_consultant, date(YEAR, 3, 1), successes=0, size=8)
    today = date(YEAR + 1, 6, 1)
    card = final_card(criterion, today)
    assert f"Endelige tal for {YEAR}" in card.explanation
    (result,) = card.results
    assert (result.numerator, result.verdict) == (8, Verdict.NOT_MET)
    # While the year still runs, the same shortfall is 'too early'.
    (running,) = criterion_card(criterion, date(YEAR, 6, 1)).results
    assert running.verdict == Verdict.TOO_EARLY
