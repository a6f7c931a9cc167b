"""The MT channel's balance factor: a bead whose two sides carry unequal amounts of content is worth less."""
from __future__ import annotations

import numpy as np
from scipy import sparse

from mt.align.dp import WITH_MT, SumChannel


def _channel(balance: float) -> SumChannel:
    # 12 unrelated 'topics' (one column each); source sentence 0 says topics 0 and 1, target sentence 0 says
    # topic 0 only and target sentence 1 topic 1 only: source 0 is translated by targets 0 and 1 together.
    # Every other sentence i says topic i on both sides (1-1 pairs: the document's chance level and spread).
    n = 12
    x = np.zeros((n, n))
    y = np.zeros((n, n))
    x[0, [0, 1]] = 1.0
    y[0, 0] = y[1, 1] = 1.0
    for i in range(2, n):
        x[i - 1, i] = 1.0
        y[i, i] = 1.0
    x = x[: n - 1]
    return SumChannel(sparse.csr_matrix(x), sparse.csr_matrix(y), 1.0, balance)


def _z(ch: SumChannel, src_end: int, na: int, tgt_end: int, nb: int) -> float:
    n, m = ch.x.shape[0], ch.y.shape[0]
    bound = ch.bind(np.zeros(n + 1, dtype=np.int64), np.full(n + 1, m, dtype=np.int64), n, m, 4, True)
    return float(bound.z(np.array([src_end]), na, np.array([[tgt_end]]), nb)[0, 0])


def test_balance_lowers_a_bead_whose_sides_carry_unequal_content():
    plain, balanced = _channel(0.0), _channel(0.5)
    # source 0 against target 0 alone: half of the source's content is missing on the target side
    assert _z(balanced, 1, 1, 1, 1) < _z(plain, 1, 1, 1, 1) - 0.5
    # source 0 against targets 0 and 1: the same content on both sides, the factor is 1
    assert abs(_z(balanced, 1, 1, 2, 2) - _z(plain, 1, 1, 2, 2)) < 1e-6
    # so the 1-2 bead gains on its 1-1 part
    gap_plain = _z(plain, 1, 1, 2, 2) - _z(plain, 1, 1, 1, 1)
    gap_balanced = _z(balanced, 1, 1, 2, 2) - _z(balanced, 1, 1, 1, 1)
    assert gap_balanced > gap_plain + 0.5


def test_balance_survives_coarsening_and_is_on_in_the_mt_preset():
    assert _channel(0.25).coarsened().balance == 0.25
    assert WITH_MT.balance > 0
