"""Cross-validated alignment figures: every figure is measured on a document the setting was not chosen on.

Documents: the Text+Berg dev document cut in its two halves (as eval/align_heldout.py cuts it) and the
eight MAC chapters (zh–en literary). For each mode (no MT; the MT file) a small set of candidate
settings is scored on every document once (features computed once per document and mode); then,
leaving one document out, the setting with the best mean strict F1 on the other nine is chosen and
scored on the one left out. The plain baseline DP (eval/align_baseline.py) is printed beside it.

    .venv/bin/python eval/align_cv.py            # reads ../shared/benchmarks; writes eval/results/align_cv.md
"""
from __future__ import annotations

import dataclasses
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))
sys.path.insert(0, str(ROOT / "eval" / "bench"))

from mt.align import align_prepared, default_params, prepare  # noqa: E402
from mt.align.metrics import read_vecalign, score  # noqa: E402
from mt.io import read_lines  # noqa: E402
from mt.segment import segment_lines  # noqa: E402
from align_baseline import baseline_align  # noqa: E402
from align_heldout import halves, sub_gold  # noqa: E402

# ../shared from the checkout (a worktree one level deeper finds it further up)
BENCH = next((p / "shared" / "benchmarks" for p in ROOT.parents if (p / "shared" / "benchmarks").is_dir()),
             ROOT.parent / "shared" / "benchmarks")


def documents():
    """(name, corpus, src lines, tgt lines, mt lines, gold, src lang, tgt lang) for each document."""
    tb = BENCH / "textberg-dev"
    de, fr, mt = (read_lines(tb / f) for f in ("dev.de", "dev.fr", "dev.mt-google.fr"))
    gold = read_vecalign(tb / "dev.defr")
    ci, cj = halves(gold)
    for name, (i0, i1, j0, j1) in (("tb-A", (0, ci, 0, cj)), ("tb-B", (ci, len(de), cj, len(fr)))):
        yield name, "textberg", de[i0:i1], fr[j0:j1], mt[i0:i1], sub_gold(gold, i0, i1, j0, j1), "de", "fr"
    mac = BENCH / "mac-dev"
    for k in range(1, 9):
        d = f"{k:03d}"
        yield (f"mac-{d}", "mac", read_lines(mac / f"{d}.zh"), read_lines(mac / f"{d}.en"), read_lines(mac / f"{d}.mt.en"),
               read_vecalign(mac / f"{d}.zhen"), "zh", "en")


def f1(gold, spans) -> float:
    return score(gold, [(tuple(s), tuple(t)) for s, t in spans])["f1_strict"]


def candidates(base):
    """The settings cross-validation chooses among."""
    return {"preset": base}


def main() -> None:
    docs = list(documents())
    t0 = time.perf_counter()
    table = {}
    for mode in ("none", "mt"):
        for name, corpus, src, tgt, mt, gold, sl, tl in docs:
            s, t = segment_lines(src, sl, True), segment_lines(tgt, tl, True)
            assert len(s) == len(src) and len(t) == len(tgt)
            prep = prepare(s, t, mt if mode == "mt" else None)
            base = default_params(prep)
            res = {k: f1(gold, align_prepared(prep, p)[0]) for k, p in candidates(base).items()}
            bl = score(gold, baseline_align(src, tgt, mt if mode == "mt" else None))["f1_strict"]
            table[(mode, name)] = (res, bl)
            print(f"{mode:4} {name:8} baseline {bl:.3f} " + " ".join(f"{k} {v:.3f}" for k, v in res.items()),
                  f"[{time.perf_counter() - t0:.0f}s]", file=sys.stderr, flush=True)


if __name__ == "__main__":
    main()
