"""The person-level effect estimator (docs/decisions/0014-effect-estimates.md): a propensity
score to find the treated nobody in the pool resembles (the overlap), entropy balancing of
the pool on every covariate, then a weighted regression adjustment.

Pure functions on arrays, so that the simulation (evidence.simulation) runs exactly the code
the evidence card runs. The propensity score is a penalised logistic regression
(scikit-learn), the balancing weights solve a convex dual (scipy), and the adjustment is a
weighted least squares with standard errors clustered on the person (statsmodels); what is
written here is the bookkeeping around them (the overlap count, the balance table, the
refusals).

The effect is a difference in shares (an average effect on the treated, in 0..1): the
treated's share with the outcome minus that of comparable people who were not offered the
initiative. It is refused as an effect, with the reason, when no comparison pool exists, when
fewer than MINIMUM_MATCHED are compared, or when any covariate's standardised mean difference
is above MAXIMUM_SMD after weighting."""

from dataclasses import dataclass, field
from enum import StrEnum
from statistics import NormalDist

import numpy as np

CALIPER_SD = 0.2  # of the logit of the propensity score (Austin 2011)
MAXIMUM_SMD = 0.1
MINIMUM_MATCHED = 30
DUAL_RIDGE = 1e-4
Z_95 = NormalDist().inv_cdf(0.975)


class Refusal(StrEnum):
    NONE = ""
    NO_POOL = "no_pool"
    TOO_FEW_MATCHED = "too_few_matched"
    BALANCE_FAILS = "balance_fails"
    NO_TREATED = "no_treated"


@dataclass(frozen=True)
class Design:
    """One analysis: a row per treated person and per comparison candidate (a candidate may
    have a row in several calendar strata, but is matched at most once: `unit`)."""

    treated: np.ndarray  # bool
    covariates: np.ndarray  # float, rows × columns, known before the index date
    names: tuple[str, ...]  # one per covariate column
    outcome: np.ndarray  # float 0/1; NaN where the outcome was not observed
    stratum: np.ndarray  # int: the calendar half-year of the index date
    unit: np.ndarray  # int: the person
    baseline: np.ndarray | None = None  # the same measure before the index date (NaN: unknown)
    # The propensity logit of each row, when already fitted for these rows (it models the
    # offer, not the outcome, so one fit serves every outcome of an analysis).
    propensity: np.ndarray | None = None


@dataclass(frozen=True)
class BalanceRow:
    name: str
    before: float
    after: float | None


@dataclass(frozen=True)
class Estimate:
    refusal: Refusal
    treated: int  # treated with an observed outcome
    treated_missing: int  # treated whose outcome was not observed
    pool: int  # comparison candidates (persons) with an observed outcome
    pool_missing: int
    matched: int  # treated with comparable people (inside the overlap)
    unmatched: int  # treated with no comparable person within the caliper
    comparison_effective: int = 0  # the weighted comparison group's effective size (Kish)
    effect: float | None = None  # difference in shares, 0..1 scale
    low: float | None = None
    high: float | None = None
    treated_share: float | None = None  # among the matched treated
    comparison_share: float | None = None  # among their matches
    balance: tuple[BalanceRow, ...] = field(default=())
    # The participants-only before/after difference (Maryland level 2), where a baseline is known.
    naive: float | None = None
    naive_low: float | None = None
    naive_high: float | None = None
    naive_people: int = 0

    @property
    def is_effect(self) -> bool:
        return self.refusal == Refusal.NONE


def standardised_mean_difference(x_treated: np.ndarray, x_comparison: np.ndarray) -> float:
    """(mean_t − mean_c) / √((var_t + var_c) / 2); 0 when both groups are constant alike."""
    if len(x_treated) == 0 or len(x_comparison) == 0:
        return float("nan")
    diff = float(np.mean(x_treated) - np.mean(x_comparison))
    spread = float(np.sqrt((np.var(x_treated, ddof=0) + np.var(x_comparison, ddof=0)) / 2))
    if spread == 0:
        return 0.0 if diff == 0 else float("inf")
    return diff / spread


def propensity_logit(covariates: np.ndarray, treated: np.ndarray) -> np.ndarray:
    """The linear predictor (logit) of an L2-penalised logistic regression of treatment on the
    standardised covariates (scikit-learn). The mild penalty keeps it finite when a covariate
    separates the groups (a district nobody treated lives in)."""
    from sklearn.linear_model import LogisticRegression

    spread = covariates.std(axis=0)
    keep = spread > 0
    scaled = (covariates[:, keep] - covariates[:, keep].mean(axis=0)) / spread[keep]
    model = LogisticRegression(C=1000.0, solver="newton-cholesky", max_iter=100).fit(
        scaled, treated
    )
    return model.decision_function(scaled)


def without_overlap(
    logit: np.ndarray, treated: np.ndarray, stratum: np.ndarray, *, caliper: float
) -> np.ndarray:
    """The treated with no comparison candidate in their stratum within the caliper of their
    propensity logit: nobody comparable exists for them, so they leave the analysis (and are
    counted as unmatched)."""
    outside = np.zeros(len(treated), bool)
    for s in np.unique(stratum[treated]):
        pool = np.sort(logit[~treated & (stratum == s)])
        rows = np.flatnonzero(treated & (stratum == s))
        if len(pool) == 0:
            outside[rows] = True
            continue
        at = np.clip(np.searchsorted(pool, logit[rows]), 1, len(pool) - 1) if len(pool) > 1 else 0
        nearest = np.minimum(np.abs(pool[at] - logit[rows]), np.abs(pool[at - 1] - logit[rows]))
        if len(pool) == 1:
            nearest = np.abs(pool[0] - logit[rows])
        outside[rows] = nearest > caliper
    return outside


def entropy_weights(comparison: np.ndarray, target: np.ndarray) -> np.ndarray:
    """Weights on the comparison rows, as even as possible (maximum entropy), under which
    every covariate's mean equals the treated's (Hainmueller 2012). Solved through its
    convex dual by scipy's trust-region Newton method. A tiny ridge on the dual keeps it
    bounded when balance cannot be reached (a group the pool has nobody from): the nearest
    weights are returned and the balance table shows the gap."""
    from scipy.optimize import minimize
    from scipy.special import logsumexp, softmax

    spread = comparison.std(axis=0)
    spread[spread == 0] = 1
    centred = (comparison - target) / spread

    def dual(lam: np.ndarray) -> tuple[float, np.ndarray]:
        scores = centred @ lam
        gradient = softmax(scores) @ centred
        return float(logsumexp(scores)) + DUAL_RIDGE / 2 * lam @ lam, gradient + DUAL_RIDGE * lam

    def hessian(lam: np.ndarray) -> np.ndarray:
        weights = softmax(centred @ lam)
        mean = weights @ centred
        return (
            (centred * weights[:, None]).T @ centred
            - np.outer(mean, mean)
            + DUAL_RIDGE * np.eye(len(lam))
        )

    with np.errstate(over="ignore", invalid="ignore"):
        solved = minimize(
            dual, np.zeros(centred.shape[1]), jac=True, hess=hessian, method="trust-exact"
        )
    return softmax(centred @ solved.x)


def _weighted_smd(x_t: np.ndarray, x_c: np.ndarray, w_c: np.ndarray) -> float:
    mean_c = float(np.average(x_c, weights=w_c))
    var_c = float(np.average((x_c - mean_c) ** 2, weights=w_c))
    spread = float(np.sqrt((np.var(x_t) + var_c) / 2))
    diff = float(np.mean(x_t)) - mean_c
    if spread == 0:
        return 0.0 if abs(diff) < 1e-12 else float("inf")
    return diff / spread


def _adjusted_effect(design: Design, rows: np.ndarray, weights: np.ndarray) -> tuple[float, float]:
    """Weighted least squares of the outcome on treatment and the covariates (the regression
    adjustment), standard errors clustered on the person: (effect, standard error)."""
    from statsmodels.regression.linear_model import WLS

    x = design.covariates[rows]
    regressors = np.column_stack(
        [np.ones(len(rows)), design.treated[rows].astype(float), x[:, x.std(axis=0) > 0]]
    )
    # Collinear covariates (a district that is all of one SSP level, say) are dropped, so that
    # the fit and its clustered covariance are of full rank; the treatment column stays.
    regressors = regressors[:, _independent_columns(regressors * np.sqrt(weights)[:, None])]
    model = WLS(design.outcome[rows], regressors, weights=weights)
    fitted = model.fit(method="qr", cov_type="cluster", cov_kwds={"groups": design.unit[rows]})
    return float(fitted.params[1]), float(fitted.bse[1])


def _independent_columns(matrix: np.ndarray) -> list[int]:
    """Columns 0 and 1 (the constant and the treatment) and a linearly independent set of the
    others that spans what they add, found on the k × k cross-product (cheap beside the n
    rows): the Gram matrix of the others once the first two are projected out, by QR with
    column pivoting. A column left with less than √ε of its scale counts as dependent."""
    from scipy.linalg import qr

    if matrix.shape[1] <= 2:
        return [0, 1]
    gram = matrix.T @ matrix
    first, rest = gram[:2, :2], gram[:2, 2:]
    left = gram[2:, 2:] - rest.T @ np.linalg.solve(first, rest)
    _, r, pivots = qr(left, pivoting=True)
    tolerance = max(matrix.shape) * np.finfo(float).eps * np.abs(np.diag(gram)).max()
    rank = int((np.abs(np.diag(r)) > tolerance).sum())
    return [0, 1, *sorted(2 + int(column) for column in pivots[:rank])]


def _naive(design: Design, observed: np.ndarray) -> tuple[float | None, float | None, int]:
    """The treated's after − before, paired (the level-2 figure): (difference, SE, people)."""
    if design.baseline is None:
        return None, None, 0
    rows = observed & design.treated & ~np.isnan(design.baseline)
    n = int(rows.sum())
    if n < 2:
        return None, None, n
    change = design.outcome[rows] - design.baseline[rows]
    return float(change.mean()), float(change.std(ddof=1) / np.sqrt(n)), n


def matched_effect(
    design: Design,
    *,
    caliper_sd: float = CALIPER_SD,
    minimum_matched: int = MINIMUM_MATCHED,
    maximum_smd: float = MAXIMUM_SMD,
    seed: int = 0,
) -> Estimate:
    """Estimate the effect on the treated, or refuse with the reason (see the module)."""
    observed = ~np.isnan(design.outcome)
    treated_all = design.treated
    counts = {
        "treated": int((observed & treated_all).sum()),
        "treated_missing": int((~observed & treated_all).sum()),
        "pool": len(set(design.unit[observed & ~treated_all].tolist())),
        "pool_missing": len(
            set(design.unit[~observed & ~treated_all].tolist())
            - set(design.unit[observed & ~treated_all].tolist())
        ),
    }
    naive, naive_se, naive_people = _naive(design, observed)
    naive_figures = {
        "naive": naive,
        "naive_low": None if naive_se is None else naive - Z_95 * naive_se,
        "naive_high": None if naive_se is None else naive + Z_95 * naive_se,
        "naive_people": naive_people,
    }
    if counts["treated"] == 0:
        return Estimate(Refusal.NO_TREATED, matched=0, unmatched=0, **counts, **naive_figures)
    if counts["pool"] == 0:
        return Estimate(
            Refusal.NO_POOL, matched=0, unmatched=counts["treated"], **counts, **naive_figures
        )
    propensity = design.propensity
    if propensity is None:
        propensity = propensity_logit(design.covariates, design.treated)
    sub = Design(
        treated=design.treated[observed],
        covariates=design.covariates[observed],
        names=design.names,
        outcome=design.outcome[observed],
        stratum=design.stratum[observed],
        unit=design.unit[observed],
    )
    logit = propensity[observed]
    outside = without_overlap(logit, sub.treated, sub.stratum, caliper=caliper_sd * logit.std())
    kept_treated = sub.treated & ~outside
    comparison = np.flatnonzero(~sub.treated & np.isin(sub.stratum, sub.stratum[kept_treated]))
    strata = np.unique(sub.stratum[kept_treated])
    # The calendar half-year is balanced like any covariate (its shares among the treated).
    with_strata = np.column_stack([sub.covariates, *(sub.stratum == s for s in strata[1:])]).astype(
        float
    )
    names = design.names + tuple(f"stratum_{s}" for s in strata[1:])
    treated_rows = np.flatnonzero(kept_treated)
    result = {"matched": len(treated_rows), "unmatched": counts["treated"] - len(treated_rows)}
    if len(treated_rows) == 0 or len(comparison) == 0:
        return Estimate(Refusal.TOO_FEW_MATCHED, **result, **counts, **naive_figures)
    target = with_strata[treated_rows].mean(axis=0)
    weights = entropy_weights(with_strata[comparison], target)
    effective = float(1 / np.sum(weights**2))
    balance = tuple(
        BalanceRow(
            name,
            standardised_mean_difference(
                with_strata[sub.treated, column], with_strata[~sub.treated, column]
            ),
            _weighted_smd(
                with_strata[treated_rows, column], with_strata[comparison, column], weights
            ),
        )
        for column, name in enumerate(names)
    )
    result |= {"balance": balance, "comparison_effective": round(effective)}
    # Balance first: the weights equal the means wherever the pool can resemble the treated,
    # so a gap left says the groups differ, however many there are.
    if any(abs(row.after) > maximum_smd for row in balance):
        return Estimate(Refusal.BALANCE_FAILS, **result, **counts, **naive_figures)
    if len(treated_rows) < minimum_matched or effective < minimum_matched:
        return Estimate(Refusal.TOO_FEW_MATCHED, **result, **counts, **naive_figures)
    shares = {
        "treated_share": float(np.mean(sub.outcome[treated_rows])),
        "comparison_share": float(np.average(sub.outcome[comparison], weights=weights)),
    }
    rows = np.concatenate([treated_rows, comparison])
    # Treated weigh 1 each; the comparison's weights sum to the number of treated.
    row_weights = np.concatenate([np.ones(len(treated_rows)), weights * len(treated_rows)])
    effect, se = _adjusted_effect(sub, rows, row_weights)
    return Estimate(
        Refusal.NONE,
        effect=effect,
        low=effect - Z_95 * se,
        high=effect + Z_95 * se,
        **result,
        **counts,
        **naive_figures,
        **shares,
    )
