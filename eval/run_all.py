"""Reproduce the evaluation tables: alignment (Text+Berg dev read from ../shared, the bundled
article), fidelity-dev, and alignment speed on synthetic documents.

    .venv/bin/python eval/run_all.py            # writes eval/results/summary.md too
"""
from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval" / "bench"))

from mt.align import align_documents  # noqa: E402
from mt.align.metrics import beads_to_pairs, score  # noqa: E402
from mt.alignment_formats import read_vecalign  # noqa: E402
from mt.fidelity.evaluate import score_cases  # noqa: E402
from mt.io import read_jsonl, read_lines  # noqa: E402
from mt.documents import load_document  # noqa: E402
from mt.pipeline import check_cases  # noqa: E402
from mt.segment import segment_lines  # noqa: E402
from common import save_table  # noqa: E402

SHARED = ROOT.parent / "shared"
TEXTBERG = SHARED / "benchmarks" / "textberg-dev"
CORPUS = ROOT / "corpora" / "baoquocte-291854"


def alignment_table() -> list[str]:
    rows = ["| set | MT | strict P | strict R | strict F1 | lax F1 | seconds |", "|---|---|---|---|---|---|---|"]
    if TEXTBERG.exists():
        de = load_document(TEXTBERG / "dev.de", "de", True)
        fr = load_document(TEXTBERG / "dev.fr", "fr", True)
        gold = read_vecalign(TEXTBERG / "dev.defr")
        for label, mt in (("none", None), ("dev.mt-google.fr", read_lines(TEXTBERG / "dev.mt-google.fr"))):
            t = time.perf_counter()
            s = score(gold, beads_to_pairs(align_documents(de, fr, mt=mt).beads))
            rows.append(f"| Text+Berg dev (de–fr) | {label} | {s['precision_strict']:.3f} | {s['recall_strict']:.3f} | "
                        f"{s['f1_strict']:.3f} | {s['f1_lax']:.3f} | {time.perf_counter() - t:.1f} |")
    vi, de = load_document(CORPUS / "vi.txt", "vi", True), load_document(CORPUS / "de.txt", "de", True)
    t = time.perf_counter()
    s = score(read_vecalign(CORPUS / "gold.vide"), beads_to_pairs(align_documents(vi, de).beads))
    rows.append(f"| baoquocte-291854 (vi–de, --segmented) | none | {s['precision_strict']:.3f} | {s['recall_strict']:.3f} | "
                f"{s['f1_strict']:.3f} | {s['f1_lax']:.3f} | {time.perf_counter() - t:.1f} |")
    return rows


def fidelity_table() -> list[str]:
    cases = SHARED / "fidelity-dev" / "cases.jsonl"
    if not cases.exists():
        return ["fidelity-dev not found"]
    t = time.perf_counter()
    results = check_cases(cases)
    s = score_cases(read_jsonl(cases), {k: r.findings for k, r in results.items()})
    return ["| set | precision | recall | F1 | type accuracy | seconds |", "|---|---|---|---|---|---|",
            f"| fidelity-dev (16 docs, 12 errors) | {s['precision']:.3f} | {s['recall']:.3f} | {s['f1']:.3f} | "
            f"{s['type_accuracy']:.3f} | {time.perf_counter() - t:.1f} |"]


def speed_table(sizes=(1000, 10000)) -> list[str]:
    from mt.testing import synthetic_pair

    rows = ["| sentences (src × tgt, no MT) | seconds | peak RSS MB | strict F1 vs synthetic gold |", "|---|---|---|---|"]
    for n in sizes:
        src, tgt, gold = synthetic_pair(n, seed=1)
        t = time.perf_counter()
        al = align_documents(segment_lines(src, "de", True), segment_lines(tgt, "fr", True))
        secs = time.perf_counter() - t
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        rows.append(f"| {len(src)} × {len(tgt)} | {secs:.1f} | {rss:.0f} | {score(gold, beads_to_pairs(al.beads))['f1_strict']:.3f} |")
    return rows


def main() -> None:
    sizes = tuple(int(x) for x in sys.argv[1:]) or (1000, 10000)
    out = ["## Alignment", *alignment_table(), "", "## Fidelity", *fidelity_table(), "", "## Alignment speed", *speed_table(sizes)]
    text = "\n".join(out) + "\n"
    save_table("summary.md", text)


if __name__ == "__main__":
    main()
