"""Sentence vectors for alignment: hashed, tf-idf weighted character n-grams, words and numbers.

No model is needed. Compared across languages they catch names, numbers and cognates; compared
with a machine translation of the other side they measure translation overlap (a chrF-like
signal). Vectors are sparse (2^20 hashed features, so collisions are negligible); a span of
sentences is the sum of its sentence vectors.
"""
from __future__ import annotations

import functools
import unicodedata

import numpy as np
import regex

from ..types import nfc

DIM = 1 << 20
NGRAMS = (3, 4, 5)
_WORD = regex.compile(r"\p{L}[\p{L}\p{M}'’-]*|\p{N}+(?:[.,]\p{N}+)*")
_NUMBER = regex.compile(r"\p{N}+(?:[.,]\p{N}+)*")
_FOLD = str.maketrans({"ß": "ss", "đ": "d", "Đ": "d", "ø": "o", "æ": "ae", "œ": "oe", "ł": "l"})
_PRIME = np.uint64(1_000_003)


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


def _word_hashes(texts: list[str]) -> tuple[list[int], list[int], list[float]]:
    import zlib

    rows, cols, weights = [], [], []
    for i, t in enumerate(texts):
        for w in _WORD.findall(t):
            if len(w) < 2 and not w.isdigit():
                continue
            is_num = bool(_NUMBER.fullmatch(w))
            key = ("#" + regex.sub(r"[.,]", "", w)) if is_num else w
            rows.append(i)
            cols.append(zlib.crc32(key.encode()) % DIM)
            weights.append(3.0 if is_num else 1.0)  # numbers are strong anchors across languages
    return rows, cols, weights


@functools.lru_cache(maxsize=None)
def _concept_finder(lang: str) -> tuple[regex.Pattern | None, dict[str, tuple[str, str, bool]]]:
    """One regex over every CLDR country and month name and lexicon entity of a language, and a map
    from the matched surface (lower case) to (concept, surface as written, may be a word prefix)."""
    from ..lexicon import lexicon

    lex = lexicon(lang)
    concepts: dict[str, tuple[str, str, bool]] = {}
    for name in lex.names:
        prefix = name.pattern.flags & regex.IGNORECASE != 0  # demonym stems: "südkoreanisch…"
        concepts.setdefault(name.key, (name.entity, nfc(name.surface), prefix))
    for month, number in lex.months.items():
        concepts.setdefault(month, (f"month:{number}", month, False))
    if not concepts:
        return None, {}
    alternation = "|".join(regex.escape(k) for k in sorted(concepts, key=len, reverse=True))
    return regex.compile(rf"(?<![\p{{L}}\p{{N}}])(?:{alternation})(\p{{L}}*)", regex.IGNORECASE), concepts


def _concept_hashes(texts: list[str], lang: str) -> tuple[list[int], list[int], list[float]]:
    """Language-neutral features for names CLDR and the lexicon know: 'Juli' and 'juillet' both give
    month:7, 'Schweiz' and 'Suisse' country:CH. Anchors across languages where n-grams share nothing."""
    import zlib

    finder, concepts = _concept_finder(lang)
    rows, cols, weights = [], [], []
    if finder is None:
        return rows, cols, weights
    for i, text in enumerate(texts):
        for m in finder.finditer(nfc(text)):
            tail = m.group(1)
            found = m.group(0)[: len(m.group(0)) - len(tail)]
            concept, surface, prefix = concepts[found.lower()]
            if not prefix:
                # names as written ("UN", not "uns"); a genitive s on names, nothing on months ("mais")
                month = concept.startswith("month:")
                as_written = found == surface or (surface.islower() and found == surface.capitalize())
                if not as_written or tail and (month or tail != "s"):
                    continue
            rows.append(i)
            cols.append(zlib.crc32(concept.encode()) % DIM)
            weights.append(3.0)
    return rows, cols, weights


def _link_columns(texts: list[str], links: dict[str, str], ids: dict[str, int]):
    """One column per learned word link (mt.align.induce): both words of a link fill the same column."""
    from .induce import content_words

    rows, cols = [], []
    for i, text in enumerate(texts):
        for word in content_words(text):
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
    n = max(1, len(a_texts) + len(b_texts))
    idf = ((np.log((n + 1) / (df + 1)) + 0.1) ** 2).astype(np.float32)
    a.data = np.log1p(a.data) * idf[a.indices]
    b.data = np.log1p(b.data) * idf[b.indices]
    return a, b


def with_links(a, b, a_texts: list[str], b_texts: list[str], links: tuple[dict[str, str], dict[str, str]],
               link_weight: float = 1.0):
    """The vectors of `weighted_pair` with one more column per learned word link (mt.align.induce):
    both words of a link fill the same column, which counts link_weight times as much as the rarest
    string two sentences can share."""
    from scipy import sparse

    value = link_weight * float((np.log((len(a_texts) + len(b_texts) + 1) / 2.0) + 0.1) ** 2)
    ids: dict[str, int] = {}
    ra, ca = _link_columns(a_texts, links[0], ids)
    rb, cb = _link_columns(b_texts, links[1], ids)
    k = max(1, len(ids))
    a = sparse.hstack([a, sparse.csr_matrix((np.full(len(ra), value, np.float32), (ra, ca)), shape=(a.shape[0], k))]).tocsr()
    b = sparse.hstack([b, sparse.csr_matrix((np.full(len(rb), value, np.float32), (rb, cb)), shape=(b.shape[0], k))]).tocsr()
    return a, b


def char_lengths(texts: list[str]) -> np.ndarray:
    return np.array([max(1, len(t)) for t in texts], dtype=np.float64)
