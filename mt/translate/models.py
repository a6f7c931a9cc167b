"""Model resolution, download and CTranslate2 conversion.

Resolution never touches the network: a model is a local directory or a hub id already in the
local Hugging Face cache. Only `mt models pull` downloads.
"""
from __future__ import annotations

import contextlib
import hashlib
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from ..config import cache_dir, load_toml
from ..io import atomic_directory, refuse_nonempty_dir
from ..types import MtError

MARIAN_FILES = ("config.json", "source.spm", "target.spm", "vocab.json")
CT2_FILES = ("model.bin",)
# what CTranslate2's converter accepts as --quantization
QUANTIZATIONS = ("int8", "int8_float32", "int8_float16", "int8_bfloat16", "int16", "float16", "bfloat16", "float32")


@dataclass(frozen=True)
class ResolvedModel:
    path: Path
    format: str  # "marian" (transformers checkpoint) or "ct2"
    model_id: str  # what the user or configuration named


def configured_models() -> dict[str, str]:
    return dict(load_toml("models.toml").get("models", {}))


def pair_key(src: str, tgt: str) -> str:
    return f"{src}-{tgt}"


def model_id_for_pair(src: str, tgt: str) -> str:
    models = configured_models()
    key = pair_key(src, tgt)
    if key not in models:
        known = ", ".join(sorted(models)) or "none"
        raise MtError(f"no model configured for {key} (configured: {known}); add it to configs/models.toml, or give a model directory or hub id (--model)")
    return models[key]


def how_to_get(model_id: str, pair: str | None = None) -> str:
    pull = f"`mt models pull {pair}`" if pair else f"`hf download {model_id}`"
    return f"run {pull} on a machine with network access (or copy the model directory here and pass --model DIR)"


def detect_format(path: Path) -> str | None:
    if all((path / f).exists() for f in CT2_FILES):
        return "ct2"
    if (path / "config.json").exists() and ((path / "source.spm").exists() or (path / "tokenizer_config.json").exists()):
        return "marian"
    return None


def cached_hub_path(model_id: str) -> Path | None:
    """The local snapshot of a hub model, or None. Never downloads."""
    from huggingface_hub import snapshot_download
    from huggingface_hub.errors import LocalEntryNotFoundError

    try:
        return Path(snapshot_download(model_id, local_files_only=True))
    except (LocalEntryNotFoundError, OSError, ValueError):
        return None


def resolve(src: str, tgt: str, model: str | None = None) -> ResolvedModel:
    """`model` (a directory or a hub id) first, then the configured model for the pair."""
    pair = pair_key(src, tgt)
    if model:
        path = Path(model).expanduser()
        if path.exists():
            if not path.is_dir():
                raise MtError(f"{path}: a model must be a directory (Marian checkpoint or CTranslate2 model)")
            fmt = detect_format(path)
            if fmt is None:
                raise MtError(f"{path}: neither a Marian checkpoint (config.json, source.spm, …) nor a CTranslate2 model (model.bin)")
            return ResolvedModel(path.resolve(), fmt, str(path))
        if model.startswith((".", "/", "~")) or model.count("/") != 1:
            raise MtError(f"{model}: no such model directory")
        model_id = model
    else:
        model_id = model_id_for_pair(src, tgt)
    snapshot = cached_hub_path(model_id)
    if snapshot is None:
        raise MtError(f"model {model_id} is not on this machine; {how_to_get(model_id, pair if not model else None)}")
    fmt = detect_format(snapshot) or "marian"
    return ResolvedModel(snapshot, fmt, model_id)


_OPUS_NAME = re.compile(r"opus-mt-(?:tc-(?:big|base)-)?([A-Za-z]+(?:_[A-Za-z]+)*)-([A-Za-z]+(?:_[A-Za-z]+)*)(?:$|[-_.])")
_CARD_LINE = re.compile(r"^\W*(source languages?|target languages?|src_alpha3|tgt_alpha3|source_languages|target_languages)\s*:\s*(.+)$",
                        re.IGNORECASE | re.MULTILINE)


def _codes(text: str) -> set[str]:
    """Language codes in a model's own words ('vi', 'vie', 'de,nl', 'deu+nld'); groups and unknown codes are dropped."""
    from ..langid import normalize_code

    found = set()
    for part in re.split(r"[\s,+/]+", text.strip()):
        try:
            found.add(normalize_code(part))
        except MtError:
            continue
    return found


def checkpoint_languages(resolved: ResolvedModel) -> tuple[set[str], set[str]]:
    """(source, target) languages a checkpoint names: tokenizer_config.json (source_lang/target_lang),
    its model card (OPUS-MT's 'source languages:' / 'src_alpha3:' lines), else its hub id or directory
    name (opus-mt-SRC-TGT). An empty set is a side the checkpoint does not name, or names as a group."""
    import json

    src: set[str] = set()
    tgt: set[str] = set()
    with contextlib.suppress(OSError, ValueError, AttributeError):
        cfg = json.loads((resolved.path / "tokenizer_config.json").read_text(encoding="utf-8"))
        src, tgt = _codes(str(cfg.get("source_lang") or "")), _codes(str(cfg.get("target_lang") or ""))
    if not (src and tgt):
        with contextlib.suppress(OSError):
            card = (resolved.path / "README.md").read_text(encoding="utf-8", errors="replace")[:20000]
            for key, value in _CARD_LINE.findall(card):
                side = src if key.lower().startswith(("source", "src")) else tgt
                if not side:
                    side.update(_codes(value))
    if not (src and tgt):
        for name in (resolved.model_id, resolved.path.name):
            m = _OPUS_NAME.search(Path(str(name)).name)
            if m:
                src = src or _codes(m.group(1).replace("_", ","))
                tgt = tgt or _codes(m.group(2).replace("_", ","))
                break
    return src, tgt


def check_pair(resolved: ResolvedModel, src: str, tgt: str) -> None:
    """Refuse a model whose checkpoint names other languages than the requested pair (a vi-de model asked
    for en→fr would silently write German)."""
    from ..langid import normalize_code

    model_src, model_tgt = checkpoint_languages(resolved)
    want_src, want_tgt = normalize_code(src), normalize_code(tgt)
    wrong = [f"{what} {want!r} (the model's: {', '.join(sorted(have))})"
             for what, want, have in (("source", want_src, model_src), ("target", want_tgt, model_tgt))
             if have and want not in have]
    if wrong:
        raise MtError(f"{resolved.model_id}: translates {'/'.join(sorted(model_src)) or '?'}→{'/'.join(sorted(model_tgt)) or '?'}, "
                      f"not {want_src}→{want_tgt}: {'; '.join(wrong)}")


def pull(pair: str) -> Path:
    """Download the configured model of PAIR into the Hugging Face cache."""
    if "-" not in pair:
        raise MtError(f"{pair}: expected a language pair such as vi-de")
    src, tgt = pair.split("-", 1)
    model_id = model_id_for_pair(src, tgt)
    from huggingface_hub import snapshot_download

    try:
        return Path(snapshot_download(model_id))
    except Exception as err:  # network errors come in many types; the message is what matters
        reason = str(err).splitlines()[0] if str(err) else type(err).__name__
        raise MtError(f"could not download {model_id}: {reason[:200]}") from None


def convert(marian_dir: Path, out_dir: Path, quantization: str = "int8", force: bool = False) -> Path:
    """Convert a Marian checkpoint to CTranslate2, atomically, with its SentencePiece models beside it."""
    out_dir = Path(out_dir)
    refuse_nonempty_dir(out_dir, force, inputs=[marian_dir])
    if detect_format(Path(marian_dir)) != "marian":
        raise MtError(f"{marian_dir}: not a Marian checkpoint")
    if quantization not in QUANTIZATIONS:
        raise MtError(f"quantization {quantization!r} is not one CTranslate2 converts to; choose one of {', '.join(QUANTIZATIONS)}")
    import ctranslate2
    from transformers.utils import logging as hf_logging

    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()
    with atomic_directory(out_dir) as tmp:
        converter = ctranslate2.converters.TransformersConverter(str(marian_dir))
        converter.convert(str(tmp), quantization=quantization, force=True)
        for name in ("source.spm", "target.spm", "vocab.json", "tokenizer_config.json"):
            if (Path(marian_dir) / name).exists():
                shutil.copy2(Path(marian_dir) / name, tmp / name)
        # CTranslate2 writes its own config.json; keep the Marian one for max positions.
        shutil.copy2(Path(marian_dir) / "config.json", tmp / "marian_config.json")
    return out_dir


def model_stamp(model_dir: Path) -> str:
    """Identity of a model on disk: its path and its weight files' sizes and times."""
    weights = [p for p in Path(model_dir).iterdir() if p.suffix in (".safetensors", ".bin")]
    stamp = "|".join(f"{p.name}:{p.stat().st_size}:{p.stat().st_mtime_ns}" for p in sorted(weights))
    return hashlib.sha256(f"{Path(model_dir).resolve()}|{stamp}".encode()).hexdigest()[:16]


def ct2_cache_path(marian_dir: Path, quantization: str) -> Path:
    return cache_dir() / "ct2" / f"{Path(marian_dir).name}-{quantization}-{model_stamp(marian_dir)}"


def ensure_ct2(resolved: ResolvedModel, quantization: str) -> Path:
    """A CTranslate2 directory for the model, converting once into the cache when needed."""
    if resolved.format == "ct2":
        return resolved.path
    target = ct2_cache_path(resolved.path, quantization)
    if not (target / "model.bin").exists():
        convert(resolved.path, target, quantization=quantization, force=True)
    return target


def availability() -> list[tuple[str, str, bool]]:
    return [(pair, mid, cached_hub_path(mid) is not None) for pair, mid in sorted(configured_models().items())]
