from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from initiatives.budget import (
    build_budget_table,
    discrepancy,
    format_kroner,
    format_million,
    printed_precision,
)

M = Decimal(1_000_000)


def test_printed_precision_follows_the_decimals_as_printed():
    assert printed_precision("33,225") == Decimal("0.001")
    assert printed_precision("18,10") == Decimal("0.01")
    assert printed_precision("41 mio.") == Decimal("1")
    assert printed_precision("ca. 31,9") == Decimal("0.1")


def test_a_total_that_adds_up_is_no_discrepancy():
    assert (
        discrepancy(stated=Decimal("69.4") * M, computed=Decimal("69.4") * M, printed="69,4")
        is None
    )


def test_a_rounded_total_agrees_when_the_sum_rounds_to_it():
    # 001 states "ca. 31,9 mill." for parts summing to 31,866667
    assert (
        discrepancy(
            stated=Decimal("31.9") * M, computed=Decimal("31.866667") * M, printed="ca. 31,9"
        )
        is None
    )


def test_a_total_that_does_not_add_up_is_reported_as_stated_minus_computed():
    # 003 Tabel 1 states 33,225 for 2014; its rows sum to 33,425
    assert (
        discrepancy(stated=Decimal("33.225") * M, computed=Decimal("33.425") * M, printed="33,225")
        == Decimal("-0.2") * M
    )


def test_million_format_is_danish_and_drops_needless_zeros():
    assert format_million(Decimal("1666667")) == "1,667"
    assert format_million(Decimal("85350000")) == "85,35"
    assert format_million(Decimal("6000000")) == "6,0"
    assert format_million(Decimal("319000000")) == "319,0"
    assert format_million(Decimal("1234500000")) == "1.234,5"


def test_kroner_format_uses_dots_for_thousands():
    assert format_kroner(Decimal("1666667")) == "1.666.667"


def test_multi_year_grants_stay_out_of_the_year_columns():
    table = build_budget_table(
        years=[2009, 2010],
        labels={"a": "A", "b": "B"},
        annual=[("a", 2009, Decimal(5)), ("a", 2010, Decimal(7))],
        multi_year=[("b", "2008–2010", Decimal(100))],
    )
    assert table.column_total(2009) == 5
    assert table.annual_grand_total() == 12
    assert table.multi_year_total() == 100
    assert table.rows[1].total([2009, 2010]) == 100


amounts = st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False)


@given(
    st.lists(
        st.tuples(st.sampled_from(["a", "b", "c"]), st.integers(2009, 2012), amounts), max_size=40
    )
)
def test_row_totals_and_column_totals_add_up_to_the_same_grand_total(lines):
    years = [2009, 2010, 2011, 2012]
    table = build_budget_table(years=years, labels={"a": "A", "b": "B", "c": "C"}, annual=lines)
    by_rows = sum((row.total(years) for row in table.rows), Decimal(0))
    assert (
        by_rows == table.annual_grand_total() == sum((amount for _, _, amount in lines), Decimal(0))
    )
