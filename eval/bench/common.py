"""Shared helpers for the benchmarks: an OPUS-MT-sized Marian model with random weights, timing."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WORK = Path(os.environ.get("MT_BENCH_DIR", ROOT / "eval" / "bench" / ".work"))
sys.path.insert(0, str(ROOT))

OPUS_VOCAB = 58101


def corpus_lines() -> tuple[list[str], list[str]]:
    from mt.io import read_lines

    c = ROOT / "corpora" / "baoquocte-291854"
    return read_lines(c / "vi.txt"), read_lines(c / "de.txt")


def opus_sized_model() -> Path:
    """Vocabulary 58,101, 6+6 layers, d_model 512, 8 heads, FFN 2048 (opus-mt-vi-de's shape), random weights."""
    path = WORK / "opus-sized-vi-de"
    if (path / "config.json").exists():
        return path
    from mt.testing import build_marian

    vi, de = corpus_lines()
    filler = [f"▁x{i}" for i in range(OPUS_VOCAB)]
    tmp = build_marian(path, vi * 3, de * 3, spm_vocab=800, d_model=512, layers=6, heads=8, ffn=2048, max_positions=512,
                       vocab_pieces=filler[: OPUS_VOCAB], seed=0)
    # trim or pad the filler so that the vocabulary is exactly OPUS-MT's size
    vocab = json.loads((tmp / "vocab.json").read_text())
    assert len(vocab) >= OPUS_VOCAB, len(vocab)
    if len(vocab) != OPUS_VOCAB:
        import shutil

        shutil.rmtree(path)
        extra = len(vocab) - OPUS_VOCAB
        build_marian(path, vi * 3, de * 3, spm_vocab=800, d_model=512, layers=6, heads=8, ffn=2048, max_positions=512,
                     vocab_pieces=filler[: OPUS_VOCAB - extra], seed=0)
    return path


def timed(cmd: list[str], env: dict | None = None) -> float:
    t = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, **(env or {})}, cwd=ROOT)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed:\n{proc.stderr[-2000:]}")
    return time.perf_counter() - t


def peak_rss_mb(cmd: list[str]) -> tuple[float, float, str]:
    """(seconds, peak RSS MB, stdout) of a command, via /usr/bin/time -v when present."""
    import resource

    t = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    secs = time.perf_counter() - t
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr[-2000:])
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return secs, rss, proc.stdout


def save_table(name: str, text: str) -> None:
    """Print a result table and keep it under eval/results/NAME."""
    print(text)
    (ROOT / "eval" / "results").mkdir(exist_ok=True)
    (ROOT / "eval" / "results" / name).write_text(text)
