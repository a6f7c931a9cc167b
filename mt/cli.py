"""Command line: parses arguments, shows progress, maps errors to exit codes, calls the API.

Exit codes: 0 ok, 1 findings at or above --fail-on, 2 bad input or missing model, 130 Ctrl-C.
"""
from __future__ import annotations

import contextlib
import sys
from pathlib import Path
from typing import Iterator, Optional

import typer

from .types import MtError

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    help="mt: translate, align and check translations (MarianMT / CTranslate2).",
)
models_app = typer.Typer(no_args_is_help=True, rich_markup_mode=None, help="List, download and convert translation models.")
eval_app = typer.Typer(no_args_is_help=True, rich_markup_mode=None, help="Evaluate alignment and fidelity checks against gold data.")
app.add_typer(models_app, name="models")
app.add_typer(eval_app, name="eval")

SCREENFUL = 40


@contextlib.contextmanager
def progress_bar(total: int, label: str) -> Iterator:
    """A progress bar on stderr for work longer than a screenful; yields an `advance(n)` callback."""
    if total <= SCREENFUL:
        yield lambda n=1: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    with Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
        console=Console(stderr=True), transient=True,
    ) as bar:
        task = bar.add_task(label, total=total)
        yield lambda n=1: bar.advance(task, n)


def _say(message: str) -> None:
    print(message, file=sys.stderr)


def _refuse_existing(output: Optional[str], force: bool) -> None:
    """Fail before any work when the output exists: nothing that exists is replaced without --force."""
    if output and output != "-" and Path(output).exists() and not force:
        raise MtError(f"{output}: exists; pass --force to replace it")


# --------------------------------------------------------------------------------------------
# translate
# --------------------------------------------------------------------------------------------
@app.command(
    epilog="""Examples:

  mt translate corpora/baoquocte-291854/vi.txt --src vi --tgt de -o de.mt.txt

  cat lines.txt | mt translate - --src de --tgt vi --backend hf --beam 1

  mt translate docs.jsonl --format jsonl --src vi --tgt de --model ./opus-mt-vi-de -o out.jsonl

  mt translate archive.txt --src vi --tgt de --engine ray --actors 4 -o archive.de.txt
""",
)
def translate(
    input: str = typer.Argument("-", help="Input file, one segment a line (or JSONL with --format jsonl); '-' for stdin."),
    src: str = typer.Option(..., "--src", help="Source language code, e.g. vi."),
    tgt: str = typer.Option(..., "--tgt", help="Target language code, e.g. de."),
    model: Optional[str] = typer.Option(None, "--model", help="Local Marian or CTranslate2 directory, or a hub id (default: configs/models.toml)."),
    backend: Optional[str] = typer.Option(None, "--backend", help="ct2 (CTranslate2, default when installed) or hf (transformers)."),
    beam: int = typer.Option(4, "--beam", min=1, help="Beam size (1 = greedy)."),
    batch_size: int = typer.Option(16, "--batch-size", min=1, help="Segments per batch."),
    max_length: int = typer.Option(512, "--max-length", min=1, help="Maximum output tokens per segment."),
    min_length: int = typer.Option(0, "--min-length", min=0, help="Minimum output tokens (for benchmarks: equal work per backend)."),
    device: str = typer.Option("auto", "--device", help="auto, cpu or cuda."),
    compute_type: Optional[str] = typer.Option(None, "--compute-type", help="CTranslate2 compute type (default int8 on CPU)."),
    output: Optional[str] = typer.Option(None, "-o", "--output", help="Output file (default stdout); written atomically."),
    fmt: str = typer.Option("text", "--format", help="text or jsonl."),
    force: bool = typer.Option(False, "--force", help="Replace an existing output file."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Do not read or write the translation cache."),
    engine: str = typer.Option("local", "--engine", help="local, or ray (Ray Data actor pool; pip install -e '.[ray]')."),
    actors: int = typer.Option(2, "--actors", min=1, help="Ray: actors, each holding one loaded model."),
    gpus_per_actor: float = typer.Option(0.0, "--gpus-per-actor", min=0.0, help="Ray: GPUs reserved per actor."),
    ray_address: Optional[str] = typer.Option(None, "--ray-address", help="Ray: join this cluster ('auto', 'ray://head:10001'); default a local instance."),
) -> None:
    """Translate a file or stdin, one segment a line; line i of the output translates line i.

    Finished segments are cached (~/.cache/mt/translations.sqlite): a killed run, started again,
    translates only what is missing and writes the same output."""
    from .io import read_jsonl
    from .pipeline import read_input_lines
    from .translate import DecodeOptions, open_translator, translate_file

    if fmt not in ("text", "jsonl"):
        raise MtError(f"unknown format {fmt!r}; choose text or jsonl")
    if device not in ("auto", "cpu", "cuda"):
        raise MtError(f"unknown device {device!r}; choose auto, cpu or cuda")
    # Read first (stdin only once): bad input fails before a model is loaded.
    _refuse_existing(output, force)
    lines = read_input_lines(input, src, check_language=False) if fmt == "text" else None
    rows = read_jsonl(input) if fmt == "jsonl" else None
    total = len(lines) if lines is not None else len(rows)
    options = DecodeOptions(beam=beam, batch_size=batch_size, max_length=max_length, min_length=min_length, device=device)
    if engine == "ray":
        import functools

        from .distributed import translate_lines

        translate_fn = functools.partial(translate_lines, src=src, tgt=tgt, model=model, backend=backend, options=options,
                                         compute_type=compute_type, actors=actors, gpus_per_actor=gpus_per_actor,
                                         address=ray_address, cache=not no_cache)
    elif engine == "local":
        # the language check (its classifier takes a moment to load) runs while the model loads;
        # a wrong-language input still stops before anything is translated
        from concurrent.futures import ThreadPoolExecutor

        from .pipeline import ensure_language

        with ThreadPoolExecutor(1) as pool:
            checked = pool.submit(ensure_language, lines, src, input) if lines is not None else None
            translate_fn = open_translator(src, tgt, model=model, backend=backend, options=options, compute_type=compute_type,
                                           cache=not no_cache).translate
            if checked is not None:
                checked.result()
    else:
        raise MtError(f"unknown engine {engine!r}; choose local or ray")
    if engine == "ray" and lines is not None:
        from .pipeline import ensure_language

        ensure_language(lines, src, input)
    with progress_bar(total, f"translating {src}→{tgt}") as advance:
        translate_file(input, output, translate_fn, src, fmt=fmt, progress=advance, force=force, lines=lines, rows=rows)


# --------------------------------------------------------------------------------------------
# align
# --------------------------------------------------------------------------------------------
@app.command(
    epilog="""Examples:

  mt align corpora/baoquocte-291854/vi.txt corpora/baoquocte-291854/de.txt --src-lang vi --tgt-lang de --segmented

  mt align dev.de dev.fr --src-lang de --tgt-lang fr --segmented --mt dev.mt-google.fr -o dev.align

  mt align article.vi.txt article.de.txt --src-lang vi --tgt-lang de --mt auto --format jsonl
""",
)
def align(
    src: str = typer.Argument(..., help="Source document (text; blank lines separate paragraphs)."),
    tgt: str = typer.Argument(..., help="Target document."),
    src_lang: str = typer.Option(..., "--src-lang", help="Source language code."),
    tgt_lang: str = typer.Option(..., "--tgt-lang", help="Target language code."),
    segmented: bool = typer.Option(False, "--segmented", help="Input is one segment a line: do not split sentences."),
    mt: str = typer.Option("none", "--mt", help="none, auto (translate SRC with the configured model) or a file: SRC translated line by line."),
    fmt: str = typer.Option("vecalign", "--format", help="vecalign ([i, j]:[k] per bead), jsonl or tsv."),
    output: Optional[str] = typer.Option(None, "-o", "--output", help="Output file (default stdout)."),
    force: bool = typer.Option(False, "--force", help="Replace an existing output file."),
) -> None:
    """Split two documents into sentences and align them (1-1, n-m, 1-0, 0-1), in order.

    Scores use shared character n-grams, numbers and CLDR names, and length; with --mt, the
    translation of SRC against TGT. Without MT a second pass adds a word lexicon learned from
    the first pass's confident beads."""
    from .pipeline import align_pair, format_alignment, load_document
    from .io import write_text

    if fmt not in ("vecalign", "jsonl", "tsv"):
        raise MtError(f"unknown format {fmt!r}; choose vecalign, jsonl or tsv")
    s, t = load_document(src, src_lang, segmented), load_document(tgt, tgt_lang, segmented)
    _refuse_existing(output, force)
    write_text(output, format_alignment(align_pair(s, t, mt=mt), fmt), force=force)


@eval_app.command(
    "align",
    epilog="Example:\n\n  mt eval align --gold corpora/baoquocte-291854/gold.vide --test out.vide",
)
def eval_align(
    gold: str = typer.Option(..., "--gold", help="Gold alignment (Vecalign format)."),
    test: str = typer.Option(..., "--test", help="Alignment to score (Vecalign format)."),
) -> None:
    """Strict and lax precision, recall and F1 (Sennrich & Volk 2011, as Vecalign's score.py)."""
    from .align.metrics import format_scores, read_vecalign, score

    print(format_scores(score(read_vecalign(gold), read_vecalign(test))), end="")


# --------------------------------------------------------------------------------------------
# check, report
# --------------------------------------------------------------------------------------------
def _finding_rows(results: dict) -> list[dict]:
    rows = []
    for doc_id, res in results.items():
        for f in res.findings:
            f.doc_id = doc_id
            rows.append(f.to_dict())
    return rows


@app.command(
    epilog="""Examples:

  mt check corpora/baoquocte-291854/vi.txt corpora/baoquocte-291854/de.txt --src-lang vi --tgt-lang de --segmented

  mt check src.txt tgt.txt --src-lang vi --tgt-lang de --fail-on critical -o findings.jsonl

  mt check --batch ../shared/fidelity-dev/cases.jsonl -o findings.jsonl
""",
)
def check(
    src: Optional[str] = typer.Argument(None, help="Source document."),
    tgt: Optional[str] = typer.Argument(None, help="Target document (the translation)."),
    src_lang: str = typer.Option("vi", "--src-lang", help="Source language code."),
    tgt_lang: str = typer.Option("de", "--tgt-lang", help="Target language code."),
    segmented: bool = typer.Option(False, "--segmented", help="One segment a line: do not split sentences."),
    alignment: Optional[str] = typer.Option(None, "--alignment", help="Use this alignment (Vecalign format) instead of aligning."),
    mt: str = typer.Option("none", "--mt", help="none, auto (models: MT-assisted alignment and re-translation) or a line-by-line MT file."),
    batch: Optional[str] = typer.Option(None, "--batch", help="JSONL of documents ({id, src, tgt, src_lang, tgt_lang, align?})."),
    fail_on: Optional[str] = typer.Option(None, "--fail-on", help="critical or major: exit 1 when such a finding exists."),
    engine: str = typer.Option("local", "--engine", help="local, or ray (documents of --batch spread over Ray workers)."),
    actors: int = typer.Option(2, "--actors", min=1, help="Ray: parallel workers."),
    ray_address: Optional[str] = typer.Option(None, "--ray-address", help="Ray: join this cluster instead of a local instance."),
    output: Optional[str] = typer.Option(None, "-o", "--output", help="Findings as JSONL (default stdout)."),
    force: bool = typer.Option(False, "--force", help="Replace an existing output file."),
) -> None:
    """Flag translation errors (attribution, entity, number, date, negation, omission, addition) with evidence."""
    from .io import write_jsonl
    from .pipeline import check_cases, check_documents, load_document

    if fail_on not in (None, "critical", "major"):
        raise MtError(f"--fail-on takes critical or major, not {fail_on!r}")
    _refuse_existing(output, force)
    if batch:
        if src or tgt:
            raise MtError("give either SRC TGT or --batch, not both")
        from .io import read_jsonl

        total = len(read_jsonl(batch))
        with progress_bar(total, "checking") as advance:
            results = check_cases(batch, mt=mt, progress=advance, engine=engine, actors=actors, address=ray_address)
    else:
        if not (src and tgt):
            raise MtError("give SRC and TGT documents, or --batch CASES.jsonl")
        s, t = load_document(src, src_lang, segmented), load_document(tgt, tgt_lang, segmented)
        results = {"": check_documents(s, t, mt=mt, alignment=alignment)}
    for res in results.values():
        for channel, state in res.channels.items():
            if state.startswith("skipped") and mt != "none":
                _say(f"mt: {channel} {state}")
    write_jsonl(output, _finding_rows(results), force=force)
    if fail_on:
        threshold = 2 if fail_on == "critical" else 1
        if any(f.severity.rank >= threshold for r in results.values() for f in r.findings):
            raise typer.Exit(1)


@app.command(
    epilog="""Examples:

  mt report                       # the bundled article, into ./report

  mt report vi.txt de.txt --src-lang vi --tgt-lang de -o out/report
""",
)
def report(
    src: Optional[str] = typer.Argument(None, help="Source document (default: the bundled article)."),
    tgt: Optional[str] = typer.Argument(None, help="Target document."),
    src_lang: str = typer.Option("vi", "--src-lang", help="Source language code."),
    tgt_lang: str = typer.Option("de", "--tgt-lang", help="Target language code."),
    segmented: Optional[bool] = typer.Option(None, "--segmented/--split", help="One segment a line (default for the bundled article)."),
    alignment: Optional[str] = typer.Option(None, "--alignment", help="Use this alignment instead of aligning."),
    mt: str = typer.Option("none", "--mt", help="none, auto or a line-by-line MT file."),
    output: str = typer.Option("report", "-o", "--output", help="Output directory."),
    force: bool = typer.Option(False, "--force", help="Replace an existing report in the output directory."),
) -> None:
    """Write index.html (side by side, findings marked), report.json and report.md."""
    from .pipeline import bundled_pair, check_documents, load_document
    from .report import write_report

    if (src is None) != (tgt is None):
        raise MtError("give both SRC and TGT, or neither for the bundled article")
    if src is None:
        src, tgt = (str(p) for p in bundled_pair())
        segmented = True if segmented is None else segmented
    if (Path(output) / "index.html").exists() and not force:
        raise MtError(f"{output}: holds a report already; pass --force to replace it")
    s, t = load_document(src, src_lang, bool(segmented)), load_document(tgt, tgt_lang, bool(segmented))
    res = check_documents(s, t, mt=mt, alignment=alignment)
    out = write_report(res, output)
    crit = sum(1 for f in res.findings if f.severity.value == "critical")
    _say(f"mt: {len(res.findings)} findings ({crit} critical); report in {out}/index.html")


@eval_app.command(
    "fidelity",
    epilog="Examples:\n\n  mt eval fidelity ../shared/fidelity-dev/cases.jsonl\n\n"
    "  mt eval fidelity --pairs pairs.tsv --src-lang de --tgt-lang en --perturb\n\n"
    "  mt eval fidelity --pairs pairs.tsv --src-lang vi --tgt-lang de --perturb --split both --json out.json\n\n"
    "Pairs: TSV (source, target[, id[, doc]]; an optional header line 'src<TAB>tgt…') or JSONL "
    "({\"src\", \"tgt\", \"id\"?, \"doc\"?}). A pair with any critical or major finding is an alarm. "
    "--perturb also makes controlled edits of each target (number, date, place, person, organisation, "
    "negation, omission, addition) and reports per edit how often the edited pair is alarmed while its "
    "clean version is not (detection) and how often with a finding of the expected type.",
)
def eval_fidelity(
    cases: Optional[str] = typer.Argument(None, help="Labelled cases (fidelity-dev format); or use --pairs."),
    mt: str = typer.Option("none", "--mt", help="none or auto (cases only)."),
    pairs: Optional[str] = typer.Option(None, "--pairs", help="Clean sentence pairs (TSV or JSONL) to measure false alarms on."),
    src_lang: Optional[str] = typer.Option(None, "--src-lang", help="Source language of --pairs."),
    tgt_lang: Optional[str] = typer.Option(None, "--tgt-lang", help="Target language of --pairs."),
    perturb: bool = typer.Option(False, "--perturb/--no-perturb", help="Also measure detection of controlled edits."),
    types: Optional[str] = typer.Option(None, "--types", help="Edit kinds, comma-separated (default: all)."),
    seed: int = typer.Option(0, "--seed", help="Seed of the edits (same seed, same edits)."),
    split: str = typer.Option("all", "--split", help="all, dev, heldout (fixed halves by a hash of the document) or both."),
    limit: int = typer.Option(0, "--limit", help="Use only the first N pairs (0: all)."),
    examples: int = typer.Option(3, "--examples", help="Examples kept per false-alarm type and per missed edit (JSON)."),
    json_out: Optional[str] = typer.Option(None, "--json", help="Also write the full result (with examples) as JSON here."),
) -> None:
    """Precision, recall, F1 and type accuracy on labelled cases (fidelity-dev's rule); or, with
    --pairs, false alarms on clean pairs and detection and type accuracy of controlled edits."""
    if pairs is None:
        if cases is None:
            raise MtError("give labelled cases (fidelity-dev format) or --pairs FILE --src-lang L --tgt-lang L")
        from .fidelity.evaluate import score_cases
        from .io import read_jsonl
        from .pipeline import check_cases

        results = check_cases(cases, mt=mt)
        s = score_cases(read_jsonl(cases), {k: r.findings for k, r in results.items()})
        print(f"precision {s['precision']:.4f}\nrecall    {s['recall']:.4f}\nF1        {s['f1']:.4f}\n"
              f"type acc. {s['type_accuracy']:.4f}\n({s['true_positives']} TP, {s['false_positives']} FP, "
              f"{s['gold_found']}/{s['gold_errors']} gold errors found)")
        return
    from .fidelity.evaluate import evaluate_pair_file, format_pairs_report
    from .io import write_text

    if cases is not None:
        raise MtError("give either labelled cases or --pairs, not both")
    if not src_lang or not tgt_lang:
        raise MtError("--pairs needs --src-lang and --tgt-lang")
    kinds = [t.strip() for t in types.split(",") if t.strip()] if types else None
    reports = evaluate_pair_file(pairs, src_lang, tgt_lang, perturb=perturb, kinds=kinds, seed=seed, split=split,
                                 limit=limit, examples=examples, progress_bar=progress_bar)
    print("\n\n".join(format_pairs_report(r) for r in reports))
    if json_out:
        import json

        write_text(json_out, json.dumps(reports if len(reports) > 1 else reports[0], ensure_ascii=False, indent=1) + "\n")
        _say(f"mt: result written to {json_out}")


@app.command(epilog="Example:\n\n  mt demo")
def demo(output: str = typer.Option("report", "-o", "--output", help="Report directory.")) -> None:
    """The main job on the bundled article: translate it if the model is here, then check and report."""
    from .pipeline import bundled_pair, check_documents, load_document
    from .report import write_report
    from .translate import open_translator

    vi, de = bundled_pair()
    try:
        tr = open_translator("vi", "de")
        _say("mt: translating the bundled article with " + tr.model_id)
        for line in tr.translate([x for x in vi.read_text(encoding="utf-8").splitlines()]):
            print(line)
    except MtError as err:
        _say(f"mt: skipping translation: {err}")
    res = check_documents(load_document(vi, "vi", True), load_document(de, "de", True))
    for f in res.findings:
        print(f"{f.severity.value:8} {f.type:12} src {f.src} tgt {f.tgt}: {f.message}")
    out = write_report(res, output)
    _say(f"mt: report written to {out}/index.html")


# --------------------------------------------------------------------------------------------
# export, finetune
# --------------------------------------------------------------------------------------------
def _floats(text: str, name: str) -> tuple[float, ...]:
    try:
        return tuple(float(x) for x in text.split(","))
    except ValueError:
        raise MtError(f"{name}: expected comma-separated numbers, got {text!r}") from None


@app.command(
    epilog="""Examples:

  mt export corpora/baoquocte-291854/vi.txt corpora/baoquocte-291854/de.txt --segmented -o data/

  mt export ../shared/fidelity-dev/cases.jsonl -o data/ --format hf,tmx --split 0.8,0.1,0.1 --force

  mt export articles/ -o qe-data/ --keep-flagged      # a directory of NAME.vi / NAME.de pairs
""",
)
def export(
    inputs: list[str] = typer.Argument(..., help="Two document files, a directory of *.SRC/*.TGT pairs, or a JSONL of documents."),
    output: str = typer.Option(..., "-o", "--output", help="Output directory (must be new or empty unless --force)."),
    fmt: str = typer.Option(",".join(("hf", "jsonl", "tsv", "tmx", "marian")), "--format", help="Comma-separated: hf, jsonl, tsv, tmx, marian."),
    src_lang: str = typer.Option("vi", "--src-lang", help="Source language code."),
    tgt_lang: str = typer.Option("de", "--tgt-lang", help="Target language code."),
    segmented: bool = typer.Option(False, "--segmented", help="Document files are one segment a line."),
    mt: str = typer.Option("none", "--mt", help="none or auto (MT-assisted alignment and re-translation)."),
    drop: str = typer.Option("critical,major", "--drop", help="Leave out pairs with findings of these severities."),
    keep_flagged: bool = typer.Option(False, "--keep-flagged", help="Keep flagged pairs, with their labels (QE training data)."),
    min_score: float = typer.Option(0.0, "--min-score", help="Leave out pairs whose alignment score is lower."),
    split: str = typer.Option("0.9,0.05,0.05", "--split", help="train,validation,test fractions."),
    seed: int = typer.Option(0, "--seed", help="Mixed into the split hash."),
    licence: str = typer.Option("unknown", "--licence", help="Licence field of the dataset card."),
    engine: str = typer.Option("local", "--engine", help="local, or ray (documents spread over Ray workers)."),
    actors: int = typer.Option(2, "--actors", min=1, help="Ray: parallel workers."),
    ray_address: Optional[str] = typer.Option(None, "--ray-address", help="Ray: join this cluster instead of a local instance."),
    force: bool = typer.Option(False, "--force", help="Replace a non-empty output directory."),
) -> None:
    """Align and check document pairs, then write the clean pairs as fine-tuning datasets."""
    from .export import ExportOptions, collect, discover_inputs, write_export
    from .pipeline import check_inputs

    opts = ExportOptions(formats=tuple(f.strip() for f in fmt.split(",") if f.strip()),
                         drop=tuple(d.strip() for d in drop.split(",") if d.strip()), keep_flagged=keep_flagged,
                         min_score=min_score, split=_floats(split, "--split"), seed=seed, licence=licence)
    out = Path(output)
    if out.exists() and (not out.is_dir() or any(out.iterdir())) and not force:
        raise MtError(f"{out}: exists and is not empty; pass --force to replace it")
    total = len(discover_inputs(inputs, src_lang, tgt_lang))
    with progress_bar(total, "checking documents") as advance:
        results = check_inputs(inputs, src_lang, tgt_lang, segmented=segmented, mt=mt, progress=advance,
                               engine=engine, actors=actors, address=ray_address)
    collected = collect(results, opts)
    write_export(collected, out, opts, src_lang, tgt_lang, force=force)
    counts = ", ".join(f"{k} {len(v)}" for k, v in collected.rows.items())
    dropped = ", ".join(f"{k} {v}" for k, v in sorted(collected.dropped.items())) or "none"
    _say(f"mt: exported {counts}; left out: {dropped}; in {out}")


@app.command(
    epilog="""Examples:

  mt finetune --model Helsinki-NLP/opus-mt-vi-de --data data/ -o models/vi-de-news --epochs 3

  mt finetune --model ./opus-mt-vi-de --data data/ -o out/ --max-steps 300 --lr 1e-4 --batch-size 8
""",
)
def finetune(
    model: str = typer.Option(..., "--model", help="Marian checkpoint directory or hub id in the local cache."),
    data: str = typer.Option(..., "--data", help="An `mt export` directory."),
    output: str = typer.Option(..., "-o", "--output", help="Directory for the fine-tuned checkpoint."),
    epochs: int = typer.Option(3, "--epochs", min=1),
    lr: float = typer.Option(5e-5, "--lr"),
    batch_size: int = typer.Option(16, "--batch-size", min=1),
    max_steps: Optional[int] = typer.Option(None, "--max-steps", min=1, help="Stop after this many optimiser steps."),
    force: bool = typer.Option(False, "--force", help="Replace a non-empty output directory."),
) -> None:
    """Fine-tune a MarianMT model on exported pairs; reports BLEU and chrF before and after."""
    from .finetune import FinetuneOptions, finetune as run_finetune

    opts = FinetuneOptions(epochs=epochs, lr=lr, batch_size=batch_size, max_steps=max_steps)
    run_finetune(model, data, output, opts, force=force, log=_say)
    _say(f"mt: checkpoint written to {output}; use it with `mt translate --model {output}`")


# --------------------------------------------------------------------------------------------
# models
# --------------------------------------------------------------------------------------------
@models_app.command("list", epilog="Example:\n\n  mt models list")
def models_list() -> None:
    """Configured language pairs, their model ids, and whether each is on this machine."""
    from .translate.models import availability

    for pair, model_id, present in availability():
        print(f"{pair}\t{model_id}\t{'available' if present else 'missing'}")


@models_app.command("pull", epilog="Example (on a machine with network access):\n\n  mt models pull vi-de")
def models_pull(pair: str = typer.Argument(..., help="Language pair, e.g. vi-de.")) -> None:
    """Download the configured model of PAIR into the Hugging Face cache."""
    from .translate.models import pull

    print(pull(pair))


@models_app.command(
    "convert",
    epilog="Example:\n\n  mt models convert ~/models/opus-mt-vi-de -o ~/models/opus-mt-vi-de-ct2 --quantization int8",
)
def models_convert(
    path: str = typer.Argument(..., help="A Marian checkpoint directory or hub id already in the cache."),
    output: str = typer.Option(..., "-o", "--output", help="Output directory for the CTranslate2 model."),
    quantization: str = typer.Option("int8", "--quantization", help="int8, int8_float32, float16 or float32."),
    force: bool = typer.Option(False, "--force", help="Replace a non-empty output directory."),
) -> None:
    """Convert a Marian checkpoint to CTranslate2 (with its SentencePiece models beside it)."""
    from .translate.models import convert, resolve

    resolved = resolve("", "", path)
    if resolved.format != "marian":
        raise MtError(f"{path}: already a CTranslate2 model")
    print(convert(resolved.path, Path(output), quantization=quantization, force=force))


def main(argv: list[str] | None = None) -> None:
    """Entry point: one line on stderr and exit 2 for bad input, 130 on Ctrl-C, never a traceback."""
    import click

    try:
        code = app(args=argv, standalone_mode=False)
        if isinstance(code, int) and code:
            sys.exit(code)
    except MtError as err:
        _say(f"mt: error: {err}")
        sys.exit(err.exit_code)
    except click.exceptions.Exit as err:
        sys.exit(err.exit_code)
    except click.exceptions.Abort:
        _say("mt: interrupted")
        sys.exit(130)
    except click.ClickException as err:
        err.show()
        sys.exit(2)
    except KeyboardInterrupt:
        _say("mt: interrupted")
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
    except OSError as err:
        _say(f"mt: error: {err.strerror or err}: {getattr(err, 'filename', '') or ''}".rstrip(": "))
        sys.exit(2)
