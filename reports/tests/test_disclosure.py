from hypothesis import given
from hypothesis import strategies as st

from reports.disclosure import HIDDEN, suppress_rows


def test_counts_below_5_are_hidden_but_zero_is_shown():
    assert suppress_rows({"a": {"1": 0, "2": 3, "3": 7, "4": 9}})["a"] == {
        "1": 0,
        "2": HIDDEN,
        "3": HIDDEN,
        "4": 9,
        "I alt": 19,
    }


def test_a_small_total_is_hidden():
    assert suppress_rows({"a": {"1": 2, "2": 1}})["a"]["I alt"] == HIDDEN


@given(st.dictionaries(st.sampled_from(["1", "2", "3", "4"]), st.integers(0, 40), min_size=1))
def test_a_hidden_cell_can_never_be_recovered_from_the_row_total(cells):
    shown = suppress_rows({"row": cells})["row"]
    hidden = [col for col in cells if shown[col] == HIDDEN]
    if shown["I alt"] != HIDDEN:
        assert len(hidden) != 1
    for col, n in cells.items():
        if 0 < n < 5:
            assert shown[col] == HIDDEN
