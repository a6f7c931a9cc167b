"""The perturbation generator (mt/fidelity/perturb.py) and `mt eval fidelity --pairs`.

Runs without ../shared and without ../devsets: it uses hand-made sentences and the Tatoeba
sample shipped in eval/data (CC-BY 2.0 FR)."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from mt.fidelity.evaluate import check_pair, evaluate_pairs, read_pairs, split_of
from mt.fidelity.perturb import EXPECTED, KINDS, perturb

from conftest import EXAMPLE_CASES, ROOT, run_cli

SAMPLE = ROOT / "eval" / "data" / "tatoeba-deu-eng.tsv"


def _words(s: str) -> list[str]:
    return re.findall(r"[\w'’]+", s)


def _only_span_changed(tgt: str, ed) -> bool:
    return ed.text == tgt[:ed.start] + ed.new + tgt[ed.start + len(ed.old):] and tgt[ed.start:ed.start + len(ed.old)] == ed.old


# ---------------------------------------------------------------------------------------------
# each edit changes what it says it changes, and nothing else

def test_number_changes_one_value_and_keeps_its_form():
    tgt = "Die Exporte erreichten einen Wert von 355 Milliarden US-Dollar."
    ed = perturb("Kim ngạch xuất khẩu đạt 355 tỷ USD.", tgt, "vi", "de", "number", seed=1)
    assert ed.kind == "number" and ed.old == "355" and _only_span_changed(tgt, ed)
    assert ed.new.isdigit() and len(ed.new) == 3 and ed.new != "355"
    assert ed.expected == ("number",)


def test_number_keeps_thousands_separators_and_skips_years():
    tgt = "Im Jahr 2023 kamen 12.500 Besucher."
    for seed in range(10):
        ed = perturb("Năm 2023 có 12.500 khách.", tgt, "vi", "de", "number", seed=seed)
        assert ed.old == "12.500" and re.fullmatch(r"[1-9]\d\.\d{3}", ed.new) and ed.new != ed.old


def test_number_words_come_from_the_language():
    tgt = "He waited for three days."
    ed = perturb("Er wartete drei Tage.", tgt, "de", "en", "number", seed=0)
    assert ed.old == "three" and ed.new in {"two", "four", "five", "six"} and _only_span_changed(tgt, ed)


def test_date_changes_month_year_or_day():
    tgt = "Am 12. März 2023 empfing er den Minister."
    seen = set()
    for seed in range(30):
        ed = perturb("Ngày 12/3/2023, ông tiếp Bộ trưởng.", tgt, "vi", "de", "date", seed=seed)
        assert _only_span_changed(tgt, ed) and ed.expected == ("date",)
        seen.add(ed.old)
        if ed.old == "März":
            assert ed.new in {"Januar", "Februar", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
                              "November", "Dezember"}
        elif ed.old == "2023":
            assert 2014 <= int(ed.new) <= 2032 and ed.new != "2023"
        else:
            assert ed.old == "12" and 1 <= int(ed.new) <= 28 and ed.new != "12"
    assert seen == {"März", "2023", "12"}


def test_place_is_another_real_place_in_the_target_language():
    from babel import Locale

    tgt = "Sie reiste im Sommer nach Italien."
    ed = perturb("Cô ấy đi Ý vào mùa hè.", tgt, "vi", "de", "place", seed=3)
    assert ed.old == "Italien" and _only_span_changed(tgt, ed)
    assert ed.new in set(Locale("de").territories.values()) and ed.new != "Italien"
    assert ed.expected == ("entity",)


def test_place_keeps_german_genitive_s():
    tgt = "Die Wirtschaft Deutschlands wächst."
    ed = perturb("Kinh tế Đức tăng trưởng.", tgt, "vi", "de", "place", seed=0)
    assert ed.old == "Deutschland" and ed.text.endswith(ed.new + "s wächst.")


def test_person_name_is_replaced_by_a_name_the_source_lacks():
    src, tgt = "Tom gặp Mary ở nhà ga.", "Tom traf Mary am Bahnhof."
    ed = perturb(src, tgt, "vi", "de", "person", seed=0)
    assert ed.old in {"Tom", "Mary"} and _only_span_changed(tgt, ed)
    assert ed.new not in src and ed.new[0].isupper() and ed.expected == ("attribution", "entity")


def test_person_needs_a_name_the_source_shares():
    assert perturb("Anh ấy đến muộn.", "Er kam zu spät.", "vi", "de", "person") is None
    # A capitalised word that is no known name (a region) is not a person.
    assert perturb("Tôi đến từ Kurdistan.", "Ich komme aus Kurdistan.", "vi", "de", "person") is None


def test_organisation_from_the_pool_keeps_grammatical_gender():
    tgt = "Mazedonien will der NATO beitreten."
    ed = perturb("Macedonia muốn gia nhập NATO.", tgt, "vi", "de", "organisation", seed=0)
    assert ed.old == "NATO" and _only_span_changed(tgt, ed)
    from mt.config import load_toml

    assert ed.new in load_toml("perturb.toml")["de"]["orgs_by_gender"]["f"]


@pytest.mark.parametrize("lang,tgt,want", [
    ("en", "He is happy.", "He is not happy."),
    ("en", "I don't know.", "I do know."),
    ("en", "She cannot swim.", "She can swim."),
    ("de", "Er ist krank.", "Er ist nicht krank."),
    ("de", "Er ist nicht krank.", "Er ist krank."),
    ("de", "Ich habe keine Zeit.", "Ich habe eine Zeit."),
    ("de", "Er hat das Buch gelesen.", "Er hat das Buch nicht gelesen."),
    ("fr", "Je n'ai pas faim.", "J'ai faim."),
    ("fr", "Il mange une pomme.", "Il ne mange pas une pomme."),
    ("fr", "Elle aime le café.", "Elle n'aime pas le café."),
    ("vi", "Tôi không biết anh ấy.", "Tôi biết anh ấy."),
    ("vi", "Anh ấy sẽ đến.", "Anh ấy sẽ không đến."),
])
def test_negation_is_grammatical_where_simple(lang, tgt, want):
    ed = perturb("x", tgt, "vi" if lang != "vi" else "de", lang, "negation", seed=0)
    assert ed is not None and ed.text == want and ed.expected == ("negation",)


def test_negation_is_not_forced():
    assert perturb("x", "Anh có đi không?", "de", "vi", "negation") is None  # a question frame, not negation
    assert perturb("x", "Geh nach Hause!", "vi", "de", "negation") is None  # no finite auxiliary
    assert perturb("x", "I am nothing without you.", "vi", "en", "negation") is None  # would be a double negative
    assert perturb("x", "He went home.", "de", "xx", "negation") is None  # no knowledge of the language


def test_omission_drops_a_sentence_or_clause():
    tgt = "Er kam nach Hause. Dann aß er sofort das Abendessen."
    ed = perturb("x", tgt, "vi", "de", "omission", seed=0)
    assert ed.new == "" and ed.old.strip() in {"Er kam nach Hause.", "Dann aß er sofort das Abendessen."}
    assert ed.text in {"Er kam nach Hause.", "Dann aß er sofort das Abendessen."}
    tgt = "Die Feuerwehr rückte aus und fand die Hütte in Vollbrand vor."
    ed = perturb("x", tgt, "vi", "de", "omission", seed=0)
    assert ed.old == " und fand die Hütte in Vollbrand vor" and ed.text == "Die Feuerwehr rückte aus."


def test_addition_appends_a_fact_from_the_pool():
    pool = ["Das Wetter ist schön.", "Im Jahr 2019 kamen 300 Besucher nach Bonn.", "Ja."]
    tgt = "Er kam nach Hause."
    ed = perturb("x", tgt, "vi", "de", "addition", seed=0, pool=pool)
    assert ed.text == tgt + " Im Jahr 2019 kamen 300 Besucher nach Bonn." and ed.old == ""
    assert perturb("x", tgt, "vi", "de", "addition") is None  # no pool, no addition


def test_edits_that_do_not_apply_are_skipped():
    for kind in ("number", "date", "place", "person", "organisation"):
        assert perturb("Xin chào.", "Hallo.", "vi", "de", kind) is None
    with pytest.raises(ValueError):
        perturb("a", "b", "vi", "de", "weather")


def test_deterministic_by_seed():
    pairs = read_pairs(SAMPLE)[:80]
    pool = [p["tgt"] for p in pairs]

    def run(seed):
        return [(k, e and e.to_dict()) for p in pairs for k in KINDS
                for e in [perturb(p["src"], p["tgt"], "de", "en", k, seed=seed, pool=pool)]]

    first = run(0)
    assert first == run(0)
    assert first != run(1)  # another seed, other substitutes
    assert sum(1 for _, e in first if e) > 80  # edits do apply to real sentences


def test_every_edit_on_real_sentences_changes_only_its_span():
    pairs = read_pairs(SAMPLE)
    pool = [p["tgt"] for p in pairs]
    n = 0
    for p in pairs:
        for k in KINDS:
            ed = perturb(p["src"], p["tgt"], "de", "en", k, seed=0, pool=pool)
            if ed is None:
                continue
            n += 1
            assert ed.text != p["tgt"] and ed.expected == EXPECTED[k]
            if k in ("number", "date", "place", "person", "organisation"):
                assert _only_span_changed(p["tgt"], ed), (k, p["tgt"], ed)
            elif k == "negation":
                diff = set(_words(ed.text)) ^ set(_words(p["tgt"]))
                assert diff and diff <= {"not", "never", "cannot", "can", "n't", "isn't", "is", "aren't", "are", "wasn't", "was",
                                         "weren't", "were", "don't", "do", "doesn't", "does", "didn't", "did", "won't",
                                         "will", "wouldn't", "would", "couldn't", "could", "shouldn't", "should",
                                         "haven't", "have", "hasn't", "has", "hadn't", "had", "mustn't", "must",
                                         "Don't", "Do", "Can't", "Can", "Isn't", "Is", "Didn't", "Did", "Doesn't",
                                         "Does", "Won't", "Will", "can't"}, (p["tgt"], ed.text)
            elif k == "omission":
                assert len(ed.text) < len(p["tgt"]) and set(_words(ed.text)) <= set(_words(p["tgt"]))
            else:
                assert ed.text.startswith(p["tgt"].rstrip()) and ed.new.strip() in pool
    assert n > 300


# ---------------------------------------------------------------------------------------------
# the evaluation

def test_evaluate_pairs_counts_alarms_and_detection():
    pairs = read_pairs(SAMPLE)[:60]
    r = evaluate_pairs(pairs, "de", "en", seed=0)
    alarms = sum(1 for p in pairs if any(f.severity.value in ("critical", "major")
                                         for f in check_pair(p["src"], p["tgt"], "de", "en")))
    assert r["pairs"] == 60 and r["clean"]["alarms"] == alarms
    assert r["clean"]["false_alarm_rate"] == pytest.approx(alarms / 60)
    for k, e in r["edits"].items():
        assert e["applied"] + e["skipped"] == 60
        assert e["base"] <= e["applied"] and e["detected"] <= e["base"] and e["typed"] <= e["detected"]
        if e["base"]:
            assert e["detection_rate"] == pytest.approx(e["detected"] / e["base"])
    assert evaluate_pairs(pairs, "de", "en", kinds=[])["edits"] == {}


def test_detection_is_measured_against_the_checker():
    """A number change on a pair the checker knows is detected with the right type; a clean pair is quiet."""
    pairs = [{"src": "Er kaufte 355 Bücher.", "tgt": "He bought 355 books.", "id": "a", "doc": "a"}]
    r = evaluate_pairs(pairs, "de", "en", kinds=["number"])
    assert r["clean"]["alarms"] == 0
    assert r["edits"]["number"] == {**r["edits"]["number"], "applied": 1, "base": 1, "detected": 1, "typed": 1}


def test_split_is_fixed_and_keeps_documents_together():
    pairs = read_pairs(SAMPLE)
    by_doc: dict[str, set] = {}
    for p in pairs:
        by_doc.setdefault(p["doc"], set()).add(split_of(p))
    assert all(len(s) == 1 for s in by_doc.values())
    halves = [split_of(p) for p in pairs]
    assert 0.3 < halves.count("dev") / len(halves) < 0.7


def test_read_pairs_tsv_and_jsonl(tmp_path):
    tsv = tmp_path / "p.tsv"
    tsv.write_text("src\ttgt\nEr kam.\tHe came.\n\nSie ging.\tShe left.\tx1\td1\n", encoding="utf-8")
    ps = read_pairs(tsv)
    assert [(p["src"], p["tgt"]) for p in ps] == [("Er kam.", "He came."), ("Sie ging.", "She left.")]
    assert ps[1]["id"] == "x1" and ps[1]["doc"] == "d1" and ps[0]["doc"] == ps[0]["id"]
    jl = tmp_path / "p.jsonl"
    jl.write_text(json.dumps({"src": "Er kam.", "tgt": "He came."}) + "\n", encoding="utf-8")
    assert read_pairs(jl)[0]["tgt"] == "He came."


def test_read_pairs_breaks_lines_only_at_line_ends(tmp_path):
    # str.splitlines() also breaks at U+2028, U+0085 and form feeds inside a pair, cutting it in two
    tsv = tmp_path / "p.tsv"
    tsv.write_text("Er kam\u2028heute.\tHe came\u2028today.\nSie ging\x85fort.\tShe left\x0c.\n", encoding="utf-8")
    assert [(p["src"], p["tgt"]) for p in read_pairs(tsv)] == [("Er kam\u2028heute.", "He came\u2028today."),
                                                               ("Sie ging\x85fort.", "She left\x0c.")]
    jl = tmp_path / "p.jsonl"
    jl.write_text(json.dumps({"src": "Er kam\u2028heute.", "tgt": "He came."}, ensure_ascii=False) + "\n", encoding="utf-8")
    assert [p["src"] for p in read_pairs(jl)] == ["Er kam\u2028heute."]


def test_cli_pairs_mode(tmp_path, capsys):
    out = tmp_path / "r.json"
    code, stdout, err = run_cli(["eval", "fidelity", "--pairs", str(SAMPLE), "--src-lang", "de", "--tgt-lang", "en",
                                 "--perturb", "--limit", "40", "--split", "both", "--json", str(out)], capsys)
    assert code == 0, err
    assert "false alarms" in stdout and "(dev)" in stdout and "(heldout)" in stdout and "negation" in stdout
    rs = json.loads(out.read_text(encoding="utf-8"))
    assert [r["label"] for r in rs] == ["dev", "heldout"] and sum(r["pairs"] for r in rs) == 40
    assert set(rs[0]["edits"]) == set(KINDS)


def test_cli_pairs_json_is_not_replaced_without_force(tmp_path, capsys):
    # --json wrote over any file, an input included; every other output needs --force
    out = tmp_path / "mine.txt"
    out.write_text("precious")
    args = ["eval", "fidelity", "--pairs", str(SAMPLE), "--src-lang", "de", "--tgt-lang", "en", "--limit", "5", "--json", str(out)]
    code, stdout, err = run_cli(args, capsys)
    assert code == 2 and "--force" in err and len(err.strip().splitlines()) == 1 and stdout == "", err
    assert out.read_text() == "precious"
    code, _, err = run_cli(args + ["--force"], capsys)
    assert code == 0 and json.loads(out.read_text())["pairs"] == 5, err
    code, _, err = run_cli(["eval", "fidelity", str(EXAMPLE_CASES), "--json", str(tmp_path / "x.json")], capsys)
    assert code == 2 and "--pairs" in err and not (tmp_path / "x.json").exists(), err  # was silently ignored


@pytest.mark.parametrize("args,msg", [
    (["--pairs", "/nonexistent.tsv", "--src-lang", "de", "--tgt-lang", "en"], "no such file"),
    (["--pairs", str(SAMPLE), "--src-lang", "de", "--tgt-lang", "xx"], "'xx' is not a language code"),
    (["--pairs", str(ROOT / "eval"), "--src-lang", "de", "--tgt-lang", "en"], "eval: is a directory"),
    (["--pairs", str(SAMPLE), "--src-lang", "de"], "--src-lang and --tgt-lang"),
    (["--pairs", str(SAMPLE), "--src-lang", "de", "--tgt-lang", "en", "--perturb", "--types", "weather"], "unknown edit kind"),
    (["--pairs", str(SAMPLE), "--src-lang", "de", "--tgt-lang", "en", "--split", "odd"], "unknown split"),
    ([], "give labelled cases"),
])
def test_cli_pairs_mode_refuses_bad_input(args, msg, capsys):
    code, _, err = run_cli(["eval", "fidelity"] + args, capsys)
    assert code == 2 and msg in err and "Traceback" not in err


def test_cli_rejects_a_file_without_pairs(tmp_path, capsys):
    bad = tmp_path / "bad.tsv"
    bad.write_text("only one column\n", encoding="utf-8")
    code, _, err = run_cli(["eval", "fidelity", "--pairs", str(bad), "--src-lang", "de", "--tgt-lang", "en"], capsys)
    assert code == 2 and "two tab-separated columns" in err


def test_eval_script_runs_on_the_shipped_sample_and_skips_what_is_absent(tmp_path):
    proc = subprocess.run([sys.executable, str(ROOT / "eval" / "fidelity_pairs.py"), "--data", str(tmp_path / "none"),
                           "--sets", "ntrex-vie-deu,tatoeba-fra-eng", "--split", "all"],
                          capture_output=True, text=True, cwd=ROOT, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert proc.returncode == 0, proc.stderr
    assert "ntrex-vie-deu    skipped" in proc.stdout
    assert re.search(r"tatoeba-fra-eng\s+fr→en\s+all\s+300\s", proc.stdout)


def test_office_edit_keeps_gender_and_the_name():
    tgt = "Die britische Premierministerin Theresa May reist nach Berlin."
    ed = perturb("Thủ tướng Anh Theresa May đến Berlin.", tgt, "vi", "de", "office", seed=0)
    from mt.config import load_toml

    assert ed.old == "Premierministerin" and ed.new in load_toml("perturb.toml")["de"]["offices"]["f"]
    assert _only_span_changed(tgt, ed) and "Theresa May" in ed.text and ed.expected == ("attribution",)


def test_document_cases_in_fidelity_dev_format():
    from mt.fidelity.perturb import perturb_documents
    from mt.documents import pair_from_case

    pairs = read_pairs(SAMPLE)[:60]
    docs = [{"id": f"d{k}", "src_lang": "de", "tgt_lang": "en", "src": [p["src"] for p in pairs[k:k + 6]],
             "tgt": [p["tgt"] for p in pairs[k:k + 6]]} for k in range(0, 60, 6)]
    cases = perturb_documents(docs, seed=0)
    assert cases == perturb_documents(docs, seed=0)  # deterministic
    assert sum(len(c["src"]) for c in cases) == 60
    with_errors = [c for c in cases if c["errors"]]
    assert 0.2 < len(with_errors) / len(cases) < 0.8 and all(len(c["errors"]) == 1 for c in with_errors)
    for c in cases:
        pair_from_case(c, c["id"], c["id"], "de", "en")  # loads as a fidelity-dev case
        if not c["errors"]:
            continue
        e = c["errors"][0]
        assert e["types"] == list(EXPECTED[e["kind"]])
        if e["kind"] == "omission":
            assert e["tgt"] == [] and len(c["tgt"]) == len(c["src"]) - 1 and [[e["src"][0]], []] in c["align"]
        else:
            doc = next(d for d in docs if d["id"] == c["doc"])
            start, j = int(c["id"].rsplit("#", 1)[1]), e["tgt"][0]
            assert c["tgt"][j] != doc["tgt"][start + j] and "->" in e["note"]
            assert [t for k, t in enumerate(c["tgt"]) if k != j] == [t for k, t in enumerate(doc["tgt"][start:start + len(c["tgt"])]) if k != j]


def test_news_docs_script_skips_without_data(tmp_path):
    proc = subprocess.run([sys.executable, str(ROOT / "eval" / "fidelity_news_docs.py"), "--data", str(tmp_path / "none")],
                          capture_output=True, text=True, cwd=ROOT, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert proc.returncode == 0, proc.stderr
    assert "ntrex-vie-deu: skipped" in proc.stdout and "flores-vie-deu: skipped" in proc.stdout


def test_a_month_name_the_source_does_not_name_is_no_date_to_edit():
    # "Mai" is a person here (the source names no month): changing it is no date edit
    assert perturb("Mai sẽ bay sang Berlin vào thứ Sáu.", "Mai fliegt am Freitag nach Berlin.", "vi", "de", "date") is None or \
        "Mai" in perturb("Mai sẽ bay sang Berlin vào thứ Sáu.", "Mai fliegt am Freitag nach Berlin.", "vi", "de", "date").text
    ed = perturb("Tôi sinh vào tháng 5 năm 1990.", "Ich bin im Mai 1990 geboren.", "vi", "de", "date", seed=3)
    assert ed is not None and ed.text != "Ich bin im Mai 1990 geboren."
