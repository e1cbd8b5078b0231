from hypothesis import given
from hypothesis import strategies as st

from reports.disclosure import HIDDEN, PROTECTING, suppress_rows


def test_counts_below_5_are_hidden_but_zero_is_shown():
    assert suppress_rows({"a": {"1": 0, "2": 3, "3": 7, "4": 9}})["a"] == {
        "1": 0,
        "2": HIDDEN,
        "3": PROTECTING,  # 7 is not under 5: hidden only so that the 3 cannot be worked out
        "4": 9,
        "I alt": 19,
    }


def test_a_small_total_is_hidden():
    assert suppress_rows({"a": {"1": 2, "2": 1}})["a"]["I alt"] == HIDDEN


@given(st.dictionaries(st.sampled_from(["1", "2", "3", "4"]), st.integers(0, 40), min_size=1))
def test_a_hidden_cell_can_never_be_recovered_from_the_row_total(cells):
    shown = suppress_rows({"row": cells})["row"]
    hidden = [col for col in cells if shown[col] in (HIDDEN, PROTECTING)]
    if shown["I alt"] != HIDDEN:
        assert len(hidden) != 1
    for col, n in cells.items():
        if 0 < n < 5:
            assert shown[col] == HIDDEN


@given(st.dictionaries(st.sampled_from(["1", "2", "3", "4"]), st.integers(0, 40), min_size=1))
def test_a_cell_reads_under_5_only_when_it_is_under_5(cells):
    shown = suppress_rows({"row": cells})["row"]
    for col, n in cells.items():
        assert (shown[col] == HIDDEN) == (0 < n < 5)
        if shown[col] == PROTECTING:
            assert n >= 5
