"""Local Getis-Ord Gi* over areas that touch: which areas sit in a cluster of high values,
with permutation inference and the false-discovery rate controlled over all areas (PySAL's
esda and libpysal; decision record 0007).

Pure functions: values and outlines in, one result per area out. The imports are inside the
functions because PySAL takes seconds to import and only this page needs it."""

import warnings
from collections.abc import Sequence
from dataclasses import dataclass

HOT = "hot"
# A fixed seed: the same figures give the same suggestions every time the page is opened.
PERMUTATION_SEED = 20_090_101


@dataclass(frozen=True)
class GiStar:
    z: float  # Gi*'s z-score under normality (above 0: higher values around than on average)
    # One-sided pseudo p-value: the share of conditional permutations (the area's own value
    # kept, the others shuffled) whose Gi* is at least the observed one.
    p_value: float
    neighbours: int
    cluster: str  # HOT, or "" (not significant once the false-discovery rate is held)


def touching(geometries: Sequence[dict], tolerance_share: float = 1e-4) -> list[list[int]]:
    """Queen contiguity: for each outline, the others it shares at least a point with.
    A gap of up to `tolerance_share` of the map's extent still counts as touching, because
    published boundaries rarely meet to the last decimal."""
    import shapely
    from shapely.geometry import shape

    shapes = [shape(geometry) for geometry in geometries]
    if not shapes:
        return []
    west, south, east, north = shapely.total_bounds(shapes)
    tolerance = max(east - west, north - south) * tolerance_share
    tree = shapely.STRtree(shapes)
    return [
        sorted(
            int(j) for j in tree.query(polygon, predicate="dwithin", distance=tolerance) if j != i
        )
        for i, polygon in enumerate(shapes)
    ]


def gi_star(
    values: Sequence[float],
    neighbours: Sequence[Sequence[int]],
    *,
    alpha: float = 0.05,
    permutations: int = 9999,
    seed: int = PERMUTATION_SEED,
) -> tuple[list[GiStar], float]:
    """Gi* (each area counted in its own neighbourhood, binary weights) for every area, and
    the p-value cut-off that holds the false-discovery rate at `alpha` (Benjamini–Hochberg
    as esda.fdr computes it)."""
    import numpy as np
    from esda import fdr
    from esda.getisord import G_Local
    from libpysal.weights import W

    if len(values) != len(neighbours):
        raise ValueError("one list of neighbours per value")
    if len(set(values)) < 2:  # no spread, no clusters (and Gi* would divide by zero)
        return [GiStar(0.0, 1.0, len(ns), "") for ns in neighbours], alpha / max(len(values), 1)
    with warnings.catch_warnings():
        # Islands (an area touching none) are allowed: Gi* then compares the area with itself.
        warnings.simplefilter("ignore", UserWarning)
        weights = W({i: list(ns) for i, ns in enumerate(neighbours)}, silence_warnings=True)
        local = G_Local(
            np.asarray(values, dtype=float),
            weights,
            transform="B",
            star=True,
            permutations=permutations,
            seed=seed,
            n_jobs=1,
            keep_simulations=False,
            # The question asked is one-sided: is this a cluster of *high* values? (esda's
            # two-sided test counts ties at the low end, which coarse counts have plenty of.)
            alternative="greater",
        )
    cutoff = float(fdr(local.p_sim, alpha))
    results = []
    for i, (z, p) in enumerate(zip(local.Zs, local.p_sim, strict=True)):
        cluster = HOT if p < cutoff and z > 0 else ""
        results.append(GiStar(float(z), float(p), len(neighbours[i]), cluster))
    return results, cutoff
