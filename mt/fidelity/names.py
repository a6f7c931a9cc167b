"""Name preservation: proper names in the source must reappear in the target.

A source name has a counterpart when the target names the same entity (pack or lexicon id, or one
that stands for it: a capital for its country) or contains a word that spells one of the name's
words the same way up to inflection, transliteration and diacritics (fold_name: "Selenskyj" =
"Zelensky", "Osakas" = "Osaka"). Word order does not matter.

- A source name without counterpart while the target has a name the source does not explain is a
  substitution: a person → attribution, a place or organisation → entity (critical).
- A source name without counterpart, alone, is an omission (major) when the name is sure (an id,
  a person introduced by a title or honorific, a run of capitalised words); weak names (a first
  name alone at a sentence start, a demonym, a Vietnamese institution) only pair with a substitute.

Names are found per language (configs/lang/LANG/names.toml [capitalisation]): Vietnamese from a
word segmenter's proper-noun tags (pyvi), sorted by their head word; languages that capitalise
nouns (German) from what is known (packs, lexicon, source document) and, for substitutes only,
from capitalised words where nouns do not stand; other Latin-script languages from capitalisation
away from sentence starts.
"""
from __future__ import annotations

import functools
from collections import Counter
from dataclasses import dataclass

import regex

from ..lexicon import Lexicon, entity_class, stands_for
from ..types import Finding, Severity
from .context import PairContext, entity_label, language_name
from .extract import Facts, same_name_token

_TOKEN = regex.compile(r"\p{L}[\p{L}\p{M}'’]*(?:-\p{L}[\p{L}\p{M}]*)*")
_SENTENCE_START = regex.compile(r"(?:^|[.!?…:;\"“”„«»()\[\]–—-]\s*|\n)\s*$")


@dataclass
class Name:
    text: str
    start: int
    end: int
    cls: str  # person, place, org, name (class unknown)
    entity: str | None = None
    strong: bool = True


def _equivalent(a: str, b: str) -> bool:
    sf = stands_for()
    return a == b or sf.get(a) == b or sf.get(b) == a or (sf.get(a) is not None and sf.get(a) == sf.get(b))


def _at_sentence_start(text: str, pos: int) -> bool:
    return bool(_SENTENCE_START.search(text[max(0, pos - 4):pos])) if pos >= 4 else not text[:pos].strip()


@functools.lru_cache(maxsize=None)
def _calendar_and_titles(lang: str) -> frozenset[str]:
    """Capitalised words that are not names: months, weekdays (CLDR), title words, honorifics."""
    from babel import Locale, UnknownLocaleError

    from ..lexicon import lexicon

    out: set[str] = set()
    try:
        loc = Locale.parse(lang)
        for table in (loc.months["format"]["wide"], loc.days["format"]["wide"], loc.languages):
            vals = table.values() if hasattr(table, "values") else table
            out.update(v[:1].upper() + v[1:] for v in vals if isinstance(v, str) and v)
    except (UnknownLocaleError, ValueError):
        pass
    lex = lexicon(lang)
    for ws in lex.titles.values():
        for w in ws:
            out.update(t[:1].upper() + t[1:] for t in w.split())
    out.update(h[:1].upper() + h[1:] for h in lex.honorifics)
    out.update(lex.caps.get("not_names", []))
    return frozenset(out)


def _overlaps(names: list[Name], s: int, e: int) -> bool:
    return any(n.start < e and s < n.end for n in names)


def find(facts: Facts, lex: Lexicon) -> list[Name]:
    """The names of one side of a pair, with their class and how sure we are of each."""
    text = facts.text
    out: list[Name] = []
    for m in facts.mentions:
        weak = m.prefix  # a demonym ("südkoreanisch") names a country only loosely
        out.append(Name(m.text, m.start, m.end, m.cls, m.entity, strong=not weak))
    for p in facts.people:
        if not _overlaps(out, p.start, p.end):
            ent = p.entity if p.entity != "person?" else None
            out.append(Name(p.text, p.start, p.end, "person", ent, strong=True))
    if lex.caps.get("tagger") == "pyvi":
        out.extend(n for n in _vi_names(text, lex) if not _overlaps(out, n.start, n.end))
    else:
        out.extend(n for n in _caps_names(text, lex) if not _overlaps(out, n.start, n.end))
    return sorted(out, key=lambda n: n.start)


def _caps_names(text: str, lex: Lexicon) -> list[Name]:
    stop = _calendar_and_titles(lex.lang)
    nouns = bool(lex.caps.get("nouns"))
    determiners = {d.lower() for d in lex.caps.get("determiners", [])}
    suffixes = tuple(lex.caps.get("noun_suffixes", []))
    out: list[Name] = []
    toks = list(_TOKEN.finditer(text))
    k = 0
    while k < len(toks):
        t = toks[k]
        w = t.group(0)
        if not w[:1].isupper() or w in stop or w.isupper() and len(w) <= 1:
            k += 1
            continue
        # a run of capitalised words separated by single spaces is one name ("Donald Trump")
        j = k
        while j + 1 < len(toks) and toks[j + 1].group(0)[:1].isupper() and toks[j + 1].group(0) not in stop \
                and text[toks[j].end():toks[j + 1].start()] == " ":
            j += 1
        s, e = t.start(), toks[j].end()
        span = text[s:e]
        first = w in lex.first_names
        initial = _at_sentence_start(text, s)
        prev = toks[k - 1].group(0).lower() if k else ""
        if nouns:
            # German: a capitalised word is a noun unless known; an unknown one may still be a name
            # where no noun stands (no determiner before, no noun suffix): a weak candidate only.
            known = first or any(tok in lex.first_names for tok in span.split())
            if known:
                out.append(Name(span, s, e, "person", None, strong=not initial or j > k))
            elif j == k and prev not in determiners and not w.lower().endswith(suffixes) and len(w) >= 3:
                out.append(Name(span, s, e, "name", None, strong=False))
        else:
            if initial and j == k:
                if first:  # "Tom went home": a first name alone at a sentence start
                    out.append(Name(span, s, e, "person", None, strong=False))
            elif initial:
                # "Donald Trump said": drop a sentence-initial word that is not part of the name? keep the run
                out.append(Name(span, s, e, "person" if first else "name", None, strong=True))
            else:
                out.append(Name(span, s, e, "person" if first or any(x in lex.first_names for x in span.split()) else "name", None, strong=True))
        k = j + 1
    return out


@functools.lru_cache(maxsize=1)
def _pyvi():
    try:
        from pyvi import ViPosTagger, ViTokenizer
    except ImportError:  # pragma: no cover - pyvi is a dependency; fall back to capitalisation
        return None
    return ViTokenizer, ViPosTagger


def _vi_names(text: str, lex: Lexicon) -> list[Name]:
    """Vietnamese names: consecutive proper-noun (Np) words of pyvi, sorted by their head word."""
    tools = _pyvi()
    if tools is None:
        return _caps_names(text, lex)
    tok, pos = tools
    words, tags = pos.postagging(tok.tokenize(text))
    org_heads = tuple(lex.caps.get("org_heads", []))
    place_heads = tuple(h.lower() for h in lex.caps.get("place_heads", []))
    stop = _calendar_and_titles(lex.lang)
    out: list[Name] = []
    cursor = 0
    spans = []
    for w, t in zip(words, tags):
        surface = w.replace("_", " ")
        i = text.find(surface, cursor)
        if i < 0:
            spans.append(None)
            continue
        spans.append((i, i + len(surface), t, surface))
        cursor = i + len(surface)
    k = 0
    while k < len(spans):
        sp = spans[k]
        if not sp or sp[2] != "Np" or not sp[3][:1].isupper():
            k += 1
            continue
        j = k
        while j + 1 < len(spans) and spans[j + 1] and spans[j + 1][2] == "Np" and spans[j + 1][3][:1].isupper():
            j += 1
        s, e = sp[0], spans[j][1]
        name = text[s:e]
        prev = spans[k - 1][3].lower() if k and spans[k - 1] else ""
        k = j + 1
        if name in stop or name.split()[0] in stop:
            continue
        if name.startswith(org_heads):
            out.append(Name(name, s, e, "org", None, strong=False))  # translated, not transliterated
        elif prev in place_heads or any(prev.endswith(" " + h) for h in place_heads):
            out.append(Name(name, s, e, "place", None, strong=True))
        else:
            initial = _at_sentence_start(text, s)
            first = name in lex.first_names
            out.append(Name(name, s, e, "person" if first else "name", None, strong=not initial or len(name.split()) > 1 or first))
    return out


def _words(text: str) -> list[str]:
    return [t.group(0) for t in _TOKEN.finditer(text)]


def _spelled_in(name: Name, words: list[str], skip: frozenset[str]) -> bool:
    parts = [p for p in regex.split(r"[\s-]+", name.text) if len(p) >= 2 and p not in skip]
    return any(same_name_token(p, w) for p in parts for w in words)


def _counterpart(name: Name, other: list[Name], other_words: list[str], skip: frozenset[str]) -> bool:
    if name.entity and any(o.entity and _equivalent(name.entity, o.entity) for o in other):
        return True
    return _spelled_in(name, other_words, skip)


def check(ctx: PairContext) -> list[Finding]:
    src_names = find(ctx.src, ctx.src_lex)
    tgt_names = find(ctx.tgt, ctx.tgt_lex)
    if not src_names and not tgt_names:
        return []
    skip = _calendar_and_titles(ctx.src_lang) | _calendar_and_titles(ctx.tgt_lang)
    src_words, tgt_words = _words(ctx.src.text), _words(ctx.tgt.text)
    # Names with ids are counted ("Ukraine" twice in the source, once in the target: one is missing).
    src_ids = Counter(n.entity for n in src_names if n.entity)
    tgt_ids = Counter(n.entity for n in tgt_names if n.entity)
    missing: list[Name] = []
    matched: set[int] = set()
    for exact in (True, False):  # the same id first, then one that stands for it (Kiew for Ukraine)
        for n in src_names:
            if not n.entity or id(n) in matched:
                continue
            match = next((e for e in tgt_ids if tgt_ids[e] > 0 and (e == n.entity if exact else _equivalent(n.entity, e))), None)
            if match is not None:
                tgt_ids[match] -= 1
                src_ids[n.entity] -= 1
                matched.add(id(n))
    for n in src_names:
        if id(n) in matched:
            continue
        if n.entity:
            if any(_equivalent(n.entity, t.entity) for t in tgt_names if t.entity):
                missing.append(n)  # named fewer times in the target than in the source
            elif not _spelled_in(n, tgt_words, skip):
                missing.append(n)
        elif not _counterpart(n, tgt_names, tgt_words, skip):
            missing.append(n)
    surplus: list[Name] = []
    for t in sorted(tgt_names, key=lambda n: (not n.strong, -n.start)):  # a left-over id: its surest, last mention
        if t.entity:
            if tgt_ids[t.entity] > 0 and not _spelled_in(t, src_words, skip):
                surplus.append(t)
                tgt_ids[t.entity] -= 1
        elif not _counterpart(t, src_names, src_words, skip):
            surplus.append(t)
    out: list[Finding] = []
    used: set[int] = set()
    for s in sorted(missing, key=lambda n: not n.strong):
        t = _substitute(s, surplus, used)
        if t is not None:
            used.add(id(t))
            out.append(_substitution(ctx, s, t))
        elif s.strong and s.cls in ("person", "place", "org") and not _qualifies_title(ctx.src.text, s.start, ctx.src_lex):
            out.append(_omission(ctx, s))
    return out


def _substitute(s: Name, surplus: list[Name], used: set[int]) -> Name | None:
    """The target name that most plausibly replaced the source name `s`."""
    def fits(t: Name) -> int:
        if id(t) in used:
            return 0
        if not s.strong and not t.strong:
            return 0  # two guesses do not make a finding
        if s.cls == t.cls and s.cls != "name":
            return 3
        if s.cls in ("place", "org") and t.cls in ("place", "org"):
            return 2
        if s.cls == "name" or t.cls == "name":
            if not (t.strong or s.strong and t.cls != "name"):
                return 1 if s.cls == "person" and t.cls == "name" else 0
            return 1
        return 0
    ranked = sorted(surplus, key=lambda t: (-fits(t), not t.strong, -t.start))
    return ranked[0] if ranked and fits(ranked[0]) else None


def _substitution(ctx: PairContext, s: Name, t: Name) -> Finding:
    ev_src, ev_tgt = ctx.span("src", s.start, s.end), ctx.span("tgt", t.start, t.end)
    lang = language_name(ctx.tgt_lang)
    person = s.cls == "person" or (s.cls == "name" and t.cls == "person")
    sure = s.strong and t.strong
    if person:
        return Finding(
            type="attribution", severity=Severity.CRITICAL, src=[ev_src.segment], tgt=[ev_tgt.segment],
            message=f"The {lang} text gives to {t.text} what the source says of {s.text}.",
            signal="names", confidence=0.7 if sure else 0.55, evidence=[ev_src, ev_tgt],
        )
    label = lambda n: f" ({entity_label(n.entity)})" if n.entity else ""  # noqa: E731
    return Finding(
        type="entity", severity=Severity.CRITICAL, src=[ev_src.segment], tgt=[ev_tgt.segment],
        message=f"The {lang} text says '{t.text}'{label(t)} where the source says '{s.text}'{label(s)}.",
        signal="names", confidence=0.85 if s.entity and t.entity else 0.6, evidence=[ev_src, ev_tgt],
    )


def _qualifies_title(text: str, start: int, lex: Lexicon) -> bool:
    """'Hàn Quốc' in 'nhà lãnh đạo Hàn Quốc' ("der Staatschef"): the name only qualifies a title or
    honorific, and a translation may fold it into the title; not an omission of its own."""
    before = text[:start].rstrip().lower()
    words = [w for ws in lex.titles.values() for w in ws] + lex.honorifics
    return any(before.endswith(w.lower()) for w in words)


def _omission(ctx: PairContext, s: Name) -> Finding:
    ev = ctx.span("src", s.start, s.end)
    return Finding(
        type="omission", severity=Severity.MAJOR, src=[ev.segment], tgt=list(ctx.bead.tgt),
        message=f"The source names {s.text} ({s.cls}); the {language_name(ctx.tgt_lang)} text does not.",
        signal="names", confidence=0.5, evidence=[ev],
    )
