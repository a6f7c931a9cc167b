"""Sentence vectors for alignment: hashed, tf-idf weighted character n-grams, words and numbers.

No model is needed. Compared across languages they catch names, numbers and cognates; compared
with a machine translation of the other side they measure translation overlap (a chrF-like
signal). Vectors are sparse (2^20 hashed features, so collisions are negligible); a span of
sentences is the sum of its sentence vectors.
"""
from __future__ import annotations

import functools
import unicodedata
import zlib

import numpy as np
import regex

from ..types import nfc

DIM = 1 << 20
NGRAMS = (3, 4, 5)
PUNCT_WEIGHT = 1.0
_WORD = regex.compile(r"\p{L}[\p{L}\p{M}'’-]*|\p{N}+(?:[.,]\p{N}+)*")
_NUMBER = regex.compile(r"\p{N}+(?:[.,]\p{N}+)*")
_FOLD = str.maketrans({"ß": "ss", "đ": "d", "Đ": "d", "ø": "o", "æ": "ae", "œ": "oe", "ł": "l"})
_PRIME = np.uint64(1_000_003)


@functools.lru_cache(maxsize=1 << 15)  # each sentence is folded for its features and again for its words (induce)
def fold(text: str) -> str:
    """Lower case, no diacritics: 'Mátxcơva' and 'Moskau' share more, 'Zürich'/'Zurich' match."""
    text = unicodedata.normalize("NFKD", text.lower().translate(_FOLD))
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def _ngram_hashes(texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """(sentence index, feature index) for every character n-gram of every text, vectorised."""
    joined = "\x00".join(f" {t} " for t in texts) + "\x00"
    codes = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    sep = codes == 0
    sent_of = np.cumsum(sep) - sep  # index of the text each position belongs to
    rows, cols = [], []
    for n in NGRAMS:
        if len(codes) < n:
            continue
        h = np.zeros(len(codes) - n + 1, dtype=np.uint64)
        bad = np.zeros(len(codes) - n + 1, dtype=bool)
        for k in range(n):
            window = codes[k : len(codes) - n + 1 + k]
            h = h * _PRIME + window + np.uint64(n)
            bad |= sep[k : len(sep) - n + 1 + k]
        keep = ~bad
        rows.append(sent_of[: len(h)][keep])
        cols.append((h[keep] % np.uint64(DIM)).astype(np.int64))
    if not rows:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    return np.concatenate(rows).astype(np.int64), np.concatenate(cols)


def _feature(key: str) -> int:
    """The hashed column of a word-like feature (a word, a number, a concept)."""
    return zlib.crc32(key.encode()) % DIM


# Punctuation any script shares (after NFKD folding, full-width ？ is ?): a question, an exclamation or a
# quotation on one side is usually one on the other, which counts where no characters are shared (zh–en).
_PUNCT = {"?": "?", "!": "!", "“": "q", "”": "q", '"': "q", "«": "q", "»": "q", "„": "q", "「": "q", "」": "q",
          "『": "q", "』": "q", "…": ".", ":": ":", ";": ";", "—": "-", "(": "(", ")": "("}
_PUNCT_RE = regex.compile("|".join(regex.escape(k) for k in _PUNCT) + r"|\.\.\.")


def _word_hashes(texts: list[str]) -> tuple[list[int], list[int], list[float]]:
    rows, cols, weights = [], [], []
    punct_weight = PUNCT_WEIGHT  # read at call time: eval/align_cv.py switches it off for its ablation
    for i, t in enumerate(texts):
        if punct_weight:
            for mark in _PUNCT_RE.findall(t):
                rows.append(i)
                cols.append(_feature("%" + _PUNCT.get(mark, ".")))
                weights.append(punct_weight)
        for w in _WORD.findall(t):
            if len(w) < 2 and not w.isdigit():
                continue
            is_num = bool(_NUMBER.fullmatch(w))
            key = ("#" + regex.sub(r"[.,]", "", w)) if is_num else w
            rows.append(i)
            cols.append(_feature(key))
            weights.append(3.0 if is_num else 1.0)  # numbers are strong anchors across languages
    return rows, cols, weights


_WORD_START = regex.compile(r"(?<![\p{L}\p{N}])\p{L}")
_TAIL = regex.compile(r"\p{L}*")


@functools.lru_cache(maxsize=None)
def _concept_finder(lang: str) -> tuple[dict[str, list[str]], dict[str, tuple[str, str, bool]]]:
    """Every CLDR country and month name and lexicon entity of a language: its lower-case surfaces of three
    letters or more by their first three (longest first), and a map from each surface to (concept, surface
    as written, may be a word prefix)."""
    from ..lexicon import lexicon

    lex = lexicon(lang)
    concepts: dict[str, tuple[str, str, bool]] = {}
    for name in lex.names:
        concepts.setdefault(name.key, (name.entity, nfc(name.surface), name.prefix))
    for month, number in lex.months.items():
        concepts.setdefault(month, (f"month:{number}", month, False))
    by_start: dict[str, list[str]] = {}
    for key in sorted(concepts, key=len, reverse=True):
        if len(key) >= 3:
            by_start.setdefault(key[:3], []).append(key)
    return by_start, concepts


def _concept_matches(text: str, lang: str):
    """(surface as found, letters after it) of each concept in a text: at the start of each word, the longest
    surface that matches there in any case, and the rest of that word; the next search starts after both
    (what one regex alternation of all surfaces, longest first, finds; a dictionary look-up per word)."""
    by_start, concepts = _concept_finder(lang)
    end = 0
    for run in _WORD_START.finditer(text):
        start = run.start()
        if start < end:
            continue
        found = next((key for key in by_start.get(text[start:start + 3].lower(), ())
                      if text[start:start + len(key)].lower() == key), None)
        if found is None:
            found = next((text[start:start + n] for n in (2, 1) if text[start:start + n].lower() in concepts), None)
            if found is None:
                continue
        stop = start + len(found)
        tail = _TAIL.match(text, stop).group(0)
        end = stop + len(tail)
        yield text[start:stop], tail


def _concept_hashes(texts: list[str], lang: str) -> tuple[list[int], list[int], list[float]]:
    """Language-neutral features for names CLDR and the lexicon know: 'Juli' and 'juillet' both give
    month:7, 'Schweiz' and 'Suisse' country:CH. Anchors across languages where n-grams share nothing."""
    concepts = _concept_finder(lang)[1]
    rows, cols, weights = [], [], []
    if not concepts:
        return rows, cols, weights
    for i, text in enumerate(texts):
        for found, tail in _concept_matches(nfc(text), lang):
            concept, surface, prefix = concepts[found.lower()]
            if not prefix:
                # names as written ("UN", not "uns"); a genitive s on names, nothing on months ("mais")
                month = concept.startswith("month:")
                as_written = found == surface or (surface.islower() and found == surface.capitalize())
                if not as_written or tail and (month or tail != "s"):
                    continue
            rows.append(i)
            cols.append(_feature(concept))
            weights.append(3.0)
    return rows, cols, weights


def _link_columns(words: list[set[str]], links: dict[str, str], ids: dict[str, int]):
    """One column per learned word link (mt.align.induce): both words of a link fill the same column."""
    rows, cols = [], []
    for i, sentence in enumerate(words):
        for word in sentence:
            if word in links:
                rows.append(i)
                cols.append(ids.setdefault(links[word], len(ids)))
    return rows, cols


def raw_counts(texts: list[str], lang: str | None = None):
    """Sentence × feature counts, a scipy CSR matrix."""
    from scipy import sparse

    folded = [fold(t) for t in texts]
    r, c = _ngram_hashes(folded)
    wr, wc, ww = _word_hashes(folded)
    if lang:
        cr, cc, cw = _concept_hashes(texts, lang)
        wr, wc, ww = wr + cr, wc + cc, ww + cw
    rows = np.concatenate([r, np.asarray(wr, dtype=np.int64)])
    cols = np.concatenate([c, np.asarray(wc, dtype=np.int64)])
    vals = np.concatenate([np.ones(len(r), np.float32), np.asarray(ww, dtype=np.float32)])
    mat = sparse.csr_matrix((vals, (rows, cols)), shape=(len(texts), DIM), dtype=np.float32)
    mat.sum_duplicates()
    return mat


def _idf(df, n: int):
    """Squared idf of a feature found in df of n sentences: features common everywhere hardly count."""
    return (np.log((max(1, n) + 1) / (np.asarray(df) + 1)) + 0.1) ** 2


def weighted_pair(a_texts: list[str], b_texts: list[str], a_lang: str | None = None, b_lang: str | None = None):
    """tf-idf vectors of two text lists with one shared idf, squared so that features common
    everywhere (function-word n-grams) hardly count. The columns are renumbered to the features
    that occur in this pair of documents: the same vectors, without a million empty columns."""
    from scipy import sparse

    a, b = raw_counts(a_texts, a_lang), raw_counts(b_texts, b_lang)
    used = np.unique(np.concatenate([a.indices, b.indices]))
    a = sparse.csr_matrix((a.data, np.searchsorted(used, a.indices), a.indptr), shape=(a.shape[0], len(used)))
    b = sparse.csr_matrix((b.data, np.searchsorted(used, b.indices), b.indptr), shape=(b.shape[0], len(used)))
    df = np.bincount(a.indices, minlength=len(used)) + np.bincount(b.indices, minlength=len(used))
    idf = _idf(df, len(a_texts) + len(b_texts)).astype(np.float32)
    a.data = np.log1p(a.data) * idf[a.indices]
    b.data = np.log1p(b.data) * idf[b.indices]
    return a, b


def with_links(a, b, a_words: list[set[str]], b_words: list[set[str]], links: tuple[dict[str, str], dict[str, str]],
               link_weight: float = 1.0):
    """The vectors of `weighted_pair` with one more column per learned word link (mt.align.induce):
    both words of a link fill the same column, which counts link_weight times as much as the rarest
    string two sentences can share. a_words, b_words: the `content_words` of each sentence."""
    from scipy import sparse

    value = link_weight * float(_idf(1, len(a_words) + len(b_words)))
    ids: dict[str, int] = {}
    columns = [_link_columns(a_words, links[0], ids), _link_columns(b_words, links[1], ids)]
    width = max(1, len(ids))

    def extend(mat, rows, cols):
        extra = sparse.csr_matrix((np.full(len(rows), value, np.float32), (rows, cols)), shape=(mat.shape[0], width))
        return sparse.hstack([mat, extra]).tocsr()

    return extend(a, *columns[0]), extend(b, *columns[1])


_LETTER = regex.compile(r"\p{L}")


def letter_counts(texts: list[str]) -> np.ndarray:
    """Letters of each text, any script: OCR debris and stray marks have almost none."""
    return np.array([len(_LETTER.findall(t)) for t in texts], dtype=np.float64)


def char_lengths(texts: list[str]) -> np.ndarray:
    return np.array([max(1, len(t)) for t in texts], dtype=np.float64)
