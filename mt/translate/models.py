"""Model resolution, download and CTranslate2 conversion.

Resolution never touches the network: a model is a local directory or a hub id already in the
local Hugging Face cache. Only `mt models pull` downloads.
"""
from __future__ import annotations

import hashlib
import shutil
from dataclasses import dataclass
from pathlib import Path

from ..config import cache_dir, load_toml
from ..io import atomic_directory
from ..types import MtError

MARIAN_FILES = ("config.json", "source.spm", "target.spm", "vocab.json")
CT2_FILES = ("model.bin",)


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
        raise MtError(f"no model configured for {key} (configured: {known}); pass --model or add it to configs/models.toml")
    return models[key]


def how_to_get(model_id: str, pair: str | None = None) -> str:
    pull = f"`mt models pull {pair}`" if pair else f"`huggingface-cli download {model_id}`"
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
    if out_dir.exists() and any(out_dir.iterdir()) and not force:
        raise MtError(f"{out_dir}: exists and is not empty; pass --force to replace it")
    if detect_format(Path(marian_dir)) != "marian":
        raise MtError(f"{marian_dir}: not a Marian checkpoint")
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
