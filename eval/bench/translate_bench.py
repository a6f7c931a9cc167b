"""Translation speed on an OPUS-MT-sized Marian model (random weights, fixed output length).

    .venv/bin/python eval/bench/translate_bench.py [--lines 32] [--out-len 32]

1. Library level, same process, 2 threads: transformers vs CTranslate2 int8 / float32,
   batch 1, 8, 32, beam 1 and 4: tokens/s and sentences/s.
2. Whole commands side by side: `mt translate --backend ct2` vs `--backend hf` (beam 4 and greedy),
   and `mt translate --backend ct2` vs a plain script calling sentencepiece and
   ctranslate2.Translator.translate_batch directly (the project's own overhead).
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT, WORK, corpus_lines, opus_sized_model, save_table, timed  # noqa: E402

PLAIN_SCRIPT = textwrap.dedent('''
    import sys, ctranslate2, sentencepiece as spm
    model, inp, out, beam, length = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
    sp_src = spm.SentencePieceProcessor(model_file=model + "/source.spm")
    sp_tgt = spm.SentencePieceProcessor(model_file=model + "/target.spm")
    tr = ctranslate2.Translator(model, device="cpu", compute_type="int8", intra_threads=2)
    lines = open(inp, encoding="utf-8").read().splitlines()
    res = tr.translate_batch([sp_src.encode(l, out_type=str) + ["</s>"] for l in lines], beam_size=beam,
                             max_batch_size=16, max_decoding_length=length, min_decoding_length=length)
    open(out, "w", encoding="utf-8").write("".join(sp_tgt.decode(r.hypotheses[0]) + "\\n" for r in res))
''')


def library_level(model: Path, lines: list[str], out_len: int) -> list[str]:
    import torch

    from mt.translate import DecodeOptions, open_translator

    torch.set_num_threads(2)
    rows = ["| backend | batch | beam | tokens/s | sentences/s |", "|---|---|---|---|---|"]
    results = {}
    for backend, compute in (("hf", None), ("ct2", "int8"), ("ct2", "float32")):
        for beam in (1, 4):
            for batch in (1, 8, 32):
                opts = DecodeOptions(beam=beam, batch_size=batch, max_length=out_len, min_length=out_len)
                tr = open_translator("vi", "de", model=str(model), backend=backend, options=opts, compute_type=compute)
                tr.translate(lines[:2])  # warm-up
                t = time.perf_counter()
                tr.translate(lines)
                secs = time.perf_counter() - t
                tok = len(lines) * out_len / secs
                results[(backend, compute, beam, batch)] = tok
                label = backend if compute is None else f"ct2 {compute}"
                rows.append(f"| {label} | {batch} | {beam} | {tok:.0f} | {len(lines) / secs:.2f} |")
                print(rows[-1], flush=True)
    rows.append("")
    rows.append("| beam | batch | ct2 int8 / hf | ct2 float32 / hf |")
    rows.append("|---|---|---|---|")
    for beam in (1, 4):
        for batch in (1, 8, 32):
            hf = results[("hf", None, beam, batch)]
            rows.append(f"| {beam} | {batch} | {results[('ct2', 'int8', beam, batch)] / hf:.2f}x | {results[('ct2', 'float32', beam, batch)] / hf:.2f}x |")
    return rows


def whole_commands(model: Path, lines: list[str], out_len: int) -> list[str]:
    WORK.mkdir(parents=True, exist_ok=True)
    inp = WORK / "bench.vi.txt"
    inp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    mt = [str(ROOT / ".venv" / "bin" / "mt"), "translate", str(inp), "--src", "vi", "--tgt", "de", "--model", str(model),
          "--no-cache", "--force", "--max-length", str(out_len), "--min-length", str(out_len), "--batch-size", "16"]
    env = {"MT_CACHE_DIR": str(WORK / "cache"), "OMP_NUM_THREADS": "2"}
    # convert once, outside the timings (the cache makes later runs reuse it)
    timed(mt + ["--backend", "ct2", "--beam", "1", "-o", str(WORK / "warm.txt")], env)
    ct2_dir = next((WORK / "cache" / "ct2").iterdir())
    plain = WORK / "plain.py"
    plain.write_text(PLAIN_SCRIPT)
    rows = ["| beam | `mt translate --backend hf` s | `--backend ct2` s | speed-up | plain CT2 script s | mt ct2 overhead |", "|---|---|---|---|---|---|"]
    for beam in (4, 1):
        hf = min(timed(mt + ["--backend", "hf", "--beam", str(beam), "-o", str(WORK / "hf.txt")], env) for _ in range(2))
        ct2 = min(timed(mt + ["--backend", "ct2", "--beam", str(beam), "-o", str(WORK / "ct2.txt")], env) for _ in range(3))
        # --max-length counts the end token (as in transformers): the plain script decodes one token fewer
        base = min(timed([sys.executable, str(plain), str(ct2_dir), str(inp), str(WORK / "plain.txt"), str(beam), str(out_len - 1)], env) for _ in range(3))
        rows.append(f"| {beam} | {hf:.2f} | {ct2:.2f} | {hf / ct2:.2f}x | {base:.2f} | {100 * (ct2 - base) / base:+.1f}% |")
        print(rows[-1], flush=True)
    return rows


def timed_cpu(cmd: list[str], env: dict) -> tuple[float, float]:
    """(wall seconds, CPU seconds: user + system of the command and its threads). CPU time is what to
    compare on a loaded machine, where wall time mostly measures the other processes."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env={**os.environ, **env}, cwd=ROOT)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    err = proc.stderr.read().decode(errors="replace")
    proc.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed:\n{err[-2000:]}")
    return wall, usage.ru_utime + usage.ru_stime


def overhead(model: Path, lines: list[str], out_len: int, beam: int = 4, rounds: int = 3) -> list[str]:
    """`mt translate --backend ct2` against the plain script on the same lines, side by side: the rounds
    alternate plain / mt without cache / mt with a new (empty) cache, so load on the machine hits all three alike.
    `--max-length N` counts the end token (as transformers does), so the plain script decodes N-1 tokens."""
    WORK.mkdir(parents=True, exist_ok=True)
    inp = WORK / "overhead.vi.txt"
    inp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    env = {"MT_CACHE_DIR": str(WORK / "cache"), "OMP_NUM_THREADS": "2", "PYTHONPATH": str(ROOT)}
    mt = [sys.executable, "-m", "mt", "translate", str(inp), "--src", "vi", "--tgt", "de", "--model", str(model),
          "--backend", "ct2", "--force", "--max-length", str(out_len), "--min-length", str(out_len - 1), "--batch-size", "16",
          "--beam", str(beam)]
    timed(mt + ["--no-cache", "--beam", "1", "-o", str(WORK / "warm.txt")], env)  # converts once, outside the timings
    ct2_dir = next((WORK / "cache" / "ct2").iterdir())
    plain = WORK / "plain.py"
    plain.write_text(PLAIN_SCRIPT)
    runs: dict[str, list[tuple[float, float]]] = {"plain": [], "mt --no-cache": [], "mt (cache)": []}
    for r in range(rounds):
        runs["plain"].append(timed_cpu([sys.executable, str(plain), str(ct2_dir), str(inp), str(WORK / "plain.txt"), str(beam), str(out_len - 1)], env))
        runs["mt --no-cache"].append(timed_cpu(mt + ["--no-cache", "-o", str(WORK / "mt.txt")], env))
        fresh = WORK / f"cache-{r}"
        import shutil

        shutil.rmtree(fresh, ignore_errors=True)
        (fresh / "ct2").mkdir(parents=True)
        (fresh / "ct2" / ct2_dir.name).symlink_to(ct2_dir)
        runs["mt (cache)"].append(timed_cpu(mt + ["-o", str(WORK / "mt-cache.txt")], {**env, "MT_CACHE_DIR": str(fresh)}))
        print({k: (round(v[-1][0], 2), round(v[-1][1], 2)) for k, v in runs.items()}, flush=True)
    same = (WORK / "plain.txt").read_text(encoding="utf-8") == (WORK / "mt.txt").read_text(encoding="utf-8") == \
        (WORK / "mt-cache.txt").read_text(encoding="utf-8")
    base_wall = min(w for w, _ in runs["plain"])
    base_cpu = min(c for _, c in runs["plain"])
    rows = [f"{len(lines)} distinct lines, beam {beam}, batch 16, --max-length {out_len}, {os.cpu_count()} cores; best of {rounds} "
            f"alternating rounds; outputs identical: {same}", "",
            "| command | best wall s | vs plain | best CPU s | vs plain | all runs (wall/CPU s) |", "|---|---|---|---|---|---|"]
    for name, values in runs.items():
        wall, cpu = min(w for w, _ in values), min(c for _, c in values)
        rows.append(f"| {name} | {wall:.2f} | {100 * (wall - base_wall) / base_wall:+.1f}% | {cpu:.2f} | "
                    f"{100 * (cpu - base_cpu) / base_cpu:+.1f}% | {', '.join(f'{w:.1f}/{c:.1f}' for w, c in values)} |")
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--lines", type=int, default=32)
    ap.add_argument("--out-len", type=int, default=32)
    ap.add_argument("--command-lines", type=int, default=160)
    ap.add_argument("--skip-library", action="store_true")
    ap.add_argument("--overhead-only", type=int, metavar="LINES", default=0,
                    help="only mt's own cost against the plain script, on LINES distinct lines, beam 4 (e.g. 192)")
    args = ap.parse_args()
    model = opus_sized_model()
    vi, _ = corpus_lines()
    # input sentences of news length, cut to about 40 words so that every backend sees the same input
    pool = [" ".join(line.split()[:40]) for line in vi if len(line.split()) > 8]
    # every line distinct (mt translates a repeated segment once; a fair comparison has none)
    lines = [f"{pool[k % len(pool)]} ({k})" for k in range(args.lines)]
    if args.overhead_only:
        whole = [f"{pool[k % len(pool)]} ({k})" for k in range(args.overhead_only)]
        save_table("bench_translate_overhead.md", "\n".join(["### mt translate --backend ct2 vs the plain script", ""] +
                                                          overhead(model, whole, args.out_len)) + "\n")
        return
    out = [f"Model: OPUS-MT shape (vocab 58,101, 6+6 layers, d_model 512, 8 heads, FFN 2048), random weights; "
           f"{args.lines} sentences, output fixed at {args.out_len} tokens; {os.cpu_count()} cores.", ""]
    if not args.skip_library:
        out += ["### Library level (2 threads)", ""] + library_level(model, lines, args.out_len) + [""]
    whole = [f"{pool[k % len(pool)]} ({k})" for k in range(args.command_lines)]
    out += ["### Whole commands", "", f"{args.command_lines} distinct lines, batch 16, each command timed from process start to exit (best of 2-3).", ""]
    out += whole_commands(model, whole, args.out_len)
    text = "\n".join(out) + "\n"
    save_table("bench_translate.md", text)


if __name__ == "__main__":
    main()
