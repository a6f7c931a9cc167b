"""A second pass over a finished alignment: adjacent beads whose lengths only balance together are merged.

Where a translator moves a clause across a sentence boundary, the DP often splits the gold 2-2 (or 2-1)
bead into two 1-1 beads: each keeps a strong partner, and the merged bead's similarity is only about the
mean of its parts'. What gives the split away is length: one part's source side is too long by the moved
clause and the other's too short by as much, while the union balances.

For two adjacent beads p and q, both with both sides, the pass measures
    |log r(p)| + |log r(q)| - 2 |log r(p ∪ q)|,   r = (source length × document ratio) / target length,
in units of the document's own spread of 1-1 length ratios (the median |log r| of the first pass's
1-1 beads), and merges the pair where it exceeds `threshold` — best pair first, until none is left. The
unit makes one threshold hold for MT-vs-target lengths (same language, tight) and for zh–en character
counts (loose). Merged beads stay within `max_side` sentences a side. A left-out sentence (1-0, 0-1) is never
merged: its own length ratio says nothing (with the untranslated headline of a news article, 'merge whatever
balances' glued it to the first sentence's bead).

Optionally (`cross`), the merge must also show content crossing the boundary: the source of one part must
resemble the target of the other (z above the document's unrelated sentence pairs, as the DP measures it).
A moved clause leaves such a trace; two true 1-1 beads next to a slightly unbalanced one do not (on zh–en
without MT, the length-only merges that hurt all had crossing z at or below 0, those that helped 1.4–6.9).
"""
from __future__ import annotations

import numpy as np
from scipy import sparse

from .dp import _random_norm

Spans = list[tuple[range, range]]


def _log_ratios(src_len: np.ndarray, tgt_len: np.ndarray, ratio: float) -> np.ndarray:
    return np.log((src_len * ratio + 1.0) / (tgt_len + 1.0))


def length_spread(spans: Spans, xl: np.ndarray, yl: np.ndarray, ratio: float) -> float:
    """The median |log length ratio| of the 1-1 beads: how closely this document's translations keep length."""
    ones = [(s.start, t.start) for s, t in spans if len(s) == 1 and len(t) == 1]
    if len(ones) < 3:
        return 0.15  # about what both benchmark corpora show (0.10–0.24)
    i, j = np.array(ones).T
    return float(max(0.02, np.median(np.abs(_log_ratios(xl[i], yl[j], ratio)))))


def crossing_z(x, y, norm: tuple[float, float], p: tuple[range, range], q: tuple[range, range]) -> float:
    """The stronger of the two crossing blocks of adjacent beads p, q (p's source with q's target, q's source
    with p's target): the cosine of the summed sentence vectors, in units of the unrelated pairs (norm: mean, spread)."""
    def span(v, r: range):
        block = v[r.start:r.stop]
        if isinstance(block, np.ndarray):
            return block.sum(axis=0)
        return sparse.csr_matrix(np.ones((1, block.shape[0]), dtype=block.dtype)) @ block  # stays sparse: no dense row per call

    def cos(s: range, t: range) -> float:
        a, b = span(x, s), span(y, t)
        if isinstance(a, np.ndarray):
            dot, d = float(a @ b), float(np.linalg.norm(a) * np.linalg.norm(b))
        else:
            dot, d = float(a.multiply(b).sum()), float(np.sqrt(a.multiply(a).sum() * b.multiply(b).sum()))
        return dot / d if d > 0 else 0.0
    return (max(cos(p[0], q[1]), cos(q[0], p[1])) - norm[0]) / norm[1]


def merge_by_length(spans: Spans, xl: np.ndarray, yl: np.ndarray, threshold: float, max_side: int = 5,
                    cross=None) -> Spans:
    """Merge adjacent beads whose union balances the lengths their parts do not (see the module doc).
    spans: consecutive (source range, target range) beads; xl, yl: sentence lengths.
    cross: None, or (x, y, min_z): the sentence vectors of both sides, and the crossing z a merge needs."""
    if threshold <= 0 or len(spans) < 3:
        return spans
    ratio = float(yl.sum() / max(1.0, xl.sum()))
    unit = length_spread(spans, xl, yl, ratio)
    cx, cy = np.concatenate([[0.0], np.cumsum(xl)]), np.concatenate([[0.0], np.cumsum(yl)])
    spans = list(spans)
    norm = None
    # (never into one bead for the whole document: the expected ratio is the document's own, which that bead
    # meets trivially; 2 sentences against 4 became one 2-4 bead)
    while len(spans) > 2:
        s0 = np.array([s.start for s, _ in spans]); s1 = np.array([s.stop for s, _ in spans])
        t0 = np.array([t.start for _, t in spans]); t1 = np.array([t.stop for _, t in spans])
        lr = _log_ratios(cx[s1] - cx[s0], cy[t1] - cy[t0], ratio)
        union = _log_ratios(cx[s1[1:]] - cx[s0[:-1]], cy[t1[1:]] - cy[t0[:-1]], ratio)
        gain = (np.abs(lr[:-1]) + np.abs(lr[1:]) - 2.0 * np.abs(union)) / unit
        na, nb = s1 - s0, t1 - t0
        two = (na > 0) & (nb > 0)
        ok = two[:-1] & two[1:] & (na[:-1] + na[1:] <= max_side) & (nb[:-1] + nb[1:] <= max_side) & (gain > threshold)
        cand = np.flatnonzero(ok)
        if cross is not None and len(cand):
            if norm is None:
                norm = _random_norm(cross[0], cross[1])
            cand = np.array([k for k in cand if crossing_z(cross[0], cross[1], norm, spans[k], spans[k + 1]) > cross[2]],
                            dtype=np.int64)
        if not len(cand):
            break
        taken = np.zeros(len(spans), dtype=bool)
        merge = []
        for k in cand[np.argsort(-gain[cand], kind="stable")]:  # best first, no bead in two merges per round
            if not (taken[k] or taken[k + 1]):
                taken[k] = taken[k + 1] = True
                merge.append(k)
        for k in sorted(merge, reverse=True):
            (a, b), (c, d) = spans[k], spans[k + 1]
            spans[k:k + 2] = [(range(a.start, c.stop), range(b.start, d.stop))]
    return spans
