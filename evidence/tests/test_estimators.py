"""The estimator recovers a planted effect where the naive before/after does not, and refuses
to call something an effect without a comparable group."""

import numpy as np
import pytest

from evidence.estimators import (
    Design,
    Refusal,
    matched_effect,
    standardised_mean_difference,
)
from evidence.simulation import SCENARIOS, scenario_report, synthetic_design


def test_the_standardised_mean_difference_is_the_difference_over_the_pooled_spread():
    assert standardised_mean_difference(np.array([1.0, 3.0]), np.array([0.0, 2.0])) == 1.0
    assert standardised_mean_difference(np.array([1.0, 1.0]), np.array([1.0])) == 0.0


@pytest.mark.parametrize("key", ["status-zero", "status-large", "recidivism-large"])
def test_a_few_simulated_datasets_recover_the_planted_effect(key):
    """The fast version of `make validate` (which runs 200 datasets per scenario)."""
    scenario = next(s for s in SCENARIOS if s.key == key)
    report = scenario_report(scenario, datasets=12)
    assert report.estimated == 12
    assert abs(report.bias) < 0.03
    assert report.coverage >= 0.75
    # The participants-only before/after is biased by the time trend the design removes.
    assert abs(report.naive_bias) > 0.05


def _design(treated, covariate, outcome):
    n = len(treated)
    return Design(
        treated=np.array(treated, bool),
        covariates=np.array(covariate, float).reshape(n, 1),
        names=("prior_convictions",),
        outcome=np.array(outcome, float),
        stratum=np.zeros(n, int),
        unit=np.arange(n),
    )


def test_no_comparison_pool_is_refused_as_an_effect():
    estimate = matched_effect(
        _design([True] * 40 + [False] * 10, [1] * 50, [1] * 40 + [np.nan] * 10)
    )
    assert estimate.refusal == Refusal.NO_POOL
    assert not estimate.is_effect


def test_fewer_than_thirty_matched_is_refused():
    rng = np.random.default_rng(1)
    estimate = matched_effect(
        _design([True] * 20 + [False] * 200, rng.normal(size=220), rng.integers(0, 2, 220))
    )
    assert estimate.refusal == Refusal.TOO_FEW_MATCHED
    assert estimate.matched == 20


def test_a_group_the_pool_cannot_resemble_fails_balance():
    """Everyone treated has 2–3 convictions; nobody in the pool has more than one."""
    rng = np.random.default_rng(2)
    treated = [True] * 60 + [False] * 600
    convictions = list(rng.integers(2, 4, 60)) + list(rng.integers(0, 2, 600))
    estimate = matched_effect(
        _design(treated, convictions, rng.integers(0, 2, 660)), caliper_sd=10.0
    )
    assert estimate.refusal == Refusal.BALANCE_FAILS
    assert abs(estimate.balance[0].after) > 0.1


def test_outcomes_not_observed_are_counted_as_missing_not_as_failures():
    rng = np.random.default_rng(3)
    design = synthetic_design(rng, SCENARIOS[0])
    estimate = matched_effect(design)
    missing = np.isnan(design.outcome)
    assert estimate.treated_missing == int((missing & design.treated).sum())
    assert estimate.treated == int((~missing & design.treated).sum())


def test_collinear_covariates_give_the_estimate_without_the_redundant_one():
    """Two covariates that are one (a count and its double) make the least squares singular
    (found at a municipality's scale): the redundant one is dropped from the regression, so
    the estimate and its interval are those of the design without it."""
    rng = np.random.default_rng(5)
    covariates = rng.normal(size=(400, 2))
    base = {
        "treated": np.arange(400) < 60,
        "outcome": rng.integers(0, 2, 400).astype(float),
        "stratum": np.zeros(400, int),
        "unit": np.arange(400),
    }
    collinear = matched_effect(
        Design(
            covariates=np.column_stack([covariates, 2 * covariates[:, 0]]),
            names=("a", "b", "twice_a"),
            **base,
        )
    )
    without = matched_effect(Design(covariates=covariates, names=("a", "b"), **base))
    assert collinear.is_effect
    assert collinear.effect == pytest.approx(without.effect, abs=1e-4)
    assert collinear.high - collinear.low == pytest.approx(without.high - without.low, abs=1e-4)
