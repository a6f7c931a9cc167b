"""Translation through the real loading code, on tiny OPUS-MT-layout checkpoints built at test time."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from conftest import ROOT, TRAIN_PAIRS, run_cli
from mt.translate import DecodeOptions, open_translator
from mt.translate.models import detect_format, resolve


def test_checkpoint_has_opus_mt_layout(tiny_model):
    for name in ("source.spm", "target.spm", "vocab.json", "config.json"):
        assert (tiny_model / name).exists(), name
    vocab = json.loads((tiny_model / "vocab.json").read_text())
    assert vocab["</s>"] == 0 and vocab["<unk>"] == 1
    assert vocab["<pad>"] == max(vocab.values()), "OPUS-MT puts <pad> last"
    assert detect_format(tiny_model) == "marian"
    assert resolve("vi", "de", str(tiny_model)).format == "marian"


@pytest.mark.parametrize("backend", ["hf", "ct2"])
def test_trained_tiny_model_reproduces_training_pairs(tiny_model, backend):
    tr = open_translator("vi", "de", model=str(tiny_model), backend=backend,
                         options=DecodeOptions(beam=1), compute_type="float32")
    out = tr.translate([s for s, _ in TRAIN_PAIRS])
    assert out == [t for _, t in TRAIN_PAIRS]


def test_ct2_float32_greedy_equals_transformers_greedy(tiny_model):
    # Sentences the model was not trained on: real decoding, whatever it produces, must agree.
    texts = ["Hai bên thảo luận về Nga.", "Ông nói về tình hình an ninh.", "Moscow hợp tác với Kiev."]
    opts = DecodeOptions(beam=1, max_length=40)
    hf = open_translator("vi", "de", model=str(tiny_model), backend="hf", options=opts)
    ct2 = open_translator("vi", "de", model=str(tiny_model), backend="ct2", options=opts, compute_type="float32")
    assert hf.translate(texts) == ct2.translate(texts)


def test_batch_size_does_not_change_greedy_output(tiny_model):
    texts = [s for s, _ in TRAIN_PAIRS] + ["Hai bên thảo luận.", "Nga sẽ tiếp tục."]
    one = open_translator("vi", "de", model=str(tiny_model), backend="hf", options=DecodeOptions(beam=1, batch_size=1, max_length=40))
    many = open_translator("vi", "de", model=str(tiny_model), backend="hf", options=DecodeOptions(beam=1, batch_size=4, max_length=40))
    assert one.translate(texts) == many.translate(texts)


def test_cli_preserves_line_count_and_blank_lines(tiny_model, tmp_path, capsys):
    src = tmp_path / "in.txt"
    src.write_text(f"{TRAIN_PAIRS[0][0]}\n\n{TRAIN_PAIRS[1][0]}\n\n\n{TRAIN_PAIRS[2][0]}\n", encoding="utf-8")
    out = tmp_path / "out.txt"
    code, _, err = run_cli(["translate", str(src), "--src", "vi", "--tgt", "de", "--model", str(tiny_model),
                            "--backend", "hf", "--beam", "1", "-o", str(out)], capsys)
    assert code == 0, err
    lines = out.read_text(encoding="utf-8").split("\n")[:-1]
    assert len(lines) == 6
    assert [i for i, line in enumerate(lines) if not line] == [1, 3, 4]
    assert lines[0] == TRAIN_PAIRS[0][1] and lines[5] == TRAIN_PAIRS[2][1]


def test_cli_jsonl_and_ct2_backend(tiny_model, tmp_path, capsys):
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": f"s{i}", "text": s}, ensure_ascii=False) + "\n" for i, (s, _) in enumerate(TRAIN_PAIRS)), encoding="utf-8")
    code, out, err = run_cli(["translate", str(src), "--src", "vi", "--tgt", "de", "--model", str(tiny_model),
                              "--backend", "ct2", "--compute-type", "float32", "--beam", "1", "--format", "jsonl"], capsys)
    assert code == 0, err
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in rows] == ["s0", "s1", "s2", "s3"]
    assert [r["translation"] for r in rows] == [t for _, t in TRAIN_PAIRS]


def test_cli_jsonl_keeps_every_field_of_a_record(tiny_model, tmp_path, capsys):
    # "+translation": a data engineer's own fields (source, metadata) come back with each record
    src = tmp_path / "in.jsonl"
    records = [{"id": "a", "text": TRAIN_PAIRS[0][0], "url": "https://example.org/1", "meta": {"page": 3}},
               {"text": TRAIN_PAIRS[1][0], "tags": ["x"]}]
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    code, out, err = run_cli(["translate", str(src), "--src", "vi", "--tgt", "de", "--model", str(tiny_model),
                              "--backend", "hf", "--beam", "1", "--format", "jsonl"], capsys)
    assert code == 0, err
    rows = [json.loads(line) for line in out.splitlines()]
    assert rows[0] == {**records[0], "translation": TRAIN_PAIRS[0][1]}
    assert rows[1] == {"id": 1, **records[1], "translation": TRAIN_PAIRS[1][1]}


def test_cli_jsonl_in_another_language_is_refused_before_translating(tiny_model, tmp_path, capsys):
    # text input is language-checked; JSONL records were translated whatever their language
    src = tmp_path / "in.jsonl"
    records = [{"id": i, "text": t} for i, t in enumerate(["Die Regierung will im nächsten Jahr zwei neue Schulen in Berlin bauen.",
                                                           "Der Zug kam mit einer Stunde Verspätung in München an."])]
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    code, _, err = run_cli(["translate", str(src), "--src", "vi", "--tgt", "de", "--model", str(tiny_model), "--backend", "hf",
                            "--format", "jsonl", "-o", str(out)], capsys)
    assert code == 2 and "looks like 'de', not 'vi'" in err and len(err.strip().splitlines()) == 1, err
    assert not out.exists()


def test_ct2_conversion_is_cached_and_reused(tiny_model):
    a = open_translator("vi", "de", model=str(tiny_model), backend="ct2", options=DecodeOptions(beam=1))
    stamp = (a.model_dir / "model.bin").stat().st_mtime_ns
    b = open_translator("vi", "de", model=str(tiny_model), backend="ct2", options=DecodeOptions(beam=1))
    assert b.model_dir == a.model_dir and (b.model_dir / "model.bin").stat().st_mtime_ns == stamp
    assert a.compute_type == "int8"


def test_models_convert_and_run_converted_directory(tiny_model, tmp_path, capsys):
    out = tmp_path / "ct2"
    code, _, err = run_cli(["models", "convert", str(tiny_model), "-o", str(out), "--quantization", "float32"], capsys)
    assert code == 0, err
    assert detect_format(out) == "ct2" and (out / "source.spm").exists()
    tr = open_translator("vi", "de", model=str(out), options=DecodeOptions(beam=1), compute_type="float32")
    assert tr.translate([TRAIN_PAIRS[1][0]]) == [TRAIN_PAIRS[1][1]]
    code, _, err = run_cli(["models", "convert", str(tiny_model), "-o", str(out)], capsys)
    assert code == 2 and "--force" in err


def test_long_segment_is_split_not_truncated(untrained_model):
    tr = open_translator("vi", "de", model=str(untrained_model), backend="hf", options=DecodeOptions(beam=1, max_length=8))
    long = " ".join(["Hai bên thảo luận về tình hình an ninh khu vực và hợp tác kinh tế."] * 6)
    assert tr.count_tokens(long) > tr.max_input_tokens
    pieces = tr._pieces(long)
    assert len(pieces) >= 2 and all(tr.count_tokens(p) <= tr.max_input_tokens for p in pieces)
    assert " ".join(pieces).split() == long.split()  # nothing dropped
    assert len(tr.translate([long, ""])) == 2


def test_missing_model_is_one_line_exit_2(tmp_path):
    env = dict(os.environ, HF_HUB_OFFLINE="1", HF_HOME=str(tmp_path / "hf"))
    src = tmp_path / "in.txt"
    src.write_text("Xin chào.\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "mt", "translate", str(src), "--src", "vi", "--tgt", "de"],
                          capture_output=True, text=True, env=env, cwd=ROOT)
    assert proc.returncode == 2
    assert "Helsinki-NLP/opus-mt-vi-de" in proc.stderr and "mt models pull vi-de" in proc.stderr
    assert "Traceback" not in proc.stderr and len(proc.stderr.strip().splitlines()) == 1


def test_ct2_path_does_not_import_torch(tiny_model, tmp_path):
    # Conversion (which needs torch) happens once; translating with a CTranslate2 model must not.
    out = tmp_path / "ct2"
    from mt.translate.models import convert

    convert(tiny_model, out, quantization="int8")
    src = tmp_path / "in.txt"
    src.write_text(TRAIN_PAIRS[0][0] + "\n", encoding="utf-8")
    code = ("import sys; from mt.cli import main\n"
            f"try: main(['translate', {str(src)!r}, '--src', 'vi', '--tgt', 'de', '--model', {str(out)!r}])\n"
            "except SystemExit: pass\n"
            "assert 'torch' not in sys.modules and 'transformers' not in sys.modules, 'torch imported'\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip()


@pytest.mark.parametrize("backend", ["hf", "ct2"])
def test_output_stops_at_the_decoder_position_table(tiny_model, backend):
    """An input the model never saw may never produce </s>: decoding must stop at the position table
    (256 here), not index past it (transformers raised IndexError there)."""
    tr = open_translator("vi", "de", model=str(tiny_model), backend=backend, options=DecodeOptions(beam=1, max_length=512))
    (out,) = tr.translate(["x"])
    positions = json.loads((tiny_model / "config.json").read_text())["max_position_embeddings"]
    assert isinstance(out, str) and len(out.split()) < positions


@pytest.mark.parametrize("fixture", ["tiny_model", "untrained_model"])
@pytest.mark.parametrize("max_length", [1, 2, 5, 9])
def test_max_length_means_the_same_in_both_backends(fixture, max_length, request):
    """--max-length N reached: transformers forces </s> as token N, CTranslate2 stops after N tokens without
    it; the mapping gives both the same greedy output (float32 conversion of the same checkpoint)."""
    model = request.getfixturevalue(fixture)
    texts = [s for s, _ in TRAIN_PAIRS] + ["Ông nói về tình hình an ninh khu vực và hợp tác kinh tế với Nga."]
    opts = DecodeOptions(beam=1, max_length=max_length)
    hf = open_translator("vi", "de", model=str(model), backend="hf", options=opts).translate(texts)
    ct2 = open_translator("vi", "de", model=str(model), backend="ct2", options=opts, compute_type="float32").translate(texts)
    assert hf == ct2
    full = open_translator("vi", "de", model=str(model), backend="hf", options=DecodeOptions(beam=1, max_length=64)).translate(texts)
    assert any(len(a) < len(b) for a, b in zip(hf, full)) or max_length == 1, "the limit was never reached"
