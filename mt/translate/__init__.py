"""Translation: `open_translator(src, tgt)` returns a loaded model with `.translate(texts)`.

Backends: "ct2" (CTranslate2, the default when installed: fastest on CPU) and "hf" (transformers).
"""
from __future__ import annotations

import importlib.util
from typing import Callable

from .base import DecodeOptions, ProgressFn, Translator
from .models import ResolvedModel, check_pair, resolve

BACKENDS = ("ct2", "hf")
# CTranslate2's compute types (whether the device supports one is checked when the model loads)
COMPUTE_TYPES = ("default", "auto", "int8", "int8_float32", "int8_float16", "int8_bfloat16", "int16",
                 "float16", "bfloat16", "float32")


def default_backend() -> str:
    return "ct2" if importlib.util.find_spec("ctranslate2") else "hf"


def open_translator(
    src: str,
    tgt: str,
    model: str | None = None,
    backend: str | None = None,
    options: DecodeOptions | None = None,
    compute_type: str | None = None,
    cache: bool = False,
) -> Translator:
    """Load the model for src→tgt. With `cache`, finished translations are kept in
    ~/.cache/mt/translations.sqlite (MT_CACHE_DIR) and reused."""
    from ..types import MtError

    from ..langid import normalize_code

    options = options or DecodeOptions()
    backend = backend or default_backend()
    src, tgt = normalize_code(src), normalize_code(tgt)
    resolved = resolve(src, tgt, model)
    check_pair(resolved, src, tgt)
    if backend == "ct2" or resolved.format == "ct2":
        if backend == "hf" and resolved.format == "ct2":
            raise MtError(f"{resolved.path}: a CTranslate2 model runs only with --backend ct2")
        from .ct2 import CT2Translator

        translator: Translator = CT2Translator(resolved, src, tgt, options, compute_type=compute_type)
        settings = f"ct2|{translator.compute_type}"
    elif backend == "hf":
        from .hf import HFTranslator

        translator = HFTranslator(resolved, src, tgt, options)
        settings = "hf"
    else:
        raise MtError(f"unknown backend {backend!r}; choose one of {', '.join(BACKENDS)}")
    if cache:
        from ..config import cache_dir
        from .cache import TranslationCache
        from .models import model_stamp

        translator.cache = TranslationCache(cache_dir() / "translations.sqlite")
        translator.cache_namespace = f"{model_stamp(resolved.path)}|{settings}|beam={options.beam}|max={options.max_length}|min={options.min_length}"
    return translator


__all__ = ["BACKENDS", "COMPUTE_TYPES", "DecodeOptions", "ResolvedModel", "Translator", "default_backend", "open_translator", "resolve"]


def translate_file(
    input_path: str,
    output_path: str | None,
    translate: Callable[..., list[str]],
    src_lang: str,
    fmt: str = "text",
    progress: ProgressFn | None = None,
    force: bool = True,
    lines: list[str] | None = None,
    rows: list[dict] | None = None,
) -> int:
    """Translate a text file (one segment a line) or JSONL ({"id", "text", …}: each record comes back with
    "translation" added); returns the segment count.
    `translate(texts, progress=...)`: a Translator's method, or the Ray engine's function.
    `lines` / `rows`: the input when the caller has already read (and validated) it."""
    from ..io import read_jsonl, read_lines, write_jsonl, write_text
    from ..types import MtError

    if fmt == "text":
        lines = read_lines(input_path, src_lang) if lines is None else lines
        out = translate(lines, progress=progress)
        write_text(output_path, "".join(line + "\n" for line in out), force=force)
        return len(lines)
    if fmt == "jsonl":
        rows = read_jsonl(input_path) if rows is None else rows
        for n, row in enumerate(rows, 1):
            if not isinstance(row.get("text"), str):
                raise MtError(f"{input_path}: record {n} has no string field 'text'")
        out = translate([r["text"] for r in rows], progress=progress)
        # each record comes back whole (its own fields kept), with an id (its 0-based line when it had none) and the translation
        write_jsonl(output_path, [{"id": r.get("id", n), **r, "translation": t} for n, (r, t) in enumerate(zip(rows, out))], force=force)
        return len(rows)
    raise MtError(f"unknown format {fmt!r}; choose text or jsonl")
