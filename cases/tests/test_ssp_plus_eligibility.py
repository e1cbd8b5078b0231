from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cases.rules import age_in_years, ssp_plus_eligibility

SEED_003 = {"min_age": Decimal("17.5"), "max_age": Decimal("24")}


@pytest.mark.parametrize(
    ("born", "on", "age"),
    [
        (date(2000, 1, 15), date(2017, 7, 15), Decimal("17.5")),
        (date(2000, 1, 15), date(2017, 7, 14), Decimal("17")),
        (date(2000, 2, 29), date(2018, 2, 28), Decimal("17.5")),
    ],
)
def test_age_counts_whole_half_years(born, on, age):
    assert age_in_years(born, on) == age


def test_exactly_17_and_a_half_is_eligible_under_the_003_bounds():
    assert ssp_plus_eligibility(
        born=date(2000, 1, 15), referred_on=date(2017, 7, 15), level=3, **SEED_003
    )[0]
    eligible, reason = ssp_plus_eligibility(
        born=date(2000, 1, 15), referred_on=date(2017, 7, 14), level=3, **SEED_003
    )
    assert not eligible and "starter ved 17,5 år" in reason


def test_levels_1_and_2_are_not_eligible():
    eligible, reason = ssp_plus_eligibility(
        born=date(2000, 1, 1), referred_on=date(2019, 1, 1), level=2, **SEED_003
    )
    assert not eligible and "niveau 3 eller 4" in reason


@given(
    st.dates(date(1990, 1, 1), date(2015, 1, 1)),
    st.dates(date(2010, 1, 1), date(2030, 1, 1)),
    st.sampled_from([3, 4]),
)
def test_eligibility_is_exactly_the_age_window(born, on, level):
    eligible, _ = ssp_plus_eligibility(born=born, referred_on=on, level=level, **SEED_003)
    assert eligible == (Decimal("17.5") <= age_in_years(born, on) <= Decimal("24"))
