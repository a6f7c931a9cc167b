"""Clean aligned pairs as fine-tuning data: Hugging Face datasets (save_to_disk + Parquet), JSONL,
TSV, TMX 1.4 and Marian/OPUS plain files, with provenance, filter reasons and a dataset card.

Splits are decided by a hash of the pair (and the seed), so a pair never changes split between
runs. The export is written to a temporary directory and renamed: never half a dataset.
"""
from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from .fidelity import CheckResult
from .io import atomic_directory, doc_id_for_path
from .types import MtError, SegmentKind

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


def split_of(src: str, tgt: str, ratios: tuple[float, float, float], seed: int) -> str:
    h = hashlib.sha256(f"{seed}\x00{src}\x00{tgt}".encode()).digest()
    x = int.from_bytes(h[:8], "big") / 2**64
    edge = 0.0
    for name, r in zip(SPLITS, ratios):
        edge += r
        if x < edge:
            return name
    return SPLITS[-1]


def collect(results: dict[str, CheckResult], opts: ExportOptions) -> ExportResult:
    from .langid import is_language

    if len(opts.split) != 3 or abs(sum(opts.split) - 1.0) > 1e-6 or min(opts.split) < 0:
        raise MtError("--split needs three non-negative fractions that add up to 1, e.g. 0.9,0.05,0.05")
    out = ExportResult(rows={s: [] for s in SPLITS}, sources=list(results))
    seen: set[tuple[str, str]] = set()
    for doc_id, res in results.items():
        al = res.alignment
        src_lang, tgt_lang = al.src.lang, al.tgt.lang
        for bead in al.beads:
            if not (bead.src and bead.tgt):
                continue  # unaligned segments are not pairs
            src, tgt = al.src_text(bead), al.tgt_text(bead)
            kinds = {al.src.segments[i].kind for i in bead.src} | {al.tgt.segments[j].kind for j in bead.tgt}
            flagged = [f for f in res.findings if set(f.tgt) & set(bead.tgt) or (not f.tgt and set(f.src) & set(bead.src))]
            labels = sorted({f"{f.severity.value}:{f.type}" for f in flagged})
            reason = None
            if not src.strip() or not tgt.strip():
                reason = "empty"
            elif kinds & {SegmentKind.BOILERPLATE, SegmentKind.HEADING}:
                reason = "non_content"
            elif any(f.severity.value in opts.drop for f in flagged) and not opts.keep_flagged:
                reason = "flagged"
            elif bead.score < opts.min_score:
                reason = "low_score"
            elif max(len(src), len(tgt)) > opts.max_length_ratio * max(1, min(len(src), len(tgt))):
                reason = "length_ratio"
            elif is_language(src, src_lang) is False or is_language(tgt, tgt_lang) is False:
                reason = "wrong_language"
            elif (src, tgt) in seen:
                reason = "duplicate"
            if reason:
                out.dropped[reason] += 1
                continue
            seen.add((src, tgt))
            out.rows[split_of(src, tgt, opts.split, opts.seed)].append({
                "translation": {src_lang: src, tgt_lang: tgt},
                "doc_id": doc_id, "src_ids": list(bead.src), "tgt_ids": list(bead.tgt),
                "align_score": float(bead.score), "findings": labels,
            })
    return out


def _tmx(rows: list[dict], src_lang: str, tgt_lang: str) -> str:
    units = []
    for r in rows:
        props = f'<prop type="x-doc-id">{escape(r["doc_id"])}</prop>'
        units.append(
            f"<tu>{props}"
            f'<tuv xml:lang={quoteattr(src_lang)}><seg>{escape(r["translation"][src_lang])}</seg></tuv>'
            f'<tuv xml:lang={quoteattr(tgt_lang)}><seg>{escape(r["translation"][tgt_lang])}</seg></tuv></tu>')
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n'
            f'<header creationtool="mt" creationtoolversion="0.1.0" segtype="sentence" o-tmf="mt" adminlang="en" srclang={quoteattr(src_lang)} datatype="plaintext"/>\n'
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

Sources ({len(result.sources)} documents): {", ".join(result.sources[:20])}{" …" if len(result.sources) > 20 else ""}

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
        "align_score": Value("float32"), "findings": Sequence(Value("string")),
    })


def write_export(result: ExportResult, out_dir: str | Path, opts: ExportOptions, src_lang: str, tgt_lang: str, force: bool = False) -> Path:
    out = Path(out_dir)
    if out.exists() and (not out.is_dir() or any(out.iterdir())) and not force:
        raise MtError(f"{out}: exists and is not empty; pass --force to replace it")
    bad = [f for f in opts.formats if f not in FORMATS]
    if bad:
        raise MtError(f"unknown format(s) {', '.join(bad)}; choose from {', '.join(FORMATS)}")
    with atomic_directory(out) as tmp:
        rows = result.rows
        if "hf" in opts.formats:
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
            for s in SPLITS:
                dd[s].to_parquet(str(tmp / "parquet" / f"{s}.parquet"))
        for s in SPLITS:
            if "jsonl" in opts.formats:
                (tmp / "jsonl").mkdir(exist_ok=True)
                (tmp / "jsonl" / f"{s}.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows[s]), encoding="utf-8")
            if "tsv" in opts.formats:
                (tmp / "tsv").mkdir(exist_ok=True)
                clean = lambda t: t.replace("\t", " ").replace("\n", " ")  # noqa: E731
                (tmp / "tsv" / f"{s}.tsv").write_text(
                    f"{src_lang}\t{tgt_lang}\tdoc_id\talign_score\tfindings\n" + "".join(
                        f"{clean(r['translation'][src_lang])}\t{clean(r['translation'][tgt_lang])}\t{r['doc_id']}\t{r['align_score']:.4f}\t{','.join(r['findings'])}\n"
                        for r in rows[s]), encoding="utf-8")
            if "tmx" in opts.formats:
                (tmp / "tmx").mkdir(exist_ok=True)
                (tmp / "tmx" / f"{s}.tmx").write_text(_tmx(rows[s], src_lang, tgt_lang), encoding="utf-8")
            if "marian" in opts.formats:
                (tmp / "marian").mkdir(exist_ok=True)
                for lang in (src_lang, tgt_lang):
                    (tmp / "marian" / f"{s}.{lang}").write_text("".join(r["translation"][lang].replace("\n", " ") + "\n" for r in rows[s]), encoding="utf-8")
        if result.reviewed:
            (tmp / "qe").mkdir()
            (tmp / "qe" / "reviewed.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in result.reviewed), encoding="utf-8")
        (tmp / "README.md").write_text(_card(result, opts, src_lang, tgt_lang), encoding="utf-8")
        (tmp / "export.json").write_text(json.dumps({"src_lang": src_lang, "tgt_lang": tgt_lang, "counts": {s: len(rows[s]) for s in SPLITS},
                                                     "dropped": dict(result.dropped), "sources": result.sources,
                                                     "reviewed": len(result.reviewed)}, ensure_ascii=False, indent=1))
    return out


def discover_inputs(inputs: list[str], src_lang: str, tgt_lang: str) -> list[tuple[str, object]]:
    """Inputs → [(doc_id, spec)]: spec is (src_path, tgt_path) or a case dict (JSONL of documents)."""
    from .io import read_jsonl

    docs: list[tuple[str, object]] = []
    loose: list[Path] = []  # plain document files, taken two by two (source, target)
    for p in (Path(x) for x in inputs):
        if not p.exists():
            raise MtError(f"{p}: no such file or directory")
        if p.is_dir():
            pairs = sorted(p.glob(f"*.{src_lang}"))
            if not pairs:
                raise MtError(f"{p}: no *.{src_lang} files (expected NAME.{src_lang} with NAME.{tgt_lang} beside it)")
            for s in pairs:
                t = s.with_suffix(f".{tgt_lang}")
                if not t.exists():
                    raise MtError(f"{s}: no matching {t.name}")
                docs.append((s.stem, (s, t)))
        elif p.suffix == ".jsonl":
            for n, case in enumerate(read_jsonl(p), 1):
                docs.append((str(case.get("id", f"{p.stem}-{n}")), case))
        else:
            loose.append(p)
    if len(loose) % 2:
        raise MtError(f"{loose[-1]}: document files come in pairs (SOURCE TARGET); this one has no partner")
    for s, t in zip(loose[0::2], loose[1::2]):
        docs.append((doc_id_for_path(s), (s, t)))
    return docs
