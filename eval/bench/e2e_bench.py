"""End to end: `mt report` on the bundled article, and `mt check --batch` on 1,000 documents of
fidelity-dev size (the development cases repeated under new ids).

    .venv/bin/python eval/bench/e2e_bench.py
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT, WORK, save_table, timed  # noqa: E402

MT = str(ROOT / ".venv" / "bin" / "mt")


def main() -> None:
    WORK.mkdir(parents=True, exist_ok=True)
    rows = ["| job | seconds | rate |", "|---|---|---|"]
    secs = min(timed([MT, "report", "-o", str(WORK / "report"), "--force"]) for _ in range(3))
    rows.append(f"| `mt report` (bundled article, no models) | {secs:.2f} | |")
    cases = [json.loads(x) for x in (ROOT.parent / "shared" / "fidelity-dev" / "cases.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]
    batch = WORK / "cases1000.jsonl"
    with open(batch, "w", encoding="utf-8") as fh:
        for k in range(1000):
            case = dict(cases[k % len(cases)], id=f"doc-{k}")
            case.pop("errors", None)
            fh.write(json.dumps(case, ensure_ascii=False) + "\n")
    secs = timed([MT, "check", "--batch", str(batch), "-o", str(WORK / "findings.jsonl"), "--force"])
    rows.append(f"| `mt check --batch` 1,000 documents (whole command) | {secs:.1f} | {1000 / secs:.0f} documents/s |")
    text = "\n".join(rows) + "\n"
    save_table("bench_e2e.md", text)


if __name__ == "__main__":
    main()
