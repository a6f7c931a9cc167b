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


# A document's language is told from this many characters at most, every k-th line: py3langid is as sure
# of 20,000 characters as of a whole book, and reading a 10,000-line document whole took seconds.
SAMPLE_CHARS = 20_000


def sample_text(lines: list[str], max_chars: int = SAMPLE_CHARS) -> str:
    """The lines joined, or every k-th of them where they hold more than about max_chars characters."""
    total = sum(len(x) for x in lines)
    step = max(1, total // max_chars)
    return " ".join(lines[::step])


def detect(lines: list[str], min_chars: int = 200) -> str | None:
    """The language of a document (None when there is too little text to tell)."""
    text = sample_text(lines)
    if sum(ch.isalpha() for ch in text) < min_chars:
        return None
    return ranked(text, 1)[0]


@functools.lru_cache(maxsize=256)
def normalize_code(code: str) -> str:
    """The language code models and configs use (ISO 639-1 where one exists, lower case, no region or
    script): 'VI', 'vie', 'vi_VN', 'vi-VN' → 'vi'; 'deu', 'ger', 'de-AT' → 'de'. Refuses what is not a
    language code, saying which form is expected."""
    text = str(code).strip().replace("_", "-")
    if len(text) == 2 and text.isalpha() and text.islower():
        import babel.localedata

        if babel.localedata.exists(text):  # the common case, without loading langcodes' tables (0.1-0.2 s)
            return text

    import langcodes

    from .types import MtError

    try:
        lang = langcodes.Language.get(text, normalize=False).language or ""
    except (langcodes.LanguageTagError, ValueError):
        lang = ""
    if lang and len(lang) == 3:
        # ISO 639-2/3 ('vie', 'ger') → the two-letter code when there is one; aliases like tl→fil are not applied
        # to two-letter codes, since OPUS-MT names models by the code the user knows
        lang = langcodes.Language.get(lang).language or lang
    if not lang.isalpha() or lang in ("und", "mul", "zxx") or not langcodes.tag_is_valid(lang):
        raise MtError(f"{code!r} is not a language code; give an ISO 639-1 code such as vi or de "
                      f"(BCP 47 tags like vi-VN and ISO 639-3 codes like vie are accepted too)")
    return lang.lower()
