"""The plain baseline aligner the cross-validated figures are compared with (no tuning at all).

A bead of a source and b target sentences (1-1, 1-2, 2-1, 2-2, 1-3, 3-1) gains the Dice coefficient of
the character-trigram multisets of its two sides (the MT of the source span against the target span,
or the source span itself without MT) less the mean Dice of random sentence pairs of the document
(chance), times the square root of the bead's mean side length in sentences, less 0.05 per sentence
beyond two; 1-0 and 0-1 beads gain 0.
Weighting by bead size matters: counted once per bead, a 2-1 bead gains less than its best 1-1 part
plus a free 1-0, so no merge is ever chosen (0.694 strict F1 with MT on the Text+Berg dev halves,
0.603 on the MAC chapters); counted per sentence ((a+b)/2) unrelated lines ride along in merges (0.657 and 0.598); the
square root, the one size weighting tried between the two, gives 0.802 and 0.732 (the MAC README
quotes about 0.75 for a plain DP with MT on the held-out chapters).
The monotone path of highest total gain is found by dynamic programming in a band of ±max(40, 15 %)
sentences around the length-proportional diagonal. This is a Bleualign-like signal without
Bleualign's two passes: what any aligner should beat.
"""
from __future__ import annotations

import numpy as np

BEADS = ((1, 1), (1, 2), (2, 1), (2, 2), (1, 3), (3, 1))
MERGE = 0.05


def _counts(texts: list[str], vocab: dict[str, int]):
    rows, cols = [], []
    for i, t in enumerate(texts):
        t = f" {t.lower()} "
        for k in range(len(t) - 2):
            rows.append(i)
            cols.append(vocab.setdefault(t[k:k + 3], len(vocab)))
    return rows, cols


def baseline_align(src: list[str], tgt: list[str], mt: list[str] | None = None) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """Beads (source ids, target ids) covering both documents in order."""
    from scipy import sparse

    left = mt if mt is not None else src
    n, m = len(left), len(tgt)
    vocab: dict[str, int] = {}
    ra, ca = _counts(left, vocab)
    rb, cb = _counts(tgt, vocab)
    a = sparse.csr_matrix((np.ones(len(ra)), (ra, ca)), shape=(n, len(vocab)))
    b = sparse.csr_matrix((np.ones(len(rb)), (rb, cb)), shape=(m, len(vocab)))

    def spans(mat, k):  # row e: the sum of sentences e-k .. e-1 (e = k .. N)
        total = mat.shape[0]
        ends = np.arange(k, total + 1)
        rows = np.repeat(np.arange(len(ends)), k)
        cols = (ends[:, None] - k + np.arange(k)[None, :]).ravel()
        pick = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(ends), total))
        return (pick @ mat).tocsr()

    width = max(40, int(0.15 * max(n, m)))
    diag = lambda i: i * m / max(1, n)  # noqa: E731
    lo = np.array([max(0, int(diag(i)) - width) for i in range(n + 1)])
    hi = np.array([min(m, int(diag(i)) + width) for i in range(n + 1)])
    lo[n], hi[0] = min(lo[n], m), max(hi[0], 0)
    # the Dice level of unrelated sentence pairs: a bead must beat it to be worth more than two skips
    rng = np.random.default_rng(0)
    pi, pj = rng.integers(0, n, 500), rng.integers(0, m, 500)
    ga, gb = a[pi], b[pj]
    chance = float(np.mean(2 * np.asarray(ga.minimum(gb).sum(axis=1)).ravel()
                           / np.maximum(1, np.asarray(ga.sum(axis=1)).ravel() + np.asarray(gb.sum(axis=1)).ravel())))
    gain: dict[tuple[int, int], dict[tuple[int, int], float]] = {}
    for (x, y) in BEADS:
        if x > n or y > m:
            continue
        sa, sb = spans(a, x), spans(b, y)
        cells = [(i, j) for i in range(x, n + 1) for j in range(max(y, lo[i]), hi[i] + 1)]
        if not cells:
            continue
        ci = np.array([c[0] - x for c in cells])
        cj = np.array([c[1] - y for c in cells])
        ga, gb = sa[ci], sb[cj]
        inter = np.asarray(ga.minimum(gb).sum(axis=1)).ravel()
        total = np.asarray(ga.sum(axis=1)).ravel() + np.asarray(gb.sum(axis=1)).ravel()
        dice = np.where(total > 0, 2 * inter / np.maximum(total, 1), 0.0)
        size = ((x + y) / 2) ** 0.5
        gain[(x, y)] = {c: (float(d) - chance) * size - MERGE * (x + y - 2) for c, d in zip(cells, dice)}
    best = {(0, 0): (0.0, None)}
    for i in range(n + 1):
        for j in range(lo[i], hi[i] + 1):
            if (i, j) == (0, 0):
                continue
            options = []
            if (i - 1, j) in best:
                options.append((best[(i - 1, j)][0], (1, 0)))
            if (i, j - 1) in best:
                options.append((best[(i, j - 1)][0], (0, 1)))
            for t, g in gain.items():
                prev = (i - t[0], j - t[1])
                if prev in best and (i, j) in g:
                    options.append((best[prev][0] + g[(i, j)], t))
            if options:
                best[(i, j)] = max(options, key=lambda o: o[0])
    out = []
    i, j = n, m
    while (i, j) != (0, 0):
        x, y = best[(i, j)][1]
        out.append((tuple(range(i - x, i)), tuple(range(j - y, j))))
        i, j = i - x, j - y
    return out[::-1]
