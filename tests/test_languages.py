"""Language codes, the model's language pair, per-document language checks and HTML input."""
from __future__ import annotations

import json
import sys

import pytest

from conftest import CORPUS, ROOT, run_cli
from mt.langid import normalize_code
from mt.types import MtError

VI, DE = str(CORPUS / "vi.txt"), str(CORPUS / "de.txt")
CASES = ROOT / "corpora" / "examples" / "cases.jsonl"


@pytest.mark.parametrize("code, expected", [
    ("vi", "vi"), ("VI", "vi"), ("vie", "vi"), ("vi_VN", "vi"), ("vi-VN", "vi"),
    ("de", "de"), ("deu", "de"), ("ger", "de"), ("de-AT", "de"), ("zh-Hant-TW", "zh"), ("fil", "fil"), ("tl", "tl"),
])
def test_language_codes_normalise_to_the_models_form(code, expected):
    assert normalize_code(code) == expected


@pytest.mark.parametrize("code", ["xx", "vietnamese", "", "und", "12"])
def test_non_codes_are_refused_with_the_expected_form(code):
    with pytest.raises(MtError, match="ISO 639-1 code such as vi"):
        normalize_code(code)


@pytest.mark.parametrize("src_lang, tgt_lang", [("VI", "DE"), ("vie", "deu"), ("vi_VN", "de-DE")])
def test_check_accepts_any_spelling_of_the_codes(src_lang, tgt_lang, capsys):
    code, plain, err = run_cli(["check", VI, DE, "--segmented"], capsys)
    assert code == 0, err
    code, out, err = run_cli(["check", VI, DE, "--segmented", "--src-lang", src_lang, "--tgt-lang", tgt_lang], capsys)
    assert code == 0, err
    assert out == plain and out.count('"critical"') == 2


def test_wrong_language_still_refused_after_normalising(capsys):
    code, _, err = run_cli(["check", DE, VI, "--segmented", "--src-lang", "VIE", "--tgt-lang", "de_DE"], capsys)
    assert code == 2 and "looks like 'de', not 'vi'" in err


def test_a_long_document_is_judged_from_lines_spread_over_it():
    """A long document's language is told from every k-th line (about SAMPLE_CHARS characters), not read
    whole; a document in the other language is still refused."""
    from mt.documents import ensure_language
    from mt.langid import SAMPLE_CHARS, sample_text

    de = [x for x in open(DE, encoding="utf-8").read().splitlines() if x.strip()]
    vi = [x for x in open(VI, encoding="utf-8").read().splitlines() if x.strip()]
    long_de = [f"{x} ({k})" for k in range(300) for x in de]
    sample = sample_text(long_de)
    assert SAMPLE_CHARS <= len(sample) <= 2.5 * SAMPLE_CHARS < sum(map(len, long_de))
    assert "(0)" in sample and any(f"({k})" in sample for k in range(270, 300))  # lines from the start and the end
    assert sample_text(de) == " ".join(de)  # a short document whole
    ensure_language(long_de, "de", "long.txt")
    with pytest.raises(MtError, match="looks like 'de', not 'vi'"):
        ensure_language(long_de, "vi", "long.txt")
    with pytest.raises(MtError, match="looks like 'vi', not 'de'"):
        ensure_language(vi * 300, "de", "long.txt")


def test_model_pair_is_checked_against_the_checkpoint(untrained_model, tmp_path, capsys):
    src = tmp_path / "in.txt"
    src.write_text("Hello world.\n", encoding="utf-8")
    code, _, err = run_cli(["translate", str(src), "--src", "en", "--tgt", "fr", "--model", str(untrained_model),
                            "-o", str(tmp_path / "out.txt")], capsys)
    assert code == 2 and "translates vi→de, not en→fr" in err, err
    assert not (tmp_path / "out.txt").exists()
    # the same model under another spelling of its own pair is fine
    src.write_text("Xin chào.\n", encoding="utf-8")
    code, _, err = run_cli(["translate", str(src), "--src", "vie", "--tgt", "de-DE", "--model", str(untrained_model),
                            "--max-length", "4", "--no-cache", "-o", str(tmp_path / "out.txt")], capsys)
    assert code == 0, err


def test_checkpoint_languages_from_card_and_name(tmp_path):
    from pathlib import Path

    from mt.translate.models import ResolvedModel, checkpoint_languages

    card = tmp_path / "m"
    card.mkdir()
    (card / "README.md").write_text("### vie-deu\n\n* source group: Vietnamese\n- src_alpha3: vie\n- tgt_alpha3: deu\n")
    assert checkpoint_languages(ResolvedModel(card, "marian", str(card))) == ({"vi"}, {"de"})
    named = ResolvedModel(Path("/nowhere/snapshot"), "marian", "Helsinki-NLP/opus-mt-en-ROMANCE")
    assert checkpoint_languages(named) == ({"en"}, set())  # a group names no single language: not checked
    assert checkpoint_languages(ResolvedModel(Path("/x"), "marian", "Helsinki-NLP/opus-mt-tc-big-de-fr")) == ({"de"}, {"fr"})


def test_missing_model_hint_names_hf_download(tmp_path, capsys):
    src = tmp_path / "in.txt"
    src.write_text("Xin chào.\n", encoding="utf-8")
    code, _, err = run_cli(["translate", str(src), "--src", "vi", "--tgt", "de", "--model", "someone/opus-mt-vi-de"], capsys)
    assert code == 2 and "hf download someone/opus-mt-vi-de" in err and "huggingface-cli" not in err


# --------------------------------------------------------------------------------------------
# check --batch: the shipped example, and the language check per document
# --------------------------------------------------------------------------------------------
def test_shipped_cases_find_their_labelled_errors(capsys):
    code, out, err = run_cli(["check", "--batch", str(CASES)], capsys)
    assert code == 0, err
    rows = [json.loads(line) for line in out.splitlines()]
    serious = {(r["doc_id"], r["type"]) for r in rows if r["severity"] in ("critical", "major")}
    assert serious == {("ex-number", "number"), ("ex-negation", "negation")}
    code, out, err = run_cli(["eval", "fidelity", str(CASES)], capsys)
    assert code == 0 and "F1        1.0000" in out, out + err


def test_batch_refuses_a_document_with_swapped_sides(tmp_path, capsys):
    rows = [json.loads(line) for line in CASES.read_text(encoding="utf-8").splitlines()]
    rows[1]["src"], rows[1]["tgt"] = rows[1]["tgt"], rows[1]["src"]
    swapped = tmp_path / "swapped.jsonl"
    swapped.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    code, out, err = run_cli(["check", "--batch", str(swapped), "-o", str(tmp_path / "f.jsonl")], capsys)
    assert code == 2 and "case 2" in err and "looks like 'de', not 'vi'" in err, err
    assert not (tmp_path / "f.jsonl").exists()


def test_batch_accepts_codes_in_any_spelling(tmp_path, capsys):
    rows = [json.loads(line) for line in CASES.read_text(encoding="utf-8").splitlines()]
    for r in rows:
        r["src_lang"], r["tgt_lang"] = "vie", "de-DE"
    path = tmp_path / "c.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    code, out, err = run_cli(["check", "--batch", str(path)], capsys)
    assert code == 0, err
    assert {json.loads(line)["doc_id"] for line in out.splitlines()} >= {"ex-number", "ex-negation"}


# --------------------------------------------------------------------------------------------
# HTML input
# --------------------------------------------------------------------------------------------
def _html_page(lines: list[str]) -> str:
    body = "".join(f"<p>{line}</p>\n" for line in lines)
    return f"<!doctype html><html><head><title>t</title></head><body><nav>Home | News</nav><article>{body}</article></body></html>"


def test_html_input_is_read_with_the_html_extra(tmp_path, capsys):
    pytest.importorskip("trafilatura", reason="the html extra: pip install -e '.[html]'")
    page = tmp_path / "vi.html"
    page.write_text(_html_page((CORPUS / "vi.txt").read_text(encoding="utf-8").splitlines()), encoding="utf-8")
    code, out, err = run_cli(["align", str(page), DE, "--src-lang", "vi", "--tgt-lang", "de"], capsys)
    assert code == 0, err
    assert out.count("\n") >= 10


def test_failed_html_import_shows_its_cause(tmp_path, capsys, monkeypatch):
    import builtins

    real_import = builtins.__import__

    def broken_trafilatura(name, *args, **kwargs):  # what trafilatura raised with lxml >= 5.2 and no lxml_html_clean
        if name == "trafilatura":
            raise ImportError("lxml.html.clean module is now a separate project lxml_html_clean")
        return real_import(name, *args, **kwargs)

    monkeypatch.delitem(sys.modules, "trafilatura", raising=False)
    monkeypatch.setattr(builtins, "__import__", broken_trafilatura)
    page = tmp_path / "vi.html"
    page.write_text(_html_page(["Xin chào."] * 5), encoding="utf-8")
    code, _, err = run_cli(["align", str(page), DE, "--src-lang", "vi", "--tgt-lang", "de"], capsys)
    assert code == 2 and "ImportError" in err and "lxml_html_clean" in err and ".[html]" in err, err


def test_a_missing_system_word_list_makes_names_partial_and_says_which(monkeypatch):
    from mt.fidelity import channel_coverage, names
    from mt.lexicon import lexicon

    # the list is read once per language (cached): read it again with the path changed, and after
    try:
        with monkeypatch.context() as m:
            m.setitem(lexicon("de").caps, "wordlist", "/nonexistent/ngerman")
            names._dictionary.cache_clear()
            line = channel_coverage("vi", "de")["entities"]
    finally:
        names._dictionary.cache_clear()
    assert line.startswith("partial: no word list for 'de' (/nonexistent/ngerman from package wngerman)")


def test_without_word_lists_german_nouns_that_are_first_names_abroad_name_no_one(monkeypatch):
    """Without Debian's word lists nothing tells "Tage" (days) or "Mal" (time) from the Swedish and English first
    names: only first names common in German-speaking countries are kept, so a correct rendering does not alarm
    and a name that is common there still does."""
    import mt.lexicon as L
    from mt.fidelity import names
    from mt.fidelity.evaluate import _alarms, check_pair

    def clear():
        for f in (L._given_names, L.lexicon, L.surfaces_of, names._dictionary, names._ordinary):
            f.cache_clear()

    try:
        with monkeypatch.context() as m:
            m.setattr(L, "word_list", lambda path: None)
            clear()
            given = L._given_names("de")
            assert "Tage" not in given and "Mal" not in given and "Rosen" not in given
            assert {"Thomas", "Anna", "Klaus"} <= given
            quiet = check_pair("Deutsche Bahn đình công hai ngày.", "Bei der Deutschen Bahn wird zwei Tage lang gestreikt.", "vi", "de")
            assert not _alarms(quiet), quiet
            quiet = check_pair("Tôi chưa đi Mỹ lần nào.", "Ich war noch kein einziges Mal in Amerika.", "vi", "de")
            assert not _alarms(quiet), quiet
            loud = check_pair("Hôm qua tôi gặp Lan ở Hà Nội.", "Gestern habe ich Klaus in Hanoi getroffen.", "vi", "de")
            assert any(f.type == "attribution" for f in _alarms(loud)), loud
    finally:
        clear()
