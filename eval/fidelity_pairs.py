"""False alarms on human translations and detection of controlled edits, per language pair.

Reads the dev sets built by eval/build_devsets.py from a folder given by --data or the
MT_FIDELITY_DEVSETS environment variable (default ../devsets beside the checkout); a set that is absent there is
taken from eval/data (300-pair Tatoeba samples, CC-BY) or skipped with a reason. Prints one table: for each set and split, the false-alarm rate on clean pairs and,
per edit type, the detection rate and the share detected with the right finding type, against
the targets of issue 13 (<= 3 % false alarms, >= 90 % detection, >= 90 % right type).

    python eval/fidelity_pairs.py                       # all sets, dev and held-out halves
    python eval/fidelity_pairs.py --sets tatoeba-deu-eng --split dev --json out.json
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mt.fidelity.evaluate import evaluate_pair_file  # noqa: E402
from mt.fidelity.perturb import KINDS  # noqa: E402

# set name -> (source language, target language); vi→de is the product's pair.
SETS = {
    "ntrex-vie-deu": ("vi", "de"), "flores-vie-deu": ("vi", "de"),
    "news-deu-eng": ("de", "en"), "tatoeba-deu-eng": ("de", "en"),
    "news-fra-eng": ("fr", "en"), "tatoeba-fra-eng": ("fr", "en"),
    "tatoeba-vie-eng": ("vi", "en"),
    # everyday vi→de pairs the project wrote (eval/data/README.md): 1 and 2 shaped rules, 3, 4 and 6 (people, places,
    # bodies) were measured unseen before rules were written from them, 5 is kept unread
    "own-vie-deu-everyday-1": ("vi", "de"), "own-vie-deu-everyday-2": ("vi", "de"), "own-vie-deu-everyday-3": ("vi", "de"),
    "own-vie-deu-everyday-4": ("vi", "de"), "own-vie-deu-everyday-5": ("vi", "de"), "own-vie-deu-everyday-6": ("vi", "de"),
    # short news items (people with offices, places, bodies, figures, dates), written in session 12: 7 and 9 (Vietnamese
    # domestic news) were measured unseen once and then read, 8 is kept unread
    "own-vie-deu-news-7": ("vi", "de"), "own-vie-deu-news-8": ("vi", "de"), "own-vie-deu-news-9": ("vi", "de"),
    "own-vie-deu-news-10": ("vi", "de"), "own-vie-deu-news-11": ("vi", "de"), "own-vie-deu-news-12": ("vi", "de"), "own-vie-deu-news-13": ("vi", "de"),
    # statements and interviews (session 15): 14 was measured unseen once and then read, 15 is kept unread
    "own-vie-deu-news-14": ("vi", "de"), "own-vie-deu-news-15": ("vi", "de"),
    # studies and statistics, biographies and obituaries (session 16): 16 was measured unseen once and then read,
    # 17 is kept unread
    "own-vie-deu-news-16": ("vi", "de"), "own-vie-deu-news-17": ("vi", "de"),
}
TARGET_FA, TARGET_DET, TARGET_TYPE = 0.03, 0.90, 0.90
MIN_BASE = 20  # fewer edited pairs than this: the rate is shown but not judged



def set_pairs(folder: Path, names: list[str], split: str):
    """(set name, source lang, target lang, the set's pairs of `split`: dev, heldout or all) for each set whose
    file is in `folder` (an absent one is said on stderr): what every per-channel eval script reads."""
    from mt.fidelity.evaluate import read_pairs, split_of

    for name in names:
        path = Path(folder) / f"{name}.tsv"
        if not path.is_file():
            print(f"{name}: {path} is absent; skipped", file=sys.stderr)
            continue
        sl, tl = SETS[name]
        yield name, sl, tl, [p for p in read_pairs(path) if split == "all" or split_of(p) == split]


def _pct(x) -> str:
    return "  n/a" if x is None else f"{100 * x:4.0f}%"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=os.environ.get("MT_FIDELITY_DEVSETS", str(ROOT.parent / "devsets")))
    ap.add_argument("--sets", default=",".join(SETS), help="comma-separated set names")
    ap.add_argument("--split", default="both", choices=["all", "dev", "heldout", "both"])
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--json", help="write every report (with examples) here")
    a = ap.parse_args()
    data = Path(a.data)
    shipped = Path(__file__).resolve().parent / "data"  # the Tatoeba samples that may be committed (CC-BY)
    if not data.is_dir():
        print(f"note: no dev sets at {data} (build them with eval/build_devsets.py, or set MT_FIDELITY_DEVSETS); "
              f"using the Tatoeba samples in {shipped} only")
    names = [s for s in a.sets.split(",") if s]
    unknown = [s for s in names if s not in SETS]
    if unknown:
        print(f"unknown set {unknown[0]!r}; known: {', '.join(SETS)}", file=sys.stderr)
        return 2
    head = f"{'set':16} {'pair':6} {'split':8} {'pairs':>5} {'false al.':>9} | " + " ".join(f"{k[:8]:>13}" for k in KINDS)
    print("cells: detection / right type (edited pairs whose clean version was quiet); * below target, "
          f"~ fewer than {MIN_BASE} edited pairs")
    print(head)
    print("-" * len(head))
    everything = []
    for name in names:
        path = data / f"{name}.tsv"
        if not path.is_file() and (shipped / f"{name}.tsv").is_file():
            path = shipped / f"{name}.tsv"
        if not path.is_file():
            print(f"{name:16} skipped: {path} is absent")
            continue
        sl, tl = SETS[name]
        t0 = time.time()
        for r in evaluate_pair_file(path, sl, tl, perturb=True, seed=a.seed, split=a.split):
            r["set"], r["seconds"] = name, round(time.time() - t0, 1)
            everything.append(r)
            fa = r["clean"]["false_alarm_rate"]
            cells = []
            for k in KINDS:
                e = r["edits"][k]
                if not e["base"]:
                    cells.append(f"{'-':>13}")
                    continue
                low = (e["detection_rate"] or 0) < TARGET_DET or (e["type_accuracy"] or 0) < TARGET_TYPE
                mark = "~" if e["base"] < MIN_BASE else ("*" if low else " ")
                cells.append(f"{_pct(e['detection_rate'])}/{_pct(e['type_accuracy'])}{mark}".rjust(13))
            print(f"{name:16} {sl}→{tl}  {r['label']:8} {r['pairs']:5d} {_pct(fa):>8}{'*' if fa > TARGET_FA else ' '}| "
                  + " ".join(cells))
    if a.json:
        tmp = Path(a.json + ".tmp")
        tmp.write_text(json.dumps(everything, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        tmp.replace(a.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
