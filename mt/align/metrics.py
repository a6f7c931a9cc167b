"""Alignment file formats and the strict/lax precision, recall and F1 of Sennrich & Volk (2011),
with the conventions of Vecalign's scorer: precision over every test bead, recall over beads
with both sides non-empty."""
from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

from ..io import read_lines
from ..types import Bead, MtError

BeadPair = tuple[tuple[int, ...], tuple[int, ...]]


def parse_vecalign(lines: list[str], name: str = "alignment") -> list[BeadPair]:
    beads = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            left, right = line.split(":", 1)
            src, tgt = ast.literal_eval(left.strip()), ast.literal_eval(right.strip())
            if not (isinstance(src, list) and isinstance(tgt, list)) or not all(isinstance(x, int) and x >= 0 for x in src + tgt):
                raise ValueError
        except (ValueError, SyntaxError):
            raise MtError(f"{name}:{n}: not a Vecalign bead like '[0, 1]:[2]': {line.strip()[:60]!r}") from None
        beads.append((tuple(src), tuple(tgt)))
    return beads


def read_vecalign(path: str | Path) -> list[BeadPair]:
    return parse_vecalign(read_lines(path), str(path))


def check_fits(beads: list[BeadPair], n_src: int, n_tgt: int, name: str = "alignment") -> None:
    """An alignment must index only existing segments, each at most once."""
    seen_s: set[int] = set()
    seen_t: set[int] = set()
    for s, t in beads:
        for i in s:
            if i >= n_src or i in seen_s:
                raise MtError(f"{name}: source index {i} is {'out of range' if i >= n_src else 'used twice'} ({n_src} source segments)")
            seen_s.add(i)
        for j in t:
            if j >= n_tgt or j in seen_t:
                raise MtError(f"{name}: target index {j} is {'out of range' if j >= n_tgt else 'used twice'} ({n_tgt} target segments)")
            seen_t.add(j)


def _counts(gold: list[BeadPair], test: list[BeadPair]) -> tuple[int, int, int, int]:
    """(tp_strict, fp_strict, tp_lax, fp_lax) of `test` beads against `gold` beads."""
    test_set = {b for b in test if b[0] or b[1]}
    gold_set = {b for b in gold if b[0] or b[1]}
    gold_links: dict[int, set[int]] = defaultdict(set)
    for gs, gt in gold_set:
        for i in gs:
            gold_links[i].update(gt)
    tp_s = fp_s = tp_l = fp_l = 0
    for bead in test_set:
        if bead in gold_set:
            tp_s += 1
            tp_l += 1
            continue
        fp_s += 1
        linked = set().union(*(gold_links[i] for i in bead[0])) if bead[0] else set()
        if linked & set(bead[1]):
            tp_l += 1
        else:
            fp_l += 1
    return tp_s, fp_s, tp_l, fp_l


def score(gold: list[BeadPair], test: list[BeadPair]) -> dict[str, float]:
    p = _counts(gold, test)
    both = lambda beads: [b for b in beads if b[0] and b[1]]  # noqa: E731
    r = _counts(both(test), both(gold))

    def ratio(a: int, b: int) -> float:
        return a / (a + b) if a + b else 0.0

    def f1(x: float, y: float) -> float:
        return 2 * x * y / (x + y) if x + y else 0.0

    ps, pl, rs, rl = ratio(p[0], p[1]), ratio(p[2], p[3]), ratio(r[0], r[1]), ratio(r[2], r[3])
    return {"precision_strict": ps, "recall_strict": rs, "f1_strict": f1(ps, rs),
            "precision_lax": pl, "recall_lax": rl, "f1_lax": f1(pl, rl)}


def beads_to_pairs(beads: list[Bead]) -> list[BeadPair]:
    return [(b.src, b.tgt) for b in beads]


def format_scores(s: dict[str, float]) -> str:
    return (
        "            strict    lax\n"
        f"precision   {s['precision_strict']:.4f}   {s['precision_lax']:.4f}\n"
        f"recall      {s['recall_strict']:.4f}   {s['recall_lax']:.4f}\n"
        f"F1          {s['f1_strict']:.4f}   {s['f1_lax']:.4f}\n"
    )


def check_against_gold(gold: list[BeadPair], test: list[BeadPair], name: str = "test alignment") -> None:
    """A test alignment may index only segments the gold alignment covers (the same document), each once:
    an index past the document would otherwise score as a plain miss."""
    n_src = 1 + max((i for s, _ in gold for i in s), default=-1)
    n_tgt = 1 + max((j for _, t in gold for j in t), default=-1)
    check_fits(test, n_src, n_tgt, f"{name} (against the gold document)")
