"""Rebuild the fidelity dev sets (clean human translation pairs) from public test sets.

Inputs are plain files exported from two public repositories (see ../devsets/README.md or
`--help`): Helsinki-NLP/OPUS-MT-testsets (Tatoeba test v2021-08-07, WMT newstest, FLORES-200
devtest) and MicrosoftTranslator/NTREX (NTREX-128). The Tatoeba deu-vie test file is never read:
it is held out by the judges. No MT-metrics challenge set is used.

Output: one TSV per language pair and source (columns: src, tgt, id, doc), at most --max pairs
each, chosen by a hash of the id (stable, no RNG state), plus `ntrex-vie-deu.docs.jsonl` and
`flores-vie-deu.docs.jsonl` (whole documents, Vietnamese and German sides) for the
document-level check (eval/fidelity_news_docs.py).

    python eval/build_devsets.py --raw ../devsets/raw --out ../devsets
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

# (output name, src lang, tgt lang, src file, tgt file, doc ids file or None, id prefix)
TESTSETS = "opus-mt-testsets"
TATOEBA = [
    ("tatoeba-deu-eng", "de", "en", "testsets/deu-eng/tatoeba-test-v2021-08-07.deu", "testsets/deu-eng/tatoeba-test-v2021-08-07.eng"),
    ("tatoeba-fra-eng", "fr", "en", "testsets/eng-fra/tatoeba-test-v2021-08-07.fra", "testsets/eng-fra/tatoeba-test-v2021-08-07.eng"),
    ("tatoeba-vie-eng", "vi", "en", "datasets/helsinki_nlp/tatoeba/testsets/eng-vie/tatoeba-test-v2021-08-07.vie",
     "datasets/helsinki_nlp/tatoeba/testsets/eng-vie/tatoeba-test-v2021-08-07.eng"),
]
NEWSTEST = [
    ("news-deu-eng", "de", "en", "testsets/deu-eng/newstest2019.deu", "testsets/deu-eng/newstest2019.eng"),
    ("news-fra-eng", "fr", "en", "testsets/fra-eng/newstest2014.fra", "testsets/fra-eng/newstest2014.eng"),
]
FLORES = "datasets/facebook/flores/flores200_dataset"


def _key(s: str) -> str:
    return hashlib.sha1(s.encode("utf-8")).hexdigest()


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n")[:-1] if path.read_text(encoding="utf-8").endswith("\n") \
        else path.read_text(encoding="utf-8").split("\n")


def _pairs(src: list[str], tgt: list[str], prefix: str, docs: list[str] | None = None) -> list[dict]:
    if len(src) != len(tgt):
        raise SystemExit(f"{prefix}: {len(src)} source lines but {len(tgt)} target lines")
    out = []
    for i, (s, t) in enumerate(zip(src, tgt)):
        s, t = s.strip(), t.strip()
        if s and t:
            out.append({"src": s, "tgt": t, "id": f"{prefix}:{i}", "doc": docs[i] if docs else f"{prefix}:{i}"})
    return out


def _sample(pairs: list[dict], n: int, by: str = "id") -> list[dict]:
    """Whole groups (documents, or all translations of one source sentence) in hash order until n."""
    groups: dict[str, list[dict]] = {}
    for p in pairs:
        groups.setdefault(p[by], []).append(p)
    out: list[dict] = []
    for k in sorted(groups, key=_key):
        if len(out) >= n:
            break
        out.extend(groups[k])
    return sorted(out, key=lambda p: int(p["id"].rsplit(":", 1)[1]))


def _write_tsv(path: Path, pairs: list[dict]) -> None:
    tmp = path.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8") as f:
        f.write("src\ttgt\tid\tdoc\n")
        for p in pairs:
            f.write("\t".join(x.replace("\t", " ") for x in (p["src"], p["tgt"], p["id"], p["doc"])) + "\n")
    tmp.replace(path)
    print(f"{path}: {len(pairs)} pairs", file=sys.stderr)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--raw", required=True, help="folder with opus-mt-testsets/ and ntrex/ exports")
    ap.add_argument("--out", required=True)
    ap.add_argument("--max", type=int, default=1000, help="pairs per set (default 1000)")
    ap.add_argument("--tatoeba-sample", metavar="DIR",
                    help="also write the first 300 pairs (hash order) of each Tatoeba set here (CC-BY 2.0 FR: may be committed)")
    a = ap.parse_args()
    raw, out = Path(a.raw), Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    ts = raw / TESTSETS
    for name, sl, tl, sf, tf in TATOEBA:
        pairs = _pairs(_lines(ts / sf), _lines(ts / tf), name)
        for p in pairs:  # every translation of one source sentence stays in one group (and one split)
            p["doc"] = name + ":" + _key(p["src"])[:12]
        _write_tsv(out / f"{name}.tsv", _sample(pairs, a.max, by="doc"))
        if a.tatoeba_sample:
            Path(a.tatoeba_sample).mkdir(parents=True, exist_ok=True)
            _write_tsv(Path(a.tatoeba_sample) / f"{name}.tsv", _sample(pairs, 300, by="doc"))
    for name, sl, tl, sf, tf in NEWSTEST:
        _write_tsv(out / f"{name}.tsv", _sample(_pairs(_lines(ts / sf), _lines(ts / tf), name), a.max))
    # FLORES-200 devtest: documents by source URL (metadata line i+1 describes sentence i).
    meta = _lines(ts / FLORES / "metadata_devtest.tsv")
    head = meta[0].split("\t")
    urls = [dict(zip(head, m.split("\t"))).get("URL", str(i)) for i, m in enumerate(meta[1:])]
    fl = _pairs(_lines(ts / FLORES / "devtest/vie_Latn.devtest"), _lines(ts / FLORES / "devtest/deu_Latn.devtest"),
                "flores-vie-deu", ["flores:" + _key(u)[:12] for u in urls])
    _write_tsv(out / "flores-vie-deu.tsv", _sample(fl, a.max, by="doc"))
    _write_docs(out / "flores-vie-deu.docs.jsonl", fl)
    # NTREX-128: Vietnamese and German references of the same English news (documents by DOCUMENT_IDS).
    nt = raw / "ntrex"
    docs = ["ntrex:" + d.strip() for d in _lines(nt / "DOCUMENT_IDS.tsv")]
    ntp = _pairs(_lines(nt / "newstest2019-ref.vie.txt"), _lines(nt / "newstest2019-ref.deu.txt"), "ntrex-vie-deu", docs)
    _write_tsv(out / "ntrex-vie-deu.tsv", _sample(ntp, a.max, by="doc"))
    _write_docs(out / "ntrex-vie-deu.docs.jsonl", ntp)


def _write_docs(path: Path, pairs: list[dict]) -> None:
    """Whole documents (consecutive lines of one doc id), vi→de, in fidelity-dev's format without errors."""
    by_doc: dict[str, list[dict]] = {}
    for p in pairs:
        by_doc.setdefault(p["doc"], []).append(p)
    tmp = path.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8") as f:
        for d, ps in by_doc.items():
            f.write(json.dumps({"id": d, "src_lang": "vi", "tgt_lang": "de", "src": [p["src"] for p in ps],
                                "tgt": [p["tgt"] for p in ps]}, ensure_ascii=False) + "\n")
    tmp.replace(path)
    print(f"{path}: {len(by_doc)} documents", file=sys.stderr)


if __name__ == "__main__":
    main()
