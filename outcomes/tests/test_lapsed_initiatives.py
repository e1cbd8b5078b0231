"""A lapsed initiative with nothing recorded since is judged on its last figures (as of the
day they became final), not shown as 'no records' for years it did not run; one that still
records (a module runs on) is computed now."""

from datetime import date

import pytest

from initiatives.models import Initiative
from outcomes.measures import Verdict
from outcomes.models import Participation
from outcomes.scorecard import criterion_card, criterion_trend, final_card
from people.models import Person

TODAY = date(2026, 12, 2)


def _women(by, n: int, started: date, ended: date | None) -> None:
    fakti = Initiative.objects.get(slug="fakti")
    for number in range(n):
        person = Person.objects.create(
            first_name="Kvinde",
            last_name="Demo",
            birth_date=date(1980, 1, 1),
            replacement_number=f"FK-{started.year}-{number}",
        )
        Participation.objects.create(
            person=person,
            initiative=fakti,
            offer_kind="counselling",
            started_on=started,
            ended_on=ended,
            end_reason="completed" if ended else "",
            created_by=by,
        )


@pytest.fixture
def fakti_2013(db, catalogue, ssp_consultant):
    """FAKTI (money until 2013): 'ca. 60 kvinder om året'; 58 women in 2013."""
    _women(ssp_consultant, 58, date(2013, 2, 1), date(2013, 11, 30))
    return Initiative.objects.get(slug="fakti").success_criteria.get(kind="count_in_period")


def test_a_lapsed_initiative_shows_its_last_years_figure(fakti_2013):
    card = criterion_card(fakti_2013, TODAY)
    [result] = card.results
    assert result.label == "01.01.2013–31.12.2013" and result.numerator == 58
    assert result.verdict == Verdict.MET  # about 60: within 10 %
    assert card.explanation.startswith("Indsatsen bortfaldt efter 2013")


def test_its_trend_and_its_final_figure_end_with_its_last_year(fakti_2013):
    assert [row.year for row in criterion_trend(fakti_2013, TODAY)][-1] == 2013
    assert final_card(fakti_2013, TODAY).results[0].numerator == 58


def test_records_after_the_lapse_are_counted_now(fakti_2013, ssp_consultant):
    _women(ssp_consultant, 6, date(2026, 3, 1), None)
    [result] = criterion_card(fakti_2013, TODAY).results
    assert result.label == "01.01.2026–02.12.2026" and result.numerator == 6
