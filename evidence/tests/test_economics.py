"""Cost per participant, per place and per result, worked by hand."""

from decimal import Decimal

from evidence.economics import additional_cost, cost_per, spread_evenly


def test_nexus_costs_1_18_million_per_place_a_year():
    """Seed 003: Nexus, 23.6 mio. kr. a year for 20 places."""
    assert cost_per(Decimal("23600000"), 20) == Decimal("1180000")


def test_cost_per_participant_and_per_full_year_place():
    assert cost_per(Decimal("1000000"), 40) == Decimal("25000")
    # 10 full-year places used (3,650 occupied days) of a 2 mio. budget.
    assert cost_per(Decimal("2000000"), 3650 / 365) == Decimal("200000")
    assert cost_per(Decimal("2000000"), 0) is None


def test_a_multi_year_frame_is_spread_evenly_over_its_years():
    assert spread_evenly(Decimal("3000000"), 2010, 2012) == {
        2010: Decimal("1000000"),
        2011: Decimal("1000000"),
        2012: Decimal("1000000"),
    }


def test_cost_per_additional_success_uses_the_effect_and_its_interval():
    """2 mio. for 100 starters; an effect of 10 points (2–18) is 10 more in job: 200,000 kr.
    each, between 111,111 and 1,000,000 kr."""
    extra, each, cheapest, dearest = additional_cost(Decimal("2000000"), 100, 0.10, 0.02, 0.18)
    assert round(extra) == 10
    assert round(each) == 200000
    assert round(cheapest) == 111111
    assert round(dearest) == 1000000


def test_an_interval_reaching_zero_has_no_upper_cost():
    _, each, _, dearest = additional_cost(Decimal("2000000"), 100, 0.10, -0.02, 0.22)
    assert round(each) == 200000
    assert dearest is None
