"""Figures are rounded, not cut, in the user's language."""

import pytest
from django.utils import translation

from sikkerby.locale import rounded_number


@pytest.mark.parametrize(
    ("value", "decimals", "danish", "english"),
    [
        (11.99, 0, "12", "12"),
        (-4.7, 0, "-5", "-5"),
        (0.905, 2, "0,91", "0.91"),
        (12.96, 1, "13,0", "13.0"),
        (2.5, 0, "3", "3"),
        (1234567.4, 0, "1.234.567", "1,234,567"),
    ],
)
def test_a_figure_is_rounded_half_away_from_zero(value, decimals, danish, english):
    with translation.override("da"):
        assert rounded_number(value, decimals, force_grouping=True) == danish
    with translation.override("en"):
        assert rounded_number(value, decimals, force_grouping=True) == english
