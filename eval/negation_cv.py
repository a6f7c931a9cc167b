"""Choose the negation channel's severity thresholds by leave-one-document-out cross-validation.

The thresholds of configs/lang/mul/negation.toml [severity] decide when a polarity difference that a
weak word could explain is still an alarm (a weak word on one side, the other side's only negation far
from it). Each candidate value is scored on the dev half of the pair dev sets plus the spare pool
(eval/build_spare_pairs.py; never the held-out half): a clean pair that alarms is a false alarm, an
edited pair (mt/fidelity/perturb.py, one negation inserted or removed) that alarms while its clean pair
is quiet is a found edit; found edits minus `--fa-weight` (default 2) times the false alarms is the score
(a change may not lose more edits than false alarms it removes, and may add a false alarm only for two
edits found: false alarms are what the checks are furthest from their target on). Leave-one-document-out: each document is scored with the value chosen on
all other documents, so the printed cross-validated figure is not fitted to the documents it counts.
A value replaces the stored one only where its cross-validated figure is better than the stored value's.
Parameters are chosen one at a time (they decide disjoint cases: a negation added, lost, or one more
where both sides negate).

    python eval/negation_cv.py                       # print the CV figures and the chosen values
    python eval/negation_cv.py --write               # store the chosen values in configs/lang/mul/negation.toml
    python eval/negation_cv.py --check               # exit 1 when the stored values differ from the choice
    MT_FIDELITY_DEVSETS=/work/devsets python eval/negation_cv.py --spare /work/spare --sets ntrex-vie-deu
"""
from __future__ import annotations

import argparse
import os
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from eval.fidelity_pairs import SETS, set_pairs  # noqa: E402
from eval.negation_pairs import ALARM, _check  # noqa: E402
from mt.fidelity import negation  # noqa: E402
from mt.fidelity.perturb import perturb  # noqa: E402

# candidate values per parameter (a share of each text's length; 2.0 never fires)
GRID = {
    "far_apart_added": [0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7, 2.0],
    "far_apart_lost": [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 2.0],
    "far_apart_extra": [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 2.0],
}
PACK = ROOT / "configs" / "lang" / "mul" / "negation.toml"
FA_WEIGHT = 2.0


def _pairs(dev: Path, spare: Path | None, names: list[str]) -> list[tuple[str, dict, str, str, str | None]]:
    """(document key, pair, source lang, target lang, edited target) of the dev half and the spare pool."""
    out = []
    for root, split in ((dev, "dev"), (spare, "all")):
        if root is None:
            continue
        for name, sl, tl, pairs in set_pairs(root, names, split):
            pool = [p["tgt"] for p in pairs]
            for p in pairs:
                ed = perturb(p["src"], p["tgt"], sl, tl, "negation", seed=0, pool=pool)
                out.append((f"{root.name}/{name}/{p['doc']}", p, sl, tl, ed.text if ed else None))
    return out


def _alarms(src: str, tgt: str, sl: str, tl: str) -> bool:
    return any(f.severity in ALARM for f in _check(src, tgt, sl, tl))


def _score(pairs, param: str, value: float, base: dict[str, float]) -> dict[str, list[int]]:
    """{document: [found, false alarms]} with `param` set to `value` (the others at `base`)."""
    negation._PARAMS = {**base, param: value}
    per_doc: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for doc, p, sl, tl, edited in pairs:
        row = per_doc[doc]
        if _alarms(p["src"], p["tgt"], sl, tl):
            row[1] += 1
        elif edited is not None and _alarms(p["src"], edited, sl, tl):
            row[0] += 1
    return per_doc


def _choose(totals: dict[float, int], prefer: float) -> float:
    """The best value; ties go to `prefer` (the stored value), then to the larger (fewer alarms)."""
    best = max(totals.values())
    tied = [v for v, s in totals.items() if s == best]
    return prefer if prefer in tied else max(tied)


def cross_validate(pairs, param: str, base: dict[str, float]) -> dict:
    scores = {}
    for k, value in enumerate(GRID[param], 1):
        print(f"  {param} = {value} ({k}/{len(GRID[param])})", file=sys.stderr, flush=True)
        scores[value] = _score(pairs, param, value, base)
    docs = sorted({d for s in scores.values() for d in s})
    totals = {v: sum(f - FA_WEIGHT * a for f, a in s.values()) for v, s in scores.items()}
    cv_found = cv_fa = 0
    for d in docs:
        # the value chosen without document d, applied to d
        rest = {v: totals[v] - (scores[v].get(d, [0, 0])[0] - FA_WEIGHT * scores[v].get(d, [0, 0])[1]) for v in totals}
        v = _choose(rest, base[param])
        f, a = scores[v].get(d, [0, 0])
        cv_found, cv_fa = cv_found + f, cv_fa + a
    now = scores[base[param]] if base[param] in scores else _score(pairs, param, base[param], base)
    best = _choose(totals, base[param])
    stored = (sum(f for f, _ in now.values()), sum(a for _, a in now.values()))
    # a new value only where the cross-validated figure beats the stored value's: a value that wins on all
    # documents but not on documents it was not chosen on does not generalise
    if cv_found - FA_WEIGHT * cv_fa <= stored[0] - FA_WEIGHT * stored[1]:
        best = base[param]
    return {"chosen": best, "docs": len(docs),
            "cv": (cv_found, cv_fa), "stored": (sum(f for f, _ in now.values()), sum(a for _, a in now.values())),
            "per_value": {v: (sum(f for f, _ in s.values()), sum(a for _, a in s.values())) for v, s in scores.items()}}


def _write(values: dict[str, float]) -> None:
    from mt.io import write_text

    lines = ["# Thresholds of the negation channel's severity (mt/fidelity/negation.py), language-neutral.",
             "# GENERATED by eval/negation_cv.py: chosen by leave-one-document-out cross-validation on the dev half",
             "# of the pair dev sets and the spare pool (found negation edits minus twice the false alarms); `--check` verifies.",
             "# far_apart_added: a translation negating more than this share of its length away from its source's",
             "#   only (weak) negation has added one (major); far_apart_lost: the same the other way; far_apart_extra: where",
             "#   both sides negate, the side with more negations has that many this far from every negation of the other",
             "#   side (major). 2.0 = never.",
             "[severity]"]
    lines += [f"{k} = {v}" for k, v in values.items()]
    write_text(PACK, "\n".join(lines) + "\n")


def main() -> int:
    global FA_WEIGHT
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=os.environ.get("MT_FIDELITY_DEVSETS", str(ROOT.parent / "devsets")),
                    help="the pair dev sets (their dev half is used)")
    ap.add_argument("--spare", default=os.environ.get("MT_FIDELITY_SPARE", str(ROOT.parent / "spare")),
                    help="the spare pool (all of it is used); skipped where absent")
    ap.add_argument("--sets", default=",".join(SETS), help="comma-separated set names")
    ap.add_argument("--write", action="store_true", help="store the chosen values in configs/lang/mul/negation.toml")
    ap.add_argument("--check", action="store_true", help="exit 1 when the stored values differ from the chosen ones")
    ap.add_argument("--fa-weight", type=float, default=FA_WEIGHT, help="what one false alarm costs in found edits")
    a = ap.parse_args()
    FA_WEIGHT = a.fa_weight
    names = [s for s in a.sets.split(",") if s]
    unknown = [s for s in names if s not in SETS]
    if unknown:
        print(f"unknown set {unknown[0]!r}; known: {', '.join(SETS)}", file=sys.stderr)
        return 2
    dev, spare = Path(a.data), Path(a.spare)
    if not dev.is_dir():
        print(f"{dev}: no such folder (set --data or MT_FIDELITY_DEVSETS)", file=sys.stderr)
        return 2
    pairs = _pairs(dev, spare if spare.is_dir() else None, names)
    print(f"{len(pairs)} pairs, {sum(1 for x in pairs if x[4])} with a negation edit", file=sys.stderr)
    stored = dict(negation.severity_params())
    chosen = dict(stored)
    for param in GRID:
        r = cross_validate(pairs, param, chosen)
        chosen[param] = r["chosen"]
        print(f"{param}: stored {stored[param]}, found/false alarms {r['stored'][0]}/{r['stored'][1]}; "
              f"leave-one-document-out ({r['docs']} documents) {r['cv'][0]}/{r['cv'][1]}; chosen {r['chosen']}")
        print("  " + ", ".join(f"{v}: {f}/{fa}" for v, (f, fa) in r["per_value"].items()))
    negation._PARAMS = None
    if a.check:
        return 0 if chosen == stored else 1
    if a.write:
        _write(chosen)
        print(f"wrote {PACK}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
