"""How much of the Text+Berg dev figure is tuning? A held-out check of the aligner's presets.

The dev document is cut in two at a gold bead boundary near its middle. For each half, the three
parameters the presets are most sensitive to (skip, merge_scale, len_weight) are chosen on that half
from a small grid around the preset, and the choice is scored on the other half. If the tuned-on-
other-half figure is close to the preset's, the preset is not fitted to these sentences.

    .venv/bin/python eval/align_heldout.py        # ../shared/benchmarks/textberg-dev; writes eval/results/align_heldout.md
"""
from __future__ import annotations

import dataclasses
import itertools
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval" / "bench"))

from mt.align import align_documents  # noqa: E402
from mt.align.dp import WITH_MT, WITHOUT_MT, AlignParams  # noqa: E402
from mt.align.metrics import BeadPair, beads_to_pairs, score  # noqa: E402
from mt.alignment_formats import read_vecalign  # noqa: E402
from mt.io import read_lines  # noqa: E402
from mt.segment import segment_lines  # noqa: E402
from common import save_table  # noqa: E402

TEXTBERG = ROOT.parent / "shared" / "benchmarks" / "textberg-dev"
GRID = {"skip": (0.75, 1.0, 1.5), "merge_scale": (0.6, 1.0, 1.4), "len_weight": (0.6, 1.0, 1.4)}  # × the preset


def halves(gold: list[BeadPair]) -> tuple[int, int]:
    """(source cut, target cut) at the gold bead boundary nearest the middle that no bead crosses."""
    best = None
    for k in range(1, len(gold)):
        before, after = gold[:k], gold[k:]
        i0 = 1 + max((i for s, _ in before for i in s), default=-1)
        j0 = 1 + max((j for _, t in before for j in t), default=-1)
        if all(i >= i0 for s, _ in after for i in s) and all(j >= j0 for _, t in after for j in t):
            if best is None or abs(k - len(gold) / 2) < abs(best[0] - len(gold) / 2):
                best = (k, i0, j0)
    assert best is not None, "no clean cut"
    return best[1], best[2]


def sub_gold(gold: list[BeadPair], i0: int, i1: int, j0: int, j1: int) -> list[BeadPair]:
    return [(tuple(i - i0 for i in s), tuple(j - j0 for j in t)) for s, t in gold
            if all(i0 <= i < i1 for i in s) and all(j0 <= j < j1 for j in t) and (s or t)]


def f1(src, tgt, mt, gold, params: AlignParams) -> float:
    al = align_documents(segment_lines(src, "de", True), segment_lines(tgt, "fr", True), mt=mt, params=params)
    return score(gold, beads_to_pairs(al.beads))["f1_strict"]


def main() -> None:
    de, fr, mtfr = (read_lines(TEXTBERG / f) for f in ("dev.de", "dev.fr", "dev.mt-google.fr"))
    gold = read_vecalign(TEXTBERG / "dev.defr")
    ci, cj = halves(gold)
    cuts = {"A": (0, ci, 0, cj), "B": (ci, len(de), cj, len(fr))}
    rows = [f"Cut at de {ci} / fr {cj}. Grid: {GRID} (multiples of the preset).", "",
            "| MT | half | preset | tuned on the other half | tuned on this half (in-sample) |", "|---|---|---|---|---|"]
    for label, preset, use_mt in (("none", WITHOUT_MT, False), ("dev.mt-google.fr", WITH_MT, True)):
        data = {h: (de[i0:i1], fr[j0:j1], mtfr[i0:i1] if use_mt else None, sub_gold(gold, i0, i1, j0, j1))
                for h, (i0, i1, j0, j1) in cuts.items()}
        candidates = [dataclasses.replace(preset, **{k: getattr(preset, k) * v for k, v in zip(GRID, combo)})
                      for combo in itertools.product(*GRID.values())]
        scores = {h: [f1(*data[h], p) for p in candidates] for h in cuts}
        for h, other in (("A", "B"), ("B", "A")):
            chosen = max(range(len(candidates)), key=lambda k: scores[other][k])
            rows.append(f"| {label} | {h} | {f1(*data[h], preset):.3f} | {scores[h][chosen]:.3f} | {max(scores[h]):.3f} |")
            print(rows[-1], file=sys.stderr, flush=True)
    save_table("align_heldout.md", "\n".join(rows) + "\n")


if __name__ == "__main__":
    if not TEXTBERG.exists():
        sys.exit(f"align_heldout: {TEXTBERG} not found (the benchmark is read from ../shared)")
    main()
