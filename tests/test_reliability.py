"""Hostile input for every command, interrupted runs, and properties that must always hold.

Each hostile input gets correct output or one line on stderr with exit code 2: never a
traceback, never a half-written or replaced output."""
from __future__ import annotations

import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
import unicodedata
from pathlib import Path
import zipfile

import pytest
from hypothesis import example, given, settings, strategies as st

from conftest import CORPUS, ROOT, TRAIN_PAIRS, run_cli

VI = (CORPUS / "vi.txt").read_text(encoding="utf-8")
DE = (CORPUS / "de.txt").read_text(encoding="utf-8")
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde"


def _zip() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("a.txt", "hello")
    return buf.getvalue()


def _viscii(text: str) -> bytes:
    table = json.loads((ROOT / "mt" / "data" / "viscii.json").read_text(encoding="utf-8"))
    reverse = {ch: bytes([b]) for b, ch in enumerate(table)}
    return b"".join(reverse[c] for c in unicodedata.normalize("NFC", text))


def _cp1258(text: str) -> bytes:
    """Windows-1258 writes Vietnamese tone marks as combining characters after the vowel."""
    tones = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
    out = []
    for ch in unicodedata.normalize("NFC", text):
        d = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in d if c not in tones))
        out.append(base + "".join(c for c in d if c in tones))
    return "".join(out).encode("cp1258")


VI_PLAIN = VI.replace("“", '"').replace("”", '"')  # VISCII has no typographic quotes
DE_PLAIN = DE.replace("„", '"').replace("“", '"')

# name -> (which side is hostile, bytes or None for "missing"/"dir", expected: "ok" or "refused")
CASES = {
    "empty": ("src", b"", "refused"),
    "blank_lines": ("src", b"\n\n  \n", "refused"),
    "missing": ("src", None, "refused"),
    "directory": ("src", "dir", "refused"),
    "png": ("src", PNG, "refused"),
    "zip": ("src", _zip(), "refused"),
    "too_large": ("src", "big", "refused"),
    "vi_windows_1258": ("src", _cp1258(VI_PLAIN), "ok"),
    "vi_viscii": ("src", _viscii(VI_PLAIN), "ok"),
    "de_latin1": ("tgt", DE_PLAIN.encode("latin-1"), "ok"),
    "de_windows_1252": ("tgt", DE.encode("cp1252"), "ok"),
    "utf8_bom": ("src", b"\xef\xbb\xbf" + VI.encode(), "ok"),
    "crlf": ("src", VI.replace("\n", "\r\n").encode(), "ok"),
    "lone_cr": ("src", VI.replace("\n", "\r").encode(), "ok"),
    "nfd": ("src", unicodedata.normalize("NFD", VI).encode(), "ok"),
    "html": ("src", ("<!DOCTYPE html><html><head><title>x</title></head><body><p>" + "</p><p>".join(VI.splitlines()) + "</p></body></html>").encode(), "html"),
    "swapped": ("src", DE.encode(), "refused"),
    "long_line": ("src", (VI.splitlines()[1] + " ") .encode() * 60 + b"\n" + VI.encode(), "ok"),
    "control_zero_width_emoji": ("src", VI.replace("Yoon", "Yo\u200bon").replace("Nga", "Nga \U0001F1F7\U0001F1FA").replace("Seoul", "Se\x07oul").encode(), "ok"),
}


def _expect_html() -> str:
    import importlib.util

    return "ok" if importlib.util.find_spec("trafilatura") else "refused"


def _materialise(tmp_path, case):
    side, data, expected = CASES[case]
    if expected == "html":
        expected = _expect_html()
    src, tgt = tmp_path / "src.txt", tmp_path / "tgt.txt"
    src.write_text(VI, encoding="utf-8")
    tgt.write_text(DE, encoding="utf-8")
    target = src if side == "src" else tgt
    if data is None:
        target.unlink()
    elif data == "dir":
        target.unlink()
        target.mkdir()
    elif data == "big":
        with open(target, "wb") as fh:
            line = VI.encode()
            for _ in range(50 * 1024 * 1024 // len(line) + 1):
                fh.write(line)
    else:
        target.write_bytes(data)
    return src, tgt, expected


def _assert_outcome(code, err, out_path, expected):
    assert "Traceback" not in err
    if expected == "ok":
        assert code == 0, err
        assert out_path.exists()
    else:
        assert code == 2, (code, err)
        assert len(err.strip().splitlines()) == 1 and err.startswith("mt: error:"), err
        assert not out_path.exists() and not list(out_path.parent.glob(f".{out_path.name}.*"))


@pytest.mark.parametrize("case", list(CASES))
def test_translate_hostile_input(case, tmp_path, tiny_model, de_vi_model, capsys):
    src, tgt, expected = _materialise(tmp_path, case)
    lang = "de" if CASES[case][0] == "tgt" else "vi"
    inp = tgt if lang == "de" else src
    out = tmp_path / "out" / "mt.txt"
    model = de_vi_model if lang == "de" else tiny_model  # the model must translate the pair asked for
    code, _, err = run_cli(["translate", str(inp), "--src", lang, "--tgt", "vi" if lang == "de" else "de",
                            "--model", str(model), "--beam", "1", "--max-length", "16", "-o", str(out)], capsys)
    if case in ("empty", "blank_lines"):
        # translating nothing is not an error: the output has as many (blank) lines as the input
        assert code == 0, err
        assert out.read_text() == "\n" * len(inp.read_text().splitlines())
        return
    _assert_outcome(code, err, out, expected)
    if expected == "ok" and case == "html":
        # HTML is read as the article text trafilatura extracts: one output line per extracted line
        from mt.documents import read_input_lines

        assert len(out.read_text(encoding="utf-8").splitlines()) == len(read_input_lines(inp, "vi", check_language=False)) > 1
    elif expected == "ok":
        assert len(out.read_text(encoding="utf-8").splitlines()) == len(inp.read_text(encoding="utf-8", errors="replace").replace("\r\n", "\n").replace("\r", "\n").splitlines())


@pytest.mark.parametrize("command", ["align", "check", "report", "export"])
@pytest.mark.parametrize("case", list(CASES))
def test_document_commands_hostile_input(case, command, tmp_path, capsys):
    src, tgt, expected = _materialise(tmp_path, case)
    out = tmp_path / "out" / ("result" if command in ("report", "export") else "result.txt")
    args = {"align": ["align", str(src), str(tgt), "--src-lang", "vi", "--tgt-lang", "de", "--segmented", "-o", str(out)],
            "check": ["check", str(src), str(tgt), "--src-lang", "vi", "--tgt-lang", "de", "--segmented", "-o", str(out)],
            "report": ["report", str(src), str(tgt), "--src-lang", "vi", "--tgt-lang", "de", "--segmented", "-o", str(out)],
            "export": ["export", str(src), str(tgt), "--src-lang", "vi", "--tgt-lang", "de", "--segmented", "--format", "jsonl,tmx",
                       "--keep-flagged", "-o", str(out)]}[command]  # about reading the input: flagged pairs count too
    code, _, err = run_cli(args, capsys)
    _assert_outcome(code, err, out, expected)


def test_encodings_and_nfd_give_identical_findings(tmp_path, capsys):
    results = []
    for name, data in (("utf8", VI_PLAIN.encode()), ("cp1258", _cp1258(VI_PLAIN)), ("viscii", _viscii(VI_PLAIN)),
                       ("nfd", unicodedata.normalize("NFD", VI_PLAIN).encode())):
        src = tmp_path / f"{name}.txt"
        src.write_bytes(data)
        code, out, err = run_cli(["check", str(src), str(CORPUS / "de.txt"), "--segmented"], capsys)
        assert code == 0, err
        results.append([(f["type"], f["tgt"]) for f in map(json.loads, out.splitlines())])
    assert all(r == results[0] for r in results) and ("attribution", [2]) in results[0]


@pytest.mark.parametrize("command", ["translate", "align", "check"])
def test_existing_output_is_not_replaced_without_force(command, tmp_path, tiny_model, capsys):
    out = tmp_path / "existing.txt"
    out.write_text("precious")
    args = {"translate": ["translate", str(CORPUS / "vi.txt"), "--src", "vi", "--tgt", "de", "--model", str(tiny_model)],
            "align": ["align", str(CORPUS / "vi.txt"), str(CORPUS / "de.txt"), "--src-lang", "vi", "--tgt-lang", "de"],
            "check": ["check", str(CORPUS / "vi.txt"), str(CORPUS / "de.txt")]}[command]
    code, _, err = run_cli(args + ["-o", str(out)], capsys)
    assert code == 2 and "--force" in err and out.read_text() == "precious"


@pytest.mark.parametrize("content,args", [
    ('{"id": 1, "text": "a"}\n{broken\n', ["translate", "{f}", "--src", "vi", "--tgt", "de", "--format", "jsonl"]),
    ('{"id": 1, "text": "a"}\n{broken\n', ["check", "--batch", "{f}"]),
    ('{"id": "x", "src": ["a"]}\n', ["check", "--batch", "{f}"]),
    ('{"id": "x", "src": ["a"]}\n', ["export", "{f}", "-o", "{out}"]),
    ('{"id": 1, "text": "a \\ud800 b"}\n', ["translate", "{f}", "--src", "vi", "--tgt", "de", "--format", "jsonl"]),
    ('{"id": "x", "src": ["Hai b\\u00ean \\udc00."], "tgt": ["Beide Seiten."]}\n', ["check", "--batch", "{f}"]),
    ('{"id": "x", "src": ["Hai b\\u00ean \\udc00."], "tgt": ["Beide Seiten."]}\n', ["export", "{f}", "-o", "{out}"]),
    ('[0]:[0]\n[1]:[99]\n', ["check", str(CORPUS / "vi.txt"), str(CORPUS / "de.txt"), "--segmented", "--alignment", "{f}"]),
    ('not an alignment\n', ["check", str(CORPUS / "vi.txt"), str(CORPUS / "de.txt"), "--segmented", "--alignment", "{f}"]),
])
def test_malformed_structured_input(content, args, tmp_path, tiny_model, capsys):
    f = tmp_path / "input.jsonl"
    f.write_text(content)
    args = [a.replace("{f}", str(f)).replace("{out}", str(tmp_path / "exp")) for a in args]
    if args[0] == "translate":
        args += ["--model", str(tiny_model)]
    code, _, err = run_cli(args, capsys)
    assert code == 2 and len(err.strip().splitlines()) == 1 and "Traceback" not in err, err


GOOD_CASE = {"id": "good", "src_lang": "de", "tgt_lang": "en", "src": ["Der Zug kam mit einer Stunde Verspätung an."],
             "tgt": ["The train arrived an hour late."]}


@pytest.mark.parametrize("bad,needle", [
    ({"src": [], "tgt": []}, "no text"),
    ({"src": ["", "  "]}, "no text"),
    ({"tgt": []}, "no text"),
    ({"align": [[[0], [5]]]}, "target index 5 is out of range"),
    ({"align": "[0]:[0]"}, "[[src ids], [tgt ids]]"),
    ({"src_lang": "xx"}, "'xx' is not a language code"),
], ids=["both-empty", "blank-src", "empty-tgt", "align-misfit", "align-not-a-list", "bad-language"])
@pytest.mark.parametrize("command", ["check", "export"])
def test_a_bad_jsonl_document_is_refused_naming_it(bad, needle, command, tmp_path, capsys):
    # as an empty file is refused, so is a document without text; a bad 'align' names its document
    f = tmp_path / "docs.jsonl"
    f.write_text(json.dumps(GOOD_CASE) + "\n" + json.dumps({**GOOD_CASE, "id": "second", **bad}) + "\n")
    out = tmp_path / "out"
    args = ["check", "--batch", str(f), "-o", str(out)] if command == "check" else ["export", str(f), "-o", str(out)]
    code, _, err = run_cli(args, capsys)
    assert code == 2 and len(err.strip().splitlines()) == 1 and "Traceback" not in err, err
    assert needle in err and ("case 2" in err or "second" in err), err
    assert not out.exists()


def test_killed_translation_resumes_to_identical_output(tiny_model, tmp_path):
    lines = [s for s, _ in TRAIN_PAIRS] * 50 + [f"Hai bên thảo luận về {i} người." for i in range(200)]
    inp = tmp_path / "in.txt"
    inp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    env = dict(os.environ, MT_CACHE_DIR=str(tmp_path / "cache"))
    base = [sys.executable, "-m", "mt", "translate", str(inp), "--src", "vi", "--tgt", "de", "--model", str(tiny_model),
            "--backend", "hf", "--beam", "2", "--batch-size", "2", "--max-length", "24"]
    reference = subprocess.run(base + ["--no-cache", "-o", str(tmp_path / "ref.txt")], env=env, capture_output=True, cwd=ROOT)
    assert reference.returncode == 0, reference.stderr
    out = tmp_path / "out.txt"
    proc = subprocess.Popen(base + ["-o", str(out)], env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    db = tmp_path / "cache" / "translations.sqlite"
    deadline = time.time() + 120
    done = 0
    while time.time() < deadline and proc.poll() is None:
        if db.exists():
            try:
                done = sqlite3.connect(str(db), timeout=1).execute("SELECT COUNT(*) FROM translations").fetchone()[0]
            except sqlite3.OperationalError:
                done = 0
            if done >= 40:
                break
        time.sleep(0.05)
    assert proc.poll() is None, "the run finished before it could be killed; make the input longer"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert not out.exists(), "a killed run must not leave an output"
    total = len(set(lines))
    assert 40 <= done < total
    resumed = subprocess.run(base + ["-o", str(out)], env=env, capture_output=True, cwd=ROOT)
    assert resumed.returncode == 0, resumed.stderr
    assert out.read_bytes() == (tmp_path / "ref.txt").read_bytes()


def _wait_until_translating(proc: subprocess.Popen, cache: Path, at_least: int = 5, limit: float = 120.0) -> None:
    """Until the command has put `at_least` translations in its cache: past the interpreter's start-up and the
    imports, into the batches. A fixed sleep, or waiting for torch to load, raced with the imports."""
    db = cache / "translations.sqlite"
    end = time.monotonic() + limit
    while time.monotonic() < end and proc.poll() is None:
        if db.exists():
            try:
                if sqlite3.connect(str(db), timeout=1).execute("SELECT COUNT(*) FROM translations").fetchone()[0] >= at_least:
                    return
            except sqlite3.OperationalError:
                pass
        time.sleep(0.05)


def _hear_ctrl_c() -> None:
    """In the child: Ctrl-C as at a terminal. A shell starts a background job (`make test &`, a detached CI
    step) with SIGINT ignored, every process under it inherits that, and Python then installs no handler:
    the interrupted run went on translating and the test waited out its minute."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_ctrl_c_exits_130_without_traceback(tiny_model, tmp_path):
    inp = tmp_path / "in.txt"
    # distinct lines: identical ones are translated once, and the job would end before the signal
    inp.write_text("\n".join(f"{TRAIN_PAIRS[0][0]} {k}" for k in range(2000)) + "\n", encoding="utf-8")
    env = dict(os.environ, MT_CACHE_DIR=str(tmp_path / "cache"))
    proc = subprocess.Popen([sys.executable, "-m", "mt", "translate", str(inp), "--src", "vi", "--tgt", "de", "--model", str(tiny_model),
                             "--backend", "hf", "--batch-size", "1", "-o", str(tmp_path / "o.txt")],
                            env=env, cwd=ROOT, stderr=subprocess.PIPE, text=True, preexec_fn=_hear_ctrl_c)
    _wait_until_translating(proc, tmp_path / "cache")
    assert proc.poll() is None, "the run finished before it could be interrupted; make the input longer"
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130 and "Traceback" not in err and not (tmp_path / "o.txt").exists(), (proc.returncode, err[-2000:])
    assert err.strip().splitlines()[-1] == "mt: interrupted"


def test_ctrl_c_inside_a_string_exec_still_exits_130(tmp_path):
    """CPython remembers a Ctrl-C that escaped an exec() of a string (dataclass and namedtuple creation, during
    imports) and ends a `python -m` run by SIGINT (-2) even after mt caught it: exit 130 was -2 in CI."""
    (tmp_path / "interrupted_run.py").write_text(
        "import mt.cli\n"
        "mt.cli.app = lambda **kwargs: exec('raise KeyboardInterrupt')\n"
        "mt.cli.main([])\n", encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(tmp_path), str(ROOT)]))
    run = subprocess.run([sys.executable, "-m", "interrupted_run"], env=env, cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert (run.returncode, run.stderr.strip()) == (130, "mt: interrupted"), (run.returncode, run.stderr[-2000:])


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=0, max_value=10**12), st.integers(min_value=0, max_value=99))
def test_number_parsing_round_trips(whole, frac):
    from babel.numbers import format_decimal

    from mt.fidelity.values import number_pack, parse_number

    for lang in ("de", "vi", "en", "fr"):  # fr groups with a narrow no-break space (CLDR)
        value = whole + frac / 100
        text = format_decimal(value, locale=lang, decimal_quantization=False)
        assert parse_number(text, number_pack(lang)) == pytest.approx(value)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.text(min_size=1, max_size=80), min_size=1, max_size=4), st.lists(st.text(min_size=1, max_size=80), min_size=1, max_size=4))
@example(src=["Æ", "Æ"], tgt=["Aa"])  # a name read across the two segments of a bead
def test_checks_never_crash_on_arbitrary_unicode(src, tgt):
    from mt.pipeline import check_documents
    from mt.segment import segment_lines

    s = segment_lines([x for x in src if x.strip()] or ["x"], "vi", True)
    t = segment_lines([x for x in tgt if x.strip()] or ["y"], "de", True)
    res = check_documents(s, t)
    # what a report or an export relies on: ids inside the documents, evidence that quotes its segment
    for f in res.findings:
        assert set(f.src) <= set(range(len(s))) and set(f.tgt) <= set(range(len(t))) and (f.src or f.tgt)
        for e in f.evidence:
            doc = s if e.side == "src" else t
            assert e.segment in (f.src if e.side == "src" else f.tgt)
            assert doc.segments[e.segment].norm[e.start:e.end] == e.text
