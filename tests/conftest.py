"""Shared fixtures: tiny MarianMT checkpoints in the OPUS-MT layout, built and trained here."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from mt.io import read_lines
from mt.testing import build_marian, train_pairs

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpora" / "baoquocte-291854"
SHARED = ROOT.parent / "shared"
FIDELITY_DEV = SHARED / "fidelity-dev" / "cases.jsonl"  # the benchmark: only its score checks may skip without it
EXAMPLE_CASES = ROOT / "corpora" / "examples" / "cases.jsonl"  # shipped: what every other batch test reads

# A handful of vi→de pairs the tiny model is trained to reproduce.
TRAIN_PAIRS = [
    ("Hai bên thảo luận về tình hình an ninh khu vực và hợp tác kinh tế.",
     "Beide Seiten erörterten die regionale Sicherheitslage und die wirtschaftliche Zusammenarbeit."),
    ("Moscow chưa bình luận về thông tin này.", "Moskau hat sich zu diesen Angaben bisher nicht geäußert."),
    ("Ông nói Nga sẽ tiếp tục hợp tác với các đối tác.", "Er sagte, Russland werde die Zusammenarbeit mit seinen Partnern fortsetzen."),
    ("Nguyên nhân vụ cháy đang được điều tra.", "Die Brandursache wird derzeit untersucht."),
]


def corpus_text() -> tuple[list[str], list[str]]:
    vi = read_lines(CORPUS / "vi.txt")
    de = read_lines(CORPUS / "de.txt")
    return vi + [s for s, _ in TRAIN_PAIRS], de + [t for _, t in TRAIN_PAIRS]


@pytest.fixture(scope="session", autouse=True)
def isolated_caches(tmp_path_factory):
    """No test reads or writes the user's caches or reaches a hub."""
    cache = tmp_path_factory.mktemp("cache")
    old = {k: os.environ.get(k) for k in ("MT_CACHE_DIR", "HF_HOME", "HF_HUB_OFFLINE")}
    os.environ["MT_CACHE_DIR"] = str(cache / "mt")
    os.environ["HF_HOME"] = str(cache / "hf")
    os.environ["HF_HUB_OFFLINE"] = "1"
    yield
    for k, v in old.items():
        if v is None:
            os.environ.pop(k, None)
        else:
            os.environ[k] = v


@pytest.fixture(scope="session")
def tiny_model(tmp_path_factory) -> Path:
    """A vi→de Marian checkpoint trained briefly on TRAIN_PAIRS (reproduces them under greedy)."""
    src, tgt = corpus_text()
    path = build_marian(tmp_path_factory.mktemp("models") / "tiny-vi-de", src, tgt)
    loss = train_pairs(path, TRAIN_PAIRS, steps=300)
    assert loss < 0.05, f"tiny model did not learn its pairs (loss {loss:.3f})"
    return path


@pytest.fixture(scope="session")
def de_vi_model(tmp_path_factory) -> Path:
    """An untrained de→vi checkpoint: German inputs need a model that says it translates German."""
    src, tgt = corpus_text()
    return build_marian(tmp_path_factory.mktemp("models") / "tiny-de-vi", tgt, src, src_lang="de", tgt_lang="vi")


@pytest.fixture(scope="session")
def untrained_model(tmp_path_factory) -> Path:
    """An untrained checkpoint with a small position table, for splitting long inputs."""
    src, tgt = corpus_text()
    return build_marian(tmp_path_factory.mktemp("models") / "short-vi-de", src, tgt, max_positions=32, d_model=32, layers=1)


def fidelity_cases() -> list[dict]:
    return [json.loads(line) for line in FIDELITY_DEV.read_text(encoding="utf-8").splitlines() if line.strip()]


def run_cli(args: list[str], capsys) -> tuple[int, str, str]:
    """Run `mt ARGS` in-process; returns (exit code, stdout, stderr)."""
    from mt.cli import main

    try:
        main(args)
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    out = capsys.readouterr()
    return code, out.out, out.err
