"""Gi*: the z-score is the textbook formula, a planted cluster is found and nothing far from
it, the false-discovery rate is held, and outlines that touch are neighbours."""

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from areas.gi_star import HOT, gi_star, touching


def _box(west, south, east, north):
    ring = [[west, south], [east, south], [east, north], [west, north], [west, south]]
    return {"type": "Polygon", "coordinates": [ring]}


def _grid(size):
    return [_box(x, y, x + 1, y + 1) for y in range(size) for x in range(size)]


def _textbook_gi_star(values, neighbours, i):
    """Getis & Ord (1992) / Ord & Getis (1995) Gi* with binary weights, the area included."""
    n = len(values)
    mean = sum(values) / n
    s = math.sqrt(sum(v * v for v in values) / n - mean * mean)
    own = [i, *neighbours[i]]
    weight_sum = len(own)
    numerator = sum(values[j] for j in own) - mean * weight_sum
    denominator = s * math.sqrt((n * weight_sum - weight_sum**2) / (n - 1))
    return numerator / denominator


def test_touching_counts_a_shared_corner_a_shared_edge_and_a_hairline_gap_not_a_distance():
    outlines = [
        _box(0, 0, 10, 10),
        _box(10, 3, 20, 7),  # shares part of an edge, no corner
        _box(10, 10, 15, 15),  # shares only the corner (10, 10)
        _box(0, -5.00001, 10, -0.00001),  # a hairline gap below the first
        _box(30, 30, 40, 40),  # far away
    ]
    assert touching(outlines) == [[1, 2, 3], [0], [0], [0], []]


@given(st.lists(st.integers(0, 500), min_size=16, max_size=16))
@settings(max_examples=25, deadline=None)
def test_the_z_score_is_the_textbook_formula(counts):
    neighbours = touching(_grid(4))
    results, _ = gi_star([float(c) for c in counts], neighbours, permutations=9)
    if len(set(counts)) < 2:
        assert all(r.z == 0 and r.cluster == "" for r in results)
        return
    for i, result in enumerate(results):
        assert math.isclose(
            result.z, _textbook_gi_star(counts, neighbours, i), rel_tol=1e-9, abs_tol=1e-9
        )


def test_a_planted_cluster_is_hot_and_nothing_far_from_it_is():
    values = [10.0 + (i * 7 % 5) / 10 for i in range(64)]  # an 8 × 8 grid, flat with ripples
    cluster = {0, 1, 8, 9}  # the south-west corner
    for i in cluster:
        values[i] = 40.0
    results, cutoff = gi_star(values, touching(_grid(8)))
    hot = {i for i, r in enumerate(results) if r.cluster == HOT}
    assert cluster <= hot
    assert all(i % 8 <= 2 and i // 8 <= 2 for i in hot)  # within one ring of the cluster
    assert 0 < cutoff <= 0.05
    assert all(r.p_value < cutoff for r in results if r.cluster)


def test_the_same_figures_give_the_same_suggestions():
    values = [float((i * 37) % 11) for i in range(36)]
    neighbours = touching(_grid(6))
    assert gi_star(values, neighbours) == gi_star(values, neighbours)


def test_with_no_spread_there_are_no_clusters():
    results, _ = gi_star([5.0] * 9, touching(_grid(3)))
    assert [r.cluster for r in results] == [""] * 9
