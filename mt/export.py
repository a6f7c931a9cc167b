"""Clean aligned pairs as fine-tuning data: Hugging Face datasets (save_to_disk + Parquet), JSONL,
TSV, TMX 1.4 and Marian/OPUS plain files, with provenance, filter reasons and a dataset card.

Splits are decided by a hash of the pair (and the seed), so a pair never changes split between
runs. The export is written to a temporary directory and renamed: never half a dataset.
"""
from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable
from xml.sax.saxutils import escape, quoteattr

from . import __version__
from .io import atomic_directory, refuse_nonempty_dir
from .types import CheckResult, Finding, MtError, SegmentKind

FORMATS = ("hf", "jsonl", "tsv", "tmx", "marian")
SPLITS = ("train", "validation", "test")


@dataclass
class ExportOptions:
    formats: tuple[str, ...] = FORMATS
    drop: tuple[str, ...] = ("critical", "major")
    keep_flagged: bool = False
    min_score: float = 0.0
    split: tuple[float, float, float] = (0.9, 0.05, 0.05)
    seed: int = 0
    max_length_ratio: float = 3.0
    licence: str = "unknown (set --licence)"


@dataclass
class ExportResult:
    rows: dict[str, list[dict]]
    dropped: Counter = field(default_factory=Counter)
    sources: list[str] = field(default_factory=list)
    reviewed: list[dict] = field(default_factory=list)  # labelled QE examples from a reviewer's decisions (mt.review)
    review_line: str = ""  # what the decisions did, for the log


def export_options(**options) -> ExportOptions:
    """ExportOptions from keyword options; formats and drop may also be comma-separated strings."""
    import dataclasses

    names = {f.name for f in dataclasses.fields(ExportOptions)}
    unknown = set(options) - names
    if unknown:
        raise TypeError(f"unknown export option(s) {', '.join(sorted(unknown))}; choose from {', '.join(sorted(names))}")
    from .options import some_of
    from .types import Severity

    if "formats" in options:
        options["formats"] = some_of(options["formats"], "formats", FORMATS)
    if "drop" in options:
        options["drop"] = some_of(options["drop"], "drop", [v.value for v in Severity], allow_empty=True)
    if "split" in options:
        options["split"] = tuple(options["split"])
    return ExportOptions(**options)


def export_results(results, out_dir: str | Path, src_lang: str | None = None, tgt_lang: str | None = None,
                   force: bool = False, decisions: str | Path | None = None, **options) -> ExportResult:
    """`mt.export`: one CheckResult, a list of them or {doc_id: CheckResult} → the export in `out_dir`."""
    from collections.abc import Mapping

    if isinstance(results, CheckResult):
        results = [results]
    if not isinstance(results, Mapping):
        named: dict[str, CheckResult] = {}
        for n, res in enumerate(results, 1):
            key = res.alignment.src.doc_id or f"document-{n}"
            while key in named:
                key += "+"
            named[key] = res
        results = named
    opts = export_options(**options)
    # The documents say their languages (a JSONL document may carry its own): one dataset is one pair.
    langs = sorted({(r.alignment.src.lang, r.alignment.tgt.lang) for r in results.values()})
    if len(langs) > 1:
        raise MtError("export: the documents are in several language pairs (" + ", ".join(f"{a}→{b}" for a, b in langs)
                      + "); export one pair at a time")
    if not langs:
        raise MtError("export: no documents to export")
    (found_src, found_tgt), = langs
    asked = (src_lang or found_src, tgt_lang or found_tgt)
    if asked != (found_src, found_tgt):
        raise MtError(f"export: the documents are {found_src}→{found_tgt}, not {asked[0]}→{asked[1]}")
    src_lang, tgt_lang = found_src, found_tgt
    if src_lang == tgt_lang:  # the {src_lang: …, tgt_lang: …} column and the Marian files would keep one side only
        raise MtError(f"export: source and target are both '{src_lang}'; a translation dataset needs two languages")
    from .review import apply_to_results, reviewed_pairs

    tally = apply_to_results(results, decisions)
    collected = collect(dict(results), opts)
    if tally:
        collected.reviewed, collected.review_line = reviewed_pairs(results), tally.line()
    if not any(collected.rows.values()):
        dropped = ", ".join(f"{k} {v}" for k, v in sorted(collected.dropped.items())) or "none"
        # segments the alignment left without a counterpart (boilerplate is never aligned) are no pair at all
        alone = sum(1 for r in results.values() for b in r.alignment.beads if not (b.src and b.tgt))
        unaligned = f"; {alone} {'segment' if alone == 1 else 'segments'} without a counterpart" if alone else ""
        raise MtError(f"no pairs left to export (left out: {dropped}{unaligned}); nothing written to {out_dir}")
    # the files the documents were read from, which the output must not replace
    read_from = [d.path for r in results.values() for d in (r.alignment.src, r.alignment.tgt) if d.path] + [decisions]
    write_export(collected, out_dir, opts, src_lang, tgt_lang, force=force, inputs=read_from)
    return collected


def split_of(src: str, tgt: str, ratios: tuple[float, float, float], seed: int) -> str:
    h = hashlib.sha256(f"{seed}\x00{src}\x00{tgt}".encode()).digest()
    x = int.from_bytes(h[:8], "big") / 2**64
    edge = 0.0
    for name, r in zip(SPLITS, ratios):
        edge += r
        if x < edge:
            return name
    return SPLITS[-1]


@dataclass
class CandidatePair:
    """An aligned pair (a bead with both sides) as the export filters see it."""
    src: str
    tgt: str
    src_lang: str
    tgt_lang: str
    kinds: set[SegmentKind]
    findings: list[Finding]
    score: float


NON_CONTENT = {SegmentKind.BOILERPLATE, SegmentKind.HEADING}

Filter = Callable[[CandidatePair], bool]  # True: leave the pair out


def pair_filters(opts: ExportOptions) -> list[tuple[str, Filter]]:
    """(reason, predicate) in the order they are tried; a pair is left out for the first that holds.
    A fresh table per export: `duplicate` remembers the pairs it has let through."""
    from .langid import is_language

    seen: set[tuple[str, str]] = set()

    def duplicate(p: CandidatePair) -> bool:
        if (p.src, p.tgt) in seen:
            return True
        seen.add((p.src, p.tgt))
        return False

    return [
        ("empty", lambda p: not p.src.strip() or not p.tgt.strip()),
        ("non_content", lambda p: bool(p.kinds & NON_CONTENT)),
        ("flagged", lambda p: not opts.keep_flagged and any(f.severity.value in opts.drop for f in p.findings)),
        ("low_score", lambda p: p.score < opts.min_score),
        ("length_ratio", lambda p: max(len(p.src), len(p.tgt)) > opts.max_length_ratio * max(1, min(len(p.src), len(p.tgt)))),
        ("wrong_language", lambda p: is_language(p.src, p.src_lang) is False or is_language(p.tgt, p.tgt_lang) is False),
        ("duplicate", duplicate),  # last: only pairs that are kept are remembered
    ]


def _cell_text(text: str) -> str:
    """A table cell's text without its pipes ("| Caption (Quelle: Yonhap) |" from a Markdown table in
    a scraped page): the pipes are layout, not part of the sentence a model should learn."""
    t = text.strip()
    if t.startswith("|") and t.endswith("|") and t.count("|") == 2 and len(t) > 2:
        return t[1:-1].strip()
    return text


def collect(results: dict[str, CheckResult], opts: ExportOptions) -> ExportResult:
    # (written so that NaN fails: every comparison with it is false, and 'nan,0,0' put every pair in test)
    if len(opts.split) != 3 or not abs(sum(opts.split) - 1.0) <= 1e-6 or not min(opts.split) >= 0:
        raise MtError("--split needs three non-negative fractions that add up to 1, e.g. 0.9,0.05,0.05")
    out = ExportResult(rows={s: [] for s in SPLITS}, sources=list(results))
    filters = pair_filters(opts)
    for doc_id, res in results.items():
        al = res.alignment
        src_lang, tgt_lang = al.src.lang, al.tgt.lang
        for bead in al.beads:
            if not (bead.src and bead.tgt):
                continue  # unaligned segments are not pairs
            pair = CandidatePair(_cell_text(al.src_text(bead)), _cell_text(al.tgt_text(bead)), src_lang, tgt_lang,
                                 {al.src.segments[i].kind for i in bead.src} | {al.tgt.segments[j].kind for j in bead.tgt},
                                 res.findings_for(bead), bead.score)
            reason = next((name for name, leave_out in filters if leave_out(pair)), None)
            if reason:
                out.dropped[reason] += 1
                continue
            out.rows[split_of(pair.src, pair.tgt, opts.split, opts.seed)].append({
                "translation": {src_lang: pair.src, tgt_lang: pair.tgt},
                "doc_id": doc_id, "src_ids": list(bead.src), "tgt_ids": list(bead.tgt),
                "align_score": float(bead.score), "findings": sorted({f"{f.severity.value}:{f.type}" for f in pair.findings}),
            })
    return out


# characters XML 1.0 cannot hold even escaped (C0 controls but tab and line ends, surrogates, U+FFFE, U+FFFF):
# the text keeps them elsewhere, but one of them makes the whole TMX file unreadable
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_text(text: str) -> str:
    return escape(_NOT_XML.sub("", text))


def _tmx(rows: list[dict], src_lang: str, tgt_lang: str) -> str:
    units = []
    for r in rows:
        props = f'<prop type="x-doc-id">{_xml_text(r["doc_id"])}</prop>'
        units.append(
            f"<tu>{props}"
            f'<tuv xml:lang={quoteattr(src_lang)}><seg>{_xml_text(r["translation"][src_lang])}</seg></tuv>'
            f'<tuv xml:lang={quoteattr(tgt_lang)}><seg>{_xml_text(r["translation"][tgt_lang])}</seg></tuv></tu>')
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n'
            f'<header creationtool="mt" creationtoolversion={quoteattr(__version__)} segtype="sentence" o-tmf="mt" adminlang="en" srclang={quoteattr(src_lang)} datatype="plaintext"/>\n'
            "<body>\n" + "\n".join(units) + "\n</body>\n</tmx>\n")


def _card(result: ExportResult, opts: ExportOptions, src_lang: str, tgt_lang: str) -> str:
    counts = "\n".join(f"| {s} | {len(result.rows[s])} |" for s in SPLITS)
    dropped = "\n".join(f"| {k} | {v} |" for k, v in sorted(result.dropped.items())) or "| (none) | 0 |"
    return f"""---
license: {opts.licence}
language: [{src_lang}, {tgt_lang}]
task_categories: [translation]
---
# {src_lang}–{tgt_lang} aligned pairs exported by `mt`

Sources ({len(result.sources)} {"document" if len(result.sources) == 1 else "documents"}): {", ".join(result.sources[:20])}{" …" if len(result.sources) > 20 else ""}

Each row: `translation` ({{{src_lang}: …, {tgt_lang}: …}}), `doc_id`, `src_ids`, `tgt_ids`, `align_score`,
`findings` (severity:type labels of the fidelity checks).

| split | pairs |
|---|---|
{counts}

Left out, by reason:

| reason | pairs |
|---|---|
{dropped}

{_reviewed_card(result)}Settings: drop findings of severity {", ".join(opts.drop) or "none"} (keep flagged: {opts.keep_flagged}),
min alignment score {opts.min_score}, max length ratio {opts.max_length_ratio}, split {opts.split} by hash (seed {opts.seed}).
"""


def _reviewed_card(result: ExportResult) -> str:
    if not result.reviewed:
        return ""
    labels = Counter(r["label"] for r in result.reviewed)
    return (f"Reviewed pairs (`qe/reviewed.jsonl`, quality-estimation examples from a reviewer's decisions): "
            f"{labels.get('error', 0)} labelled `error` (a confirmed finding), {labels.get('ok', 0)} labelled `ok` "
            "(every finding dismissed as a false alarm, so no longer left out as flagged).\n\n")


def _features(src_lang: str, tgt_lang: str):
    from datasets import Features, Sequence, Value

    return Features({
        "translation": {src_lang: Value("string"), tgt_lang: Value("string")},
        "doc_id": Value("string"), "src_ids": Sequence(Value("int32")), "tgt_ids": Sequence(Value("int32")),
        # float64: a float32 score (0.002199999988…) no longer equals the JSONL's 0.0022, and a filter on it picks other rows
        "align_score": Value("float64"), "findings": Sequence(Value("string")),
    })


def _write_hf(tmp: Path, rows: dict[str, list[dict]], src_lang: str, tgt_lang: str) -> None:
    from datasets import Dataset, DatasetDict
    from datasets.utils.logging import disable_progress_bar

    disable_progress_bar()

    features = _features(src_lang, tgt_lang)
    import pyarrow as pa

    # an empty split keeps its schema (an empty list would save a schema-less table)
    dd = DatasetDict({sp: Dataset.from_list(rows[sp], features=features) if rows[sp]
                      else Dataset(pa.Table.from_pylist([], schema=features.arrow_schema)) for sp in SPLITS})
    # one shard per split, also for an empty split (zero shards would not load back)
    dd.save_to_disk(str(tmp / "hf"), num_shards={sp: 1 for sp in SPLITS})
    (tmp / "parquet").mkdir()
    # no file for an empty split: load_dataset("parquet", data_dir=...) refuses a folder holding one
    for s in SPLITS:
        if rows[s]:
            dd[s].to_parquet(str(tmp / "parquet" / f"{s}.parquet"))


def _write_jsonl(tmp: Path, rows: dict[str, list[dict]], src_lang: str, tgt_lang: str) -> None:
    (tmp / "jsonl").mkdir(exist_ok=True)
    for s in SPLITS:
        (tmp / "jsonl" / f"{s}.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows[s]), encoding="utf-8")


def _write_tsv(tmp: Path, rows: dict[str, list[dict]], src_lang: str, tgt_lang: str) -> None:
    # Written by the csv module, so a field with a quotation mark is quoted ('"Wir schaffen das", sagte …'
    # reads back whole with csv.reader(delimiter="\t") or pandas.read_csv(sep="\t")); tabs and line breaks
    # inside a segment become spaces. Segment ids are space-separated, findings comma-separated.
    import csv
    import io

    (tmp / "tsv").mkdir(exist_ok=True)
    clean = lambda t: t.replace("\t", " ").replace("\r", " ").replace("\n", " ")  # noqa: E731
    for s in SPLITS:
        buf = io.StringIO()
        w = csv.writer(buf, delimiter="\t", lineterminator="\n")
        w.writerow([src_lang, tgt_lang, "doc_id", "src_ids", "tgt_ids", "align_score", "findings"])
        for r in rows[s]:
            w.writerow([clean(r["translation"][src_lang]), clean(r["translation"][tgt_lang]), r["doc_id"],
                        " ".join(map(str, r["src_ids"])), " ".join(map(str, r["tgt_ids"])), f"{r['align_score']:.4f}",
                        ",".join(r["findings"])])
        (tmp / "tsv" / f"{s}.tsv").write_text(buf.getvalue(), encoding="utf-8")


def _write_tmx(tmp: Path, rows: dict[str, list[dict]], src_lang: str, tgt_lang: str) -> None:
    (tmp / "tmx").mkdir(exist_ok=True)
    for s in SPLITS:
        (tmp / "tmx" / f"{s}.tmx").write_text(_tmx(rows[s], src_lang, tgt_lang), encoding="utf-8")


def _write_marian(tmp: Path, rows: dict[str, list[dict]], src_lang: str, tgt_lang: str) -> None:
    (tmp / "marian").mkdir(exist_ok=True)
    for s in SPLITS:
        for lang in (src_lang, tgt_lang):
            (tmp / "marian" / f"{s}.{lang}").write_text("".join(r["translation"][lang].replace("\n", " ") + "\n" for r in rows[s]), encoding="utf-8")


WRITERS: dict[str, Callable[[Path, dict[str, list[dict]], str, str], None]] = {
    "hf": _write_hf, "jsonl": _write_jsonl, "tsv": _write_tsv, "tmx": _write_tmx, "marian": _write_marian,
}


def write_export(result: ExportResult, out_dir: str | Path, opts: ExportOptions, src_lang: str, tgt_lang: str, force: bool = False,
                 inputs: list[str] | tuple = ()) -> Path:
    out = Path(out_dir)
    refuse_nonempty_dir(out, force, inputs=inputs)
    bad = [f for f in opts.formats if f not in FORMATS]
    if bad:
        raise MtError(f"unknown format(s) {', '.join(bad)}; choose from {', '.join(FORMATS)}")
    with atomic_directory(out) as tmp:
        rows = result.rows
        for fmt in FORMATS:
            if fmt in opts.formats:
                WRITERS[fmt](tmp, rows, src_lang, tgt_lang)
        if result.reviewed:
            (tmp / "qe").mkdir()
            (tmp / "qe" / "reviewed.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in result.reviewed), encoding="utf-8")
        (tmp / "README.md").write_text(_card(result, opts, src_lang, tgt_lang), encoding="utf-8")
        (tmp / "export.json").write_text(json.dumps({"src_lang": src_lang, "tgt_lang": tgt_lang, "counts": {s: len(rows[s]) for s in SPLITS},
                                                     "dropped": dict(result.dropped), "sources": result.sources,
                                                     "reviewed": len(result.reviewed)}, ensure_ascii=False, indent=1))
    return out
