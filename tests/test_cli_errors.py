"""A new user's mistakes: every usage error, bad option value and missing device gives a short message
on stderr and exit code 2, never a traceback; outputs never replace what they must not."""
from __future__ import annotations

import json

import os
import stat
import subprocess
import sys

import pytest

from conftest import CORPUS, ROOT, run_cli

VI, DE = str(CORPUS / "vi.txt"), str(CORPUS / "de.txt")


def _short_error(code: int, err: str, *needles: str) -> None:
    assert code == 2, err
    assert "Traceback" not in err and len(err.strip().splitlines()) <= 2, err
    for needle in needles:
        assert needle in err, (needle, err)


@pytest.mark.parametrize("args, needles", [
    (["align", VI, DE], ["--src-lang", "Usage: mt align", "--help"]),
    (["check", "--segmnted", VI, DE], ["--segmnted", "Usage: mt check"]),
    (["translate", VI, "--src", "vi", "--tgt", "de", "--beam", "0"], ["--beam"]),
    (["frobnicate"], ["frobnicate", "Usage: mt"]),
    (["eval", "align", "--gold", str(CORPUS / "gold.vide")], ["--test", "Usage: mt eval align"]),
    (["check", VI, DE, "--batch-size", "3"], ["--batch-size"]),
])
def test_usage_errors_are_one_line_and_a_hint(args, needles, capsys):
    code, out, err = run_cli(args, capsys)
    _short_error(code, err, *needles)
    assert out == ""


@pytest.mark.parametrize("args, option, valid", [
    (["export", VI, DE, "--segmented", "-o", "{tmp}/x", "--drop", "critcal,major"], "--drop", "critical, major, minor"),
    (["export", VI, DE, "--segmented", "-o", "{tmp}/x", "--format", "hf,xml"], "--format", "hf, jsonl, tsv, tmx, marian"),
    (["export", VI, DE, "--segmented", "-o", "{tmp}/x", "--engine", "spark"], "--engine", "local, ray"),
    (["check", VI, DE, "--segmented", "--fail-on", "minor"], "--fail-on", "critical, major"),
    (["check", VI, DE, "--segmented", "--engine", "dask"], "--engine", "local, ray"),
    (["align", VI, DE, "--src-lang", "vi", "--tgt-lang", "de", "--format", "xml"], "--format", "vecalign, jsonl, tsv"),
    (["translate", VI, "--src", "vi", "--tgt", "de", "--format", "csv"], "--format", "text, jsonl"),
    (["translate", VI, "--src", "vi", "--tgt", "de", "--device", "tpu"], "--device", "auto, cpu, cuda"),
    (["translate", VI, "--src", "vi", "--tgt", "de", "--backend", "onnx"], "--backend", "ct2, hf"),
    (["translate", VI, "--src", "vi", "--tgt", "de", "--engine", "spark"], "--engine", "local, ray"),
    (["translate", VI, "--src", "vi", "--tgt", "de", "--compute-type", "bogus"], "--compute-type", "int8, int8_float32"),
    (["models", "convert", str(CORPUS), "-o", "{tmp}/c", "--quantization", "int4"], "--quantization", "int8, int8_float32"),
])
def test_enumerated_options_refuse_unknown_values_with_the_valid_ones(args, option, valid, tmp_path, capsys):
    code, _, err = run_cli([a.replace("{tmp}", str(tmp_path)) for a in args], capsys)
    _short_error(code, err, option, valid)
    assert not (tmp_path / "x").exists()


def test_quantization_is_checked_before_the_model(untrained_model, tmp_path, capsys):
    code, _, err = run_cli(["models", "convert", str(untrained_model), "-o", str(tmp_path / "c"), "--quantization", "int4"], capsys)
    _short_error(code, err, "int4", "float32")
    assert not (tmp_path / "c").exists()


@pytest.mark.parametrize("backend", ["ct2", "hf"])
def test_cuda_without_a_gpu_is_a_clear_error(untrained_model, backend, tmp_path, capsys):
    import ctranslate2
    import torch

    if torch.cuda.is_available() or ctranslate2.get_cuda_device_count() > 0:
        pytest.skip("this machine has a GPU")
    code, _, err = run_cli(["translate", VI, "--src", "vi", "--tgt", "de", "--model", str(untrained_model),
                            "--backend", backend, "--device", "cuda", "-o", str(tmp_path / "o.txt")], capsys)
    _short_error(code, err, "--device cuda", "--device cpu")
    assert not (tmp_path / "o.txt").exists()


def test_compute_type_the_cpu_lacks_is_a_clear_error(untrained_model, tmp_path, capsys):
    import ctranslate2

    if "float16" in ctranslate2.get_supported_compute_types("cpu"):
        pytest.skip("this CPU computes in float16")
    code, _, err = run_cli(["translate", VI, "--src", "vi", "--tgt", "de", "--model", str(untrained_model),
                            "--device", "cpu", "--compute-type", "float16", "--no-cache", "-o", str(tmp_path / "o.txt")], capsys)
    _short_error(code, err, "float16", "int8")


def test_unforeseen_library_error_is_one_line(monkeypatch, capsys):
    import mt.documents

    def boom(*a, **k):
        raise RuntimeError("CUDA failed with error\nsecond line of noise")

    monkeypatch.setattr(mt.documents, "load_document", boom)
    monkeypatch.delenv("MT_DEBUG", raising=False)
    code, _, err = run_cli(["align", VI, DE, "--src-lang", "vi", "--tgt-lang", "de"], capsys)
    assert code == 1 and err.strip() == "mt: error: RuntimeError: CUDA failed with error (MT_DEBUG=1 shows the traceback)"


def test_fail_on_exits_1_through_the_real_entry_point():
    """`typer.Exit` raised inside a command: its code, not a traceback (typer >= 0.22 has its own Exit class)."""
    run = subprocess.run([sys.executable, "-m", "mt", "check", VI, DE, "--segmented", "--fail-on", "major", "-o", os.devnull],
                         capture_output=True, text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert run.returncode == 1 and "Traceback" not in run.stderr, run.stderr


def test_eval_align_refuses_indices_past_the_gold_document(tmp_path, capsys):
    test = tmp_path / "out.vide"
    test.write_text("[0]:[0]\n[999]:[1]\n")
    code, out, err = run_cli(["eval", "align", "--gold", str(CORPUS / "gold.vide"), "--test", str(test)], capsys)
    _short_error(code, err, "999", "out of range")
    assert out == ""


@pytest.mark.parametrize("args", [["eval", "align", "--gold", "EMPTY", "--test", str(CORPUS / "gold.vide")],
                                  ["eval", "align", "--gold", str(CORPUS / "gold.vide"), "--test", "EMPTY"],
                                  ["check", VI, DE, "--segmented", "--alignment", "EMPTY"]], ids=["gold", "test", "check"])
def test_an_alignment_file_without_beads_is_refused(args, tmp_path, capsys):
    # an empty (or blank) file is a wrong path or a failed run, not "every segment unaligned" or F1 0
    empty = tmp_path / "empty.vide"
    empty.write_text("\n\n")
    code, out, err = run_cli([str(empty) if a == "EMPTY" else a for a in args], capsys)
    _short_error(code, err, "empty.vide", "no alignment beads")
    assert out == ""


@pytest.mark.parametrize("command", ["check", "align", "report", "export"])
def test_an_output_under_a_file_is_refused_before_the_work(command, tmp_path, capsys, monkeypatch):
    # missing folders are made, but 'a file/…' was a bare 'File exists: …' after the whole run
    blocker = tmp_path / "notes.txt"
    blocker.write_text("mine")
    out = blocker / "sub" / "out"
    args = {"check": ["check", VI, DE, "--segmented"], "align": ["align", VI, DE, "--src-lang", "vi", "--tgt-lang", "de"],
            "report": ["report", VI, DE, "--segmented"], "export": ["export", VI, DE, "--segmented"]}[command]
    import mt.pipeline

    def no_work(*a, **k):
        raise AssertionError("the documents were read before the output was refused")

    monkeypatch.setattr(mt.pipeline, "check_documents", no_work)
    monkeypatch.setattr(mt.pipeline, "align_pair", no_work)
    code, out_, err = run_cli(args + ["-o", str(out)], capsys)
    _short_error(code, err, str(blocker), "is not a directory")
    assert blocker.read_text() == "mine" and out_ == ""


def test_an_mt_file_per_line_of_a_split_source_says_what_is_expected(tmp_path, capsys):
    # one source line of two sentences, translated line by line: without --segmented the source has two
    # segments, and "the MT must be line-by-line" told a user whose file was just that nothing
    src, tgt, mt_file = tmp_path / "p.de", tmp_path / "p.en", tmp_path / "p.mt"
    src.write_text("Die Regierung hat am Montag einen neuen Haushalt vorgestellt. Der Minister sagte, die Ausgaben steigen.\n")
    tgt.write_text("The government presented a new budget on Monday. The minister said spending will rise.\n")
    mt_file.write_text(tgt.read_text())
    code, out, err = run_cli(["align", str(src), str(tgt), "--src-lang", "de", "--tgt-lang", "en", "--mt", str(mt_file)], capsys)
    _short_error(code, err, "1 lines, but the source has 2 segments", "--segmented", "one per sentence")
    code, out, err = run_cli(["align", str(src), str(tgt), "--src-lang", "de", "--tgt-lang", "en", "--mt", str(mt_file), "--segmented"], capsys)
    assert code == 0 and out == "[0]:[0]\n", err


def test_check_into_a_file_says_what_it_wrote(tmp_path, capsys):
    # report and export end with a summary line; check into a file ended in silence
    out = tmp_path / "findings.jsonl"
    code, stdout, err = run_cli(["check", VI, DE, "--segmented", "-o", str(out)], capsys)
    assert code == 0 and stdout == "" and len(out.read_text().splitlines()) == 3
    assert err.strip().splitlines()[-1] == f"mt: 3 findings (2 critical) in {out}"
    code, stdout, err = run_cli(["check", VI, DE, "--segmented"], capsys)
    assert code == 0 and len(stdout.splitlines()) == 3 and "findings" not in err  # stdout is the data


NEG_CASE = {"src_lang": "vi", "tgt_lang": "de", "src": ["Chính phủ chưa phê duyệt dự án."],
            "tgt": ["Die Regierung hat das Projekt genehmigt."],
            "errors": [{"src": [0], "tgt": [0], "types": ["negation"], "severity": "critical"}]}


def test_eval_fidelity_takes_cases_without_id_and_refuses_malformed_labels(tmp_path, capsys):
    # "id" is optional (README); eval fidelity failed with KeyError: 'id', and a malformed "errors" with AttributeError
    cases = tmp_path / "cases.jsonl"
    cases.write_text(json.dumps(NEG_CASE) + "\n", encoding="utf-8")
    code, out, err = run_cli(["eval", "fidelity", str(cases)], capsys)
    assert code == 0, err
    assert "recall    1.0000" in out and "1/1 gold errors found" in out
    for errors, needle in (("negation", "'errors' must be a list"), ([{"src": 0, "tgt": [0]}], "'src' must be a list"),
                           ([{"tgt": [0], "types": "negation"}], "'types' must be a list")):
        cases.write_text(json.dumps({**NEG_CASE, "errors": errors}) + "\n", encoding="utf-8")
        code, out, err = run_cli(["eval", "fidelity", str(cases)], capsys)
        _short_error(code, err, "case 1", needle)


def test_progress_reaches_a_log_file_as_plain_lines(tmp_path, capsys):
    # stderr that is no terminal (a log, a pipe) got no progress at all, only a blank line
    from mt.cli import progress_bar

    with progress_bar(200, "checking") as advance:
        for _ in range(200):
            advance(1)
    lines = capsys.readouterr().err.splitlines()
    assert lines == [f"mt: checking: {k}/200" for k in range(20, 201, 20)]
    with progress_bar(5, "short work") as advance:
        advance(5)
    assert capsys.readouterr().err == ""


def test_one_long_document_shows_its_progress(tmp_path, capsys, monkeypatch):
    # `mt check` and `mt report` on one long document showed nothing for most of a minute
    import mt
    from mt.fidelity import PARALLEL_FROM

    vi = tmp_path / "vi.txt"
    de = tmp_path / "de.txt"
    vi.write_text("".join(f"Chính phủ đã phê duyệt dự án số {k}.\n" for k in range(1, 61)), encoding="utf-8")
    de.write_text("".join(f"Die Regierung hat das Projekt Nummer {k} genehmigt.\n" for k in range(1, 61)), encoding="utf-8")
    calls = []
    res = mt.check(vi, de, "vi", "de", segmented=True, progress=lambda n, total: calls.append((n, total)))
    beads = len(res.alignment.beads)
    assert {t for _, t in calls} == {2 * beads} and sum(n for n, _ in calls) == 2 * beads and len(calls) > 2
    assert beads < PARALLEL_FROM  # (forked workers report the same way: tests/test_fidelity.py runs them)
    code, _, err = run_cli(["check", str(vi), str(de), "--src-lang", "vi", "--tgt-lang", "de", "--segmented",
                            "-o", str(tmp_path / "f.jsonl")], capsys)
    assert code == 0 and f"mt: checking: {2 * beads}/{2 * beads}" in err.splitlines(), err


def test_an_mt_file_in_another_language_than_the_target_is_refused(tmp_path, capsys):
    # the source file itself given as its MT was taken as a German 'translation' into German
    code, out, err = run_cli(["align", VI, DE, "--src-lang", "vi", "--tgt-lang", "de", "--segmented", "--mt", VI], capsys)
    _short_error(code, err, "looks like 'vi', not 'de'")
    code, out, err = run_cli(["check", VI, DE, "--src-lang", "vi", "--tgt-lang", "de", "--segmented", "--mt", VI], capsys)
    _short_error(code, err, "looks like 'vi', not 'de'")
    mt_file = tmp_path / "vi.mt.de"  # German lines, one per source segment, are taken
    n = len((CORPUS / "vi.txt").read_text(encoding="utf-8").splitlines())
    german = (CORPUS / "de.txt").read_text(encoding="utf-8").splitlines()
    mt_file.write_text("\n".join((german * 2)[:n]) + "\n", encoding="utf-8")
    code, out, err = run_cli(["align", VI, DE, "--src-lang", "vi", "--tgt-lang", "de", "--segmented", "--mt", str(mt_file)], capsys)
    assert code == 0 and out, err


def test_export_with_no_pairs_left_says_so(tmp_path, capsys):
    code, _, err = run_cli(["export", VI, DE, "--segmented", "-o", str(tmp_path / "x"), "--min-score", "99"], capsys)
    _short_error(code, err, "no pairs left to export", "low_score")
    assert not (tmp_path / "x").exists()


# --------------------------------------------------------------------------------------------
# outputs: streams are written into, only regular files are replaced, the umask is respected
# --------------------------------------------------------------------------------------------
def test_force_never_replaces_a_device(capsys):
    before = os.stat(os.devnull)
    code, _, err = run_cli(["check", VI, DE, "--segmented", "-o", os.devnull, "--force"], capsys)
    assert code == 0, err
    after = os.stat(os.devnull)
    assert stat.S_ISCHR(after.st_mode) and after.st_ino == before.st_ino


def test_fifo_output_is_streamed_into(tmp_path, capsys):
    import threading

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(open(fifo, "rb").read()))
    reader.start()
    code, _, err = run_cli(["check", VI, DE, "--segmented", "-o", str(fifo)], capsys)
    reader.join(timeout=30)
    assert code == 0, err
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert got and b'"severity"' in got[0]


def test_force_refuses_to_replace_a_directory_or_socket(tmp_path, capsys):
    import socket

    (tmp_path / "d").mkdir()
    code, _, err = run_cli(["check", VI, DE, "--segmented", "-o", str(tmp_path / "d"), "--force"], capsys)
    _short_error(code, err, "directory")
    sock_path = tmp_path / "s"
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(sock_path))
        code, _, err = run_cli(["check", VI, DE, "--segmented", "-o", str(sock_path), "--force"], capsys)
        _short_error(code, err, "not a regular file")
        assert stat.S_ISSOCK(os.stat(sock_path).st_mode)


def test_symlinked_output_keeps_its_link(tmp_path, capsys):
    target = tmp_path / "real.jsonl"
    target.write_text("old\n")
    link = tmp_path / "link.jsonl"
    link.symlink_to(target)
    code, _, err = run_cli(["check", VI, DE, "--segmented", "-o", str(link), "--force"], capsys)
    assert code == 0, err
    assert link.is_symlink() and '"severity"' in target.read_text()


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_outputs_respect_the_umask(tmp_path, capsys, umask_022):
    out = tmp_path / "f.jsonl"
    code, _, err = run_cli(["check", VI, DE, "--segmented", "-o", str(out)], capsys)
    assert code == 0, err
    assert stat.S_IMODE(out.stat().st_mode) == 0o644
    code, _, err = run_cli(["export", VI, DE, "--segmented", "-o", str(tmp_path / "exp"), "--format", "jsonl"], capsys)
    assert code == 0, err
    assert stat.S_IMODE((tmp_path / "exp").stat().st_mode) == 0o755
    os.umask(0o077)
    private = tmp_path / "p.jsonl"
    code, _, err = run_cli(["check", VI, DE, "--segmented", "-o", str(private)], capsys)
    assert stat.S_IMODE(private.stat().st_mode) == 0o600


def test_replaced_file_keeps_its_mode(tmp_path, capsys, umask_022):
    out = tmp_path / "f.jsonl"
    out.write_text("old\n")
    out.chmod(0o640)
    code, _, err = run_cli(["check", VI, DE, "--segmented", "-o", str(out), "--force"], capsys)
    assert code == 0, err
    assert stat.S_IMODE(out.stat().st_mode) == 0o640 and '"severity"' in out.read_text()


def test_demo_and_report_share_one_overwrite_policy(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    out = tmp_path / "report"
    code, _, err = run_cli(["report", "-o", str(out)], capsys)
    assert code == 0, err
    stamp = (out / "index.html").stat().st_mtime_ns
    for cmd in (["report"], ["demo"]):
        code, _, err = run_cli(cmd + ["-o", str(out)], capsys)
        _short_error(code, err, "--force")
        assert (out / "index.html").stat().st_mtime_ns == stamp
    code, _, err = run_cli(["demo", "-o", str(out), "--force"], capsys)
    assert code == 0, err


def test_models_list_and_an_offline_pull(capsys, monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    code, out, err = run_cli(["models", "list"], capsys)
    assert code == 0, err
    assert "vi-de\tHelsinki-NLP/opus-mt-vi-de\t" in out
    code, out, err = run_cli(["models", "pull", "vi-de"], capsys)
    _short_error(code, err, "could not download Helsinki-NLP/opus-mt-vi-de")
    code, out, err = run_cli(["models", "pull", "vide"], capsys)
    _short_error(code, err, "vi-de")


def _commands():
    import typer

    from mt.cli import app

    def walk(cmd, path):
        if getattr(cmd, "commands", None):  # a group (typer ships its own click)
            for name, sub in cmd.commands.items():
                yield from walk(sub, path + [name])
        else:
            yield path, cmd

    return list(walk(typer.main.get_command(app), []))


@pytest.mark.parametrize("path", [[], ["models"], ["eval"]], ids=["mt", "models", "eval"])
def test_command_groups_show_examples_too(path, capsys, monkeypatch):
    # `mt --help` is a newcomer's first stop
    monkeypatch.setenv("COLUMNS", "60")
    code, out, err = run_cli(path + ["--help"], capsys)
    assert code == 0, err
    printed = [line.strip() for line in out.splitlines()]
    assert any(line.startswith("Examples") for line in printed), out
    assert sum(line.startswith(" ".join(["mt"] + path) + " ") for line in printed) >= 2, out


@pytest.mark.parametrize("path", [p for p, _ in _commands()], ids=" ".join)
def test_every_command_has_help_with_examples_that_paste_whole(path, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "60")  # a narrow terminal must not wrap an example inside a path
    cmd = dict((tuple(p), c) for p, c in _commands())[tuple(path)]
    code, out, err = run_cli(path + ["--help"], capsys)
    assert code == 0, err
    examples = [line.strip() for line in (cmd.epilog or "").splitlines() if line.strip().startswith("mt ")]
    assert examples, f"mt {' '.join(path)} --help shows no example"
    printed = [line.strip() for line in out.splitlines()]
    for example in examples:
        assert example in printed
        assert "../shared" not in example  # a user's clone has no ../shared
