"""The backend-independent part of translation: batching, order, long inputs."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Callable, Sequence

from ..segment import split_sentences

ProgressFn = Callable[[int], None]  # called with the number of segments just finished


@dataclass(frozen=True)
class DecodeOptions:
    beam: int = 4
    batch_size: int = 16
    max_length: int = 512  # output tokens per segment
    device: str = "auto"


_CLAUSE_BREAK = re.compile(r"(?<=[,;:])\s+")


class Translator:
    """A loaded model. Subclasses implement `count_tokens`, `max_input_tokens` and `_translate_batch`."""

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

    def translate(self, texts: Sequence[str], progress: ProgressFn | None = None) -> list[str]:
        """Translate segments; blank segments stay blank; output order is input order."""
        units: list[str] = []
        owner: list[int] = []
        for i, text in enumerate(texts):
            if not text.strip():
                continue
            for piece in self._pieces(text.strip()):
                units.append(piece)
                owner.append(i)
        # Longest first keeps padding low inside a batch; results go back to their places.
        order = sorted(range(len(units)), key=lambda k: (-len(units[k]), k))
        results: list[str] = [""] * len(units)
        bs = max(1, self.options.batch_size)
        done_owner: dict[int, int] = {}
        remaining = Counter(owner)
        for start in range(0, len(order), bs):
            idx = order[start : start + bs]
            for k, out in zip(idx, self._translate_batch([units[k] for k in idx])):
                results[k] = out
                o = owner[k]
                done_owner[o] = done_owner.get(o, 0) + 1
                if progress and done_owner[o] == remaining[o]:
                    progress(1)
        joined = [""] * len(texts)
        for k, o in enumerate(owner):
            joined[o] = f"{joined[o]} {results[k]}" if joined[o] else results[k]
        if progress:
            progress(sum(1 for t in texts if not t.strip()))
        return joined
