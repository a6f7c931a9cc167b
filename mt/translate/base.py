"""The backend-independent part of translation: batching, order, long inputs."""
from __future__ import annotations

import re
from dataclasses import dataclass
from collections import Counter
from typing import Callable, Iterable, Sequence

from ..segment import split_sentences
from ..types import clean_text

ProgressFn = Callable[[int], None]  # called with the number of segments just finished


@dataclass(frozen=True)
class DecodeOptions:
    beam: int = 4
    batch_size: int = 16
    max_length: int = 512  # output tokens per segment
    min_length: int = 0  # forced minimum output tokens (benchmarks: same work for every backend)
    device: str = "auto"


_CLAUSE_BREAK = re.compile(r"(?<=[,;:])\s+")


class Translator:
    """A loaded model. Subclasses implement `count_tokens`, `max_input_tokens`, `decoder_positions` and either
    `_translate_batch` (one batch) or `_translate_units` (all distinct segments at once)."""

    model_id: str = ""
    backend: str = ""
    src_lang: str = ""
    tgt_lang: str = ""

    def __init__(self, options: DecodeOptions):
        self.options = options

    # -- backend hooks -------------------------------------------------------------------------
    def count_tokens(self, text: str) -> int:
        raise NotImplementedError

    @property
    def max_input_tokens(self) -> int:
        raise NotImplementedError

    @property
    def decoder_positions(self) -> int:
        raise NotImplementedError

    @property
    def max_output_tokens(self) -> int:
        """The decoder's position table bounds the output: a model that never emits </s> on some input
        must stop there, not index past the table (transformers raised IndexError)."""
        return min(self.options.max_length, self.decoder_positions - 1)

    def _translate_batch(self, texts: list[str]) -> list[str]:
        raise NotImplementedError

    # -- shared logic --------------------------------------------------------------------------
    def _pieces(self, text: str) -> list[str]:
        """Split a segment that the model cannot take whole: sentences, then clauses, then words."""
        limit = self.max_input_tokens
        if self.count_tokens(text) <= limit:
            return [text]
        out: list[str] = []
        for level in (lambda t: split_sentences(t, self.src_lang), _CLAUSE_BREAK.split, str.split):
            parts = [p for p in level(text) if p.strip()]
            if len(parts) > 1:
                buf = ""
                for part in parts:
                    candidate = f"{buf} {part}" if buf else part
                    if buf and self.count_tokens(candidate) > limit:
                        out.extend(self._pieces(buf))
                        buf = part
                    else:
                        buf = candidate
                if buf:
                    out.extend(self._pieces(buf))
                return out
        # one unbreakable token run (e.g. a URL longer than the model's input): cut by characters
        half = len(text) // 2
        return self._pieces(text[:half]) + self._pieces(text[half:])

    cache = None  # a TranslationCache, set by open_translator
    cache_namespace = ""  # model identity and decoding settings

    def cached(self, texts: Iterable[str]) -> dict[str, str]:
        """The finished translations the cache holds for these (cleaned) texts."""
        if self.cache is None:
            return {}
        keys = {t: self.cache.key(self.cache_namespace, t) for t in set(texts) if t}
        found = self.cache.get_many(list(keys.values()))
        return {t: found[k] for t, k in keys.items() if k in found}

    def translate(self, texts: Sequence[str], progress: ProgressFn | None = None) -> list[str]:
        """Translate segments; blank segments stay blank; output order is input order.
        With a cache, finished segments are stored batch by batch and never translated twice."""
        if self.cache is None:
            return self._translate(texts, progress)
        cleaned = [clean_text(t) for t in texts]
        counts = Counter(cleaned)
        done = self.cached(counts)
        todo = sorted((t for t in counts if t and t not in done), key=len, reverse=True)
        if progress:
            progress(sum(n for t, n in counts.items() if not t or t in done))
        step = max(1, self.options.batch_size) * 4
        for start in range(0, len(todo), step):
            chunk = todo[start:start + step]
            out = self._translate(chunk, cleaned=True)
            self.cache.put_many([(self.cache.key(self.cache_namespace, t), o) for t, o in zip(chunk, out)])
            done.update(zip(chunk, out))
            if progress:
                progress(sum(counts[t] for t in chunk))
        return [done[t] if t else "" for t in cleaned]

    def _translate(self, texts: Sequence[str], progress: ProgressFn | None = None, cleaned: bool = False) -> list[str]:
        units: list[str] = []  # distinct pieces: a repeated segment is translated once
        unit_of: dict[str, int] = {}
        owners: list[list[int]] = []  # per input segment, its units in order
        for text in texts:
            text = text if cleaned else clean_text(text)
            ids = []
            for piece in (self._pieces(text) if text else []):
                if piece not in unit_of:
                    unit_of[piece] = len(units)
                    units.append(piece)
                ids.append(unit_of[piece])
            owners.append(ids)
        results = self._translate_units(units)
        if progress:
            progress(len(texts))
        return [" ".join(results[k] for k in ids) for ids in owners]

    def _translate_units(self, units: list[str]) -> list[str]:
        """Translate distinct units; longest first keeps padding low inside a batch."""
        order = sorted(range(len(units)), key=lambda k: (-len(units[k]), k))
        results: list[str] = [""] * len(units)
        bs = max(1, self.options.batch_size)
        for start in range(0, len(order), bs):
            idx = order[start : start + bs]
            for k, out in zip(idx, self._translate_batch([units[k] for k in idx])):
                results[k] = out
        return results
