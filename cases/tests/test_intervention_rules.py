from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from cases.intervention_rules import (
    FamilyNeed,
    NeedWeights,
    can_admit,
    need_score,
    next_phase_proposal,
    qualifies,
)


def test_only_families_with_a_level_3_or_4_case_in_a_running_district_qualify():
    assert qualifies(
        highest_level=3, district="noerrebro", running_in={"noerrebro", "broenshoej-husum"}
    )
    assert not qualifies(highest_level=2, district="noerrebro", running_in={"noerrebro"})
    assert not qualifies(highest_level=4, district="valby", running_in={"noerrebro"})


def test_need_score_follows_the_visible_weights():
    need = FamilyNeed(level_4_cases=1, level_3_cases=1, children_with_cases=2, younger_siblings=3)
    assert need_score(need, NeedWeights()) == 5 + 3 + 4 + 3
    assert need_score(need, NeedWeights(per_younger_sibling=0)) == 12


def test_capacity_is_10_per_district_and_30_over_the_period():
    assert can_admit(
        active_in_district=9, district_capacity=10, admitted_in_period=29, period_capacity=30
    )
    assert not can_admit(
        active_in_district=10, district_capacity=10, admitted_in_period=12, period_capacity=30
    )
    assert not can_admit(
        active_in_district=3, district_capacity=10, admitted_in_period=30, period_capacity=30
    )


def test_the_phase_out_is_proposed_after_about_six_months():
    start = date(2010, 1, 1)
    assert next_phase_proposal("intensive", start, start + timedelta(days=182)) is None
    assert next_phase_proposal("intensive", start, start + timedelta(days=183)) == "phase_out"
    assert next_phase_proposal("ended", start, start + timedelta(days=999)) is None


@given(st.integers(0, 5), st.integers(0, 5), st.integers(0, 5), st.integers(0, 5))
def test_more_need_never_lowers_the_score(l4, l3, children, siblings):
    base = FamilyNeed(l4, l3, children, siblings)
    more = FamilyNeed(l4 + 1, l3, children, siblings)
    assert need_score(more, NeedWeights()) >= need_score(base, NeedWeights())
