"""The name edits alone on the pair dev sets: entity and attribution false alarms on clean pairs and
detection of substituted places, people and organisations, for working on the name channels.

Same sets, splits and counting as eval/fidelity_pairs.py (whose figures, with every edit kind, are the
ones to report): every signal runs; a false alarm here is a critical or major entity or attribution
finding on a clean pair; an edit counts where the clean pair raised no alarm of any type, and is
detected when the edited pair raises any alarm. --show prints the alarmed clean pairs and the missed
edits, never of the held-out half: rules are written from the dev half and the spare pool only.

    python eval/names_pairs.py --split dev --show 20
    MT_FIDELITY_DEVSETS=/work/spare python eval/names_pairs.py --split all --sets ntrex-vie-deu --kinds organisation --show 50
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from eval.fidelity_pairs import SETS, set_pairs  # noqa: E402
from mt.fidelity.evaluate import check_pair  # noqa: E402
from mt.fidelity.perturb import perturb  # noqa: E402
from mt.types import Severity  # noqa: E402

ALARM = (Severity.CRITICAL, Severity.MAJOR)
NAME_KINDS = ("place", "person", "organisation")
NAME_TYPES = ("entity", "attribution")


def _line(f) -> str:
    return f"{f.severity.value} {f.type}: {f.message}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=os.environ.get("MT_FIDELITY_DEVSETS", str(ROOT.parent / "devsets")))
    ap.add_argument("--sets", default="ntrex-vie-deu,flores-vie-deu,news-deu-eng,news-fra-eng",
                    help="comma-separated set names")
    ap.add_argument("--split", default="dev", choices=["all", "dev", "heldout"])
    ap.add_argument("--kinds", default=",".join(NAME_KINDS), help="comma-separated edit kinds among " + ", ".join(NAME_KINDS))
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--show", type=int, default=0, help="print up to N name false alarms and N missed edits per set and kind")
    a = ap.parse_args()
    # the spare pool (eval/build_spare_pairs.py) lies outside both halves; elsewhere only the dev half is shown
    if a.show and a.split != "dev" and not (a.split == "all" and "spare" in Path(a.data).name):
        print("--show prints no held-out examples: use --split dev, or --split all on the spare pool", file=sys.stderr)
        return 2
    names = [s for s in a.sets.split(",") if s]
    kinds = [k for k in a.kinds.split(",") if k]
    bad = [s for s in names if s not in SETS] + [k for k in kinds if k not in NAME_KINDS]
    if bad:
        print(f"unknown set or kind {bad[0]!r}", file=sys.stderr)
        return 2
    print(f"{'set':16} {'split':8} {'pairs':>5} {'name FA':>7} {'all FA':>6} | " + " ".join(f"{k[:12]:>16}" for k in kinds))
    for name, sl, tl, pairs in set_pairs(Path(a.data), names, a.split):
        pool = [p["tgt"] for p in pairs]
        n_fa, n_any, shown_fa = 0, 0, []
        stats = {k: [0, 0, []] for k in kinds}  # base, detected, missed
        for p in pairs:
            alarms = [f for f in check_pair(p["src"], p["tgt"], sl, tl) if f.severity in ALARM]
            if alarms:
                n_any += 1
                named = [f for f in alarms if f.type in NAME_TYPES]
                if named:
                    n_fa += 1
                    shown_fa.append((p, named))
                continue
            for k in kinds:
                ed = perturb(p["src"], p["tgt"], sl, tl, k, seed=a.seed, pool=pool)
                if ed is None:
                    continue
                st = stats[k]
                st[0] += 1
                found = [f for f in check_pair(p["src"], ed.text, sl, tl) if f.severity in ALARM]
                if found:
                    st[1] += 1
                else:
                    st[2].append((p, ed))
        cells = " ".join(f"{st[1]:>4}/{st[0]:<4} {100 * st[1] / st[0] if st[0] else 0:5.1f}%" for st in stats.values())
        print(f"{name:16} {a.split:8} {len(pairs):5} {n_fa:7} {n_any:6} | {cells}", flush=True)
        for p, fs in shown_fa[:a.show]:
            print(f"  FA {p['id']}\n     src: {p['src']}\n     tgt: {p['tgt']}")
            for f in fs:
                print(f"     {_line(f)}")
        for k, st in stats.items():
            for p, ed in st[2][:a.show]:
                print(f"  MISS {k} {p['id']} ('{ed.old}' -> '{ed.new}')\n     src: {p['src']}\n     tgt: {ed.text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
