"""A translation lexicon learned from the document pair itself, for alignment without MT.

As in Moore's (2002) aligner: a first pass aligns on what needs no model (character n-grams,
numbers, names, length); the words of its confident beads are then counted, and word pairs that
occur together in aligned beads far more often than chance (log-likelihood ratio G², Dunning 1993)
are linked one-to-one, strongest first (competitive linking, Melamed 2000). A long document
repeats its topic words ('Gipfel'/'sommet', 'Lager'/'camp', 'Regierung'/'gouvernement'), so the
second pass can match sentences that share no characters. Identical words are left out: the
n-gram features match them already.
"""
from __future__ import annotations

import math
from collections import Counter
from typing import Sequence

import numpy as np
import regex

from .features import fold

_WORD = regex.compile(r"\p{L}[\p{L}\p{M}'’-]{2,}")

Links = tuple[dict[str, str], dict[str, str]]  # source word -> link id, target word -> link id


# Scripts written without spaces: a run of them is a phrase, not a word, so it is cut into character bigrams
# ('陈清扬' -> '陈清', '清扬'), which can link to a word of the other language ('qingyang', 'doctor').
_UNSPACED = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}]+")


def content_words(text: str) -> set[str]:
    folded = fold(text)
    words = set(_WORD.findall(_UNSPACED.sub(" ", folded)))
    for run in _UNSPACED.findall(folded):
        words.update(run[k:k + 2] for k in range(len(run) - 1))
    return words


def _g2(k11: int, k12: int, k21: int, k22: int) -> float:
    """Dunning's log-likelihood ratio of a 2×2 contingency table."""
    def h(*ks: int) -> float:
        total = sum(ks)
        return sum(k * math.log(k / total) for k in ks if k > 0)
    return 2.0 * (h(k11, k12, k21, k22) - h(k11 + k12, k21 + k22) - h(k11 + k21, k12 + k22))


def _joint_counts(pairs: list[tuple[set[str], set[str]]], src_count: Counter, tgt_count: Counter, n: int,
                  min_count: int) -> list[tuple[str, str, int]]:
    """(u, v, k): a source word u and a different target word v found together in k of the n pairs, where k is at
    least min_count and more than chance (k * n > count of u * count of v). Counted as integer keys: a bead
    pairs each of its some 20 words with each of the other side's."""
    ids: dict[str, int] = {}
    keys = []
    for sw, tw in pairs:
        a = np.fromiter((ids.setdefault(w, len(ids)) for w in sw), np.int64, len(sw))
        b = np.fromiter((ids.setdefault(w, len(ids)) for w in tw), np.int64, len(tw))
        both = ((a[:, None] << 32) | b[None, :]).ravel()
        keys.append(both[np.repeat(a, len(b)) != np.tile(b, len(a))])
    if not keys:
        return []
    key, k = np.unique(np.concatenate(keys), return_counts=True)
    words = list(ids)
    sc = np.array([src_count.get(w, 0) for w in words], dtype=np.int64)
    tc = np.array([tgt_count.get(w, 0) for w in words], dtype=np.int64)
    u, v = key >> 32, key & 0xFFFFFFFF
    ok = (k >= min_count) & (k * n > sc[u] * tc[v])  # not rare, and more than chance
    return [(words[a], words[b], c) for a, b, c in zip(u[ok].tolist(), v[ok].tolist(), k[ok].tolist())]


def induce_links(src_words: Sequence[set[str]], tgt_words: Sequence[set[str]], beads: Sequence[tuple[Sequence[int], Sequence[int]]],
                 scores: Sequence[float], top: float = 0.8, min_g2: float = 10.0, min_count: int = 2) -> Links:
    """Word links from the best-scoring `top` share of the two-sided beads of a first alignment.
    src_words, tgt_words: the `content_words` of each sentence."""
    two_sided = [(b, s) for b, s in zip(beads, scores) if b[0] and b[1]]
    if not two_sided:
        return {}, {}
    cut = float(np.quantile([s for _, s in two_sided], 1.0 - top))
    pairs = [(set().union(*(src_words[i] for i in b[0])), set().union(*(tgt_words[j] for j in b[1])))
             for b, s in two_sided if s >= cut]
    n = len(pairs)
    src_count: Counter = Counter()
    tgt_count: Counter = Counter()
    for sw, tw in pairs:
        src_count.update(sw)
        tgt_count.update(tw)
    candidates = []
    for u, v, k in _joint_counts(pairs, src_count, tgt_count, n, min_count):
        g = _g2(k, src_count[u] - k, tgt_count[v] - k, n - src_count[u] - tgt_count[v] + k)
        if g >= min_g2:
            candidates.append((g, u, v))
    src_links: dict[str, str] = {}
    tgt_links: dict[str, str] = {}
    for _, u, v in sorted(candidates, reverse=True):
        if u not in src_links and v not in tgt_links:
            src_links[u] = tgt_links[v] = f"{u}\x1f{v}"
    return src_links, tgt_links
