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


# --------------------------------------------------------------------------------------------
# translate
# --------------------------------------------------------------------------------------------
@app.command(
    epilog="""Examples:

  mt translate corpora/baoquocte-291854/vi.txt --src vi --tgt de -o de.mt.txt

  cat lines.txt | mt translate - --src de --tgt vi --backend hf --beam 1

  mt translate docs.jsonl --format jsonl --src vi --tgt de --model ./opus-mt-vi-de -o out.jsonl
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
    device: str = typer.Option("auto", "--device", help="auto, cpu or cuda."),
    compute_type: Optional[str] = typer.Option(None, "--compute-type", help="CTranslate2 compute type (default int8 on CPU)."),
    output: Optional[str] = typer.Option(None, "-o", "--output", help="Output file (default stdout); written atomically."),
    fmt: str = typer.Option("text", "--format", help="text or jsonl."),
) -> None:
    """Translate a file or stdin, one segment a line; line i of the output translates line i."""
    from .io import read_jsonl, read_lines
    from .translate import DecodeOptions, open_translator, translate_file

    if fmt not in ("text", "jsonl"):
        raise MtError(f"unknown format {fmt!r}; choose text or jsonl")
    if device not in ("auto", "cpu", "cuda"):
        raise MtError(f"unknown device {device!r}; choose auto, cpu or cuda")
    # Read first: bad input fails before a model is loaded. stdin can be read only once.
    if input == "-":
        import tempfile

        data = sys.stdin.buffer.read()
        tmp = tempfile.NamedTemporaryFile(prefix="mt-stdin-", delete=False)
        tmp.write(data)
        tmp.close()
        input = tmp.name
    total = len(read_lines(input)) if fmt == "text" else len(read_jsonl(input))
    translator = open_translator(
        src, tgt, model=model, backend=backend,
        options=DecodeOptions(beam=beam, batch_size=batch_size, max_length=max_length, device=device),
        compute_type=compute_type,
    )
    with progress_bar(total, f"translating {src}→{tgt}") as advance:
        translate_file(input, output, translator, fmt=fmt, progress=advance)


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
) -> None:
    """Split two documents into sentences and align them (1-1, n-m, 1-0, 0-1), in order."""
    from .pipeline import align_pair, format_alignment, load_document
    from .io import write_text

    if fmt not in ("vecalign", "jsonl", "tsv"):
        raise MtError(f"unknown format {fmt!r}; choose vecalign, jsonl or tsv")
    s, t = load_document(src, src_lang, segmented), load_document(tgt, tgt_lang, segmented)
    write_text(output, format_alignment(align_pair(s, t, mt=mt), fmt))


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
        app(args=argv, standalone_mode=False)
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
