"""Language identification (py3langid: a model shipped in the package, no download)."""
from __future__ import annotations

import functools


@functools.lru_cache(maxsize=1)
def _identifier():
    import py3langid

    return py3langid


def ranked(text: str, top: int = 3) -> list[str]:
    return [lang for lang, _ in _identifier().rank(text)[:top]]


def is_language(text: str, lang: str, min_chars: int = 40, top: int = 3) -> bool | None:
    """True/False when the text is long enough to judge; None for short text (names, numbers)."""
    letters = sum(ch.isalpha() for ch in text)
    if letters < min_chars:
        return None
    return lang.split("-")[0].lower() in ranked(text, top)


def detect(lines: list[str], min_chars: int = 200) -> str | None:
    """The language of a document (None when there is too little text to tell)."""
    text = " ".join(lines)
    if sum(ch.isalpha() for ch in text) < min_chars:
        return None
    return ranked(text, 1)[0]
