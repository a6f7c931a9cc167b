"""The alignment's faster computations give the very numbers of the plain ones they replace."""
from __future__ import annotations

from collections import Counter

import numpy as np
import pytest
from scipy import sparse

from mt.align import dp
from mt.align import align_documents
from mt.align.induce import _joint_counts
from mt.segment import segment_lines
from mt.testing import synthetic_pair


def _vectors(n: int, seed: int):
    """Sparse float32 rows like the n-gram vectors: a few hundred features, some shared by every row."""
    rng = np.random.default_rng(seed)
    rows, cols = [], []
    for r in range(n):
        k = int(rng.integers(0, 60))
        rows += [r] * k
        cols += list(rng.choice(400, size=k, replace=False))
    vals = rng.random(len(rows)).astype(np.float32) * 3
    return sparse.csr_matrix((vals, (rows, cols)), shape=(n, 400), dtype=np.float32)


@pytest.mark.parametrize("coarsened", [0, 1, 2])
def test_band_dots_equal_the_row_by_row_products(coarsened):
    x, y = _vectors(300, 1), _vectors(260, 2)
    for _ in range(coarsened):  # coarsened rows are unsorted: scipy multiplies them in another order
        x, y = dp._coarsen(x), dp._coarsen(y)
    assert x.has_canonical_format == (coarsened == 0)
    n, m = x.shape[0], y.shape[0]
    rng = np.random.default_rng(3)
    off = np.maximum.accumulate(np.maximum(0, np.arange(n) * m // n - 6 + rng.integers(-2, 3, n)))
    top = np.minimum(m - 1, off + 9 + rng.integers(0, 4, n))
    for width in (4, 14):
        fast = dp._band_dots(x, y, off, top, width)
        assert np.array_equal(fast, dp._band_dots_rowwise(x, y, off, top, width))
        assert fast[np.arange(n), 0].any()
    # the same rows on both sides (the self-products of _Side)
    assert np.array_equal(dp._band_dots(x, x, np.arange(n), np.full(n, n - 1), 4),
                          dp._band_dots_rowwise(x, x, np.arange(n), np.full(n, n - 1), 4))


def test_band_dots_fall_back_where_a_row_holds_a_column_twice():
    x = sparse.csr_matrix((np.array([1.0, 2.0, 3.0], np.float32), np.array([5, 2, 5]), np.array([0, 3])), shape=(1, 8))
    y = sparse.csr_matrix((np.array([1.5, 0.5], np.float32), np.array([5, 2]), np.array([0, 2])), shape=(1, 8))
    got = dp._band_dots(x, y, np.array([0]), np.array([0]), 1)
    assert np.array_equal(got, dp._band_dots_rowwise(x, y, np.array([0]), np.array([0]), 1))
    assert got[0, 0] == pytest.approx((1.0 + 3.0) * 1.5 + 2.0 * 0.5)


@pytest.mark.parametrize("full_dp_cells", [400_000, 2_000])
def test_dp_over_all_bead_types_at_once_finds_the_same_path(monkeypatch, full_dp_cells):
    import dataclasses

    src, tgt, _ = synthetic_pair(160, seed=4)
    s, t = segment_lines(src, "en", True), segment_lines(tgt, "de", True)
    params = dataclasses.replace(dp.WITHOUT_MT, full_dp_cells=full_dp_cells)
    fast = align_documents(s, t, params=params)
    monkeypatch.setattr(dp, "STACKED_TYPES", False)
    slow = align_documents(s, t, params=params)
    assert [(b.src, b.tgt, b.score) for b in fast.beads] == [(b.src, b.tgt, b.score) for b in slow.beads]


def test_joint_counts_are_the_counted_word_pairs():
    pairs = [({"a", "b"}, {"x", "y"}), ({"a", "c"}, {"x"}), ({"b"}, {"y", "z"}), ({"c"}, {"z"}), ({"a", "b"}, {"x", "a", "y"}),
             ({"b", "c"}, {"b", "y", "z"})]
    joint, src, tgt = Counter(), Counter(), Counter()
    for sw, tw in pairs:
        src.update(sw)
        tgt.update(tw)
        joint.update((u, v) for u in sw for v in tw if u != v)
    n = len(pairs)
    want = sorted((u, v, k) for (u, v), k in joint.items() if k >= 2 and k * n > src[u] * tgt[v])
    assert sorted(_joint_counts(pairs, src, tgt, n, 2)) == want
    assert ("a", "x", 3) in want and ("b", "y", 4) in want and not any(u == v for u, v, _ in want)
