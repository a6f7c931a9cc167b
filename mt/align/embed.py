"""Sentence embeddings for alignment (the channel Bertalign and Vecalign use), without sentence-transformers.

A checkpoint in the sentence-transformers layout (LaBSE, multilingual-e5, paraphrase-multilingual-MiniLM, …)
is loaded with transformers' AutoModel, and the modules its `modules.json` lists after the transformer are
applied as declared: Pooling (`1_Pooling/config.json`: CLS, mean, max or mean·sqrt(len) of the token
vectors), Dense (LaBSE's tanh projection) and Normalize; vectors are always unit length here, so a dot
product is the cosine. Windows of 1 .. k consecutive sentences are embedded as one text each (one pass per
window size, batched by length), so a bead's two sides are compared as texts, not as sums of vectors.

Resolution never touches the network: a directory, or a hub id / alias already in the local Hugging Face
cache; `mt models pull labse` downloads on a machine with network access.
"""
from __future__ import annotations

import functools
import json
from pathlib import Path

import numpy as np

from ..types import MtError

TRANSFORMER = "sentence_transformers.models.Transformer"
POOLING_MODES = ("cls_token", "mean_tokens", "max_tokens", "mean_sqrt_len_tokens")


def aliases() -> dict[str, str]:
    """Short names of embedding models (configs/models.toml, [embedders])."""
    from ..config import load_toml

    return dict(load_toml("models.toml").get("embedders", {}))


def resolve(name: str) -> Path:
    """The directory of an embedding model: a path, or an alias / hub id in the local HF cache."""
    path = Path(name).expanduser()
    if path.exists():
        if not (path / "modules.json").is_file():
            raise MtError(f"{path}: not a sentence-transformers model (no modules.json)")
        return path.resolve()
    model_id = aliases().get(name.lower(), name)
    if name.startswith((".", "/", "~")) or model_id.count("/") != 1:
        raise MtError(f"{name}: no such embedding model directory (known names: {', '.join(sorted(aliases())) or 'none'})")
    from ..translate.models import cached_hub_path, how_to_get

    snapshot = cached_hub_path(model_id)
    if snapshot is None:
        alias = name.lower() if name.lower() in aliases() else None
        pull = f"run `mt models pull {alias}` on a machine with network access (or copy the model directory here and pass --embed DIR)" \
            if alias else how_to_get(model_id)
        raise MtError(f"embedding model {model_id} is not on this machine; {pull}")
    if not (snapshot / "modules.json").is_file():
        raise MtError(f"{model_id}: not a sentence-transformers model (no modules.json)")
    return snapshot


def pull(name: str) -> Path:
    """Download an embedding model (alias or hub id) into the Hugging Face cache."""
    model_id = aliases().get(name.lower(), name)
    from huggingface_hub import snapshot_download

    try:
        return Path(snapshot_download(model_id))
    except Exception as err:  # network errors come in many types; the message is what matters
        reason = str(err).splitlines()[0] if str(err) else type(err).__name__
        raise MtError(f"could not download {model_id}: {reason[:200]}") from None


def _read_json(path: Path, what: str) -> dict | list:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise MtError(f"{path}: cannot read the {what} ({type(err).__name__})") from None


def _dense_weights(folder: Path) -> dict:
    import torch

    if (folder / "model.safetensors").exists():
        from safetensors.torch import load_file

        return load_file(str(folder / "model.safetensors"))
    if (folder / "pytorch_model.bin").exists():
        return torch.load(folder / "pytorch_model.bin", map_location="cpu", weights_only=True)
    raise MtError(f"{folder}: a Dense module without weights")


class Embedder:
    """Unit sentence vectors from a sentence-transformers checkpoint directory."""

    def __init__(self, path: str | Path, batch_size: int = 32, progress=None):
        import torch
        from transformers import AutoModel, AutoTokenizer
        from transformers.utils import logging as hf_logging

        hf_logging.set_verbosity_error()
        hf_logging.disable_progress_bar()
        root = Path(path)
        modules = _read_json(root / "modules.json", "module list")
        if not modules or modules[0].get("type") != TRANSFORMER:
            raise MtError(f"{root}: modules.json must start with a Transformer module")
        base = root / modules[0].get("path", "")
        st_config = base / "sentence_bert_config.json"
        if not st_config.exists():
            st_config = root / "sentence_bert_config.json"
        self.max_length = int(_read_json(st_config, "settings").get("max_seq_length", 256)) if st_config.exists() else 256
        self.tokenizer = AutoTokenizer.from_pretrained(str(base))
        self.model = AutoModel.from_pretrained(str(base)).eval()
        self.batch_size, self.progress = batch_size, progress
        self.pooling: dict | None = None
        self.dense: list[tuple] = []
        for module in modules[1:]:
            kind, folder = module.get("type", ""), root / module.get("path", "")
            if kind.endswith(".Pooling"):
                cfg = _read_json(folder / "config.json", "pooling settings")
                modes = [m for m in POOLING_MODES if cfg.get(f"pooling_mode_{m}")]
                other = [k for k, v in cfg.items() if k.startswith("pooling_mode_") and v and k[13:] not in POOLING_MODES]
                if other or not modes:
                    raise MtError(f"{folder}: pooling {', '.join(other) or 'none'} is not supported (CLS, mean, max, mean·sqrt(len))")
                self.pooling = {"modes": modes}
            elif kind.endswith(".Dense"):
                cfg = _read_json(folder / "config.json", "dense layer settings")
                weights = _dense_weights(folder)
                act = cfg.get("activation_function", "torch.nn.modules.linear.Identity")
                fn = torch.tanh if act.endswith("Tanh") else (lambda t: t) if act.endswith("Identity") else None
                if fn is None:
                    raise MtError(f"{folder}: activation {act} is not supported")
                self.dense.append((weights["linear.weight"], weights.get("linear.bias"), fn))
            elif not kind.endswith(".Normalize"):
                raise MtError(f"{root}: module {kind} is not supported")
        if self.pooling is None:
            raise MtError(f"{root}: no Pooling module in modules.json")

    def _pool(self, hidden, mask):
        import torch

        m = mask.unsqueeze(-1).to(hidden.dtype)
        parts = []
        for mode in self.pooling["modes"]:
            if mode == "cls_token":
                parts.append(hidden[:, 0])
            elif mode == "max_tokens":
                parts.append(hidden.masked_fill(m == 0, -1e9).max(dim=1).values)
            else:
                total, count = (hidden * m).sum(dim=1), m.sum(dim=1).clamp(min=1)
                parts.append(total / count if mode == "mean_tokens" else total / count.sqrt())
        return torch.cat(parts, dim=-1)

    def encode(self, texts: list[str]) -> np.ndarray:
        """Unit vectors (len(texts) × dim), in the order given; batches of similar length."""
        import torch

        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        out: list = [None] * len(texts)
        with torch.inference_mode():
            for start in range(0, len(order), self.batch_size):
                idx = order[start:start + self.batch_size]
                batch = self.tokenizer([texts[i] for i in idx], padding=True, truncation=True,
                                       max_length=self.max_length, return_tensors="pt")
                hidden = self.model(**batch).last_hidden_state
                vec = self._pool(hidden, batch["attention_mask"])
                for weight, bias, fn in self.dense:
                    vec = fn(torch.nn.functional.linear(vec, weight, bias))
                vec = torch.nn.functional.normalize(vec.float(), dim=-1)
                for k, i in enumerate(idx):
                    out[i] = vec[k].numpy()
                if self.progress:
                    self.progress(len(idx))
        dim = out[0].shape[0] if out else 1
        return np.stack(out) if out else np.zeros((0, dim), np.float32)

    def windows(self, texts: list[str], max_k: int) -> dict[int, np.ndarray]:
        """For k = 1 .. max_k: row e is the vector of sentences e-k .. e-1 joined as one text (rows e < k: zero)."""
        n = len(texts)
        out = {}
        for k in range(1, max_k + 1):
            joined = [" ".join(texts[e - k:e]) for e in range(k, n + 1)]
            vecs = self.encode(joined) if joined else np.zeros((0, 1), np.float32)
            dim = vecs.shape[1] if len(vecs) else (out[1].shape[1] if out else 1)
            table = np.zeros((n + 1, dim), np.float32)
            table[k:] = vecs
            out[k] = table
        return out


@functools.lru_cache(maxsize=2)
def load_embedder(name: str | None) -> Embedder | None:
    """None for no name; otherwise the resolved model, loaded once per process (a missing model is
    an MtError: one line, exit 2)."""
    if not name:
        return None
    return Embedder(resolve(name))
