"""The public Python API (`import mt`): the README's "From Python" section runs as written, the five
functions take paths, strings and lists, and `import mt` stays light."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import CORPUS, ROOT, TRAIN_PAIRS

import mt


def _readme_python() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index("## From Python"):]
    return re.search(r"```python\n(.*?)```", section, re.S).group(1)


@pytest.fixture
def tiny_as_configured(tiny_model):
    """The tiny checkpoint stored in the (test-isolated) Hugging Face cache under the hub id that
    configs/models.toml names for vi-de, so resolution finds it exactly as it finds a pulled model."""
    import os

    from mt.translate.models import model_id_for_pair

    org, name = model_id_for_pair("vi", "de").split("/")
    repo = Path(os.environ["HF_HOME"]) / "hub" / f"models--{org}--{name}"
    revision = "0" * 40
    snapshot = repo / "snapshots" / revision
    shutil.copytree(tiny_model, snapshot)
    (repo / "refs").mkdir(parents=True, exist_ok=True)
    (repo / "refs" / "main").write_text(revision)
    yield snapshot
    shutil.rmtree(repo)  # later tests expect the configured model to be missing


def test_readme_python_section_runs(tiny_as_configured, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "corpora").symlink_to(ROOT / "corpora")
    namespace: dict = {}
    exec(compile(_readme_python(), "README.md (From Python)", "exec"), namespace)
    assert namespace["german"] == [TRAIN_PAIRS[0][1]]  # the tiny model learnt this pair
    out = capsys.readouterr().out
    assert out.startswith("[0]:[]\n")
    assert (tmp_path / "report" / "index.html").exists()
    assert json.loads((tmp_path / "report" / "report.json").read_text())["summary"]["by_severity"]["critical"] == 2
    rows = [json.loads(x) for s in ("train", "validation", "test") for x in (tmp_path / "data" / "jsonl" / f"{s}.jsonl").read_text().splitlines()]
    assert rows and not any(2 in r["tgt_ids"] or 8 in r["tgt_ids"] for r in rows)
    assert namespace["data"].dropped == {"flagged": 2}


def test_docstring_examples_run():
    import doctest

    failed, attempted = doctest.testmod(mt, extraglobs={"mt": mt}, optionflags=doctest.ELLIPSIS)
    assert attempted >= 4 and failed == 0


def test_path_string_and_lines_give_the_same_findings():
    vi, de = CORPUS / "vi.txt", CORPUS / "de.txt"
    as_paths = mt.check(vi, de, "vi", "de", segmented=True)
    as_str_paths = mt.check(str(vi), str(de), "vi", "de", segmented=True)
    as_text = mt.check(vi.read_text(encoding="utf-8"), de.read_text(encoding="utf-8"), "vi", "de", segmented=True)
    as_lines = mt.check(vi.read_text(encoding="utf-8").splitlines(), de.read_text(encoding="utf-8").splitlines(), "vi", "de", segmented=True)
    key = lambda r: [(f.type, f.severity.value, f.src, f.tgt, f.message) for f in r.findings]  # noqa: E731
    assert key(as_paths) == key(as_str_paths) == key(as_text) == key(as_lines)
    assert [(f.type, f.tgt) for f in as_paths.findings if f.severity.value == "critical"] == [("attribution", [2]), ("entity", [8])]


def test_align_takes_mt_lines_and_a_given_alignment_in_check():
    src = ["Am Montag traf er den Minister.", "Dann reiste er nach Paris.", "Dort sprach er mit Journalisten."]
    tgt = ["Lundi, il a rencontré le ministre.", "Ensuite il est parti pour Paris.", "Là, il a parlé avec des journalistes."]
    al = mt.align(src, tgt, "de", "fr", segmented=True, mt=tgt)  # a perfect "MT" of the source
    assert [b.vecalign() for b in al.beads] == ["[0]:[0]", "[1]:[1]", "[2]:[2]"]
    res = mt.check(src, tgt, "de", "fr", segmented=True, alignment=[[[0], [0]], [[1, 2], [1, 2]]])
    assert [b.vecalign() for b in res.alignment.beads] == ["[0]:[0]", "[1, 2]:[1, 2]"]
    assert res.channels["retranslation"].startswith("skipped")
    with pytest.raises(mt.MtError, match="the MT has 1 lines"):
        mt.align(src, tgt, "de", "fr", segmented=True, mt=["x"])


def test_bad_input_raises_mt_error(monkeypatch):
    with pytest.raises(mt.MtError, match="no text"):
        mt.check("", "Hallo.", "vi", "de")
    with pytest.raises(mt.MtError, match="expected a path, a string or a list"):
        mt.align(42, "Hallo.", "vi", "de")
    with pytest.raises(mt.MtError, match="no such file"):
        mt.check(CORPUS / "missing.txt", CORPUS / "de.txt", "vi", "de")
    with pytest.raises(mt.MtError, match="nope.txt: no such file"):
        mt.check("nope.txt", CORPUS / "de.txt", "vi", "de")  # a mistyped path is not a one-word document
    # a folder is refused as by the CLI, whether a Path or a str without a slash: never checked as its name
    with pytest.raises(mt.MtError, match="is a directory"):
        mt.check(CORPUS, CORPUS / "de.txt", "vi", "de")
    monkeypatch.chdir(CORPUS.parent)
    with pytest.raises(mt.MtError, match=f"{CORPUS.name}: is a directory"):
        mt.check(CORPUS.name, CORPUS / "de.txt", "vi", "de")
    with pytest.raises(mt.MtError, match="looks like 'fr', not 'en'"):
        mt.check(["Die Regierung will im nächsten Jahr zwei neue Schulen in Berlin bauen."],
                 ["Le gouvernement veut construire deux nouvelles écoles à Berlin l'année prochaine."], "de", "en")
    with pytest.raises(TypeError, match="beam"):
        mt.translate(["x"], "vi", "de", beem=2)
    for call in (lambda: mt.report("report.json", "unused"), lambda: mt.export(["x"], "unused"), lambda: mt.export({"a": None}, "unused")):
        with pytest.raises(mt.MtError, match="expected results of mt.check"):
            call()
    for bad in ({"beam": 0}, {"batch_size": -1}, {"max_length": 0}, {"min_length": -1}, {"beam": 2.5}, {"device": "tpu"}):
        with pytest.raises(mt.MtError, match=next(iter(bad))):  # refused before any model is looked for
            mt.translate(["x"], "vi", "de", model="/nonexistent-model", **bad)
    with pytest.raises(TypeError, match="formats"):
        mt.export([], "unused", src_lang="vi", tgt_lang="de", format="jsonl")


def test_a_sentence_longer_than_a_file_name_is_text():
    # one line of over 255 bytes: asking the file system whether it names a file fails (ENAMETOOLONG)
    de = ("Die Regierung hat am Montag einen neuen Haushalt vorgestellt, der nach Angaben des Finanzministers die "
          "Ausgaben für Bildung, Gesundheit und Verkehr in den kommenden fünf Jahren deutlich erhöhen soll, während die "
          "Opposition den Plan als unrealistisch und zu teuer kritisierte und eine Abstimmung im Parlament verlangte.")
    en = ("The government presented a new budget on Monday which, according to the finance minister, is to raise "
          "spending on education, health and transport considerably over the next five years, while the opposition "
          "criticised the plan as unrealistic and too expensive and demanded a vote in parliament.")
    assert len(de.encode()) > 255 and len(en.encode()) > 255
    al = mt.align(de, en, "de", "en")
    assert [b.vecalign() for b in al.beads] == ["[0]:[0]"]
    assert mt.check(de, en, "de", "en").alignment.src.segments[0].text == de


def test_export_takes_one_result_or_a_list(tmp_path):
    res = mt.check(CORPUS / "vi.txt", CORPUS / "de.txt", "vi", "de", segmented=True)
    one = mt.export(res, tmp_path / "one", formats="jsonl")
    listed = mt.export([res], tmp_path / "list", formats=("jsonl",))
    assert one.rows == listed.rows and one.sources == ["baoquocte-291854"]
    assert mt.export(iter([res]), tmp_path / "iterated", formats="jsonl").rows == one.rows  # an iterator is read once
    assert one.dropped == {"flagged": 2}
    with pytest.raises(mt.MtError, match="--force"):
        mt.export(res, tmp_path / "one", formats="jsonl")


def test_report_keeps_an_existing_report_unless_forced(tmp_path):
    res = mt.check(["Chính phủ chưa phê duyệt dự án."], ["Die Regierung hat das Projekt genehmigt."], "vi", "de")
    mt.report(res, tmp_path / "r")
    before = (tmp_path / "r" / "report.json").read_bytes()
    other = mt.check(["Chính phủ đã phê duyệt dự án."], ["Die Regierung hat das Projekt genehmigt."], "vi", "de")
    with pytest.raises(mt.MtError, match="holds a report already"):
        mt.report(other, tmp_path / "r")
    assert (tmp_path / "r" / "report.json").read_bytes() == before
    mt.report(other, tmp_path / "r", force=True)
    assert (tmp_path / "r" / "report.json").read_bytes() != before


def test_the_functions_stay_functions_after_their_stages_are_imported():
    import mt.align.metrics  # noqa: F401  (imports the subpackages of the same names)
    import mt.export as export_attr
    import mt.report.__init__  # noqa: F401
    import mt.translate.base  # noqa: F401
    from mt.align import align_documents
    from mt.translate import open_translator

    assert callable(align_documents) and callable(open_translator)
    for name in mt.__all__:
        assert hasattr(mt, name), name
    assert all(callable(getattr(mt, name)) and not isinstance(getattr(mt, name), type(sys)) for name in ("translate", "align", "check", "report", "export"))
    assert export_attr is mt.export


def test_import_mt_is_light():
    code = "import sys, mt; heavy = [m for m in ('torch', 'transformers', 'numpy', 'scipy', 'typer', 'ctranslate2') if m in sys.modules]; print(heavy)"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"


def test_translate_through_ctranslate2_imports_no_torch(tiny_model, tmp_path):
    from mt.translate.models import convert

    out = convert(tiny_model, tmp_path / "ct2", quantization="float32")
    code = ("import sys, mt\n"
            f"print(mt.translate({TRAIN_PAIRS[1][0]!r}, 'vi', 'de', model={str(out)!r}, beam=1, compute_type='float32'))\n"
            "assert 'torch' not in sys.modules and 'transformers' not in sys.modules, 'torch imported'\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == repr([TRAIN_PAIRS[1][1]])


def test_mt_auto_opens_each_model_once_and_reuses_it_for_retranslation(tiny_as_configured, monkeypatch):
    """--mt auto is resolved once: the vi→de model aligns and re-translates; de→vi is missing, and the
    re-translation channel says so."""
    translate_pkg = sys.modules["mt.translate"]
    real_open, opened = translate_pkg.open_translator, []

    def counting_open(src, tgt, *args, **kwargs):
        opened.append(f"{src}-{tgt}")
        return real_open(src, tgt, *args, **kwargs)

    monkeypatch.setattr(translate_pkg, "open_translator", counting_open)
    res = mt.check(CORPUS / "vi.txt", CORPUS / "de.txt", "vi", "de", segmented=True, mt="auto")
    assert opened == ["vi-de", "de-vi"]
    assert res.channels["retranslation"].startswith("skipped: model Helsinki-NLP/opus-mt-de-vi is not on this machine")
    # the tiny model's MT of unseen sentences is poor, so no claim on the findings: every segment is aligned once
    assert sorted(i for b in res.alignment.beads for i in b.src) == list(range(len(res.alignment.src)))


def test_mt_auto_checks_the_same_document_again_from_the_translation_cache(tiny_as_configured, monkeypatch, tmp_path):
    """A second `check --mt auto` of the same document translates nothing: its MT comes from the cache."""
    from mt.translate.base import Translator

    monkeypatch.setenv("MT_CACHE_DIR", str(tmp_path / "cache"))
    vi = (CORPUS / "vi.txt").read_text(encoding="utf-8").splitlines()[:4]
    de = (CORPUS / "de.txt").read_text(encoding="utf-8").splitlines()[:4]

    real, units = Translator._translate, []

    def counting(self, texts, *args, **kwargs):
        units.extend(texts)
        return real(self, texts, *args, **kwargs)

    monkeypatch.setattr(Translator, "_translate", counting)
    first = mt.check(vi, de, "vi", "de", segmented=True, mt="auto")
    assert units, "the first check translates the source"
    units.clear()
    second = mt.check(vi, de, "vi", "de", segmented=True, mt="auto")
    assert units == []
    assert [b.src for b in second.alignment.beads] == [b.src for b in first.alignment.beads]


def test_layers_import_only_what_they_may():
    """align/ knows no models or files; report and export know the data types, not how findings are made."""
    code = ("import sys\n"
            "import mt.align, mt.align.metrics\n"
            "assert not {'mt.translate', 'mt.io', 'mt.pipeline'} & set(sys.modules), sorted(m for m in sys.modules if m.startswith('mt'))\n"
            "import mt.report, mt.export\n"
            "assert 'mt.fidelity' not in sys.modules, 'report/export import fidelity'\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr


def test_findings_for_a_bead_is_one_rule_for_report_and_export():
    from mt.report import to_json

    res = mt.check(CORPUS / "vi.txt", CORPUS / "de.txt", "vi", "de", segmented=True)
    by_bead = {b.vecalign(): [f.type for f in res.findings_for(b)] for b in res.alignment.beads}
    assert by_bead["[0]:[]"] == ["omission"]  # no target segment: found by its source segment
    assert by_bead["[3]:[2]"] == ["attribution"] and by_bead["[10, 11]:[8]"] == ["entity"]
    assert sum(map(len, by_bead.values())) == len(res.findings)
    scores = {p["src"][0] if p["src"] else None: p["score"] for p in to_json(res)["pairs"]}
    assert scores[3] < 1.0 and scores[10] < 1.0 and scores[1] == 1.0


def test_a_document_without_id_is_named_alike_by_check_and_export(tmp_path):
    from mt.documents import discover_inputs, read_cases

    cases = tmp_path / "news.jsonl"
    cases.write_text('{"src": ["Xin chào."], "tgt": ["Hallo."]}\n{"id": "b", "src": ["Tạm biệt."], "tgt": ["Tschüss."]}\n', encoding="utf-8")
    assert [p.doc_id for p in read_cases(cases)] == ["news-1", "b"]
    assert [d.doc_id for d in discover_inputs([str(cases)], "vi", "de")] == ["news-1", "b"]
