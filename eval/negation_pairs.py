"""The negation channel alone on the pair dev sets: false alarms on clean pairs and detection of
inserted/removed negations, fast (no other signal runs), for working on the negation knowledge.

Same sets and splits as eval/fidelity_pairs.py (whose figures, with every signal, are the ones to
report). A false alarm here is a critical or major negation finding on a clean pair; an edit is
detected when the negation channel alarms on the edited pair while the clean one was quiet (on
negation). --show prints the alarmed clean pairs and the missed edits, never of the held-out half:
rules are written from the dev half and the spare pool only.

    python eval/negation_pairs.py --split dev --show 20
    MT_FIDELITY_DEVSETS=/work/spare python eval/negation_pairs.py --split all --sets ntrex-vie-deu
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from eval.fidelity_pairs import SETS, set_pairs  # noqa: E402
from mt.fidelity import negation  # noqa: E402
from mt.fidelity.perturb import perturb  # noqa: E402
from mt.types import Severity  # noqa: E402

ALARM = (Severity.CRITICAL, Severity.MAJOR)


def _check(src: str, tgt: str, sl: str, tl: str):
    """negation.check on one pair, with the little of a PairContext it reads."""
    ctx = SimpleNamespace(src=SimpleNamespace(text=src), tgt=SimpleNamespace(text=tgt), src_lang=sl, tgt_lang=tl,
                          bead=SimpleNamespace(src=(0,), tgt=(0,)), span=lambda side, s, e: (side, s, e))
    return negation.check(ctx)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=os.environ.get("MT_FIDELITY_DEVSETS", str(ROOT.parent / "devsets")))
    ap.add_argument("--sets", default=",".join(SETS), help="comma-separated set names")
    ap.add_argument("--split", default="dev", choices=["all", "dev", "heldout"])
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--show", type=int, default=0, help="print up to N alarmed clean pairs and N missed edits per set")
    ap.add_argument("--ids", help="write the ids of alarmed clean pairs and of missed edits here (JSON), to compare runs")
    a = ap.parse_args()
    ids: dict = {}
    # the spare pool (eval/build_spare_pairs.py) lies outside both halves; elsewhere only the dev half is shown
    if a.show and a.split != "dev" and not (a.split == "all" and "spare" in Path(a.data).name):
        print("--show prints no held-out examples: use --split dev, or --split all on the spare pool", file=sys.stderr)
        return 2
    names = [s for s in a.sets.split(",") if s]
    unknown = [s for s in names if s not in SETS]
    if unknown:
        print(f"unknown set {unknown[0]!r}; known: {', '.join(SETS)}", file=sys.stderr)
        return 2
    print(f"{'set':16} {'split':8} {'pairs':>5} {'neg FA':>7} {'rate':>6} | {'edits':>5} {'found':>5} {'rate':>6}")
    for name, sl, tl, pairs in set_pairs(Path(a.data), names, a.split):
        pool = [p["tgt"] for p in pairs]
        fa, base, found, shown_fa, shown_miss = 0, 0, 0, [], []
        for p in pairs:
            alarms = [f for f in _check(p["src"], p["tgt"], sl, tl) if f.severity in ALARM]
            if alarms:
                fa += 1
                shown_fa.append((p, alarms[0]))
                continue
            ed = perturb(p["src"], p["tgt"], sl, tl, "negation", seed=a.seed, pool=pool)
            if ed is None:
                continue
            base += 1
            if any(f.severity in ALARM for f in _check(p["src"], ed.text, sl, tl)):
                found += 1
            else:
                shown_miss.append((p, ed))
        ids[name] = {"false_alarms": [p["id"] for p, _ in shown_fa], "missed": [p["id"] for p, _ in shown_miss]}
        rate = f"{100 * fa / len(pairs):5.1f}%" if pairs else "  n/a"
        det = f"{100 * found / base:5.1f}%" if base else "  n/a"
        print(f"{name:16} {a.split:8} {len(pairs):5} {fa:7} {rate:>6} | {base:5} {found:5} {det:>6}", flush=True)
        for p, f in shown_fa[:a.show]:
            print(f"  FA {p['id']}\n     src: {p['src']}\n     tgt: {p['tgt']}\n     {f.severity.value}: {f.message}")
        for p, ed in shown_miss[:a.show]:
            print(f"  MISS {p['id']} ('{ed.old}' -> '{ed.new}')\n     src: {p['src']}\n     tgt: {ed.text}")
    if a.ids:
        import json

        from mt.io import write_text
        write_text(a.ids, json.dumps(ids, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
