"""Jobs that chain the stages: documents → (translate) → align → check, for one document pair or
many, locally or on Ray. The public API (`mt/__init__.py`) and the CLI call these.

The `--mt none|auto|PATH` value is interpreted here and only here (`resolve_mt`): into the MT
lines alignment compares with the target, and the translator re-translation reuses.
"""
from __future__ import annotations

import functools
import sys
from pathlib import Path
from typing import Callable, Sequence

from .types import Alignment, CheckResult, Document, DocumentPair, MachineTranslation, MtError, RetranslationResult

MT_FILE_SKIPPED = "--mt gave a file of translations; re-translation needs the models (--mt auto)"
MT_LINES_SKIPPED = "the MT was given as lines; re-translation needs the models (mt='auto')"


def _warn(message: str) -> None:
    print(f"mt: warning: {message}", file=sys.stderr)


def resolve_mt(src: Document, tgt_lang: str, mt: str | Path | Sequence[str] | MachineTranslation | None,
               for_alignment: bool = True, warn: Callable[[str], None] | None = None) -> MachineTranslation:
    """The MT channel: None or 'none'; 'auto' (translate with the configured model; without one, go on
    without MT, with a warning); a file of line-by-line translations; or a list of them.
    Without `for_alignment` (an alignment is given) the source is not translated and no file is read."""
    if isinstance(mt, MachineTranslation):
        return mt
    if mt is None or (isinstance(mt, str) and mt == "none"):
        return MachineTranslation()
    if isinstance(mt, (list, tuple)):
        return MachineTranslation("lines", list(mt))
    if isinstance(mt, str) and mt == "auto":
        from .translate import open_translator

        try:
            # cached: checking the same document again (after a fix elsewhere) translates only what changed
            translator = open_translator(src.lang, tgt_lang, cache=True)
        except MtError as err:
            if for_alignment:
                (warn or _warn)(f"aligning without MT: {err}")
            return MachineTranslation("auto", unavailable=str(err))
        lines = translator.translate([s.norm for s in src.segments]) if for_alignment else None
        return MachineTranslation("auto", lines, translator)
    if not for_alignment:
        return MachineTranslation("file")
    from .io import read_lines

    lines = read_lines(mt, tgt_lang)
    from .documents import ensure_language

    ensure_language(lines, tgt_lang, str(mt))  # the source in the target language: not the source itself, nor the target's pair swapped
    if len(lines) != len(src.segments):
        raise MtError(f"{mt}: {len(lines)} lines, but the source has {len(src.segments)} segments: the MT needs one line per "
                      "segment (with --segmented one per line of the source; without it one per sentence as mt splits them)")
    return MachineTranslation("file", lines)


def align_pair(src: Document, tgt: Document, mt=None, alignment: str | Path | list | None = None,
               embed: str | None = None) -> Alignment:
    """Align two documents, or take a given alignment (a Vecalign file or a list of [src, tgt] pairs).
    `embed`: a sentence-embedding model (directory, alias or hub id) as one more alignment channel."""
    from .align import align_documents
    from .align.embed import load_embedder
    from .alignment_formats import given_alignment

    if alignment is not None:
        return given_alignment(src, tgt, alignment)
    return align_documents(src, tgt, mt=resolve_mt(src, tgt.lang, mt).lines, embedder=load_embedder(embed))


def _retranslation(al: Alignment, channel: MachineTranslation) -> bool | RetranslationResult:
    """What the re-translation channel gets: False (not requested), or its result (ran or skipped, and why)."""
    if channel.mode == "none":
        return False
    if channel.mode == "auto":
        if channel.unavailable:
            return RetranslationResult("skipped", channel.unavailable)
        from .fidelity.retranslation import run

        return run(al, forward=channel.translator)
    return RetranslationResult("skipped", MT_FILE_SKIPPED if channel.mode == "file" else MT_LINES_SKIPPED)


def check_documents(src: Document, tgt: Document, mt=None, alignment: str | Path | list | None = None,
                    embed: str | None = None, progress=None) -> CheckResult:
    """Align (or take the given alignment) and run every fidelity check; `progress(n, total)` as beads are checked."""
    from .align import align_documents
    from .alignment_formats import given_alignment
    from .fidelity import check_alignment

    channel = resolve_mt(src, tgt.lang, mt, for_alignment=alignment is None)
    if alignment is not None:
        al = given_alignment(src, tgt, alignment)
        return check_alignment(al, retranslate=_retranslation(al, channel), mt_lines=channel.lines, progress=progress)
    from .align.embed import load_embedder
    from .fidelity import Checker

    embedder = load_embedder(embed)
    checker = Checker(src, tgt)  # a long document: the checks get ready while it is aligned
    try:
        al = align_documents(src, tgt, mt=channel.lines, embedder=embedder)
        retranslated = _retranslation(al, channel)
    except BaseException:
        checker.abandon()
        raise
    return checker.check(al, retranslate=retranslated, mt_lines=channel.lines, progress=progress)


def _check_pair(pair: DocumentPair, mt: str | None = None, embed: str | None = None) -> CheckResult:
    """DocumentPair → CheckResult; module level so Ray can ship it."""
    return check_documents(pair.src, pair.tgt, mt=mt, alignment=pair.alignment, embed=embed)


def check_pairs(pairs: list[DocumentPair], mt: str | None = None, progress=None, engine: str = "local", actors: int = 2,
                address: str | None = None, embed: str | None = None) -> dict[str, CheckResult]:
    """Every pair aligned and checked, locally or on Ray: {doc_id: CheckResult} (a repeated id gets a '+')."""
    if engine == "ray":
        from .distributed import map_documents

        results = map_documents(functools.partial(_check_pair, mt=mt, embed=embed), pairs, actors=actors, address=address, progress=progress)
    elif engine == "local":
        results = []
        for pair in pairs:
            results.append(_check_pair(pair, mt, embed))
            if progress:
                progress(1)
    else:
        raise MtError(f"unknown engine {engine!r}; choose local or ray")
    out: dict[str, CheckResult] = {}
    for pair, res in zip(pairs, results):
        key = pair.doc_id
        while key in out:
            key += "+"
        out[key] = res
    return out


def check_cases(path: str | Path, mt: str | None = None, progress=None, engine: str = "local", actors: int = 2,
                address: str | None = None, embed: str | None = None) -> dict[str, CheckResult]:
    """Documents as in fidelity-dev's cases.jsonl, checked: {doc_id: CheckResult}."""
    from .documents import read_cases

    return check_pairs(read_cases(path), mt, progress, engine, actors, address, embed)


# --------------------------------------------------------------------------------------------
# translation
# --------------------------------------------------------------------------------------------
@functools.lru_cache(maxsize=1)
def _translator(src: str, tgt: str, model: str | None, backend: str | None, options, compute_type: str | None, cache: bool):
    """The last model opened stays loaded: repeated calls with the same settings do not reload it."""
    from .translate import open_translator

    return open_translator(src, tgt, model=model, backend=backend, options=options, compute_type=compute_type, cache=cache)


def translate_lines(lines: list[str], src: str, tgt: str, model: str | None = None, backend: str | None = None, options=None,
                    compute_type: str | None = None, cache: bool = False, log: Callable[[str], None] | None = None) -> list[str]:
    """Translate segments in one process; line i of the output translates line i."""
    translator = _translator(src, tgt, None if model is None else str(model), backend, options, compute_type, cache)
    if log:
        log(f"translating {src}→{tgt} with {translator.model_id}")
    return translator.translate(list(lines))


def open_engine(src: str, tgt: str, engine: str = "local", model: str | None = None, backend: str | None = None, options=None,
                compute_type: str | None = None, cache: bool = True, actors: int = 2, gpus_per_actor: float = 0.0,
                address: str | None = None, while_loading: Callable[[], None] | None = None) -> Callable[..., list[str]]:
    """The translate function (`fn(texts, progress=...)`) of an engine: a loaded model's (local) or a Ray
    actor pool's. `while_loading` (the input's language check: its classifier takes a moment to load) runs
    while the model loads, and still finishes before anything is translated."""
    if engine == "ray":
        from .distributed import translate_lines as ray_translate_lines

        translate_fn = functools.partial(ray_translate_lines, src=src, tgt=tgt, model=model, backend=backend, options=options,
                                         compute_type=compute_type, actors=actors, gpus_per_actor=gpus_per_actor,
                                         address=address, cache=cache)
        if while_loading is not None:
            while_loading()
        return translate_fn
    if engine == "local":
        from concurrent.futures import ThreadPoolExecutor

        from .translate import open_translator

        with ThreadPoolExecutor(1) as pool:
            checked = pool.submit(while_loading) if while_loading is not None else None
            translate_fn = open_translator(src, tgt, model=model, backend=backend, options=options, compute_type=compute_type,
                                           cache=cache).translate
            if checked is not None:
                checked.result()
        return translate_fn
    raise MtError(f"unknown engine {engine!r}; choose local or ray")
