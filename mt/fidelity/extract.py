"""What the checks read off one segment: entity mentions, people, title bindings, dates, numbers.

Everything here is driven by the lexicon (configs/lexicon, CLDR); nothing names a document.
"""
from __future__ import annotations

import difflib
import functools
import unicodedata
from dataclasses import dataclass, field

import regex

from ..lexicon import Lexicon, entity_class, find_names, lexicon, word_re

_CAP_TOKEN = r"\p{Lu}[\p{L}\p{M}'’.-]*"
_NUM = regex.compile(r"(?<![\p{L}\p{N}])\p{N}+(?:[.,]\p{N}+)*")
_NAME_RUN = regex.compile(rf"\s*((?:{_CAP_TOKEN})(?:\s+{_CAP_TOKEN})*)")
_CAP_WORD = regex.compile(r"(?<![\p{L}])\p{Lu}[\p{L}\p{M}]+")
_CAP_RUN = regex.compile(rf"(?<=\S\s+)({_CAP_TOKEN}(?:\s+{_CAP_TOKEN})+)")


@dataclass
class Mention:
    entity: str
    cls: str
    start: int
    end: int
    text: str
    prefix: bool = False  # found as a word prefix (a demonym: "südkoreanisch")


@dataclass
class Binding:
    office: str  # office id from the lexicon's [titles]
    qualifier: str | None  # entity id of the country/organisation, if stated
    person: str  # the name as written
    start: int
    end: int


@dataclass
class Facts:
    text: str
    mentions: list[Mention] = field(default_factory=list)
    people: list[Mention] = field(default_factory=list)
    bindings: list[Binding] = field(default_factory=list)
    dates: list[tuple] = field(default_factory=list)  # ("d", day, month) / ("m", month) / ("y", year), with span
    numbers: list[tuple[float, int, int, str]] = field(default_factory=list)  # value, start, end, text
    number_words: list[float] = field(default_factory=list)


@functools.lru_cache(maxsize=1)
def _romanisation() -> tuple[tuple[str, str], ...]:
    from ..lexicon import _pack_file

    return tuple((a, b) for a, b in _pack_file("mul", "names.toml").get("romanisation", {}).get("pairs", []))


@functools.lru_cache(maxsize=65536)
def fold_name(name: str) -> str:
    """A spelling-tolerant key for a name token: Selenskyj ~ Zelensky, Peskow ~ Peskov, Wolodymyr ~ Volodymyr."""
    s = unicodedata.normalize("NFKD", name.lower().replace("đ", "d"))
    s = "".join(c for c in s if not unicodedata.combining(c) and c.isalpha())
    for a, b in _romanisation():  # configs/lang/mul/names.toml [romanisation]
        s = s.replace(a, b)
    s = regex.sub(r"(.)\1+", r"\1", s)
    return s.rstrip("y") if len(s) > 4 else s


def same_name_token(a: str, b: str) -> bool:
    fa, fb = fold_name(a), fold_name(b)
    if len(fa) < 3 or len(fb) < 3:
        return fa == fb and bool(fa)
    return fa == fb or difflib.SequenceMatcher(None, fa, fb).ratio() >= 0.8


def same_person(a: str, b: str) -> bool:
    ta = [t for t in a.split() if len(t) >= 2]
    tb = [t for t in b.split() if len(t) >= 2]
    return any(same_name_token(x, y) for x in ta for y in tb)


def _entity_mentions(text: str, lex: Lexicon) -> list[Mention]:
    taken = [False] * (len(text) + 1)
    out = []
    # names as written: one dictionary look-up per word n-gram (configs/lang packs, lexicon, CLDR)
    for s, e, ent in find_names(text, lex):
        for k in range(s, e):
            taken[k] = True
        out.append(Mention(ent, entity_class(ent), s, e, text[s:e]))
    lower = text.lower()
    for name in lex.names:
        prefix = name.pattern.flags & regex.IGNORECASE != 0
        if lex.index and not prefix:
            continue  # already in the index
        if name.key not in lower:  # cheap test first: most names are not in most sentences
            continue
        for m in name.pattern.finditer(text):
            if any(taken[m.start():m.end()]):
                continue
            for k in range(m.start(), m.end()):
                taken[k] = True
            out.append(Mention(name.entity, name.cls, m.start(), m.end(), m.group(0), prefix))
    return sorted(out, key=lambda x: x.start)


@functools.lru_cache(maxsize=None)
def _title_regex(lang: str) -> regex.Pattern:
    lex = lexicon(lang)
    words = sorted({w for ws in lex.titles.values() for w in ws}, key=len, reverse=True)
    alt = "|".join(regex.escape(w) for w in words)
    # a title may be the head of a compound: "NATO-Generalsekretär", "Bundesverteidigungsminister"
    return regex.compile(rf"(?<![\p{{L}}])(?P<pre>[\p{{L}}]+-)?(?P<join>[\p{{Lu}}][\p{{Ll}}]+?)?(?P<title>{alt})(?![\p{{L}}])", regex.IGNORECASE)


def _office_of(word: str, lex: Lexicon) -> str | None:
    best = None
    for office, ws in lex.titles.items():
        for w in ws:
            if word.lower() == w.lower() and (best is None or len(w) > best[1]):
                best = (office, len(w))
    return best[0] if best else None


def _name_after(text: str, pos: int, known: list[str], mentions: list[Mention]) -> tuple[str, int, int] | None:
    """The person name starting at `pos` (after a title, qualifier or honorific)."""
    m = _NAME_RUN.match(text, pos)
    if not m:
        return None
    start = m.start(1)
    if any(mt.start <= start < mt.end and mt.cls != "person" for mt in mentions):
        return None
    tokens = m.group(1).split()
    if known:
        # German capitalises every noun: the name ends at its last token that belongs to a
        # known name ("Yoon Seok Yeol" → all three; "Rutte Maßnahmen" → "Rutte").
        hits = [k for k, t in enumerate(tokens) if any(same_name_token(t, n) for n in known)]
        tokens = tokens[: hits[-1] + 1] if hits and hits[0] == 0 else tokens[:1]
    name = " ".join(tokens).rstrip(".,;:")
    return name, start, start + len(name)


def extract(text: str, lex: Lexicon, known_people: list[str] | None = None, lang_capitalises_nouns: bool = False) -> Facts:
    facts = Facts(text=text)
    facts.mentions = _entity_mentions(text, lex)
    known = [t for name in (known_people or []) for t in name.split()]
    # title bindings
    for m in _title_regex(lex.lang).finditer(text):
        join = m.group("join") or ""
        office = _office_of(join + m.group("title"), lex)  # "Premier"+"minister" is one title
        if office is not None:
            join = ""
        else:
            office = _office_of(m.group("title"), lex)
        if office is None:
            continue
        qualifier = None
        pre = (m.group("pre") or "").rstrip("-") + join
        if pre:
            for mt in _entity_mentions(pre, lex) or []:
                qualifier = mt.entity
            if qualifier is None and join:
                continue  # "Kampfpräsident": not a title we know
        before = [mt for mt in facts.mentions if mt.end <= m.start() and m.start() - mt.end <= 2]
        if qualifier is None and before:
            qualifier = before[-1].entity
        pos = m.end()
        # the office's country or organisation right after the title, maybe joined by a word the
        # pack lists ("Präsidentin der EU-Kommission", "President of the European Commission")
        after = [mt for mt in facts.mentions if mt.start >= pos and mt.cls in ("place", "org")
                 and (mt.start - pos <= 1 or text[pos:mt.start].strip().lower() in lex.connectors)]
        if qualifier is None and after:
            qualifier, pos = after[0].entity, after[0].end
        named = _name_after(text, pos, known if lang_capitalises_nouns else [], facts.mentions)
        if named:
            facts.bindings.append(Binding(office, qualifier, named[0], m.start(), named[2]))
    # people: names after titles and honorifics, lexicon people, and known names anywhere
    for b in facts.bindings:
        facts.people.append(Mention("person?", "person", b.end - len(b.person), b.end, b.person))
    for h in lex.honorifics:
        for m in word_re(h).finditer(text):
            pos = m.end()
            after = [mt for mt in facts.mentions if mt.start >= pos and mt.start - pos <= 1 and mt.cls == "place"]
            if after:
                pos = after[0].end
            named = _name_after(text, pos, known if lang_capitalises_nouns else [], facts.mentions)
            if named and not any(p.start <= named[1] < p.end for p in facts.people):
                facts.people.append(Mention("person?", "person", named[1], named[2], named[0]))
    for mt in facts.mentions:
        if mt.cls == "person":
            facts.people.append(mt)
    for k in known:
        if len(k) < 3:
            continue
        for m in _CAP_WORD.finditer(text):
            if same_name_token(m.group(0), k) and not any(p.start <= m.start() < p.end for p in facts.people) \
                    and not any(mt.start <= m.start() < mt.end for mt in facts.mentions):
                facts.people.append(Mention("person?", "person", m.start(), m.end(), m.group(0)))
    if not lang_capitalises_nouns and not lex.caps.get("tagger"):
        # Languages that capitalise only names: a run of two or more capitalised words is a name
        # (where a tagger reads names, as for Vietnamese, mt.fidelity.names uses its tags instead).
        for m in _CAP_RUN.finditer(text):
            s, e = m.span(1)
            if any(p.start < e and s < p.end for p in facts.people) or any(mt.start < e and s < mt.end for mt in facts.mentions):
                continue
            if _title_regex(lex.lang).search(m.group(1)):
                continue
            # "name?": a capitalised run, maybe a person, maybe an institution ("La Toussaint")
            facts.people.append(Mention("name?", "person", s, e, m.group(1)))
    facts.people.sort(key=lambda p: p.start)
    _dates_and_numbers(facts, lex)
    return facts


@functools.lru_cache(maxsize=None)
def _date_patterns(lang: str) -> list[regex.Pattern]:
    lex = lexicon(lang)
    rng = "|".join(regex.escape(w) for w in lex.range_words) or "(?!)"
    months = _month_alt(lex)
    patterns = [
        # 8 đến 11/10, 1/7/2024, 29/10
        rf"(?<![\p{{N}}/])(?P<d1>\d{{1,2}})(?:\s*(?:{rng})\s*(?P<d2>\d{{1,2}}))?/(?P<mo>\d{{1,2}})(?:/(?P<y>\d{{4}}))?(?![\p{{N}}/])",
        # 29. Oktober 2024, vom 8. bis 11. November
        rf"(?P<d1>\d{{1,2}})\.\s*(?:(?:{rng})\s*(?P<d2>\d{{1,2}})\.\s*)?(?P<mname>{months})(?:\s+(?P<y>\d{{4}}))?",
        # tháng 8/2020, August 2021
        rf"(?:tháng\s+(?P<mo>\d{{1,2}})|(?P<mname>{months}))(?:\s*/\s*|\s+(?:năm\s+)?)(?P<y>\d{{4}})",
        r"(?<!\p{N}|\p{N}[.,])(?P<y>(?:19|20)\d{2})(?!\p{N}|[.,]\p{N})",
    ]
    return [regex.compile(p, regex.IGNORECASE) for p in patterns]


@functools.lru_cache(maxsize=None)
def _scale_regex(lang: str) -> regex.Pattern:
    alt = "|".join(regex.escape(w) for w in sorted(lexicon(lang).scale, key=len, reverse=True)) or "(?!)"
    return regex.compile(rf"\s*({alt})(?![\p{{L}}])")


def _month_alt(lex: Lexicon) -> str:
    return "|".join(regex.escape(m) for m in sorted(lex.months, key=len, reverse=True)) or "(?!)"


def _dates_and_numbers(facts: Facts, lex: Lexicon) -> None:
    text = facts.text
    used: list[tuple[int, int]] = []
    patterns = _date_patterns(lex.lang)
    for pat in patterns:
        for m in pat.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in used):
                continue
            gd = m.groupdict()
            month = int(gd["mo"]) if gd.get("mo") else lex.months.get(gd["mname"].lower()) if gd.get("mname") else None
            if month is not None and not 1 <= month <= 12:
                continue
            used.append(m.span())
            span = (m.start(), m.end(), m.group(0))
            for d in (gd.get("d1"), gd.get("d2")):
                if d and month:
                    facts.dates.append((("d", int(d), month), *span))
            if month:
                facts.dates.append((("m", month), *span))
            if gd.get("y"):
                facts.dates.append((("y", int(gd["y"])), *span))
    scale_re = _scale_regex(lex.lang)
    for m in _NUM.finditer(text):
        if any(s <= m.start() < e for s, e in used):
            continue
        value = parse_number(m.group(0), lex)
        if value is None:
            continue
        end = m.end()
        sm = scale_re.match(text, end)
        if sm:
            value *= lex.scale[sm.group(1)]
            end = sm.end()
        facts.numbers.append((value, m.start(), end, text[m.start():end]))
    for w, v in lex.number_words.items():
        for _ in word_re(w, ignorecase=True).finditer(text):
            facts.number_words.append(v)


def parse_number(token: str, lex: Lexicon) -> float | None:
    """'12.000' → 12000, '3,5' → 3.5 (the locale's CLDR symbols), '3000' → 3000."""
    t = token
    g, d = lex.group, lex.decimal
    if g and regex.fullmatch(rf"\d{{1,3}}(?:{regex.escape(g)}\d{{3}})+", t):
        t = t.replace(g, "")
    elif d and d in t:
        t = t.replace(g, "") if g and g != d else t
        t = t.replace(d, ".")
    try:
        return float(t)
    except ValueError:
        return None
