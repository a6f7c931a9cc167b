"""The strict/lax precision, recall and F1 of Sennrich & Volk (2011), with the conventions
of Vecalign's scorer: precision over every test bead, recall over beads with both sides
non-empty. Reading and writing alignment files: `mt/alignment_formats.py`."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ..types import Bead, BeadPair


@dataclass(frozen=True)
class _Counts:
    tp_strict: int
    fp_strict: int
    tp_lax: int
    fp_lax: int


def _counts(gold: list[BeadPair], test: list[BeadPair]) -> _Counts:
    """True and false positives, strict and lax, of `test` beads against `gold` beads."""
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
    return _Counts(tp_s, fp_s, tp_l, fp_l)


def score(gold: list[BeadPair], test: list[BeadPair]) -> dict[str, float]:
    p = _counts(gold, test)
    both = lambda beads: [b for b in beads if b[0] and b[1]]  # noqa: E731
    r = _counts(both(test), both(gold))

    def ratio(a: int, b: int) -> float:
        return a / (a + b) if a + b else 0.0

    def f1(x: float, y: float) -> float:
        return 2 * x * y / (x + y) if x + y else 0.0

    ps, pl = ratio(p.tp_strict, p.fp_strict), ratio(p.tp_lax, p.fp_lax)
    rs, rl = ratio(r.tp_strict, r.fp_strict), ratio(r.tp_lax, r.fp_lax)
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

