"""`mt check` time on long document pairs (1,000 to 10,000 segments a side), to show it grows
linearly. The pair is built from the bundled article and fidelity-dev-like sentences repeated,
with every person name replaced per repetition by a new invented one, so that the people list
and the register of offices grow with the document as they do in a long real one, and every sentence
numbered by its repetition, so that no two are alike (a cache by text gains nothing it would not in a
real document).

    .venv/bin/python eval/bench/check_bench.py [1000 5000 10000]

Each size runs the real CLI (`python -m mt check --segmented`) in its own process: the time
includes start-up, loading, language check, segmentation, alignment and every check. Wall-clock
seconds depend on what else the machine runs; CPU seconds (user + system of the process) are
reported beside them as the figure that does not.
"""
from __future__ import annotations

import itertools
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT, corpus_lines, save_table, timed  # noqa: E402

import resource  # noqa: E402


def cpu_seconds() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime

# Person names of the bundled article as written on each side (vi, de); each repetition swaps
# them for an invented name, the same on both sides.
NAMES = [("Yoon Suk Yeol", "Yoon Suk Yeol"), ("Yoon Seok Yeol", "Yoon Suk Yeol"), ("Yoon", "Yoon"),
         ("Volodymyr Zelensky", "Wolodymyr Selenskyj"), ("Zelensky", "Selenskyj"), ("Mark Rutte", "Mark Rutte"),
         ("Rutte", "Rutte")]
SYLLABLES = ["ba", "ko", "ri", "man", "tel", "su", "dor", "vek", "lin", "ha", "mo", "zen"]


def invented_names():
    for a, b, c in itertools.product(SYLLABLES, repeat=3):
        yield (a + b).title(), (b + c + a).title()


def build_pair(n: int, folder: Path) -> tuple[Path, Path]:
    vi, de = corpus_lines()
    m = min(len(vi), len(de))
    vi, de = vi[:m], de[:m]  # the bench measures time, not alignment quality: keep sides equal
    src, tgt = [], []
    names = invented_names()
    repetition = 0
    while len(src) < n:
        first, last = next(names)
        repetition += 1
        block_vi, block_de = list(vi), list(de)
        for (nv, nd) in NAMES:
            new = f"{first} {last}" if " " in nv else last
            block_vi = [s.replace(nv, new) for s in block_vi]
            block_de = [s.replace(nd, new) for s in block_de]
        # no two sentences alike, as in a real document (a cache by text would otherwise gain on the repetition)
        src += [f"{s} ({repetition})" if s.strip() else s for s in block_vi]
        tgt += [f"{s} ({repetition})" if s.strip() else s for s in block_de]
    src, tgt = src[:n], tgt[:n]
    s, t = folder / f"src{n}.txt", folder / f"tgt{n}.txt"
    s.write_text("\n".join(src) + "\n")
    t.write_text("\n".join(tgt) + "\n")
    return s, t


def main() -> None:
    sizes = [int(x) for x in sys.argv[1:]] or [1000, 5000, 10000]
    rows = ["| segments a side | `mt check` wall seconds | CPU seconds | CPU seconds per 1,000 segments |", "|---|---|---|---|"]
    times = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            s, t = build_pair(n, Path(tmp))
            out = Path(tmp) / f"findings{n}.jsonl"
            cpu0 = cpu_seconds()
            secs = timed([sys.executable, "-m", "mt", "check", str(s), str(t), "--src-lang", "vi", "--tgt-lang", "de",
                          "--segmented", "-o", str(out)], env={"PYTHONPATH": str(ROOT)})
            cpu = cpu_seconds() - cpu0
            times[n] = cpu
            rows.append(f"| {n:,} | {secs:.1f} | {cpu:.1f} | {cpu / n * 1000:.2f} |")
            print(rows[-1], flush=True)
    if len(sizes) > 1:
        a, b = sizes[0], sizes[-1]
        rows.append(f"\nGrowth {a:,} → {b:,}: ×{times[b] / times[a]:.1f} CPU time for ×{b / a:.0f} segments.")
    save_table("bench_check.md", "\n".join(rows) + "\n")


if __name__ == "__main__":
    main()
