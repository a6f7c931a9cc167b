"""The document's names, indexed once, so that "is this word one of the names" costs a look-up
instead of a pass over every name (which made `mt check` quadratic in the document's length).

A token matches a known token under `extract.same_name_token` (equal spelling-tolerant keys, or
a difflib ratio of at least 0.8). Candidates come from character trigrams of the keys, padded
by one mark at each end: keys that similar share a long common block or their first or last two
letters, so they share at least MIN_SHARED trigrams (one for keys under five letters).
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

# Shortest token (letters) that takes part in person matching, as in extract.same_person.
MIN_TOKEN = 2
MIN_SHARED = 2
PAD = "\x02"


def _grams(key: str) -> set[str]:
    s = PAD + key + PAD
    return {s[k:k + 3] for k in range(len(s) - 2)}


class NameIndex:
    """Names (each a string of tokens) with their tokens indexed by folded key and trigram."""

    def __init__(self, names: Iterable[str] = ()) -> None:
        self.names: list[str] = []
        self._ids_by_key: dict[str, set[int]] = defaultdict(set)  # folded token -> name ids
        self._keys_by_gram: dict[str, set[str]] = defaultdict(set)
        self._token_of_key: dict[str, str] = {}  # a token as written, for same_name_token
        self._cache: dict[tuple[str, int], list[str]] = {}  # the same words recur: "Präsident", "Regierung"
        self._last_keys: set[str] = set()  # keys that end a name (surnames, in most languages' order)
        for n in names:
            self.add(n)

    def __len__(self) -> int:
        return len(self.names)

    def add(self, name: str) -> int:
        from .extract import fold_name

        ident = len(self.names)
        self.names.append(name)
        tokens = name.split()
        if tokens and len(tokens[-1]) >= MIN_TOKEN and fold_name(tokens[-1]):
            self._last_keys.add(fold_name(tokens[-1]))
        for t in tokens:
            if len(t) < MIN_TOKEN:
                continue
            key = fold_name(t)
            if not key:
                continue
            if key not in self._token_of_key:
                self._cache.clear()
                self._token_of_key[key] = t
                for g in _grams(key):
                    self._keys_by_gram[g].add(key)
            self._ids_by_key[key].add(ident)
        return ident

    def _matching_keys(self, token: str, min_len: int = MIN_TOKEN) -> list[str]:
        hit = self._cache.get((token, min_len))
        if hit is None:
            hit = self._cache[(token, min_len)] = self._lookup(token, min_len)
        return hit

    def _lookup(self, token: str, min_len: int) -> list[str]:
        from .extract import fold_name, same_name_token

        key = fold_name(token)
        if not key:
            return []
        if len(key) < 3:
            candidates = {key} if key in self._ids_by_key else set()
        else:
            shared: dict[str, int] = {}
            for g in _grams(key):
                for k in self._keys_by_gram.get(g, ()):
                    shared[k] = shared.get(k, 0) + 1
            need = MIN_SHARED if len(key) >= 5 else 1
            candidates = {k for k, n in shared.items() if n >= need or k == key}
            if len(key) == 3 and key.endswith("s") and key[:2] in self._ids_by_key:
                candidates.add(key[:2])  # a two-letter name in the genitive ("Xis"), which no trigram finds
        return [k for k in candidates
                if len(self._token_of_key[k]) >= min_len and same_name_token(token, self._token_of_key[k])]

    def has_token(self, token: str, min_len: int = MIN_TOKEN) -> bool:
        """Whether `token` is (a spelling of) a token of a known name at least `min_len` long."""
        return bool(self._matching_keys(token, min_len))

    def ids_for(self, name: str) -> set[int]:
        """Ids of the known names that share a token with `name` (extract.same_person)."""
        out: set[int] = set()
        for t in name.split():
            if len(t) >= MIN_TOKEN:
                for k in self._matching_keys(t):
                    out |= self._ids_by_key[k]
        return out

    def has_last_token(self, token: str) -> bool:
        """Whether `token` is (a spelling of) the last token of a known name: a surname the document names."""
        return any(k in self._last_keys for k in self._matching_keys(token))

    def has_person(self, name: str) -> bool:
        return bool(self.ids_for(name))
