"""Held-out-style vi→de news documents, modelled on fidelity-dev: short multi-sentence documents
from real human translations (NTREX-128 news, FLORES-200 Wikinews/Wikivoyage), half of them with
one controlled edit (person, office, place, organisation, number, date, negation, omission of a
segment, addition), the rest clean. Scored with fidelity-dev's rule (mt.fidelity.evaluate.score_cases):
precision, recall, F1, type accuracy, and recall per edit kind; on the dev and held-out halves
(documents split by a hash of the source document).

Reads `NAME.docs.jsonl` from --data or MT_FIDELITY_DEVSETS (default ../devsets beside the checkout; built by
eval/build_devsets.py); skips with a reason when absent. --write-cases saves the cases (they are
derived from CC BY-SA 4.0 data: keep them out of the repository or keep the licence with them).

    python eval/fidelity_news_docs.py
    python eval/fidelity_news_docs.py --sets ntrex-vie-deu --write-cases /tmp/cases
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

from mt.fidelity.evaluate import score_cases, split_of  # noqa: E402
from mt.fidelity.perturb import KINDS, perturb_documents  # noqa: E402
from mt.documents import pair_from_case  # noqa: E402
from mt.pipeline import _check_pair  # noqa: E402

SETS = ("ntrex-vie-deu", "flores-vie-deu")


def _score(cases: list[dict], results: dict) -> dict:
    s = score_cases(cases, {c["id"]: results[c["id"]].findings for c in cases})
    per_kind = {}
    for k in KINDS:
        sub = [c for c in cases if any(e.get("kind") == k for e in c["errors"])]
        if sub:
            sk = score_cases(sub, {c["id"]: results[c["id"]].findings for c in sub})
            per_kind[k] = {"errors": sk["gold_errors"], "recall": sk["recall"], "type_accuracy": sk["type_accuracy"]}
    clean = [c for c in cases if not c["errors"]]
    noisy = sum(1 for c in clean if any(f.severity.value in ("critical", "major") for f in results[c["id"]].findings))
    return {**s, "cases": len(cases), "clean_cases": len(clean), "clean_cases_alarmed": noisy, "per_kind": per_kind}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=os.environ.get("MT_FIDELITY_DEVSETS", str(ROOT.parent / "devsets")))
    ap.add_argument("--sets", default=",".join(SETS))
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--max-docs", type=int, default=0, help="use only the first N documents of each set (0: all)")
    ap.add_argument("--write-cases", metavar="DIR", help="also write the generated cases (fidelity-dev format) here")
    ap.add_argument("--json", help="write the scores here")
    a = ap.parse_args()
    data = Path(a.data)
    out: dict = {}
    for name in [s for s in a.sets.split(",") if s]:
        path = data / f"{name}.docs.jsonl"
        if not path.is_file():
            print(f"{name}: skipped: {path} is absent (build it with eval/build_devsets.py, or set MT_FIDELITY_DEVSETS)")
            continue
        docs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        if a.max_docs:
            docs = docs[:a.max_docs]
        t0 = time.time()
        cases = perturb_documents(docs, seed=a.seed)
        if a.write_cases:
            Path(a.write_cases).mkdir(parents=True, exist_ok=True)
            with (Path(a.write_cases) / f"{name}.cases.jsonl").open("w", encoding="utf-8") as f:
                for c in cases:
                    f.write(json.dumps(c, ensure_ascii=False) + "\n")
        results = {}
        for n, c in enumerate(cases, 1):
            results[c["id"]] = _check_pair(pair_from_case(c, c["id"], f"{name} case {n}", "vi", "de"))
            if n % 100 == 0:
                print(f"  {name}: {n}/{len(cases)} cases checked", file=sys.stderr)
        for label in ("dev", "heldout"):
            part = [c for c in cases if split_of({"doc": c["doc"]}) == label]
            if not part:
                continue
            s = _score(part, results)
            out[f"{name}/{label}"] = s
            kinds = "  ".join(f"{k} {100 * v['recall']:.0f}% ({v['errors']})" for k, v in s["per_kind"].items())
            print(f"{name:15} {label:8} {s['cases']:4d} cases ({s['gold_errors']} errors, {s['clean_cases']} clean, "
                  f"{s['clean_cases_alarmed']} of those alarmed): P {s['precision']:.2f} R {s['recall']:.2f} "
                  f"F1 {s['f1']:.2f} type acc. {s['type_accuracy']:.2f}\n    recall by kind: {kinds}")
        print(f"    ({time.time() - t0:.0f} s)", file=sys.stderr)
    if a.json:
        tmp = Path(a.json + ".tmp")
        tmp.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
        tmp.replace(a.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
