"""003, Amager Partnerskab: "SSP Københavns ressourceforbrug i distrikt 15 Sundbyvester (Amager
Vest) skal falde hen imod et normalt niveau" — computed from the SSP cases per district
against the city's norm (an even share of the cases per SSP district), not typed."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from areas.queries import ssp_districts
from cases.models import SspCase
from initiatives.models import Initiative
from initiatives.reference_catalogue import area_goals_link
from outcomes.measures import Verdict
from outcomes.scorecard import criterion_card, final_card
from people.models import Person

COPENHAGEN = ZoneInfo("Europe/Copenhagen")


def _cases(by, district: str, n: int, year: int) -> None:
    """n cases in the district, reported on 1 March and closed on 1 October of the year."""
    first = Person.objects.count()
    people = Person.objects.bulk_create(
        Person(
            first_name="Ung",
            last_name="Distrikt",
            birth_date=date(2009, 1, 1),
            # Unique and within the field's 11 characters (PostgreSQL enforces the length).
            replacement_number=f"T{first + i:010d}",
        )
        for i in range(n)
    )
    SspCase.objects.bulk_create(
        SspCase(
            person=person,
            level=2,
            reporting_partner="Skole",
            reported_on=date(year, 3, 1),
            ssp_district=district,
            description="x",
            legal_basis="consent",
            consent_date=date(year, 3, 1),
            consent_scope="SSP",
            opened_by=by,
            closed_at=datetime(year, 10, 1, 12, tzinfo=COPENHAGEN),
        )
        for person in people
    )


@pytest.fixture
def district_15_goal(db, catalogue, ssp_consultant):
    """The city's ten SSP districts. 2024: district 15 has 30 of the city's 100 cases (three
    times an even share); 2026: 15 of 100 (nearer the normal 10 %)."""
    others = [a.name for a in ssp_districts() if a.code != "15"]
    assert len(others) == 9
    for year, in_15 in ((2024, 30), (2026, 15)):
        _cases(ssp_consultant, "15 Sundbyvester", in_15, year)
        rest = 100 - in_15
        for position, other in enumerate(others):
            _cases(ssp_consultant, other, rest // 9 + (position < rest % 9), year)
    assert area_goals_link() >= 1
    return Initiative.objects.get(slug="amager-partnerskab").success_criteria.get(
        text__startswith="SSP Københavns ressourceforbrug"
    )


def test_district_15s_share_of_the_city_cases_falls_towards_the_norm(district_15_goal):
    first, last = criterion_card(district_15_goal, date(2026, 12, 31)).results
    assert (first.numerator, first.denominator) == (30, 100)
    assert first.value == pytest.approx(0.3) and "indeks 3,00" in first.note
    assert "normalt niveau 1,00 = 10 distrikters gennemsnit, 10,0 %" in first.note
    assert (last.numerator, last.denominator) == (15, 100) and "indeks 1,50" in last.note
    assert last.low < last.value < last.high
    # 30 % → 15 % on 100 cases each: a significant fall towards the norm.
    assert last.verdict == Verdict.MET and "-15,0 point mod 2024 (signifikant)" in last.note


def test_a_district_that_stays_above_the_norm_has_not_met_the_goal(
    district_15_goal, ssp_consultant
):
    _cases(ssp_consultant, "15 Sundbyvester", 15, 2026)  # 30 of 115: about as in 2024
    [_, last] = criterion_card(district_15_goal, date(2026, 12, 31)).results
    assert last.verdict == Verdict.NOT_MET and "ikke signifikant" in last.note


def test_a_district_at_or_below_the_norm_has_met_it(district_15_goal):
    SspCase.objects.filter(ssp_district="15 Sundbyvester", reported_on__year=2026).update(
        ssp_district="9 Valby"
    )
    [_, last] = criterion_card(district_15_goal, date(2026, 12, 31)).results
    assert last.numerator == 0 and last.verdict == Verdict.MET


def test_readers_see_the_last_whole_year_only(district_15_goal):
    card = final_card(district_15_goal, date(2027, 1, 5))
    assert card.results[-1].label.endswith("31.12.2026") and card.results[-1].numerator == 15
    assert "Endelige tal for 2026" in card.explanation


def test_without_an_ssp_district_linked_it_stays_a_reported_figure(district_15_goal):
    district_15_goal.area = None
    district_15_goal.save()
    assert not criterion_card(district_15_goal, date(2026, 12, 31)).computed
