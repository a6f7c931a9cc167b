"""Alignment time and peak memory on synthetic documents of 1,000 to 50,000 sentences,
with and without MT similarity; each size in its own process (peak RSS is per process).

    .venv/bin/python eval/bench/align_bench.py [1000 5000 10000 50000]
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT, save_table  # noqa: E402

CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, sys.argv[1])
from mt.testing import synthetic_pair
from mt.align import align_documents
from mt.align.metrics import beads_to_pairs, score
from mt.segment import segment_lines
n, with_mt = int(sys.argv[2]), sys.argv[3] == "mt"
src, tgt, gold = synthetic_pair(n, seed=1)
s, t = segment_lines(src, "de", True), segment_lines(tgt, "fr", True)
mt = [x.upper() for x in src] if with_mt else None   # a perfect "translation" into the target's style
t0, c0 = time.perf_counter(), time.process_time()
al = align_documents(s, t, mt=mt)
secs, cpu = time.perf_counter() - t0, time.process_time() - c0
print(json.dumps({"n": len(src), "m": len(tgt), "seconds": secs, "cpu": cpu, "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "f1": score(gold, beads_to_pairs(al.beads))["f1_strict"]}))
"""


def main() -> None:
    sizes = [int(x) for x in sys.argv[1:]] or [1000, 5000, 10000, 50000]
    rows = ["| sentences (src × tgt) | MT similarity | seconds | CPU seconds | peak RSS MB | strict F1 (synthetic gold) |", "|---|---|---|---|---|---|"]
    times = {}
    for mode in ("none", "mt"):
        for n in sizes:
            out = subprocess.run([sys.executable, "-c", CHILD, str(ROOT), str(n), mode], capture_output=True, text=True, check=True)
            r = json.loads(out.stdout.strip().splitlines()[-1])
            times[(mode, n)] = r["seconds"]
            rows.append(f"| {r['n']} × {r['m']} | {mode} | {r['seconds']:.1f} | {r['cpu']:.1f} | {r['rss_mb']:.0f} | {r['f1']:.3f} |")
            print(rows[-1], flush=True)
    if len(sizes) > 1:
        a, b = sizes[0], sizes[-1]
        for mode in ("none", "mt"):
            rows.append(f"\nGrowth {a} → {b} ({mode}): ×{times[(mode, b)] / times[(mode, a)]:.1f} time for ×{b / a:.0f} sentences.")
    text = "\n".join(rows) + "\n"
    save_table("bench_align.md", text)


if __name__ == "__main__":
    main()
