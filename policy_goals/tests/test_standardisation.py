"""Direct standardisation and the rate ratio, against a worked example by hand."""

import pytest

from policy_goals.standardisation import (
    Stratum,
    crude_rate,
    directly_standardised_rate,
    rate_ratio,
    standard_weights,
)

# Two social backgrounds, A and B; the immigrant group lives mostly in B, where rates are
# higher for everyone.
IMMIGRANT = [Stratum("A", 100, 10), Stratum("B", 300, 60)]
DANISH = [Stratum("A", 900, 45), Stratum("B", 700, 105)]


def test_the_standard_population_is_both_groups_together():
    assert standard_weights(IMMIGRANT, DANISH) == {"A": 0.5, "B": 0.5}  # 1,000 and 1,000


def test_the_standardised_ratio_matches_the_worked_example_to_the_third_decimal():
    weights = standard_weights(IMMIGRANT, DANISH)
    immigrant = directly_standardised_rate(IMMIGRANT, weights)
    danish = directly_standardised_rate(DANISH, weights)
    # 0.5 × 10/100 + 0.5 × 60/300 = 0.15 and 0.5 × 45/900 + 0.5 × 105/700 = 0.10.
    assert immigrant.value == pytest.approx(0.15) and danish.value == pytest.approx(0.10)
    # Var = Σ w² d / n²: 0.25 × 10/100² + 0.25 × 60/300² = 0.000417;
    # 0.25 × 45/900² + 0.25 × 105/700² = 0.0000675.
    assert immigrant.variance == pytest.approx(0.000417, abs=5e-7)
    assert danish.variance == pytest.approx(0.0000675, abs=5e-8)
    # log RR ± 1.96 √(0.000417/0.15² + 0.0000675/0.10²) = log 1.5 ± 0.3115.
    ratio = rate_ratio(immigrant, danish)
    assert round(ratio.ratio, 3) == 1.500
    assert round(ratio.low, 3) == 1.098
    assert round(ratio.high, 3) == 2.048


def test_the_crude_ratio_is_larger_because_the_groups_live_differently():
    ratio = rate_ratio(crude_rate(IMMIGRANT), crude_rate(DANISH))
    assert round(ratio.ratio, 3) == round((70 / 400) / (150 / 1600), 3) == 1.867


def test_no_ratio_when_a_group_has_no_events():
    weights = standard_weights(IMMIGRANT, DANISH)
    none = directly_standardised_rate([Stratum("A", 100, 0), Stratum("B", 300, 0)], weights)
    assert rate_ratio(none, directly_standardised_rate(DANISH, weights)) is None
