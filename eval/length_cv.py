"""Choose the omission/addition settings of mt/fidelity/length.py by cross-validation across documents.

    python eval/length_cv.py                                   # the shipped grid, dev halves + spare pool
    python eval/length_cv.py --grid '{"ANCHOR_RAISE": [0, 0.5, 1.0], "SENTENCE_Z": [1.5, 1.8]}'
    python eval/length_cv.py --grid '{}'                       # only the settings as they are
    python eval/length_cv.py --spare /work/spare --grid '{"LOST_PART_LR": [99, 0.6, 0.8, 1.0, 1.3], "LOST_PART_FINAL": [true, false]}'

Every clean pair of the dev halves (MT_FIDELITY_DEVSETS or --dev, `split_of` == dev; never the held-out
half) and of the spare pool (--spare, all pairs) is checked once, with its omission and addition edits
(mt/fidelity/perturb.py, seed 0), keeping the length check's input; each setting of the grid then re-runs
the length check alone. A pair alarms when any signal gives a critical or major finding; an edit is
detected when the edited pair alarms and its clean version does not. The pairs are cut into five folds by
a hash of their document; for each fold the setting with the best score on the other four
(4 x omissions detected + additions detected - weight x length false alarms) is scored on it.
Prints one line per setting (dev and spare separately) and the cross-validated total.
"""
from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from eval.fidelity_pairs import SETS, set_pairs  # noqa: E402
from mt.fidelity import evaluate as ev, length  # noqa: E402
from mt.fidelity.perturb import perturb  # noqa: E402
from mt.types import Severity  # noqa: E402

SPARE_SETS = ("ntrex-vie-deu", "news-deu-eng", "news-fra-eng")
GRID = {"ANCHOR_RAISE": [0.0, 0.5, 1.0], "ANCHOR_LOWER": [0.0, 0.3, 0.6], "SENTENCE_Z": [1.5, 1.8],
        "PAIR_SPREAD": [False, True]}
ALARM = (Severity.CRITICAL, Severity.MAJOR)


def _checked(src: str, tgt: str, sl: str, tl: str):
    """(whether a signal other than length alarms, the length check's context)."""
    seen = {}
    real = length.check

    def keep(ctx, model, others=()):
        seen["ctx"] = ctx
        return []

    length.check = keep
    try:
        other = any(f.severity in ALARM for f in ev.check_pair(src, tgt, sl, tl))
    finally:
        length.check = real
    return other, seen.get("ctx")


def collect(folder: Path, names, split: str, pool: str) -> list[dict]:
    recs = []
    for name, sl, tl, pairs in set_pairs(folder, names, split):
        targets = [p["tgt"] for p in pairs]
        for k, p in enumerate(pairs, 1):
            r = {"set": name, "pool": pool, "doc": p["doc"]}
            r["other"], r["ctx"] = _checked(p["src"], p["tgt"], sl, tl)
            for kind in ("omission", "addition"):
                ed = perturb(p["src"], p["tgt"], sl, tl, kind, seed=0, pool=targets)
                r[kind] = None if ed is None else dict(zip(("other", "ctx"), _checked(p["src"], ed.text, sl, tl)))
            recs.append(r)
            if k % 200 == 0:
                print(f"  {pool} {name}: {k}/{len(pairs)} pairs", file=sys.stderr)
    return recs


def _length_alarm(ctx) -> bool:
    if ctx is None:
        return False
    return any(f.severity in ALARM for f in length.check(ctx, length.model_for(ctx.alignment)))


def outcomes(recs) -> list[tuple]:
    return [(_length_alarm(r["ctx"]),
             None if r["omission"] is None else _length_alarm(r["omission"]["ctx"]),
             None if r["addition"] is None else _length_alarm(r["addition"]["ctx"])) for r in recs]


def tally(recs, outs, idx) -> dict:
    g = dict(n=0, fa=0, fa_length=0, om_base=0, om=0, ad_base=0, ad=0)
    for i in idx:
        r, (c, o, a) = recs[i], outs[i]
        g["n"] += 1
        clean = r["other"] or c
        g["fa"] += clean
        g["fa_length"] += c
        if clean:
            continue
        if o is not None:
            g["om_base"] += 1
            g["om"] += r["omission"]["other"] or o
        if a is not None:
            g["ad_base"] += 1
            g["ad"] += r["addition"]["other"] or a
    return g


def _fmt(g: dict) -> str:
    return (f"false alarms {g['fa']:3d}/{g['n']} (length {g['fa_length']:3d}), omission {100 * g['om'] / max(1, g['om_base']):5.1f}%, "
            f"addition {100 * g['ad'] / max(1, g['ad_base']):5.1f}%")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dev", default=os.environ.get("MT_FIDELITY_DEVSETS", str(ROOT.parent / "devsets")),
                    help="the dev sets (their dev halves are used)")
    ap.add_argument("--spare", default=str(ROOT.parent / "spare"), help="the spare pool (all pairs); absent: dev only")
    ap.add_argument("--grid", default=json.dumps(GRID), help="JSON {setting: [values]} of mt/fidelity/length.py")
    ap.add_argument("--weight", type=float, default=8.0, help="what one length false alarm costs, in detected additions")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--per-set", action="store_true", help="also print each setting's figures per set and pool")
    a = ap.parse_args()
    try:
        grid = json.loads(a.grid)
    except json.JSONDecodeError as err:
        print(f"--grid is not JSON: {err.msg}", file=sys.stderr)
        return 2
    bad = [k for k in grid if not hasattr(length, k)]
    if bad or not isinstance(grid, dict):
        print(f"--grid: unknown setting {bad[0] if bad else grid!r} of mt/fidelity/length.py", file=sys.stderr)
        return 2
    if not Path(a.dev).is_dir():
        print(f"no dev sets at {a.dev}: build them with eval/build_devsets.py or set MT_FIDELITY_DEVSETS", file=sys.stderr)
        return 2
    t0 = time.time()
    recs = collect(Path(a.dev), list(SETS), "dev", "dev")
    if Path(a.spare).is_dir():
        recs += collect(Path(a.spare), SPARE_SETS, "all", "spare")
    print(f"{len(recs)} clean pairs checked with their edits in {time.time() - t0:.0f} s", file=sys.stderr)
    names = list(grid)
    shipped = {k: getattr(length, k) for k in names}
    results = []
    try:
        for combo in itertools.product(*grid.values()) if grid else [()]:
            setting = dict(zip(names, combo))
            for k, v in setting.items():
                setattr(length, k, v)
            outs = outcomes(recs)
            results.append((setting, outs))
            parts = [f"{pool} {_fmt(tally(recs, outs, [i for i, r in enumerate(recs) if r['pool'] == pool]))}"
                     for pool in ("dev", "spare") if any(r["pool"] == pool for r in recs)]
            print(json.dumps(setting), "|", " | ".join(parts), flush=True)
            if a.per_set:
                for name in dict.fromkeys(r["set"] + " " + r["pool"] for r in recs):
                    print(f"    {name:24} {_fmt(tally(recs, outs, [i for i, r in enumerate(recs) if r['set'] + ' ' + r['pool'] == name]))}")
    finally:
        for k, v in shipped.items():
            setattr(length, k, v)
    fold = [hashlib.sha1((r["set"] + str(r["doc"])).encode()).digest()[1] % a.folds for r in recs]

    def score(g):
        return 4 * g["om"] + g["ad"] - a.weight * g["fa_length"]

    total = dict(n=0, fa=0, fa_length=0, om_base=0, om=0, ad_base=0, ad=0)
    for k in range(a.folds):
        train = [i for i in range(len(recs)) if fold[i] != k]
        test = [i for i in range(len(recs)) if fold[i] == k]
        setting, outs = max(results, key=lambda x: score(tally(recs, x[1], train)))
        g = tally(recs, outs, test)
        print(f"fold {k}: chose {json.dumps(setting)}: {_fmt(g)}")
        for x in total:
            total[x] += g[x]
    print(f"cross-validated: {_fmt(total)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
