#!/usr/bin/env bash
# Throughput of `mt translate` per backend on the tiny test checkpoint (d_model 64, 2+2 layers,
# ~330-token vocabulary) — a smoke figure for the pipeline, not OPUS-MT speed. 400 lines, beam 4.
set -euo pipefail
cd "$(dirname "$0")/.."
D=$(mktemp -d)
.venv/bin/python - "$D" <<'PY'
import sys
from pathlib import Path
sys.path.insert(0, "tests")
from conftest import TRAIN_PAIRS, corpus_text
from mt.testing import build_marian, train_pairs
src, tgt = corpus_text()
p = build_marian(Path(sys.argv[1]) / "tiny", src, tgt)
train_pairs(p, TRAIN_PAIRS, steps=300)
(Path(sys.argv[1]) / "in.txt").write_text("".join((s + "\n") for s in (src * 20)[:400]))
PY
export MT_CACHE_DIR="$D/cache"
.venv/bin/mt translate "$D/in.txt" --src vi --tgt de --model "$D/tiny" --backend ct2 --max-length 64 -o /dev/null  # converts once
for be in ct2 hf; do
  s=$(date +%s.%N); .venv/bin/mt translate "$D/in.txt" --src vi --tgt de --model "$D/tiny" --backend $be --beam 4 --max-length 64 -o "$D/out.$be"; e=$(date +%s.%N)
  echo "$be: 400 lines in $(echo "$e - $s" | bc) s (whole command)"
done
rm -rf "$D"
