"""Shares with their uncertainty and an honest verdict; small counts hidden from readers."""

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st
from statsmodels.stats.proportion import proportion_confint

from outcomes.measures import (
    Verdict,
    count_result,
    share_result,
    wilson_interval,
    without_small_counts,
)


@given(
    st.integers(min_value=1, max_value=5000).flatmap(
        lambda n: st.tuples(st.integers(0, n), st.just(n))
    )
)
def test_the_wilson_interval_matches_statsmodels(case):
    successes, n = case
    low, high = proportion_confint(successes, n, alpha=0.05, method="wilson")
    ours = wilson_interval(successes, n)
    assert abs(ours[0] - low) < 1e-9 and abs(ours[1] - high) < 1e-9


def _share(successes, observed, cohort, target="50", direction="at_least"):
    return share_result(
        label="x",
        successes=successes,
        observed=observed,
        cohort=cohort,
        target_percent=Decimal(target) if target else None,
        direction=direction,
    )


def test_a_share_is_counted_over_the_observed_and_missing_ones_are_shown_apart():
    result = _share(6, 10, 14)
    assert result.value == 0.6 and result.missing == 4
    assert result.verdict == Verdict.MET
    assert result.low < 0.6 < result.high


def test_verdicts_too_early_too_little_data_not_met_and_no_target():
    assert _share(0, 0, 0).verdict == Verdict.TOO_EARLY
    assert _share(2, 4, 30).verdict == Verdict.TOO_LITTLE_DATA
    assert _share(2, 10, 10).verdict == Verdict.NOT_MET
    assert _share(2, 10, 10, target=None, direction="increase").verdict == Verdict.NO_TARGET
    assert _share(2, 10, 10, target="25", direction="at_most").verdict == Verdict.MET


def test_small_counts_are_hidden_together_so_none_can_be_worked_out():
    hidden = without_small_counts(_share(3, 20, 22))  # 3 successes, 2 missing
    assert (hidden.numerator, hidden.denominator, hidden.value, hidden.missing) == (
        None,
        None,
        None,
        0,
    )
    assert "under 5" in hidden.note
    failures_small = without_small_counts(_share(17, 20, 20))  # 3 failures implied
    assert failures_small.value is None
    shown = without_small_counts(_share(10, 20, 20))
    assert (shown.numerator, shown.denominator) == (10, 20)


def test_about_a_target_not_yet_reached_while_the_period_runs_is_too_early():
    """'Ca. 30 familier i perioden' with 20 by December read 'not met' while the year ran."""
    running = count_result(
        label="i år", count=20, target=Decimal(30), direction="about", period_running=True
    )
    ended = count_result(label="i fjor", count=20, target=Decimal(30), direction="about")
    above = count_result(
        label="i år", count=40, target=Decimal(30), direction="about", period_running=True
    )
    assert (running.verdict, ended.verdict, above.verdict) == (
        Verdict.TOO_EARLY,
        Verdict.NOT_MET,
        Verdict.NOT_MET,  # a count over the band cannot come back into it
    )


def test_reach_of_every_initiative_at_once_is_each_initiatives_own(cohort):
    from datetime import date

    from outcomes.queries import distinct_participants, occupied_days, reach_by_initiative

    start, end = date(2000, 1, 1), date(2100, 12, 31)
    initiative = cohort[0].initiative_id
    assert reach_by_initiative(start, end)[initiative] == (
        distinct_participants(initiative, start, end),
        occupied_days(initiative, start, end),
    )
