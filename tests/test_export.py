"""Export to datasets/JSONL/TSV/TMX/Marian, and the fine-tuning loop on a tiny checkpoint."""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest

from conftest import CORPUS, EXAMPLE_CASES, corpus_text, run_cli
from mt.export import CandidatePair, ExportOptions, pair_filters, split_of
from mt.types import Finding, SegmentKind, Severity

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@pytest.fixture(scope="module")
def small_cases():
    """The shipped example documents (JSONL), exported together with the bundled article as files."""
    return EXAMPLE_CASES


@pytest.fixture(scope="module")
def exported(small_cases, tmp_path_factory):
    import io
    from contextlib import redirect_stderr, redirect_stdout

    from mt.cli import main

    out = tmp_path_factory.mktemp("export") / "data"
    with redirect_stderr(io.StringIO()), redirect_stdout(io.StringIO()):
        try:
            main(["export", str(CORPUS / "vi.txt"), str(CORPUS / "de.txt"), str(small_cases), "--segmented",
                  "-o", str(out), "--split", "0.8,0.1,0.1"])
        except SystemExit as exc:
            assert exc.code in (0, None)
    return out


def _all_rows(out):
    return [json.loads(line) for s in ("train", "validation", "test") for line in (out / "jsonl" / f"{s}.jsonl").read_text().splitlines()]


def test_flagged_pairs_of_the_article_are_left_out(exported):
    rows = _all_rows(exported)
    article = [r for r in rows if r["doc_id"] == "baoquocte-291854"]
    assert article and not any(2 in r["tgt_ids"] or 8 in r["tgt_ids"] for r in article)
    assert not any(r["findings"] for r in rows)
    assert not any(r["doc_id"] in ("ex-number", "ex-negation") and r["tgt_ids"] == [0] for r in rows)  # the flagged pairs
    assert any(r["doc_id"] == "ex-aligned" and r["src_ids"] == [0, 1] for r in rows)  # the given 2-1 alignment
    meta = json.loads((exported / "export.json").read_text())
    assert meta["dropped"]["flagged"] == 4  # article de 2 and 8, ex-number's number, ex-negation's negation
    assert "flagged" in (exported / "README.md").read_text()


def test_table_pipes_are_not_part_of_a_pair(exported):
    rows = _all_rows(exported)
    caption = [r for r in rows if "Yonhap" in r["translation"]["vi"]]  # the article's photo caption, a table cell
    assert caption and not any(r["translation"][lang].startswith("|") or r["translation"][lang].endswith("|")
                               for r in caption for lang in ("vi", "de"))


def test_datasets_load_and_formats_agree(exported):
    from datasets import load_dataset, load_from_disk

    dd = load_from_disk(str(exported / "hf"))
    assert set(dd) == {"train", "validation", "test"}
    n = sum(len(dd[s]) for s in dd)
    assert n == len(_all_rows(exported))
    assert set(dd["train"][0]["translation"]) == {"vi", "de"}
    pq = load_dataset("parquet", data_files={"train": str(exported / "parquet" / "train.parquet")})
    assert len(pq["train"]) == len(dd["train"])
    jsonl = [json.loads(line) for line in (exported / "jsonl" / "train.jsonl").read_text(encoding="utf-8").splitlines()]
    assert dd["train"]["align_score"] == pq["train"]["align_score"] == [r["align_score"] for r in jsonl]  # the same numbers in every format
    marian_vi = (exported / "marian" / "train.vi").read_text(encoding="utf-8").splitlines()
    marian_de = (exported / "marian" / "train.de").read_text(encoding="utf-8").splitlines()
    assert marian_vi == [r["vi"] for r in dd["train"]["translation"]] and len(marian_de) == len(marian_vi)


def test_an_empty_split_leaves_the_parquet_folder_loadable(tmp_path, capsys):
    # a small export often has an empty validation or test split; the datasets library refuses a
    # folder holding an empty parquet file ('Instruction "validation" corresponds to no data')
    from datasets import load_dataset, load_from_disk

    out = tmp_path / "data"
    code, _, err = run_cli(["export", str(CORPUS / "vi.txt"), str(CORPUS / "de.txt"), "--segmented", "-o", str(out),
                            "--format", "hf", "--split", "1,0,0"], capsys)
    assert code == 0, err
    assert "Sources (1 document): baoquocte-291854" in (out / "README.md").read_text(encoding="utf-8")
    pq = load_dataset("parquet", data_dir=str(out / "parquet"))
    assert set(pq) == {"train"} and len(pq["train"]) == len(load_from_disk(str(out / "hf"))["train"]) > 0
    assert set(load_from_disk(str(out / "hf"))) == {"train", "validation", "test"}  # hf/ keeps every split


def test_tmx_parses_with_languages_and_round_trips(exported):
    import mt

    root = ET.parse(exported / "tmx" / "train.tmx").getroot()
    assert root.tag == "tmx" and root.get("version") == "1.4"
    assert root.find("header").get("creationtoolversion") == mt.__version__  # (was written as a fixed "0.1.0")
    tus = root.findall("./body/tu")
    from datasets import load_from_disk

    train = load_from_disk(str(exported / "hf"))["train"]
    assert len(tus) == len(train)
    for tu, row in zip(tus, train["translation"]):
        segs = {tuv.get(XML_LANG): tuv.find("seg").text for tuv in tu.findall("tuv")}
        assert segs == {"vi": row["vi"], "de": row["de"]}


# Split assignments pinned: a pair must land in the same split in every version and on every machine
# (a changed hash rule would leak test pairs into training data of a later export).
PINNED_SPLITS = ["validation", "test", "train", "train", "train", "train", "train", "train", "train", "train", "test", "train"]


def test_tmx_stays_well_formed_with_characters_xml_cannot_hold(tmp_path, capsys):
    # U+FFFE, U+FFFF and C0 controls are valid UTF-8 but no XML 1.0 characters, even escaped
    doc = {"id": "odd\u0001id", "src_lang": "de", "tgt_lang": "en",
           "src": ["Die Firma hat 200 Mitarbeiter in Berlin \ufffe und Hamburg.", "Der Zug kam mit einer Stunde Verspätung an."],
           "tgt": ["The company has 200 employees in Berlin \uffff and Hamburg.", "The train arrived an hour late."]}
    f = tmp_path / "docs.jsonl"
    f.write_text(json.dumps(doc) + "\n", encoding="utf-8")
    out = tmp_path / "data"
    code, _, err = run_cli(["export", str(f), "-o", str(out), "--format", "tmx,jsonl", "--split", "1,0,0"], capsys)
    assert code == 0, err
    root = ET.parse(out / "tmx" / "train.tmx").getroot()
    segs = [s.text for s in root.iter("seg")]
    assert "The company has 200 employees in Berlin  and Hamburg." in segs and len(segs) == 4
    assert {p.text for p in root.iter("prop")} == {"oddid"}


def test_splits_are_decided_by_the_pair_and_pinned():
    assert [split_of(f"s{i}", f"t{i}", (0.8, 0.1, 0.1), 0) for i in range(12)] == PINNED_SPLITS
    assert [split_of(f"s{i}", f"t{i}", (0.8, 0.1, 0.1), 1) for i in range(12)] != PINNED_SPLITS  # the seed takes part
    a = [split_of(f"s{i}", f"t{i}", (0.8, 0.1, 0.1), 0) for i in range(300)]
    assert 0.7 < a.count("train") / 300 < 0.9 and "test" in a and "validation" in a


def _candidate(**changes) -> CandidatePair:
    base = dict(src="Hai bên thảo luận về tình hình an ninh khu vực và hợp tác kinh tế.",
                tgt="Beide Seiten erörterten die regionale Sicherheitslage und die wirtschaftliche Zusammenarbeit.",
                src_lang="vi", tgt_lang="de", kinds={SegmentKind.CONTENT}, findings=[], score=0.5)
    return CandidatePair(**{**base, **changes})


def _finding(severity: str) -> Finding:
    return Finding(type="number", severity=Severity(severity), src=[0], tgt=[0], message="", signal="numbers")


@pytest.mark.parametrize("reason,pair,opts", [
    ("empty", _candidate(tgt="  "), ExportOptions()),
    ("non_content", _candidate(kinds={SegmentKind.CONTENT, SegmentKind.HEADING}), ExportOptions()),
    ("non_content", _candidate(kinds={SegmentKind.BOILERPLATE}), ExportOptions()),
    ("flagged", _candidate(findings=[_finding("major")]), ExportOptions()),
    ("low_score", _candidate(score=0.1), ExportOptions(min_score=0.2)),
    ("length_ratio", _candidate(tgt="Ja."), ExportOptions()),
    ("wrong_language", _candidate(tgt="The two sides discussed the regional security situation and economic cooperation."), ExportOptions()),
])
def test_each_filter_alone(reason, pair, opts):
    filters = dict(pair_filters(opts))
    assert filters[reason](pair)
    assert not filters[reason](_candidate())  # a clean pair passes every filter
    assert [name for name, leave_out in pair_filters(opts) if leave_out(_candidate())] == []


def test_filter_options_decide():
    flagged = _candidate(findings=[_finding("minor")])
    assert not dict(pair_filters(ExportOptions()))["flagged"](flagged)  # minor is not dropped by default
    assert dict(pair_filters(ExportOptions(drop=("minor",))))["flagged"](flagged)
    assert not dict(pair_filters(ExportOptions(drop=("minor",), keep_flagged=True)))["flagged"](flagged)
    duplicate = dict(pair_filters(ExportOptions()))["duplicate"]
    assert [duplicate(_candidate()), duplicate(_candidate()), duplicate(_candidate(tgt="Anders."))] == [False, True, False]


@pytest.mark.parametrize("split", ["nan,0,0", "0,nan,1", "inf,0,0", "0.5,0.5", "-0.5,1.5,0"])
def test_split_fractions_must_be_real_and_add_up(split, tmp_path, capsys):
    # 'nan,0,0' passed the check (every comparison with NaN is false) and sent every pair to test
    code, _, err = run_cli(["export", str(CORPUS / "vi.txt"), str(CORPUS / "de.txt"), "--segmented", "-o", str(tmp_path / "x"),
                            "--format", "jsonl", "--split", split], capsys)
    assert code == 2 and "--split needs three non-negative fractions" in err, err
    assert not (tmp_path / "x").exists()


def test_export_refuses_non_empty_output_and_keeps_it(tmp_path, capsys):
    out = tmp_path / "data"
    out.mkdir()
    (out / "keep.txt").write_text("precious")
    code, _, err = run_cli(["export", str(CORPUS / "vi.txt"), str(CORPUS / "de.txt"), "--segmented", "-o", str(out)], capsys)
    assert code == 2 and "--force" in err and (out / "keep.txt").read_text() == "precious"


def test_force_never_replaces_a_folder_holding_the_inputs(tmp_path, capsys):
    # 'mt export corpus/ -o corpus/ --force' deleted the documents it had read
    import shutil

    import mt

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(CORPUS / "vi.txt", corpus / "article.vi")
    shutil.copy(CORPUS / "de.txt", corpus / "article.de")
    for out in (corpus, tmp_path):
        code, _, err = run_cli(["export", str(corpus), "--segmented", "-o", str(out), "--force", "--format", "jsonl"], capsys)
        assert code == 2 and "holds the input" in err and len(err.strip().splitlines()) == 1, err
        assert sorted(p.name for p in corpus.iterdir()) == ["article.de", "article.vi"]
    res = mt.check(corpus / "article.vi", corpus / "article.de", "vi", "de", segmented=True)
    with pytest.raises(mt.MtError, match="holds the input"):
        mt.export(res, corpus, formats=("jsonl",), force=True)
    assert sorted(p.name for p in corpus.iterdir()) == ["article.de", "article.vi"]
    code, _, err = run_cli(["export", str(corpus), "--segmented", "-o", str(tmp_path / "data"), "--format", "jsonl"], capsys)
    assert code == 0, err  # a folder beside the inputs is fine


def test_finetune_and_convert_never_replace_their_inputs(tmp_path, capsys):
    from mt.testing import build_marian

    src, tgt = corpus_text()
    base = build_marian(tmp_path / "base", src, tgt)
    before = sorted(p.name for p in base.iterdir())
    code, _, err = run_cli(["models", "convert", str(base), "-o", str(base), "--force"], capsys)
    assert code == 2 and "holds the input" in err, err
    data = tmp_path / "data"
    code, _, err = run_cli(["export", str(CORPUS / "vi.txt"), str(CORPUS / "de.txt"), "--segmented", "-o", str(data), "--format", "hf"], capsys)
    assert code == 0, err
    for out in (data, base, tmp_path):
        code, _, err = run_cli(["finetune", "--model", str(base), "--data", str(data), "-o", str(out), "--force", "--max-steps", "1"], capsys)
        assert code == 2 and "holds the input" in err, err
    assert sorted(p.name for p in base.iterdir()) == before and (data / "export.json").exists()


def test_keep_flagged_keeps_labels(tmp_path, capsys):
    out = tmp_path / "qe"
    code, _, err = run_cli(["export", str(CORPUS / "vi.txt"), str(CORPUS / "de.txt"), "--segmented", "--keep-flagged",
                            "--format", "jsonl", "-o", str(out)], capsys)
    assert code == 0, err
    rows = _all_rows(out)
    assert any("critical:attribution" in r["findings"] for r in rows)


def test_finetune_loop_memorises_training_pairs(exported, tmp_path, capsys):
    """A test of the loop, not of translation quality: an untrained tiny model learns its training pairs."""
    from datasets import load_from_disk
    from transformers import MarianMTModel, MarianTokenizer

    from mt.finetune import evaluate
    from mt.testing import build_marian

    src, tgt = corpus_text()
    base = build_marian(tmp_path / "base", src, tgt, spm_vocab=1000)
    train = [(r["vi"], r["de"]) for r in load_from_disk(str(exported / "hf"))["train"]["translation"]]
    tok = MarianTokenizer.from_pretrained(str(base))
    before = evaluate(MarianMTModel.from_pretrained(str(base)), tok, train)
    out = tmp_path / "tuned"
    code, _, err = run_cli(["finetune", "--model", str(base), "--data", str(exported), "-o", str(out),
                            "--max-steps", "300", "--lr", "3e-3", "--batch-size", "32"], capsys)
    assert code == 0, err
    assert "before: BLEU" in err and "after:" in err
    after = evaluate(MarianMTModel.from_pretrained(str(out)), tok, train)
    assert before["chrf"] < 20 and after["chrf"] > 90, (before, after)
    sample = tmp_path / "one.txt"
    sample.write_text(train[0][0] + "\n", encoding="utf-8")
    code, stdout, err = run_cli(["translate", str(sample), "--src", "vi", "--tgt", "de", "--model", str(out), "--backend", "hf", "--beam", "1"], capsys)
    assert code == 0, err
    assert stdout.strip() == train[0][1]


# A German–English document whose first segment opens with a quotation mark, and a French–English one.
DE_EN = {"id": "de-en-quote", "src_lang": "de", "tgt_lang": "en",
         "src": ['"Wir schaffen das", sagte die Kanzlerin am Montag in Berlin.',
                 "Die Regierung will im nächsten Jahr zwei neue Schulen bauen."],
         "tgt": ['"We can do this," the chancellor said in Berlin on Monday.',
                 "The government wants to build two new schools next year."]}
FR_EN = {"id": "fr-en", "src_lang": "fr", "tgt_lang": "en",
         "src": ["Le maire a inauguré la nouvelle bibliothèque samedi.", "Elle compte douze mille livres."],
         "tgt": ["The mayor opened the new library on Saturday.", "It holds twelve thousand books."]}


def _jsonl(path, *docs):
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
    return path


def test_finetune_refuses_a_model_of_another_language_pair(tmp_path, capsys):
    # a vi→de checkpoint trained on German→English pairs was accepted (exit 0); `mt translate` refuses such a model
    from mt.testing import build_marian

    src, tgt = corpus_text()
    base = build_marian(tmp_path / "vi-de", src, tgt)
    data = tmp_path / "de-en"
    code, _, err = run_cli(["export", str(_jsonl(tmp_path / "de-en.jsonl", DE_EN)), "-o", str(data), "--format", "hf",
                            "--split", "1,0,0"], capsys)
    assert code == 0, err
    out = tmp_path / "tuned"
    code, _, err = run_cli(["finetune", "--model", str(base), "--data", str(data), "-o", str(out), "--max-steps", "1"], capsys)
    assert code == 2 and "translates vi→de, not de→en" in err and len(err.strip().splitlines()) == 1, err
    assert not out.exists()


def test_export_takes_the_documents_languages_and_tsv_reads_back(tmp_path, capsys):
    import csv

    docs = _jsonl(tmp_path / "de-en.jsonl", DE_EN)
    code, _, err = run_cli(["export", str(docs), "-o", str(tmp_path / "out"), "--format", "jsonl,tsv,tmx",
                            "--split", "1,0,0"], capsys)  # no --src-lang: the CLI's vi/de default must not win
    assert code == 0, err
    out = tmp_path / "out"
    assert json.loads((out / "export.json").read_text())["src_lang"] == "de"
    rows = _all_rows(out)
    assert rows and all(set(r["translation"]) == {"de", "en"} for r in rows)
    with (out / "tsv" / "train.tsv").open(encoding="utf-8", newline="") as f:
        table = list(csv.reader(f, delimiter="\t"))
    assert table[0] == ["de", "en", "doc_id", "src_ids", "tgt_ids", "align_score", "findings"]
    assert [(t[0], t[1], t[3], t[4]) for t in table[1:]] == [
        (r["translation"]["de"], r["translation"]["en"], " ".join(map(str, r["src_ids"])), " ".join(map(str, r["tgt_ids"])))
        for r in rows]
    assert any(t[0].startswith('"Wir schaffen das"') for t in table[1:])  # the quotation mark survives the round trip


def test_export_refuses_one_language_on_both_sides(tmp_path, capsys):
    # de→de wrote {"translation": {"de": …}} with one side lost, and one Marian file per split
    doc = {**DE_EN, "tgt_lang": "de", "tgt": ["Wir schaffen das, sagte sie am Montag in Berlin.", "Die Regierung will zwei neue Schulen bauen."]}
    code, _, err = run_cli(["export", str(_jsonl(tmp_path / "de-de.jsonl", doc)), "-o", str(tmp_path / "out")], capsys)
    assert code == 2 and "both 'de'" in err and len(err.strip().splitlines()) == 1, err
    assert not (tmp_path / "out").exists()


def test_nothing_to_export_says_why_when_no_segment_pairs(tmp_path, capsys):
    # 'left out: none' with nothing exported: the only lines were boilerplate, which is never aligned
    src, tgt = tmp_path / "a.de", tmp_path / "a.en"
    src.write_text("Kommentar (0)\n", encoding="utf-8")
    tgt.write_text("Comments (0)\n", encoding="utf-8")
    code, _, err = run_cli(["export", str(src), str(tgt), "--src-lang", "de", "--tgt-lang", "en", "-o", str(tmp_path / "out")], capsys)
    assert code == 2 and "no pairs left to export (left out: none; 2 segments without a counterpart)" in err, err


def test_export_refuses_documents_in_several_language_pairs(tmp_path, capsys):
    docs = _jsonl(tmp_path / "mixed.jsonl", DE_EN, FR_EN)
    code, _, err = run_cli(["export", str(docs), "-o", str(tmp_path / "out"), "--format", "jsonl"], capsys)
    assert code == 2 and "several language pairs (de→en, fr→en)" in err and "Traceback" not in err
    assert not (tmp_path / "out").exists()
