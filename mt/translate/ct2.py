"""CTranslate2 backend. Deliberately free of torch and transformers: sentencepiece + ctranslate2 only."""
from __future__ import annotations

import os

from ..types import MtError
from .base import DecodeOptions, Translator
from .models import ResolvedModel, ensure_ct2


def _default_compute_type(device: str) -> str:
    return "int8_float16" if device == "cuda" else "int8"


class CT2Translator(Translator):
    backend = "ct2"

    def __init__(self, resolved: ResolvedModel, src: str, tgt: str, options: DecodeOptions, compute_type: str | None = None):
        super().__init__(options)
        import ctranslate2
        import sentencepiece as spm

        self.model_id, self.src_lang, self.tgt_lang = resolved.model_id, src, tgt
        device = options.device
        gpus = ctranslate2.get_cuda_device_count()
        if device == "auto":
            device = "cuda" if gpus > 0 else "cpu"
        elif device == "cuda" and gpus == 0:
            raise MtError("--device cuda: CTranslate2 sees no CUDA device here; use --device cpu (or auto)")
        self.device = device
        self.compute_type = compute_type or _default_compute_type(device)
        # float32 compute needs float32 weights; every other type is served from an int8 conversion.
        quantization = "float32" if self.compute_type == "float32" else "int8"
        path = ensure_ct2(resolved, quantization)
        self.model_dir = path
        try:
            self.translator = ctranslate2.Translator(
                str(path), device=device, compute_type=self.compute_type, intra_threads=os.cpu_count() or 1
            )
        except (ValueError, RuntimeError) as err:  # unknown compute type, CUDA runtime missing, bad model.bin
            reason = (str(err).splitlines() or [type(err).__name__])[0]
            supported = ", ".join(sorted(ctranslate2.get_supported_compute_types(device))) if device == "cpu" else ""
            hint = f" (on {device}: {supported})" if supported else ""
            raise MtError(f"CTranslate2 cannot load {path} on {device} with compute type {self.compute_type}{hint}: {reason}") from None
        # Same pre-processing as MarianTokenizer: Moses punctuation normalisation, then SentencePiece.
        self._normalize = _moses_normalizer(src)
        self.sp_src = spm.SentencePieceProcessor(model_file=str(path / "source.spm"))
        self.sp_tgt = spm.SentencePieceProcessor(model_file=str(path / "target.spm"))
        self._max_positions = _read_max_positions(path)
        marian = _read_marian_config(path)
        # transformers forces </s> as the last of --max-length tokens (Marian's forced_eos_token_id);
        # CTranslate2 counts only tokens before </s>: one fewer here gives both backends the same output
        self._forced_eos = marian.get("forced_eos_token_id", 0) is not None
        # transformers decodes a joint vocabulary with the source SentencePiece model (MarianTokenizer)
        self._sp_out = self.sp_src if not marian.get("separate_vocabs", False) else self.sp_tgt
        self._token_memo: dict[str, list[str]] = {}

    def _tokens(self, text: str) -> list[str]:
        # memoised for one job: the length check of long inputs (_pieces) and the translation call
        # tokenise the same units, and Moses normalisation is ~40 regex passes a segment
        tokens = self._token_memo.get(text)
        if tokens is None:
            tokens = self._token_memo[text] = self.sp_src.encode(self._normalize(text), out_type=str) + ["</s>"]
        return tokens

    def count_tokens(self, text: str) -> int:
        return len(self._tokens(text))

    @property
    def max_input_tokens(self) -> int:
        return self._max_positions

    @property
    def decoder_positions(self) -> int:
        return self._max_positions

    def _decode(self, pieces: list[str]) -> str:
        """As MarianTokenizer.decode(skip_special_tokens=True): pieces joined by SentencePiece, any '▁'
        left (pieces the model does not know) made a space."""
        return self._sp_out.decode_pieces(pieces).replace("\u2581", " ").strip()

    # units per translate_batch call: CTranslate2 sorts a call's examples by length before batching
    # (less padding), and results stay bounded in memory for very long inputs
    CALL_UNITS = 2048

    def _translate_units(self, units: list[str]) -> list[str]:
        """translate_batch on all units at once (in calls of CALL_UNITS), as a plain script would: CTranslate2
        sorts by length and batches internally, and returns results in input order."""
        length = self.max_output_tokens - (1 if self._forced_eos else 0)
        if length < 1:  # only room for </s>: transformers returns empty output too
            return ["" for _ in units]
        out: list[str] = []
        try:
            for start in range(0, len(units), self.CALL_UNITS):
                results = self.translator.translate_batch(
                    [self._tokens(t) for t in units[start:start + self.CALL_UNITS]],
                    max_batch_size=max(1, self.options.batch_size),
                    beam_size=self.options.beam,
                    max_decoding_length=length,
                    min_decoding_length=min(self.options.min_length, length),
                )
                out.extend(self._decode(r.hypotheses[0]) for r in results)
        finally:
            self._token_memo.clear()
        return out


def _read_marian_config(path) -> dict:
    """The Marian config.json kept beside a converted model ({} for a CTranslate2 model made elsewhere)."""
    import json

    try:
        return json.loads((path / "marian_config.json").read_text())
    except (OSError, ValueError):
        return {}


def _read_max_positions(path) -> int:
    import json

    for name in ("marian_config.json",):
        try:
            cfg = json.loads((path / name).read_text())
            return int(min(cfg.get("max_position_embeddings", 512), 512))
        except (OSError, ValueError):
            continue
    return 512


def _moses_normalizer(lang: str):
    """sacremoses' MosesPunctNormalizer (what MarianTokenizer applies), loaded from its module
    file: the package's __init__ also imports its tokenizer and joblib, which costs more start-up
    time than a short translation job, and the normaliser needs none of it."""
    import importlib.util
    import sys
    from pathlib import Path

    name = "mt._sacremoses_normalize"
    module = sys.modules.get(name)
    if module is None:
        spec = importlib.util.find_spec("sacremoses")
        if spec is None or spec.origin is None:
            from sacremoses import MosesPunctNormalizer  # let the import error speak

            return MosesPunctNormalizer(lang).normalize
        file_spec = importlib.util.spec_from_file_location(name, Path(spec.origin).parent / "normalize.py")
        module = importlib.util.module_from_spec(file_spec)
        file_spec.loader.exec_module(module)
        sys.modules[name] = module
    normalize = module.MosesPunctNormalizer(lang).normalize
    return lambda text: normalize(text) if text else ""
