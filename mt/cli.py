"""Command line: parses arguments, shows progress, maps errors to exit codes, calls the API.

Exit codes: 0 ok, 1 findings at or above --fail-on, 2 bad input or missing model, 130 Ctrl-C.
Each command parses its options and calls the library: for one document pair the same functions
as `import mt` (`mt.align`, `mt.check`, `mt.report`, `mt.export`); for many, `mt.pipeline`.
Option defaults are the library's (DecodeOptions, ExportOptions, FinetuneOptions, configs/defaults.toml).
"""
from __future__ import annotations

import contextlib
import sys
from pathlib import Path
from typing import Iterator, Optional

import typer

from .export import FORMATS as EXPORT_FORMATS, ExportOptions
from .finetune import FinetuneOptions
from .options import one_of, some_of
from .translate.base import DecodeOptions
from .types import MtError, Severity

def examples(text: str) -> str:
    """An epilog whose indented example lines click prints as written: not rewrapped to the terminal
    width (a wrapped path cannot be pasted); click keeps a paragraph that opens with \\b as it is."""
    return "\n\n".join("\b\n" + p if p.startswith("  ") else p for p in text.split("\n\n"))


app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    help="mt: translate, align and check translations (MarianMT / CTranslate2).",
    epilog=examples("""Examples (`mt COMMAND --help` for each command's options):

  mt check corpora/baoquocte-291854/vi.txt corpora/baoquocte-291854/de.txt --src-lang vi --tgt-lang de --segmented

  mt report vi.txt de.txt --src-lang vi --tgt-lang de -o out/report

  mt export vi.txt de.txt --src-lang vi --tgt-lang de -o data/
"""),
)
models_app = typer.Typer(no_args_is_help=True, rich_markup_mode=None, help="List, download and convert translation models.",
                         epilog=examples("""Examples:

  mt models list

  mt models pull vi-de      # on a machine with network access
"""))
eval_app = typer.Typer(no_args_is_help=True, rich_markup_mode=None, help="Evaluate alignment and fidelity checks against gold data.",
                       epilog=examples("""Examples:

  mt eval align --gold corpora/baoquocte-291854/gold.vide --test out.vide

  mt eval fidelity corpora/examples/cases.jsonl
"""))
app.add_typer(models_app, name="models")
app.add_typer(eval_app, name="eval")

SCREENFUL = 40
ENGINES = ("local", "ray")
SEVERITIES = tuple(s.value for s in Severity)
LANG_DEFAULT = "default: configs/defaults.toml"


@contextlib.contextmanager
def progress_bar(total: int, label: str) -> Iterator:
    """A progress bar on stderr for work longer than a screenful; yields an `advance(n)` callback."""
    if total <= SCREENFUL:
        yield lambda n=1: None
        return
    if not sys.stderr.isatty():
        # a log file or a pipe gets no live bar (rich drew nothing there but a blank line): a plain line per tenth
        done, shown = 0, 0

        def advance(n: int = 1) -> None:
            nonlocal done, shown
            done += n
            if done * 10 // total > shown:
                shown = done * 10 // total
                _say(f"mt: {label}: {min(done, total)}/{total}")

        yield advance
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    with Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
        console=Console(stderr=True), transient=True,
    ) as bar:
        task = bar.add_task(label, total=total)
        yield lambda n=1: bar.advance(task, n)


@contextlib.contextmanager
def bead_progress(label: str) -> Iterator:
    """A progress bar for work whose size is known only once it starts (one long document's beads): yields a
    `progress(n, total)` callback that opens the bar (progress_bar) on its first call."""
    with contextlib.ExitStack() as stack:
        state: dict = {}

        def progress(n: int, total: int) -> None:
            if "advance" not in state:
                state["advance"] = stack.enter_context(progress_bar(total, label))
            state["advance"](n)

        yield progress


def _say(message: str) -> None:
    print(message, file=sys.stderr)


def _languages(src_lang: Optional[str], tgt_lang: Optional[str]) -> tuple[str, str]:
    """The given languages, else the default pair of configs/defaults.toml."""
    from .config import default_languages

    default_src, default_tgt = default_languages()
    return src_lang or default_src, tgt_lang or default_tgt


# --------------------------------------------------------------------------------------------
# translate
# --------------------------------------------------------------------------------------------
@app.command(
    epilog=examples("""Examples:

  mt translate corpora/baoquocte-291854/vi.txt --src vi --tgt de -o de.mt.txt

  cat lines.txt | mt translate - --src de --tgt vi --backend hf --beam 1

  mt translate docs.jsonl --format jsonl --src vi --tgt de --model ./opus-mt-vi-de -o out.jsonl

  mt translate archive.txt --src vi --tgt de --engine ray --actors 4 -o archive.de.txt
"""),
)
def translate(
    input: str = typer.Argument("-", help="Input file, one segment a line (or JSONL with --format jsonl); '-' for stdin."),
    src: str = typer.Option(..., "--src", help="Source language code, e.g. vi."),
    tgt: str = typer.Option(..., "--tgt", help="Target language code, e.g. de."),
    model: Optional[str] = typer.Option(None, "--model", help="Local Marian or CTranslate2 directory, or a hub id (default: configs/models.toml)."),
    backend: Optional[str] = typer.Option(None, "--backend", help="ct2 (CTranslate2, default when installed) or hf (transformers)."),
    beam: int = typer.Option(DecodeOptions.beam, "--beam", min=1, help="Beam size (1 = greedy)."),
    batch_size: int = typer.Option(DecodeOptions.batch_size, "--batch-size", min=1, help="Segments per batch."),
    max_length: int = typer.Option(DecodeOptions.max_length, "--max-length", min=1, help="Maximum output tokens per segment."),
    min_length: int = typer.Option(DecodeOptions.min_length, "--min-length", min=0, help="Minimum output tokens (for benchmarks: equal work per backend)."),
    device: str = typer.Option(DecodeOptions.device, "--device", help="auto, cpu or cuda."),
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
    from .documents import ensure_language, read_input_lines
    from .io import read_jsonl, refuse_existing
    from .pipeline import open_engine
    from .translate import BACKENDS, COMPUTE_TYPES, translate_file

    one_of(fmt, "--format", ("text", "jsonl"))
    one_of(device, "--device", ("auto", "cpu", "cuda"))
    one_of(engine, "--engine", ENGINES)
    if backend is not None:
        one_of(backend, "--backend", BACKENDS)
    if compute_type is not None:
        one_of(compute_type, "--compute-type", COMPUTE_TYPES)
    refuse_existing(output, force)
    # Read once, first (stdin only once): bad input fails before a model is loaded.
    lines = read_input_lines(input, src, check_language=False) if fmt == "text" else None
    rows = read_jsonl(input) if fmt == "jsonl" else None
    # a wrong-language input stops before anything is translated (checked while the model loads), JSONL records too
    texts = lines if lines is not None else [r["text"] for r in rows if isinstance(r.get("text"), str)]
    check = lambda: ensure_language(texts, src, input)  # noqa: E731
    translate_fn = open_engine(src, tgt, engine, model=model, backend=backend, compute_type=compute_type, cache=not no_cache,
                               options=DecodeOptions(beam=beam, batch_size=batch_size, max_length=max_length,
                                                     min_length=min_length, device=device),
                               actors=actors, gpus_per_actor=gpus_per_actor, address=ray_address, while_loading=check)
    with progress_bar(len(lines if lines is not None else rows), f"translating {src}→{tgt}") as advance:
        translate_file(input, output, translate_fn, src, fmt=fmt, progress=advance, force=force, lines=lines, rows=rows)


# --------------------------------------------------------------------------------------------
# align
# --------------------------------------------------------------------------------------------
@app.command(
    epilog=examples("""Examples:

  mt align corpora/baoquocte-291854/vi.txt corpora/baoquocte-291854/de.txt --src-lang vi --tgt-lang de --segmented

  mt align dev.de dev.fr --src-lang de --tgt-lang fr --segmented --mt dev.mt-google.fr -o dev.align

  mt align article.vi.txt article.de.txt --src-lang vi --tgt-lang de --mt auto --format jsonl

  mt align novel.zh novel.en --src-lang zh --tgt-lang en --segmented --embed labse   # after `mt models pull labse`
"""),
)
def align(
    src: str = typer.Argument(..., help="Source document (text; blank lines separate paragraphs)."),
    tgt: str = typer.Argument(..., help="Target document."),
    src_lang: str = typer.Option(..., "--src-lang", help="Source language code."),
    tgt_lang: str = typer.Option(..., "--tgt-lang", help="Target language code."),
    segmented: bool = typer.Option(False, "--segmented", help="Input is one segment a line: do not split sentences."),
    mt: str = typer.Option("none", "--mt", help="none, auto (translate SRC with the configured model) or a file: SRC translated line by line."),
    fmt: str = typer.Option("vecalign", "--format", help="vecalign ([i, j]:[k] per bead), jsonl or tsv (written by Python's csv module: a field with a quotation mark is quoted)."),
    embed: Optional[str] = typer.Option(None, "--embed", help="Sentence-embedding model (LaBSE, multilingual-e5, …): a sentence-transformers directory, or labse / a hub id in the local cache; one more alignment channel."),
    output: Optional[str] = typer.Option(None, "-o", "--output", help="Output file (default stdout)."),
    force: bool = typer.Option(False, "--force", help="Replace an existing output file."),
) -> None:
    """Split two documents into sentences and align them (1-1, n-m, 1-0, 0-1), in order.

    Scores use shared character n-grams, numbers, punctuation and CLDR names, and length; with --mt,
    the translation of SRC against TGT as well; with --embed, sentence embeddings of 1-4 sentence
    windows as well. Without MT a second pass adds a word lexicon learned from the first pass's
    confident beads."""
    import mt as api

    from .alignment_formats import FORMATS, format_alignment
    from .io import refuse_existing, write_text

    one_of(fmt, "--format", FORMATS)
    refuse_existing(output, force)
    al = api.align(Path(src), Path(tgt), src_lang, tgt_lang, mt=mt, segmented=segmented, embed=embed)
    write_text(output, format_alignment(al, fmt), force=force)


@eval_app.command(
    "align",
    epilog=examples("Example:\n\n  mt eval align --gold corpora/baoquocte-291854/gold.vide --test out.vide"),
)
def eval_align(
    gold: str = typer.Option(..., "--gold", help="Gold alignment (Vecalign format)."),
    test: str = typer.Option(..., "--test", help="Alignment to score (Vecalign format)."),
) -> None:
    """Strict and lax precision, recall and F1 (Sennrich & Volk 2011, as Vecalign's score.py)."""
    from .align.metrics import format_scores, score
    from .alignment_formats import check_against_gold, read_vecalign

    gold_beads, test_beads = read_vecalign(gold), read_vecalign(test)
    check_against_gold(gold_beads, test_beads, test)
    print(format_scores(score(gold_beads, test_beads)), end="")


# --------------------------------------------------------------------------------------------
# check, report
# --------------------------------------------------------------------------------------------
def _say_channels(results, mt: str) -> None:
    """Name on stderr every check that did not run in full, once: "mt: no negation knowledge for 'xx': negation not checked"."""
    said = set()
    for res in results:
        for channel, state in res.channels.items():
            if state == "ran" or (channel == "retranslation" and mt == "none") or (channel, state) in said:
                continue
            said.add((channel, state))
            kind, _, why = state.partition(": ")
            _say(f"mt: {why}: {channel} {'not checked' if kind == 'skipped' else 'checked in part'}")


def _finding_rows(results: dict) -> list[dict]:
    """Findings as JSONL rows, each with its document's id (of a single document: from its file name)."""
    rows = []
    for doc_id, res in results.items():
        doc_id = doc_id or res.alignment.src.doc_id
        rows += [{**f.to_dict(), "doc_id": doc_id} if doc_id else f.to_dict() for f in res.findings]
    return rows


@app.command(
    epilog=examples("""Examples:

  mt check corpora/baoquocte-291854/vi.txt corpora/baoquocte-291854/de.txt --src-lang vi --tgt-lang de --segmented

  mt check src.txt tgt.txt --src-lang vi --tgt-lang de --fail-on critical -o findings.jsonl

  mt check --batch corpora/examples/cases.jsonl -o findings.jsonl

  mt check src.txt tgt.txt --decisions decisions.jsonl   # a reviewer's false alarms are not raised again
"""),
)
def check(
    src: Optional[str] = typer.Argument(None, help="Source document."),
    tgt: Optional[str] = typer.Argument(None, help="Target document (the translation)."),
    src_lang: Optional[str] = typer.Option(None, "--src-lang", help=f"Source language code ({LANG_DEFAULT})."),
    tgt_lang: Optional[str] = typer.Option(None, "--tgt-lang", help=f"Target language code ({LANG_DEFAULT})."),
    segmented: bool = typer.Option(False, "--segmented", help="One segment a line: do not split sentences."),
    alignment: Optional[str] = typer.Option(None, "--alignment", help="Use this alignment (Vecalign format) instead of aligning."),
    mt: str = typer.Option("none", "--mt", help="none, auto (models: MT-assisted alignment and re-translation) or a line-by-line MT file."),
    batch: Optional[str] = typer.Option(None, "--batch", help="JSONL of documents ({id, src, tgt, src_lang, tgt_lang, align?})."),
    embed: Optional[str] = typer.Option(None, "--embed", help="Sentence-embedding model (LaBSE, multilingual-e5, …): a sentence-transformers directory, or labse / a hub id in the local cache; one more alignment channel."),
    fail_on: Optional[str] = typer.Option(None, "--fail-on", help="critical or major: exit 1 when such a finding exists."),
    engine: str = typer.Option("local", "--engine", help="local, or ray (documents of --batch spread over Ray workers)."),
    actors: int = typer.Option(2, "--actors", min=1, help="Ray: parallel workers."),
    ray_address: Optional[str] = typer.Option(None, "--ray-address", help="Ray: join this cluster instead of a local instance."),
    output: Optional[str] = typer.Option(None, "-o", "--output", help="Findings as JSONL, one a line, segment ids counted from 0 (default stdout)."),
    force: bool = typer.Option(False, "--force", help="Replace an existing output file."),
    decisions: Optional[str] = typer.Option(None, "--decisions", help="A reviewer's decisions.jsonl (exported from the report page): false alarms are dismissed, confirmed findings marked."),
) -> None:
    """Flag translation errors (attribution, entity, number, date, negation, omission, addition) with evidence."""
    import mt as api

    from .documents import read_cases
    from .io import is_stream, refuse_existing, write_jsonl
    from .pipeline import check_pairs

    if fail_on is not None:
        one_of(fail_on, "--fail-on", ("critical", "major"))
    one_of(engine, "--engine", ENGINES)
    refuse_existing(output, force)
    if batch:
        if src or tgt:
            raise MtError("give either SRC TGT or --batch, not both")
        pairs = read_cases(batch, src_lang, tgt_lang)
        with progress_bar(len(pairs), "checking") as advance:
            results = check_pairs(pairs, mt=mt, progress=advance, engine=engine, actors=actors, address=ray_address, embed=embed)
    else:
        if not (src and tgt):
            raise MtError("give SRC and TGT documents, or --batch CASES.jsonl")
        with bead_progress("checking") as progress:
            results = {"": api.check(Path(src), Path(tgt), *_languages(src_lang, tgt_lang), alignment=alignment, mt=mt,
                                     segmented=segmented, embed=embed, progress=progress)}
    _say_channels(results.values(), mt)
    from .review import apply_to_results

    tally = apply_to_results(results, decisions)
    if tally:
        _say(f"mt: review: {tally.line()}")
    rows = _finding_rows(results)
    write_jsonl(output, rows, force=force)
    if output is not None and not is_stream(output):  # (written to a file, the run otherwise ends in silence)
        from .report import plural

        _say(f"mt: {plural(len(rows), 'finding')} ({sum(r['severity'] == 'critical' for r in rows)} critical) in {output}")
    if fail_on:
        threshold = Severity(fail_on).rank
        if any(f.severity.rank >= threshold for r in results.values() for f in r.findings):
            raise typer.Exit(1)


@app.command(
    epilog=examples("""Examples:

  mt report                       # the bundled article, into ./report

  mt report vi.txt de.txt --src-lang vi --tgt-lang de -o out/report

  mt report vi.txt de.txt --decisions decisions.jsonl -o out/report --force   # the page starts from these decisions
"""),
)
def report(
    src: Optional[str] = typer.Argument(None, help="Source document (default: the bundled article)."),
    tgt: Optional[str] = typer.Argument(None, help="Target document."),
    src_lang: Optional[str] = typer.Option(None, "--src-lang", help=f"Source language code ({LANG_DEFAULT}; the bundled article's without SRC TGT)."),
    tgt_lang: Optional[str] = typer.Option(None, "--tgt-lang", help=f"Target language code ({LANG_DEFAULT}; the bundled article's without SRC TGT)."),
    segmented: Optional[bool] = typer.Option(None, "--segmented/--split", help="One segment a line (default for the bundled article); --split: split sentences."),
    alignment: Optional[str] = typer.Option(None, "--alignment", help="Use this alignment instead of aligning."),
    mt: str = typer.Option("none", "--mt", help="none, auto or a line-by-line MT file."),
    output: str = typer.Option("report", "-o", "--output", help="Output directory."),
    force: bool = typer.Option(False, "--force", help="Replace an existing report in the output directory."),
    decisions: Optional[str] = typer.Option(None, "--decisions", help="A reviewer's decisions.jsonl: false alarms dismissed, the page starts from these decisions."),
) -> None:
    """Write index.html (a review page: findings list, filters, keys, decisions exported as
    decisions.jsonl), report.json and report.md."""
    import mt as api

    from .config import bundled_languages
    from .documents import bundled_pair
    from .io import refuse_existing_report
    from .report import plural
    from .review import apply_to_results

    if (src is None) != (tgt is None):
        raise MtError("give both SRC and TGT, or neither for the bundled article")
    if src is None:
        src, tgt = (str(p) for p in bundled_pair())
        src_lang, tgt_lang = src_lang or bundled_languages()[0], tgt_lang or bundled_languages()[1]
        segmented = True if segmented is None else segmented
    refuse_existing_report(output, force)
    with bead_progress("checking") as progress:
        res = api.check(Path(src), Path(tgt), *_languages(src_lang, tgt_lang), alignment=alignment, mt=mt,
                        segmented=bool(segmented), progress=progress)
    _say_channels([res], mt)
    tally = apply_to_results({"": res}, decisions)
    out = api.report(res, output, force=force)
    crit = sum(1 for f in res.findings if f.severity is Severity.CRITICAL)
    _say(f"mt: {plural(len(res.findings), 'finding')} ({crit} critical)" + (f"; review: {tally.line()}" if tally else "")
         + f"; report in {out}/index.html")


@eval_app.command(
    "fidelity",
    epilog=examples("Examples:\n\n  mt eval fidelity corpora/examples/cases.jsonl\n\n"
    "  mt eval fidelity corpora/baoquocte-291854/vi.txt corpora/baoquocte-291854/de.txt --segmented --decisions decisions.jsonl\n\n"
    "  mt eval fidelity --pairs pairs.tsv --src-lang de --tgt-lang en --perturb\n\n"
    "  mt eval fidelity --pairs pairs.tsv --src-lang vi --tgt-lang de --perturb --split both --json out.json\n\n"
    "Pairs: TSV (source, target[, id[, doc]]; an optional header line 'src<TAB>tgt…') or JSONL "
    "({\"src\", \"tgt\", \"id\"?, \"doc\"?}). A pair with any critical or major finding is an alarm. "
    "--perturb also makes controlled edits of each target (number, date, place, person, organisation, "
    "office, negation, omission, addition) and reports per edit how often the edited pair is alarmed while its "
    "clean version is not (detection) and how often with a finding of the expected type."),
)
def eval_fidelity(
    cases: Optional[list[str]] = typer.Argument(None, help="Labelled cases (fidelity-dev format); with --decisions also two documents or a directory, as for mt export; or use --pairs."),
    mt: str = typer.Option("none", "--mt", help="none or auto (cases and documents only)."),
    decisions: Optional[str] = typer.Option(None, "--decisions", help="Score against a reviewer's decisions.jsonl: confirmed findings are the errors, false alarms the mistakes."),
    segmented: bool = typer.Option(False, "--segmented", help="Document inputs (with --decisions) are one segment a line."),
    pairs: Optional[str] = typer.Option(None, "--pairs", help="Clean sentence pairs (TSV or JSONL) to measure false alarms on."),
    src_lang: Optional[str] = typer.Option(None, "--src-lang", help=f"Source language of --pairs or of document inputs ({LANG_DEFAULT} for documents)."),
    tgt_lang: Optional[str] = typer.Option(None, "--tgt-lang", help=f"Target language of --pairs or of document inputs ({LANG_DEFAULT} for documents)."),
    perturb: bool = typer.Option(False, "--perturb/--no-perturb", help="Also measure detection of controlled edits."),
    types: Optional[str] = typer.Option(None, "--types", help="Edit kinds, comma-separated (default: all)."),
    seed: int = typer.Option(0, "--seed", help="Seed of the edits (same seed, same edits)."),
    split: str = typer.Option("all", "--split", help="all, dev, heldout (fixed halves by a hash of the document) or both."),
    limit: int = typer.Option(0, "--limit", help="Use only the first N pairs (0: all)."),
    examples: int = typer.Option(3, "--examples", help="Examples kept per false-alarm type and per missed edit (JSON)."),
    json_out: Optional[str] = typer.Option(None, "--json", help="Also write the full result (with examples) as JSON here."),
    force: bool = typer.Option(False, "--force", help="Replace an existing --json file."),
) -> None:
    """Precision, recall, F1 and type accuracy on labelled cases (fidelity-dev's rule); with
    --decisions, against a reviewer's decisions; with --pairs, false alarms on clean pairs and
    detection and type accuracy of controlled edits."""
    if json_out is not None:
        from .io import refuse_existing

        if pairs is None:  # (labelled cases and reviews print their scores only)
            raise MtError("--json goes with --pairs")
        refuse_existing(json_out, force)  # before the run, as every output
    if pairs is not None:
        from .fidelity.evaluate import evaluate_pair_file, format_pairs_report
        from .io import write_text

        if cases:
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
        return
    if not cases:
        raise MtError("give labelled cases (fidelity-dev format), documents with --decisions, or --pairs FILE --src-lang L --tgt-lang L")
    if decisions:
        from .documents import read_inputs
        from .fidelity.evaluate import format_reviewed, score_reviewed
        from .pipeline import check_pairs
        from .review import read_decisions

        reviewed = read_decisions(decisions)
        docs = read_inputs(cases, *_languages(src_lang, tgt_lang), segmented=segmented)
        print(format_reviewed(score_reviewed(reviewed, check_pairs(docs, mt=mt))), end="")
        return
    if len(cases) != 1:
        raise MtError("give one cases JSONL (documents and directories need --decisions)")
    from .fidelity.evaluate import read_labelled_cases, score_cases
    from .pipeline import check_cases

    labelled = read_labelled_cases(cases[0])  # (refused before the run when a label is malformed)
    results = check_cases(cases[0], mt=mt)
    s = score_cases(labelled, {k: r.findings for k, r in results.items()})
    print(f"precision {s['precision']:.4f}\nrecall    {s['recall']:.4f}\nF1        {s['f1']:.4f}\n"
          f"type acc. {s['type_accuracy']:.4f}\n({s['true_positives']} critical/major findings on a gold error, "
          f"{s['false_positives']} elsewhere; {s['gold_found']}/{s['gold_errors']} gold errors found)")


@app.command(epilog="Example:\n\n  mt demo")
def demo(output: str = typer.Option("report", "-o", "--output", help="Report directory."),
         force: bool = typer.Option(False, "--force", help="Replace an existing report in the output directory.")) -> None:
    """The main job on the bundled article: translate it if the model is here, then check and report."""
    import mt as api

    from .report import numbers

    from .config import bundled_languages
    from .documents import bundled_pair
    from .io import read_lines, refuse_existing_report
    from .pipeline import translate_lines

    refuse_existing_report(output, force)
    (src, tgt), (src_lang, tgt_lang) = bundled_pair(), bundled_languages()
    try:
        for line in translate_lines(read_lines(src), src_lang, tgt_lang, log=lambda msg: _say(f"mt: {msg}")):
            print(line)
    except MtError as err:
        _say(f"mt: skipping translation: {err}")
    res = api.check(src, tgt, src_lang, tgt_lang, segmented=True)
    for f in res.findings:
        print(f"{f.severity.value:8} {f.type:12} {src_lang} {numbers(f.src)} → {tgt_lang} {numbers(f.tgt)} [{f.id}]: {f.message}")
    out = api.report(res, output, force=force)
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
    epilog=examples("""Examples:

  mt export corpora/baoquocte-291854/vi.txt corpora/baoquocte-291854/de.txt --segmented -o data/

  mt export corpora/examples/cases.jsonl -o data/ --format hf,tmx --split 0.8,0.1,0.1 --force

  mt export articles/ -o qe-data/ --keep-flagged      # a directory of NAME.vi / NAME.de pairs

  mt export vi.txt de.txt --segmented --decisions decisions.jsonl -o data/   # reviewed pairs in qe/reviewed.jsonl
"""),
)
def export(
    inputs: list[str] = typer.Argument(..., help="Two document files, a directory of *.SRC/*.TGT pairs, or a JSONL of documents."),
    output: str = typer.Option(..., "-o", "--output", help="Output directory (must be new or empty unless --force)."),
    fmt: str = typer.Option(",".join(ExportOptions.formats), "--format", help=f"Comma-separated: {', '.join(EXPORT_FORMATS)} (hf writes hf/ and parquet/)."),
    src_lang: Optional[str] = typer.Option(None, "--src-lang", help=f"Source language code ({LANG_DEFAULT})."),
    tgt_lang: Optional[str] = typer.Option(None, "--tgt-lang", help=f"Target language code ({LANG_DEFAULT})."),
    segmented: bool = typer.Option(False, "--segmented", help="Document files are one segment a line."),
    mt: str = typer.Option("none", "--mt", help="none or auto (MT-assisted alignment and re-translation)."),
    embed: Optional[str] = typer.Option(None, "--embed", help="Sentence-embedding model (LaBSE, multilingual-e5, …): a sentence-transformers directory, or labse / a hub id in the local cache; one more alignment channel."),
    drop: str = typer.Option(",".join(ExportOptions.drop), "--drop", help="Leave out pairs with findings of these severities."),
    keep_flagged: bool = typer.Option(ExportOptions.keep_flagged, "--keep-flagged", help="Keep flagged pairs, with their labels (QE training data)."),
    min_score: float = typer.Option(ExportOptions.min_score, "--min-score", help="Leave out pairs whose alignment score is lower."),
    split: str = typer.Option(",".join(map(str, ExportOptions.split)), "--split", help="train,validation,test fractions."),
    seed: int = typer.Option(ExportOptions.seed, "--seed", help="Mixed into the split hash."),
    licence: str = typer.Option(ExportOptions.licence, "--licence", help="Licence field of the dataset card."),
    engine: str = typer.Option("local", "--engine", help="local, or ray (documents spread over Ray workers)."),
    actors: int = typer.Option(2, "--actors", min=1, help="Ray: parallel workers."),
    ray_address: Optional[str] = typer.Option(None, "--ray-address", help="Ray: join this cluster instead of a local instance."),
    force: bool = typer.Option(False, "--force", help="Replace a non-empty output directory."),
    decisions: Optional[str] = typer.Option(None, "--decisions", help="A reviewer's decisions.jsonl: dismissed false alarms no longer drop their pairs; reviewed pairs go to qe/reviewed.jsonl as labelled examples."),
) -> None:
    """Align and check document pairs, then write the clean pairs as fine-tuning datasets."""
    import mt as api

    from .documents import read_inputs
    from .io import refuse_nonempty_dir
    from .pipeline import check_pairs

    one_of(engine, "--engine", ENGINES)
    options = dict(formats=some_of(fmt, "--format", EXPORT_FORMATS), drop=some_of(drop, "--drop", SEVERITIES, allow_empty=True),
                   keep_flagged=keep_flagged, min_score=min_score, split=_floats(split, "--split"), seed=seed, licence=licence)
    refuse_nonempty_dir(output, force, inputs=[*inputs, decisions])
    src_lang, tgt_lang = _languages(src_lang, tgt_lang)
    pairs = read_inputs(inputs, src_lang, tgt_lang, segmented=segmented)
    with progress_bar(len(pairs), "checking documents") as advance:
        results = check_pairs(pairs, mt=mt, progress=advance, engine=engine, actors=actors, address=ray_address, embed=embed)
    # (the languages come from the documents: a JSONL document may carry its own)
    exported = api.export(results, output, force=force, decisions=decisions, **options)
    counts = ", ".join(f"{k} {len(v)}" for k, v in exported.rows.items())
    dropped = ", ".join(f"{k} {v}" for k, v in sorted(exported.dropped.items())) or "none"
    if decisions:
        _say(f"mt: review: {exported.review_line}; {len(exported.reviewed)} reviewed pairs in qe/reviewed.jsonl")
    _say(f"mt: exported {counts}; left out: {dropped}; in {output}")


@app.command(
    epilog=examples("""Examples:

  mt finetune --model Helsinki-NLP/opus-mt-vi-de --data data/ -o models/vi-de-news --epochs 3

  mt finetune --model ./opus-mt-vi-de --data data/ -o out/ --max-steps 300 --lr 1e-4 --batch-size 8
"""),
)
def finetune(
    model: str = typer.Option(..., "--model", help="Marian checkpoint directory or hub id in the local cache."),
    data: str = typer.Option(..., "--data", help="An `mt export` directory."),
    output: str = typer.Option(..., "-o", "--output", help="Directory for the fine-tuned checkpoint."),
    epochs: int = typer.Option(FinetuneOptions.epochs, "--epochs", min=1, help="Passes over the train split."),
    lr: float = typer.Option(FinetuneOptions.lr, "--lr", help="AdamW learning rate."),
    batch_size: int = typer.Option(FinetuneOptions.batch_size, "--batch-size", min=1, help="Pairs per optimiser step."),
    max_steps: Optional[int] = typer.Option(FinetuneOptions.max_steps, "--max-steps", min=1, help="Stop after this many optimiser steps."),
    force: bool = typer.Option(False, "--force", help="Replace a non-empty output directory."),
) -> None:
    """Fine-tune a MarianMT model on exported pairs; reports BLEU and chrF before and after."""
    from .finetune import finetune as run_finetune

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


@models_app.command("pull", epilog=examples("Examples (on a machine with network access):\n\n  mt models pull vi-de\n\n  mt models pull labse      # sentence embeddings for `mt align --embed labse`"))
def models_pull(pair: str = typer.Argument(..., help="Language pair, e.g. vi-de, or an embedding model: labse, e5, minilm.")) -> None:
    """Download the configured model of PAIR (or an embedding model) into the Hugging Face cache."""
    from .align.embed import aliases, pull as pull_embedder
    from .translate.models import pull

    print(pull_embedder(pair) if pair.lower() in aliases() else pull(pair))


@models_app.command(
    "convert",
    epilog=examples("Example:\n\n  mt models convert ~/models/opus-mt-vi-de -o ~/models/opus-mt-vi-de-ct2 --quantization int8"),
)
def models_convert(
    path: str = typer.Argument(..., help="A Marian checkpoint directory or hub id already in the cache."),
    output: str = typer.Option(..., "-o", "--output", help="Output directory for the CTranslate2 model."),
    quantization: str = typer.Option("int8", "--quantization", help="int8, int8_float32, float16 or float32."),
    force: bool = typer.Option(False, "--force", help="Replace a non-empty output directory."),
) -> None:
    """Convert a Marian checkpoint to CTranslate2 (with its SentencePiece models beside it)."""
    from .translate.models import QUANTIZATIONS, convert, resolve

    one_of(quantization, "--quantization", QUANTIZATIONS)
    resolved = resolve("", "", path)
    if resolved.format != "marian":
        raise MtError(f"{path}: already a CTranslate2 model")
    print(convert(resolved.path, Path(output), quantization=quantization, force=force))


def _exception_classes(name: str) -> tuple[type, ...]:
    """`name` from click and from the copy of click that typer >= 0.22 vendors (typer._click):
    typer raises its own classes, which `except click.UsageError` does not catch."""
    import importlib

    found = []
    for module in ("click.exceptions", "typer._click.exceptions", "typer.exceptions"):
        try:
            cls = getattr(importlib.import_module(module), name, None)
        except ImportError:
            continue
        if isinstance(cls, type) and cls not in found:
            found.append(cls)
    return tuple(found)


def _usage_error(err) -> None:
    """A usage error (missing or unknown option, bad value, unknown command) as one line and a hint."""
    ctx = getattr(err, "ctx", None)
    where = getattr(ctx, "command_path", "") or "mt"
    _say(f"{where}: error: {err.format_message()}")
    if ctx is not None:
        _say(f"{ctx.get_usage()}  (try '{where} --help')")


def _exit_interrupted() -> None:
    """Ctrl-C: one line and exit 130. CPython marks a Ctrl-C that escaped any exec() or eval() of a string
    (namedtuple and dataclass creation run one, at import and later) as never handled, and then ends a
    `python -m mt` run by SIGINT whatever code we exit with; a string exec that completes clears that mark."""
    _say("mt: interrupted")
    exec("")
    sys.exit(130)


def main(argv: list[str] | None = None) -> None:
    """Entry point: one line on stderr and exit 2 for bad input, 130 on Ctrl-C, never a traceback."""
    import os

    usage_errors, click_errors = _exception_classes("UsageError"), _exception_classes("ClickException")
    exits, aborts = _exception_classes("Exit"), _exception_classes("Abort")
    try:
        code = app(args=argv, prog_name="mt", standalone_mode=False)
        if code == 130:  # typer turns a Ctrl-C inside a command into this return value
            _exit_interrupted()
        if isinstance(code, int) and code:
            sys.exit(code)
    except MtError as err:
        _say(f"mt: error: {err}")
        sys.exit(err.exit_code)
    except exits as err:
        sys.exit(err.exit_code)
    except aborts:
        _exit_interrupted()
    except usage_errors as err:
        if type(err).__name__ == "NoArgsIsHelpError":  # `mt`, `mt models`: the help itself
            err.show()
        else:
            _usage_error(err)
        sys.exit(2)
    except click_errors as err:
        _say(f"mt: error: {err.format_message()}")
        sys.exit(2)
    except KeyboardInterrupt:
        _exit_interrupted()
    except BrokenPipeError:
        sys.exit(0)
    except OSError as err:
        _say(f"mt: error: {err.strerror or err}: {getattr(err, 'filename', '') or ''}".rstrip(": "))
        sys.exit(2)
    except Exception as err:  # a library failed in a way we did not foresee: one line, not 80
        if os.environ.get("MT_DEBUG"):
            raise
        first = (str(err).strip().splitlines() or [""])[0][:300]
        _say(f"mt: error: {type(err).__name__}: {first} (MT_DEBUG=1 shows the traceback)")
        sys.exit(1)


if __name__ == "__main__":  # python -m mt.cli (python -m mt is the same)
    main()
