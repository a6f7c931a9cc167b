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

import difflib
import functools
import unicodedata
from collections import Counter
from dataclasses import dataclass

import regex

from ..lexicon import Lexicon, entity_class, find_names, local_given_names, native_given_names, pack_languages, stands_for, surfaces_of, unmarked
from ..types import Finding, Severity
from .context import PairContext, entity_label, language_name
from .extract import Facts, body_head_at, fold_name, same_name_token, same_person, sino_readable, sino_vietnamese

_TOKEN = regex.compile(r"\p{L}[\p{L}\p{M}]*(?:-\p{L}[\p{L}\p{M}]*)*")  # apostrophes split: l'|Allemagne, Mary|'s


@dataclass
class Name:
    text: str
    start: int
    end: int
    cls: str  # person, place, org, name (class unknown)
    entity: str | None = None
    strong: bool = True
    repeat: bool = False  # the target names it too, only fewer times
    plain: bool = False  # every word an ordinary listed word ("Presidential Board"): maybe a translated phrase
    kept: bool = True  # a translation keeps it as written (Latin script); a Vietnamese term may be translated
    kind: str | None = None  # the kind of body an organisation's head word names (names.toml [org_kinds])


def _equivalent(a: str, b: str) -> bool:
    sf = stands_for()
    if a == b or sf.get(a) == b or sf.get(b) == a or (sf.get(a) is not None and sf.get(a) == sf.get(b)):
        return True
    # a subdivision and its own country ("England" / "Royaume-Uni"); two subdivisions are not alike
    return any(x.startswith("subdivision:") and y == _country_of(x) for x, y in ((a, b), (b, a)))


def _country_of(subdivision: str) -> str:
    """The country id of a subdivision id ("subdivision:US-CA" -> "country:US")."""
    return "country:" + subdivision.split(":")[1].split("-")[0]


_OPENERS = "\"'“”„«»‹›‚‘’([{ \t\n-–—*•"


def _at_sentence_start(text: str, pos: int) -> bool:
    """True where the word at `pos` starts a sentence (after opening quotes, brackets, dashes)."""
    before = text[:pos].rstrip(_OPENERS)
    return not before or before[-1] in ".!?…:;"


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
        # parts of the day ("gestern Nachmittag", "Sáng nay"): one word, written out
        out.update(v[:1].upper() + v[1:] for ctx in loc.day_periods.values() for width in ctx.values()
                   for v in width.values() if v.isalpha() and len(v) >= 3 and " " not in v)
    except (UnknownLocaleError, ValueError):
        pass
    lex = lexicon(lang)
    for ws in lex.titles.values():
        for w in ws:
            out.update(t[:1].upper() + t[1:] for t in w.split())
    out.update(h[:1].upper() + h[1:] for h in lex.honorifics)
    out.update(lex.caps.get("not_names", []))
    return frozenset(out)


@functools.lru_cache(maxsize=None)
def _own_surfaces(lang: str) -> frozenset[str]:
    """Place names the language's own pack gives (CLDR, ISO 3166, its hand-written names), as against
    the shared GeoNames names, among which ordinary words hide ("Löwen", "Mitte")."""
    from ..lexicon import _pack_file

    out: set[str] = set()
    for fname, sections in (("places.toml", ("countries", "regions", "subdivisions", "tz_cities")),
                            ("names.toml", ("countries", "places", "regions"))):
        data = _pack_file(lang, fname)
        for sec in sections:
            for v in data.get(sec, {}).values():
                out.update(v if isinstance(v, list) else [v])
    return frozenset(out)


def _ordinary_opening(word: str, lex: Lexicon) -> bool:
    """Whether a word opening a sentence may be an ordinary word there (so a name it spells is
    unsure): listed in the word list; for Vietnamese, made of native syllables; unknown: yes."""
    if _dictionary(lex.lang) is not None:
        return _known_word(word, lex.lang)
    native = lex.caps.get("native_syllable")
    if native and word.isascii():
        return all(regex.fullmatch(native, w) for w in word.split())
    return True


@functools.lru_cache(maxsize=None)
def _place_stems(lang: str) -> dict[str, str]:
    """One-word place names of the pack (five letters at least) -> entity id, for derived words."""
    from ..lexicon import lexicon

    return {surface: ent for surface, ent in lexicon(lang).index.items()
            if ent and " " not in surface and len(surface) >= 5 and surface[:1].isupper()
            and entity_class(ent) == "place" and not ent.startswith("region:")}


def _derived_places(text: str, lex: Lexicon, found: list[Name]) -> list[Name]:
    """Words made from a place's name ([capitalisation] place_derivations: "Berliner", "Londoner",
    "Pariser"): weak mentions of that place, which only a place of their own class replaces."""
    endings = tuple(lex.caps.get("place_derivations", []))
    adjective_endings = tuple(lex.caps.get("country_adjective_endings", []))
    if not endings and not adjective_endings:
        return []
    stems = _place_stems(lex.lang)
    countries = _country_stems(lex.lang, joined=False) if adjective_endings else {}
    out = []
    for t in _TOKEN.finditer(text):
        w = t.group(0)
        lower = w.islower()
        if (not w.endswith(adjective_endings) if lower else not endings) or _overlaps(found, t.start(), t.end()):
            continue
        if lower:
            # an adjective made from a country's name ("argentinischen", "brasilianische"): the first letters of one
            # country's name, as _adjective_of reads them ("chinesisch" is China's, "indisch" India's)
            fw = fold_name(w)
            # (five letters at least: "isla" of Island opens "islamisch")
            hit = next((countries[fw[:k]] for k in (6, 5) if len(fw) >= k + 2 and fw[:k] in countries), None)
            if hit and len(hit) == 1:
                out.append(Name(w, t.start(), t.end(), "place", next(iter(hit)), strong=False))
            continue
        if not w[:1].isupper():
            continue
        for e in endings:
            ent = stems.get(w[:-len(e)]) if w.endswith(e) and len(w) > len(e) + 4 else None
            if ent:
                out.append(Name(w, t.start(), t.end(), "place", ent, strong=False))
                break
    return out


def _noun_position(text: str, pos: int, lex: Lexicon) -> bool:
    """After an article or a lower-case adjective: where a German noun stands, not a name."""
    prev = regex.search(r"(\p{L}+)\s+$", text[max(0, pos - 40):pos])
    if not prev:
        return False
    w = prev.group(1)
    endings = tuple(lex.caps.get("adjective_endings", [])) or ("\0",)
    determiners = {d.lower() for d in lex.caps.get("determiners", [])}
    if w.lower() in determiners:
        return True
    if not (w.islower() and w.endswith(endings)):
        return False
    # an adjective ending is not enough ("hatte Athen": a verb): the word before it is an article,
    # or the ending is one verbs do not have ("politischem")
    prev2 = regex.search(r"(\p{L}+)\s+$", text[max(0, pos - 80):pos - len(prev.group(0))])
    return w.endswith(("em", "es")) and len(w) > 3 or bool(prev2) and prev2.group(1).lower() in determiners


def _in_capitalised_run(text: str, s: int, e: int) -> bool:
    before = regex.search(r"(\p{Lu}\p{L}*) $", text[max(0, s - 40):s])
    after = regex.match(r" (\p{Lu}\p{L}*)", text[e:e + 40])
    return bool(before and not _at_sentence_start(text, s - len(before.group(0))) and after)


@functools.lru_cache(maxsize=1)
def _currency_codes() -> frozenset[str]:
    """ISO 4217 codes of the currencies CLDR names (USD, EUR, VND), from Babel."""
    try:
        from babel import Locale
        return frozenset(Locale.parse("en").currencies)
    except Exception:  # no CLDR data: no codes
        return frozenset()


@functools.lru_cache(maxsize=None)
def _cldr_currency_names(lang: str) -> tuple[str, ...]:
    """CLDR's name of every currency, singular and plural, as written, from Babel (none without a locale)."""
    try:
        from babel import Locale
        from babel.numbers import get_currency_name
        loc = Locale.parse(lang)
    except Exception:  # no CLDR locale: no currency names
        return ()
    return tuple(get_currency_name(code, count=count, locale=lang) for code in loc.currencies for count in (1, 2))


@functools.lru_cache(maxsize=None)
def _currency_names(lang: str) -> tuple[str, ...]:
    """CLDR's names of the currencies in use, singular and plural, lower case ("us dollars", "dollars
    australiens"), from Babel; historic ones (with years) left out."""
    return tuple(sorted({name.lower() for name in _cldr_currency_names(lang) if (" " in name or "-" in name) and "(" not in name}))


def _given_alone(n: Name, text: str, lex: Lexicon) -> bool:
    """A given name of the language standing as a name of its own: opening its sentence ("Hùng đang ngủ."), or
    in Latin letters after a lower-case word ("tên là Lan"); not a syllable of a longer name ("Nhà Trắng",
    "Thứ Hai") nor a Vietnamese word after one ("phía Đông")."""
    if not _native_given(n.text, lex.lang):
        return False
    if _at_sentence_start(text, n.start):
        return True
    before = regex.search(r"(\p{L}+)\P{L}*$", text[:n.start])
    if not before:
        return False
    prev = before.group(1)
    address, heads = _given_name_context(lex.lang)
    if prev.lower() in address:
        return True  # "Chị Lan", "anh Minh": a kinship word of address before a given name
    # after a word that makes a place or a people of what follows ("miền Nam", "phía Đông") it is no name
    return prev[:1].islower() and prev.lower() not in heads


@functools.lru_cache(maxsize=None)
def _given_name_context(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """The pack's words of address before a given name, and the words after which one is no name."""
    from ..lexicon import lexicon

    caps = lexicon(lang).caps
    return (frozenset(w.lower() for w in caps.get("address_terms", [])),
            frozenset(w.lower() for k in ("place_heads", "demonym_heads", "not_after") for w in caps.get(k, [])))


def _native_given(name: str, lang: str) -> bool:
    """One word that is a common given name of the language's own countries ("Minh", "Hùng")."""
    return " " not in name and name[:1].isupper() and unmarked(name) in native_given_names(lang)


@functools.lru_cache(maxsize=None)
def _currency_units(lang: str) -> frozenset[str]:
    """The last word of CLDR's currency names, lower case ("dong" of "Vietnamesischer Dong", "yen", "euro"):
    a word a translation may name a currency by, never a person."""
    return frozenset(name.split()[-1].lower() for name in _cldr_currency_names(lang))


@functools.lru_cache(maxsize=None)
def _currency_names_by_word(lang: str) -> dict[str, tuple[str, ...]]:
    """Each word of a currency's name -> the names that hold it: a place is looked up, not every name scanned."""
    out: dict[str, list[str]] = {}
    for name in _currency_names(lang):
        # (and each part of a hyphenated word: "us" of "us-dollar")
        for w in set(name.split()) | {p for w in name.split() if "-" in w for p in w.split("-") if p}:
            out.setdefault(w, []).append(name)
    return {w: tuple(v) for w, v in out.items()}


def _in_currency(text: str, start: int, end: int, lang: str) -> bool:
    """Whether the place named at text[start:end] is part of a currency's name ("20 million US dollars",
    "dollars US", "Hong Kong dollars"): a currency, not the place, so only a loose mention."""
    word = text[start:end].lower()
    if not word.split():
        return False
    low = text.lower()
    for name in _currency_names_by_word(lang).get(word.split()[0], ()):
        at = name.find(word)
        while at >= 0:
            s0 = start - at
            if s0 >= 0 and low[s0:s0 + len(name)] == name:
                return True
            at = name.find(word, at + 1)
    return False


def _after_word(text: str, pos: int, words: list[str]) -> bool:
    before = text[:pos].rstrip().lower()
    return any(before.endswith(w) and (len(before) == len(w) or not before[-len(w) - 1].isalpha()) for w in words)


@functools.lru_cache(maxsize=None)
def _title_words(lang: str) -> frozenset[str]:
    """Words of titles and honorifics: not evidence that a name is there ("Präsident")."""
    from ..lexicon import lexicon

    lex = lexicon(lang)
    out = {t[:1].upper() + t[1:] for ws in lex.titles.values() for w in ws for t in w.split()}
    out.update(h[:1].upper() + h[1:] for h in lex.honorifics)
    return frozenset(out)


def _overlaps(names: list[Name], s: int, e: int) -> bool:
    return any(n.start < e and s < n.end for n in names)


def find(facts: Facts, lex: Lexicon) -> list[Name]:
    """The names of one side of a pair, with their class and how sure we are of each."""
    text = facts.text
    out: list[Name] = []
    bound = [(b.end - len(b.person), b.end) for b in facts.bindings]
    for m in facts.mentions:
        if m.cls == "place" and _local_place(m.entity):
            if any(s <= m.start and m.end <= e for s, e in bound):
                continue  # a town's name inside the name of a person named after a title: "Người phát ngôn … Hà Vĩnh Khang"
            if " " not in m.text and any(p.start == m.end + 1 and text[m.end] == " " for p in facts.people):
                continue  # a town's name right before a person's name is the first name: "Wladimir Putin"
        if lex.caps.get("tagger") and " " not in m.text and _in_vietnamese_name(text, m.start, m.end, lex.lang):
            continue  # "Vũ Đức Tài": a middle name, not Germany (the person is found below)
        if m.cls == "org" and m.start >= 2 and text[m.start - 1] == "-" and text[m.start - 2].isalpha():
            continue  # the head of a compound names another body: "DFB-Bundestag" (the DFB's assembly)
        if m.text in lex.first_names and not m.entity.startswith("country:") and regex.match(r"\s+\p{Lu}", text[m.end:]):
            continue  # "Nancy Pelosi", "Regina King": a first name before a surname (found below as a person); "in Geneva" stays a city
        if lex.caps.get("nouns") and m.entity.startswith("city:") and " " not in m.text \
                and m.text not in _own_surfaces(lex.lang) and regex.match(r" \p{Lu}\p{Ll}", text[m.end:m.end + 3]):
            nxt = regex.match(r" (\p{Lu}[\p{L}\p{M}]+)", text[m.end:])
            # (every German noun is capitalised: the next word must be no listed word either, "in Boston Geschäfte")
            if nxt and not find_names(nxt.group(1), lex) and not _ordinary(nxt.group(1), lex.lang) \
                    and (m.text in lex.first_names or not _ordinary(m.text, lex.lang)):
                continue  # "Karolina Kruschwitz": a town's name in any language before an unlisted word opens a person's name
        before = regex.search(r"(\p{Lu}[\p{L}\p{M}]+) $", text[max(0, m.start - 30):m.start])
        if before and before.group(1) in lex.first_names and " " not in m.text and m.cls == "place" \
                and not m.entity.startswith(("country:", "region:")):
            continue  # "Travis Lyons", "Serena Williams": a town's name as a surname after a first name
        # a demonym ("südkoreanisch") names a country only loosely; one word opening a sentence may
        # be an ordinary word that is also a place ("Sans compter…")
        initial = _at_sentence_start(text, m.start) and " " not in m.text and _ordinary_opening(m.text, lex)
        if lex.caps.get("nouns") and " " not in m.text and m.cls == "place" and not m.prefix and not m.text.isupper() \
                and not m.entity.startswith(("country:", "region:")) and _noun_position(text, m.start, lex) \
                and not (m.entity.startswith("city:") and (m.text in _own_surfaces(lex.lang) or m.text[:-1] in _own_surfaces(lex.lang))):
            continue  # German: a one-word place after an article or adjective is a noun ("den Löwen", "politische Mitte")
        # "Médecins Sans Frontières": a one-word place between capitalised words is part of another name
        inside = " " not in m.text and not lex.caps.get("nouns") and _in_capitalised_run(text, m.start, m.end)
        # a name that opens a compound qualifies it ("US-Dollar", "EU-Ausland"): like a demonym
        inside = inside or bool(regex.match(r"-\p{L}", text[m.end:m.end + 2]))
        weak = m.prefix or inside or initial and (not m.entity.startswith("country:") or lex.caps.get("tagger")) \
            or _after_word(text, m.start, lex.caps.get("demonym_heads", [])) \
            or _in_currency(text, m.start, m.end, lex.lang)  # "Anh …" (he), "người Anh" (the English); "US dollars"
        out.append(Name(m.text, m.start, m.end, m.cls, m.entity, strong=not weak))
    for p in facts.people:
        if not _overlaps(out, p.start, p.end):
            ent = p.entity if p.entity not in ("person?", "name?") else None
            cls = "person" if p.entity != "name?" or any(w in lex.first_names for w in p.text.split()) else "name"
            out.append(Name(p.text, p.start, p.end, cls, ent, strong=True))
    if lex.caps.get("tagger") == "pyvi":
        out.extend(p for n in _vi_names(text, lex) for p in _outside(n, out, text, lex))
    elif lex.caps.get("nouns") and _dictionary(lex.lang) is not None:
        out.extend(p for n in _noun_language_names(text, lex) for p in _outside(n, out, text, lex))
    else:
        out.extend(n for n in _caps_names(text, lex) if not _overlaps(out, n.start, n.end))
    out = [n for n in out if sum(c.isalpha() for c in n.text) >= 2 or n.entity and n.entity.startswith("country:")]
    out = [n for n in out if n.entity or n.text not in _currency_codes()]  # "25 triệu USD": a currency, no body
    # "in Dong umtauschen", "in Yen": the last word of a currency's name, no name (unless a first name common where
    # the language is spoken: "Mark")
    out = [n for n in out if n.entity or " " in n.text or n.text.lower() not in _currency_units(lex.lang)
           or n.text in local_given_names(lex.lang)]
    out = [p for n in out for p in _split_at_first_name(n, lex)]
    out.extend(_derived_places(text, lex, out))
    out.extend(_org_names(text, lex, out))
    if lex.caps.get("tagger"):
        # a name spelled without Vietnamese letters is foreign and kept ("Kavanaugh"); one with them
        # ("Phật Giáo", "Công Nguyên") may be a translated term unless it names a person
        native = regex.compile(lex.caps.get("native_syllable") or r"(?!)")
        for n in out:
            # (a word may be Vietnamese written without its marks: "Nam", "Kim", "Long")
            n.kept = n.cls == "person" or n.entity is not None or n.text.isascii() and any(
                not native.fullmatch(w) for w in n.text.split()) or _foreign_letters(n.text, lex) \
                or n.strong and _given_alone(n, text, lex)  # "Minh", "Hùng": a tagged given name stays as written
    if _dictionary(lex.lang) is not None:
        for n in out:
            words = [t.group(0) for t in _TOKEN.finditer(n.text)]
            n.plain = n.entity is None and bool(words) and all(
                _ordinary(w, lex.lang) if lex.caps.get("nouns") else _known_word(w, lex.lang) for w in words)
    return sorted(out, key=lambda n: n.start)


def _split_at_first_name(n: Name, lex: Lexicon) -> list[Name]:
    """A run of capitalised words whose inner word is a first name is a qualifier and then a person
    ("LSU Will Wade", "Ibrox Liam Kelly", "FCG-Torwart Frederic Westergerling", "Tennis-Ass Serena"):
    two names, so that the one a translation keeps does not stand for the one it replaced."""
    words = n.text.split(" ")
    if n.entity or len(words) < 2 or words[0] in lex.first_names or words[0] in _surnames(lex.lang):
        return [n]
    cut = next((i for i in range(1, len(words)) if words[i] in lex.first_names and words[i - 1] not in lex.first_names
                and not words[i].isupper() and (i == len(words) - 1 or words[i + 1][:1].isupper())), None)
    if cut is None:
        return [n]
    head = " ".join(words[:cut])
    tail_start = n.start + len(head) + 1
    out = [Name(n.text[len(head) + 1:], tail_start, n.end, "person", None, strong=True)]
    # the qualifier stays a weak name unless it is an ordinary word of the language ("Tennis-Ass"): a
    # translation renders it in its own words as often as not ("Audi-Chef" / "Audi CEO")
    if not (_dictionary(lex.lang) is not None and all(_ordinary(w, lex.lang) if lex.caps.get("nouns") else _known_word(w, lex.lang)
                                                     for w in words[:cut])):
        out.insert(0, Name(head, n.start, n.start + len(head), n.cls if n.cls != "person" else "name", None, strong=False,
                           kept=n.kept, kind=n.kind))
    return out


def _foreign_letters(text: str, lex: Lexicon) -> bool:
    """A letter the language does not write ([capitalisation] letters: "ö" of "Klöcker" in Vietnamese):
    a foreign name, kept as written."""
    letters = lex.caps.get("letters")
    return bool(letters) and any(c.isalpha() and not c.isascii() and c not in letters for c in text.lower())


@functools.lru_cache(maxsize=None)
def _dictionary(lang: str) -> tuple[frozenset[str], frozenset[str]] | None:
    """The language's system word list ([capitalisation] wordlist): (capitalised entries, lower-case
    entries), or None where the pack names none or the file is absent (then names are found as before)."""
    from ..lexicon import lexicon, word_list

    path = lexicon(lang).caps.get("wordlist")
    return word_list(path) if path else None


def coverage(lang: str) -> list[str]:
    """What the names channel cannot read in `lang`: ["word list"] where the pack names a system word
    list (Debian wngerman, …) that cannot be read; names in no list are then found from capitals only."""
    from ..lexicon import lexicon

    return ["word list"] if lexicon(lang).caps.get("wordlist") and _dictionary(lang) is None else []


def _listed(word: str, caps: frozenset[str], lower: frozenset[str], endings: tuple[str, ...]) -> bool:
    if word in caps or word.lower() in lower:
        return True
    return any(word.endswith(e) and len(word) - len(e) >= 3 and word[:-len(e)] in caps for e in endings)


@functools.lru_cache(maxsize=1 << 16)
def _ordinary(word: str, lang: str, depth: int = 0) -> bool:
    """Whether a capitalised word is an ordinary word of the language (listed, an inflected form of a
    listed noun, or, where nouns are capitalised, a compound of listed words: "Spargeldorfs",
    "LSU-Spieler"), not a name candidate. True where no word list is known."""
    from ..lexicon import lexicon

    d = _dictionary(lang)
    if d is None:
        return True
    caps, lower = d
    lex = lexicon(lang)
    endings = tuple(lex.caps.get("inflections", []))
    if "-" in word:  # a hyphenated compound is as its head ("CBS-Partnerstation"); "Hans-Christian" is a name
        parts = [p for p in word.split("-") if p]
        head = parts[-1] if parts else ""
        if len(parts) == 2 and all(len(x) >= 3 and x[:1].isupper() and not x.isupper() and x in caps and x.lower() not in lower
                                   and len(x) <= 8 for x in parts):
            return False  # two short listed capitalised words, neither an ordinary lower-case word: "Hans-Heinrich"
        return len(head) >= 4 and head not in lex.first_names and _ordinary(head[:1].upper() + head[1:], lang, depth)
    nouns = bool(lex.caps.get("nouns"))
    # (wngerman keeps a word listed in both cases only in lower case: "zeit", "koch")
    if _listed(word, caps, lower, endings) or nouns and any(
            word.endswith(e) and len(word) - len(e) >= 3 and word[:-len(e)].lower() in lower for e in endings):
        return True
    if not nouns or depth > 1:
        return False
    for i in range(3, len(word) - 3):  # the longest listed head (four letters at least) first
        head = word[i].upper() + word[i + 1:]
        if not _listed(head, caps, lower, endings):
            continue
        pre = word[:i]
        # the first part as listed, without a linking s/n/e, or a verb stem ("Fernseh-" of "fernsehen")
        for stem in (pre, pre[:-1] if pre.endswith(("s", "n", "e")) else None, pre[:-2] if pre.endswith("en") else None):
            if stem and len(stem) >= 3 and (stem in caps or stem.lower() in lower or _ordinary(stem, lang, depth + 1)):
                return True
        if pre.lower() + "en" in lower or pre.lower() + "n" in lower:
            return True
    return False


_PLURALS = ("e", "en", "n", "er", "ern", "s")


def _proper_elsewhere(word: str, lex: Lexicon) -> bool:
    """A word the word lists of languages that capitalise only names ([capitalisation] proper_noun_lists) hold
    capitalised and never in lower case: a name ("Putin", "Obama"), which a list of a language that capitalises
    every noun holds alike with its nouns."""
    for other in lex.caps.get("proper_noun_lists", []):
        d = _dictionary(other)
        if d is not None and word in d[0] and word.lower() not in d[1]:
            return True
    return False


def _singular_only(word: str, lang: str) -> bool:
    """A capitalised entry of the word list with no plural form listed ("Erdogan", "Merkel", but not
    "Politik": "Politiken"): how the list holds names (and some mass nouns: "Humor")."""
    d = _dictionary(lang)
    if d is None or word not in d[0]:
        return False
    return not any(word + e in d[0] for e in _PLURALS[:-1])


def _compound_only(word: str, lang: str) -> bool:
    """A word the list holds neither as it stands nor inflected, only as a compound of listed words."""
    from ..lexicon import lexicon

    d = _dictionary(lang)
    return d is not None and not _listed(word, d[0], d[1], tuple(lexicon(lang).caps.get("inflections", []))) \
        and _ordinary(word, lang)


def _inverted_verb(word: str, lex: Lexicon) -> bool:
    """A listed verb with its pronoun after it ([capitalisation] clitics): French "As-tu", "Dis-moi", "Viendra-t-il"
    open questions and requests, and name no one."""
    clitics = lex.caps.get("clitics")
    if not clitics or "-" not in word:
        return False
    head, _, tail = word.lower().partition("-")
    return tail in clitics and _known_word(head, lex.lang)


def _known_word(word: str, lang: str) -> bool:
    """A word whose lower-case form is listed: an ordinary word that may open a sentence ("Chase" is
    also "chase"); True where no word list is known."""
    d = _dictionary(lang)
    return d is None or word.lower() in d[1]


def _listed_capitalised(word: str, lang: str) -> bool:
    d = _dictionary(lang)
    return d is not None and word in d[0]


_NOUN_ONLY = ("ung", "heit", "keit", "schaft", "tion", "sion", "tät", "ismus", "chen", "lein", "nis", "tum", "ment", "ling")


def _acronym_word(word: str, lang: str) -> bool:
    """Capitals only, two to six letters, and no ordinary word in capitals for emphasis ("NICHT")."""
    return word.isupper() and word.isalpha() and 2 <= len(word) <= 6 and not _known_word(word, lang)


_KOREAN_GIVEN = regex.compile(r"\p{Lu}\p{Ll}{1,4}-\p{Ll}{1,4}")


def _noun_language_names(text: str, lex: Lexicon) -> list[Name]:
    """Names where every noun is capitalised (German), read with the system word list: a run of
    capitalised words with one that is neither a listed word nor a compound of listed words
    ("Conrad Mies", "Antonina", "Ditschlerin"), trimmed to its name words; a first name of the pack;
    and, weakly, a listed noun where nouns do not stand ("sagte Keller")."""
    stop = _calendar_and_titles(lex.lang)
    determiners = {d.lower() for d in lex.caps.get("determiners", [])}
    adjective_endings = tuple(lex.caps.get("adjective_endings", [])) or ("\0",)
    toks = list(_TOKEN.finditer(text))
    out: list[Name] = []

    def kind(k: int) -> str:
        w = toks[k].group(0)
        if not w[:1].isupper() or w in stop or len(w) < 2:
            return ""
        if w in lex.first_names and not _known_word(w, lex.lang):
            return "first"  # a known first name, also where no noun of the list is spelled so ("über die Philip")
        if "-" in w and all(len(p) >= 3 and p in lex.first_names for p in w.split("-")):
            return "first"  # a double first name ("Karl-Wilhelm", "Anna-Lena")
        if not _ordinary(w, lex.lang) and not (_at_sentence_start(text, toks[k].start()) and _known_word(w, lex.lang)):
            return "name"
        if w in lex.first_names:
            return "first"
        return "noun"

    kinds = [kind(i) for i in range(len(toks))]

    def after_adjective(k: int) -> bool:
        # "die große Pyramide", "der 20-jährige …": a lower-case word with an adjective ending that
        # itself follows an article, a number or another such word; not a verb ("sagte Vadim")
        if k < 1:
            return False
        p = toks[k - 1].group(0)
        if not (p.islower() and p.endswith(adjective_endings)):
            return False
        if p.endswith(("em", "es")) and len(p) > 3:
            return True  # "alpinem Tourenskilauf": endings verbs do not have
        if k < 2 or regex.search(r"\d-?\s*$", text[:toks[k - 1].start()]):
            return True
        # (over more adjectives: "einem dreitägigen offiziellen Besuch")
        i = k - 2
        while i > 0 and toks[i].group(0) not in determiners and toks[i].group(0).islower() \
                and toks[i].group(0).endswith(adjective_endings) \
                and len(toks[i].group(0)) > 3 and text[toks[i].end():toks[i + 1].start()] in (" ", ", "):
            i -= 1
        q = toks[i].group(0)
        # ("machte es Daniel …", "später führte Gonzalo …": verbs and pronouns have these endings too)
        return q.lower() in determiners and len(p) > 3

    possessives = tuple(lex.caps.get("possessives", ())) or ("\0",)

    def after_possessive(k: int) -> bool:
        # "aus seinem neuen Roman": a possessive, then adjectives, then the word
        i = k - 1
        while i >= 0 and toks[i].group(0).islower() and toks[i].group(0).endswith(adjective_endings) \
                and not toks[i].group(0).startswith(possessives):
            i -= 1
        return i < k - 1 and i >= 0 and toks[i].group(0).lower().startswith(possessives)

    k = 0
    while k < len(toks):
        if not kinds[k]:
            k += 1
            continue
        j = k
        while j + 1 < len(toks) and kinds[j + 1] and text[toks[j].end():toks[j + 1].start()] == " ":
            j += 1
        run = list(range(k, j + 1))
        prev_run = toks[k - 1].group(0) if k else ""
        initial_run = _at_sentence_start(text, toks[k].start())
        names_at = [i for i in run if kinds[i] == "name" or kinds[i] == "first" and len(run) > 1]
        # (", die Ulla unterstützen": after a comma "die" is a relative pronoun, not an article)
        relative = k >= 1 and prev_run.lower() in ("der", "die", "das", "dem", "den") \
            and text[:toks[k - 1].start()].rstrip().endswith(",")
        if prev_run.lower() in determiners and not relative or after_adjective(k):
            # after an article a noun stands: "einer Prise Mr. Bean", "dem Braunen Langohr", "der
            # Ex-Nationalspieler Philipp Lahm": the name, if any, follows that noun
            # ... unless the run is two words, neither a listed noun ("der inkompetente Nico Etzler")
            # ... or it is an acronym, which names a body after an article too ("die GDL", "der Gewerkschaft GDL")
            acronyms = [i for i in names_at if _acronym_word(toks[i].group(0), lex.lang)]
            names_at = [i for i in names_at if i > k] if len(run) > 2 else \
                names_at if len(run) == 2 and kinds[k] in ("first", "name") and kinds[k + 1] in ("name", "first") else []
            names_at = names_at or acronyms[-1:]
        if names_at:
            a, b = names_at[0], names_at[-1]
            w = toks[a].group(0)
            if a == b and (w.lower().endswith(_NOUN_ONLY + ("ierung", "ose", "ik", "ler", "ern")) or len(w) > 14):
                names_at = []  # one long or noun-shaped unlisted word is a rare noun ("Entnuklearisierung", "Westler")
        if not names_at and j == k and kinds[k] == "first" and not (
                (prev_run.lower() in determiners and not relative or after_possessive(k)) and _listed_capitalised(toks[k].group(0), lex.lang)):
            # a first name alone ("Kennt ihr Tom gut?"); opening a sentence it is sure unless it is
            # also an ordinary lower-case word (after an article, or a possessive and adjectives, one the word list has
            # as a noun is that noun: "einen Roman", "aus seinem neuen Roman", a novel; "die kleine Anna" is Anna)
            w = toks[k].group(0)
            out.append(Name(w, toks[k].start(), toks[k].end(), "person", None,
                            strong=not initial_run or not _known_word(w, lex.lang)))
            k = j + 1
            continue
        if names_at and a > k and _KOREAN_GIVEN.fullmatch(toks[a].group(0)) and len(toks[a - 1].group(0)) <= 5:
            a -= 1  # a family name before a given name of two joined syllables is the person's: "Park Hang-seo", "Moon Jae-in"
        if names_at:
            s, e = toks[a].start(), toks[b].end()
            span = text[s:e]
            person = any(kinds[i] == "first" or toks[i].group(0) in lex.first_names for i in range(a, b + 1))
            acronym = all(toks[i].group(0).isupper() for i in range(a, b + 1))
            initial = _at_sentence_start(text, s)
            cls = "person" if person else ("org" if acronym and len(span) <= 6 else "name")
            # (an acronym opening a sentence is as sure as one inside it unless it is also a word: "LG hat …")
            out.append(Name(span, s, e, cls, None, strong=not acronym or not initial or not _known_word(span, lex.lang)))
        elif j > k and (not initial_run or j - k == 1 and all(not _known_word(toks[i].group(0), lex.lang) for i in run)
                        and any(_singular_only(toks[i].group(0), lex.lang) for i in run)) \
                and prev_run.lower() not in determiners and not after_adjective(k) \
                and not regex.search(r"\d\s*$", text[:toks[k].start()]):
            # two or more listed nouns in a row, not after an article: a name the list holds ("Michaela Gutknecht");
            # opening a sentence, two words, none an ordinary lower-case word and one listed without a plural
            s, e = toks[k].start(), toks[j].end()
            # (one that opens with a known first name names a person: "Dennis Meyer")
            cls = "person" if toks[k].group(0) in lex.first_names else "name"
            out.append(Name(text[s:e], s, e, cls, None, strong=True))
        elif j == k:
            w = toks[k].group(0)
            prev = toks[k - 1].group(0) if k else ""
            initial = _at_sentence_start(text, toks[k].start())
            # (opening a sentence only a listed word without a plural, as names are listed: "Erdogan in …")
            if (not initial or _singular_only(w, lex.lang) and prev.lower() not in determiners) \
                    and prev.lower() not in determiners and not after_adjective(k) \
                    and not w.lower().endswith(_NOUN_ONLY) and len(w) >= 3 and not _known_word(w, lex.lang) \
                    and not regex.search(r"\d\s*$", text[:toks[k].start()]):
                out.append(Name(w, toks[k].start(), toks[k].end(), "name", None,
                                strong=_proper_elsewhere(w, lex) or prev in lex.caps.get("place_prepositions", ())
                                and not _holds_country(w, lex.lang)
                                and not w.lower().startswith(tuple(lex.caps.get("region_prefixes", ())))))
        k = j + 1
    return out + _foreign_compound_heads(toks, out, lex)


def _written_as_in(text: str, lang: str) -> bool:
    """Whether `text` has a letter only `lang` writes among our languages ([capitalisation] letters: "ợ", "ẫ" of Vietnamese)."""
    from ..lexicon import lexicon

    letters = lexicon(lang).caps.get("letters", "") if lang else ""
    return bool(letters) and any(c in letters for c in text.lower())


def _foreign_compound_heads(toks: list, found: list[Name], lex: Lexicon) -> list[Name]:
    """The capitalised parts of a hyphenated compound before its last, a listed word, where one of them has a
    letter the language never writes ([capitalisation] own_letters beyond a-z): a foreign name the compound is
    made of, sure wherever it stands ("auf dem Bình-Tây-Markt", "das Chợ-Rẫy-Krankenhaus"); a place's or a
    body's, not a person's (the compound names the market, the hospital)."""
    own = lex.caps.get("own_letters")
    if own is None:
        return []
    out = []
    for tok in toks:
        parts = tok.group(0).split("-")
        lead = parts[:-1]
        if not lead or not all(p[:1].isupper() for p in lead) or not _ordinary(parts[-1], lex.lang) \
                or not any(c.isalpha() and not c.isascii() and c not in own for p in lead for c in p.lower()):
            continue
        s = tok.start()
        e = s + len("-".join(lead))
        if lex.index.get(" ".join(lead)) is not None:
            continue  # a name the packs know ("Hồ-Chí-Minh-Mausoleum"): a source may say it in other words ("Lăng Bác")
        if not _overlaps(found, s, e):
            out.append(Name(tok.string[s:e], s, e, "place", None, strong=True))  # (it names the thing: no person)
    return out


@functools.lru_cache(maxsize=None)
def _org_kinds(lang: str) -> dict[str, str]:
    """Head word (lower case) -> kind of body, from configs/lang/LANG/names.toml [org_kinds]."""
    from ..lexicon import _pack_file

    return {w.lower(): kind for kind, ws in _pack_file(lang, "names.toml").get("org_kinds", {}).items() for w in ws}


def _org_names(text: str, lex: Lexicon, found: list[Name]) -> list[Name]:
    """Organisations by their head word ([org_kinds]). Where nouns are capitalised, a compound ending
    in one ("US-Börsenaufsicht", "Heimatverein") is a weak organisation: translated, not kept, so it
    only pairs with a sure organisation of another kind. Elsewhere a run of capitalised words with
    one ("African Union", "Commission européenne") and an acronym ("FIFA") become organisations."""
    kinds = _org_kinds(lex.lang)
    if not kinds or lex.caps.get("tagger"):
        return []
    out: list[Name] = []
    if lex.caps.get("nouns"):
        ends = sorted(kinds, key=len, reverse=True)
        for t in _TOKEN.finditer(text):
            w = t.group(0)
            if not w[:1].isupper():
                continue  # (checked first: most words are not capitalised)
            low = w.lower()
            # the head word in the genitive too ("Landesverbandes"; a plural, "Vereinen", is a common noun)
            stems = [low] + [low[:-len(e)] for e in ("es", "s") if low.endswith(e) and len(low) > len(e) + 3]
            head = next((h for h in ends for x in stems if x.endswith(h) and (len(x) >= len(h) + 3 or "-" in w or x == h)), None)
            # (a weak name inside it is a qualifier: "US" of "US-Börsenaufsicht")
            if head and w[:1].isupper() and not _overlaps([f for f in found if f.strong], t.start(), t.end()):
                out.append(Name(w, t.start(), t.end(), "org", None, strong=False, kind=kinds[head]))
        return out
    for n in found:
        if n.entity or n.cls not in ("name", "org"):
            continue
        words = n.text.rstrip(".").split()
        # ("la Commission électorale": French writes a body's head word alone in capitals)
        kind = kinds.get(words[-1].lower()) or kinds.get(words[0].lower())
        if kind:
            n.cls, n.kind = "org", kind
        elif len(words) == 1 and n.text.isupper() and 2 <= len(n.text) <= 6 and not _known_word(n.text, lex.lang):
            n.cls, n.strong = "org", True
    return out


def _outside(n: Name, found: list[Name], text: str, lex: Lexicon) -> list[Name]:
    """The parts of a capitalised run that no name already found covers ("Arizona Jeff Flake" less
    the place "Arizona" is "Jeff Flake"); a part that opens with a first name is a person."""
    cuts = sorted((max(f.start, n.start), min(f.end, n.end)) for f in found if f.start < n.end and n.start < f.end)
    if not cuts:
        return [n]
    out, pos = [], n.start
    for a, b in cuts + [(n.end, n.end)]:
        piece = text[pos:a]
        lead = len(piece) - len(piece.lstrip(" ,-"))
        piece = piece.strip(" ,-")
        words = piece.split()
        # one left-over word is kept only where it looks foreign ("Anh Quốc" less "Anh" is no name)
        if words and all(w[:1].isupper() for w in words) and (len(words) > 1 or piece.isascii() and len(piece) >= 4):
            cls = "person" if words[0] in lex.first_names and len(words) > 1 else n.cls
            # a left-over beside a person's name is the rest of that name ("Recep Tayyip Immo"); beside
            # a place or body it is as often a word of a longer name ("USA Gymnastics", "Richtung Deutschland")
            beside_person = any(f.cls == "person" and f.start < n.end and n.start < f.end for f in found)
            out.append(Name(piece, pos + lead, pos + lead + len(piece), cls, None,
                            strong=n.strong and (cls == "person" or beside_person)))
        pos = max(pos, b)
    return out


def _caps_names(text: str, lex: Lexicon) -> list[Name]:
    stop = _calendar_and_titles(lex.lang)
    nouns = bool(lex.caps.get("nouns"))
    determiners = {d.lower() for d in lex.caps.get("determiners", [])}
    suffixes = tuple(lex.caps.get("noun_suffixes", []))
    adjective_endings = tuple(lex.caps.get("adjective_endings", [])) or ("\0",)
    out: list[Name] = []
    toks = list(_TOKEN.finditer(text))
    k = 0
    while k < len(toks):
        t = toks[k]
        w = t.group(0)
        if not w[:1].isupper() or w in stop or w.isupper() and len(w) <= 1 or regex.match(r"['’]t(?!\p{L})", text[t.end():]) \
                or _inverted_verb(w, lex):
            k += 1  # (a contraction opening a sentence is no name: "Aren't you hungry?", "Didn't you …")
            continue
        # a run of capitalised words separated by single spaces is one name ("Donald Trump")
        j = k
        while j + 1 < len(toks) and toks[j + 1].group(0)[:1].isupper() and toks[j + 1].group(0) not in stop \
                and text[toks[j].end():toks[j + 1].start()] == " " \
                and not (not nouns and _acronym_word(toks[j].group(0), lex.lang) and len(toks[j].group(0)) >= 3
                         and not toks[j + 1].group(0).isupper()):
            j += 1  # (an acronym ends a run before a word in lower case: "at OPEC Howie admitted" names two)
        initial = _at_sentence_start(text, t.start())
        lead_noun = nouns and j - k >= 2 and (toks[k - 1].group(0).lower() in determiners if k else False or "-" in w)
        if lead_noun:
            # German: "der Ex-Nationalspieler Philipp Lahm": the noun after the article leads the name
            k += 1
            t, w = toks[k], toks[k].group(0)
            initial = False
        elif initial and j > k and not nouns and w not in lex.first_names and _known_word(w, lex.lang):
            k += 1  # "But Rep. Shuster": the sentence's first word is not part of the name
            t, w = toks[k], toks[k].group(0)
            initial = False
        s, e = t.start(), toks[j].end()
        span = text[s:e]
        first = w in lex.first_names
        prev = toks[k - 1].group(0).lower() if k and not lead_noun else ""
        if nouns:
            # German: a capitalised word is a noun unless known; an unknown one may still be a name
            # where no noun stands (no determiner before, no noun suffix): a weak candidate only.
            known = first or any(tok in lex.first_names for tok in span.split())
            if known:
                out.append(Name(span, s, e, "person", None, strong=not initial or j > k))
            elif j > k and prev not in determiners and not (prev.islower() and prev.endswith(adjective_endings)) \
                    and not regex.search(r"\d\s*$", text[:s]):  # "2,5 Millionen Zuschauer": nouns
                # two or more capitalised words in a row, not after an article: "Anneke Herrmann"
                out.append(Name(span, s, e, "name", None, strong=not initial))
            elif j == k and not initial and prev not in determiners and not w.lower().endswith(suffixes) and len(w) >= 3 \
                    and not (prev.islower() and prev.endswith(adjective_endings)):  # "neue Ära": a noun
                out.append(Name(span, s, e, "name", None, strong=False))
        else:
            if initial and j == k:
                if not _known_word(w, lex.lang) and not w.isupper():
                    # no ordinary word opens this sentence: a name ("Meghan opens a mosque")
                    out.append(Name(span, s, e, "person" if first else "name", None, strong=True))
                elif _acronym_word(w, lex.lang) and len(w) >= 3 and _dictionary(lex.lang) is not None:
                    # an acronym no word list has opens it: a body ("OPEC celebrates …"), as anywhere else
                    out.append(Name(span, s, e, "org", None, strong=True))
                elif first:  # "Tom went home": a first name alone at a sentence start
                    out.append(Name(span, s, e, "person", None, strong=False))
            elif initial:  # a run that starts the sentence with a first name: "Donald Trump said"
                out.append(Name(span, s, e, "person", None, strong=True))
            else:
                person = first or any(x in lex.first_names for x in span.split())
                # an unknown single word ("Chambre", "CEO") may be a capitalised noun or an acronym
                # ... unless no listed word is spelled so ("against Tami"; "Jewish" is listed capitalised)
                listed = _known_word(w, lex.lang) or span.isupper() or _listed_capitalised(w, lex.lang)
                out.append(Name(span, s, e, "person" if person else "name", None,
                                strong=person or j > k and not span.isupper() or not listed))
        k = j + 1
    return out


@functools.lru_cache(maxsize=1)
def _pyvi():
    try:
        from pyvi import ViPosTagger, ViTokenizer
    except ImportError:  # pragma: no cover - pyvi is a dependency; fall back to capitalisation
        return None
    # pyvi unpickles two CRF models, and sklearn-crfsuite writes each to a temporary file it only removes when the
    # model is garbage collected, which a class attribute never is: every process would leave 4.7 MB in the temp
    # folder. crfsuite reads the file into memory when the tagger opens, so open it now and remove the file.
    for model in (ViTokenizer.ViTokenizer.model, ViPosTagger.ViPosTagger.model):
        model.tagger_
        model.modelfile.cleanup()
    return ViTokenizer, ViPosTagger


# Texts tagged ahead of need (mt.fidelity.Checker tags a long document's source segments while it is aligned).
TAGGED_AHEAD: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}


# The names and the negation checks both read a bead's Vietnamese text with the tagger: the last few
# texts are kept so that each is segmented and tagged once.
@functools.lru_cache(maxsize=8)
def pyvi_tags(text: str) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """pyvi's words (syllables joined by '_') and part-of-speech tags for `text`; None without pyvi."""
    if text in TAGGED_AHEAD:
        return TAGGED_AHEAD[text]
    tools = _pyvi()
    if tools is None:
        return None
    tok, pos = tools
    words: list[str] = []
    tags: list[str] = []
    # one sentence at a time, as pyvi was trained: tagged after another sentence, a capitalised common word
    # opening the next is read as a proper noun ("… thăm thú Goma. Giá (địa phương) …": the price)
    for sentence in _TAGGER_SENTENCE.split(text):
        if sentence.strip():
            w, t = pos.postagging(tok.tokenize(sentence))
            words.extend(w)
            tags.extend(t)
    return tuple(words), tuple(tags)


_TAGGER_SENTENCE = regex.compile(r"(?<=[.!?…][\"'”’»)\]]*)\s+(?=[\"'“‘«(\[]*\p{Lu})")


def _in_vietnamese_name(text: str, start: int, end: int, lang: str) -> bool:
    """Whether the word at text[start:end] is a middle or given name of a Vietnamese full name around it (a family
    name and two or three more capitalised syllables: "Đức" of "Vũ Đức Tài", "Nam" of "Nguyễn Nam Hải")."""
    left = regex.search(r"((?:\p{Lu}[\p{L}\p{M}]*\s)+)$", text[max(0, start - 40):start])
    right = regex.match(r"((?:\s\p{Lu}[\p{L}\p{M}]*)+)", text[end:end + 40])
    before = left.group(1).split() if left else []
    after = right.group(1).split() if right else []
    word = text[start:end]
    # (a family name opens the name, so at least one word stands before this one)
    return any(_vietnamese_full_name(" ".join(before[len(before) - a:] + [word] + after[:b]), lang)
               for a in range(1, len(before) + 1) for b in range(len(after) + 1))


def _vietnamese_full_name(name: str, lang: str) -> bool:
    """A family name and two or three more capitalised syllables ("Trần Văn Bình"; two syllables are as often a
    capitalised term: "Vũ Trụ", the universe)."""
    parts = name.split()
    return 3 <= len(parts) <= 4 and parts[0] in _surnames(lang) and all(w[:1].isupper() for w in parts)


@functools.lru_cache(maxsize=None)
def _segmenter_words() -> frozenset[str]:
    """The words of pyvi's segmenter dictionary (lower case, syllables joined by spaces): empty without it."""
    try:
        from importlib import resources

        data = resources.files("pyvi").joinpath("models", "words.txt").read_text(encoding="utf-8")
    except (ImportError, OSError):  # pragma: no cover - pyvi ships the file
        return frozenset()
    # (without marks: the dictionary writes tones in the old places, "cộng hoà", texts often "cộng hòa")
    return frozenset(unmarked(w.strip()) for w in data.splitlines() if w.strip())


@functools.lru_cache(maxsize=None)
def _segmenter_and_title_words(lang: str) -> frozenset[str]:
    """pyvi's dictionary and the pack's office titles (unmarked, lower case): "Chủ tịch" is an office, not the given
    name "Chủ" glued to "tịch" (pyvi's dictionary lacks many words its model joins)."""
    from ..lexicon import lexicon

    titles = {unmarked(w.lower()) for ws in lexicon(lang).titles.values() for w in ws if " " in w}
    return _segmenter_words() | frozenset(titles)


def _unglued(start: int, tag: str, surface: str, lex: Lexicon) -> list[tuple[int, int, str, str]]:
    """One segmenter word as (start, end, tag, surface) spans; a word the segmenter glued out of a given name and
    its neighbour is cut apart, the name a proper noun ("Lan trượt" of "Lan trượt môn toán": no word of its
    dictionary; "Anh Minh" opening a sentence: a word of address and a name, not the adjective "anh minh")."""
    parts = surface.split(" ")
    if len(parts) < 2:
        return [(start, start + len(surface), tag, surface)]
    capital = [p[:1].isupper() for p in parts]
    words = _segmenter_and_title_words(lex.lang)

    def in_word(k: int) -> bool:  # the syllable makes a word of the dictionary with a neighbour ("Dự báo" of "Dự báo nói")
        return any(unmarked(" ".join(parts[a:b])) in words for a in range(max(0, k - 2), k + 1)
                   for b in range(k + 2, min(len(parts), k + 3) + 1) if b - a >= 2 and a <= k < b)

    given = [p[:1].isupper() and _native_given(p, lex.lang) for p in parts]
    address, _ = _given_name_context(lex.lang)
    glued = any(given) and (
        # a given name beside lower-case words with which it makes no word of the dictionary
        not all(capital) and not any(in_word(k) for k in range(len(parts)) if given[k])
        # a capitalised word of address before capitalised given names
        or all(capital) and parts[0].lower() in address and all(given[1:]))
    if not glued:
        return [(start, start + len(surface), tag, surface)]
    out, pos = [], start
    for k, p in enumerate(parts):
        is_name = given[k] and not (k == 0 and all(capital) and parts[0].lower() in address)
        out.append((pos, pos + len(p), "Np" if is_name else ("Nc" if p.lower() in address else tag), p))
        pos += len(p) + 1
    return out


def _vi_names(text: str, lex: Lexicon) -> list[Name]:
    """Vietnamese names: consecutive proper-noun (Np) words of pyvi, sorted by their head word."""
    tagged = pyvi_tags(text)
    if tagged is None:
        return _caps_names(text, lex)
    words, tags = tagged
    org_heads = tuple(lex.caps.get("org_heads", []))
    not_after = set(lex.caps.get("not_after", []))
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
        spans.extend(_unglued(i, t, surface, lex))
        cursor = i + len(surface)
    def name_like(sp) -> bool:
        # a proper noun for the tagger, or capitalised where a sentence does not start (the tagger
        # misses rare foreign names: "Jeff Flake")
        # (a foreign first name opening a sentence is often tagged a verb: "Tom tới từ Úc")
        # (one opening a sentence that no Vietnamese syllable spells is foreign too: "Sanders nói", "Sims, 20 tuổi")
        return bool(sp) and sp[3][:1].isupper() and sp[2] != "F" and (sp[2] == "Np" or not _at_sentence_start(text, sp[0])
                                                                     or sp[3].isascii() and sp[3] in lex.first_names
                                                                     or foreign_opening(sp[3]))

    native_re = regex.compile(lex.caps["native_syllable"]) if lex.caps.get("native_syllable") else None

    def foreign_opening(w: str) -> bool:
        return native_re is not None and w.isascii() and w.isalpha() and len(w) >= 4 and not w.isupper() \
            and not native_re.fullmatch(w) and w not in stop

    k = 0
    while k < len(spans):
        sp = spans[k]
        if not name_like(sp):
            k += 1
            continue
        j = k
        while j + 1 < len(spans) and name_like(spans[j + 1]) and text[sp[1]:spans[j + 1][0]].strip(" ") == "" or \
                j + 1 < len(spans) and name_like(spans[j + 1]) and text[spans[j][1]:spans[j + 1][0]] == " ":
            j += 1
        s, e = sp[0], spans[j][1]
        while s > 1 and text[s - 1] == "-" and text[s - 2].isalpha():  # "Berners-Lee": the segmenter splits at hyphens
            s -= 2
            while s > 0 and text[s - 1].isalpha():
                s -= 1
        while e + 1 < len(text) and text[e] == "-" and text[e + 1].isalpha():
            e += 2
            while e < len(text) and text[e].isalpha():
                e += 1
        name = text[s:e]
        prev = spans[k - 1][3].lower() if k and spans[k - 1] else ""
        k0, k = k, j + 1
        # title words lead the run ("Thượng nghị sĩ Arizona Jeff Flake"): the name follows them
        titles = _title_words(lex.lang)
        # (and the lower-case rest of a title's word before a body: "Thẩm phán Tòa án" less "Thẩm" leaves "phán
        # Tòa án", a judge of the court; "Nghị viện Wales" is itself a body)
        # (a run opens with a capital, so a lower-case word can only be the rest of a title: "tịch" of "Chủ tịch")
        while name and (name in titles or name.split()[0] in titles or not name[:1].isupper()):
            rest = name.split(" ", 1)[1] if " " in name else ""
            s += len(name) - len(rest)
            name = rest
            prev = ""
        if not name or name in stop or name.split()[0] in stop:
            continue
        # a foreign name followed by Vietnamese words ends there ("Johnny English Tái xuất giang hồ": a title)
        words = name.split(" ")
        native = lex.caps.get("native_syllable") or r"(?!)"
        if words[0].isascii():
            viet = next((i for i, w in enumerate(words) if not w.isascii() or not w[:1].isupper()), None)
            # two foreign words at least ("Nobel Văn Học" is one term; "Kim Tự Tháp" is Vietnamese)
            if viet and viet >= 2 and any(not regex.fullmatch(native, w) for w in words[:viet]):
                name = " ".join(words[:viet])
                e = s + len(name)
                words = words[:viet]
                # proper nouns after it are read as a run of their own ("UBND TP | Hải Phòng Vũ Đức Tài"); other
                # Vietnamese words end there (a title: "Johnny English | Tái xuất giang hồ")
                rest = next((i for i in range(k0, k) if spans[i] and spans[i][0] >= e), k)
                k = rest if rest < k and spans[rest][2] == "Np" else k
        # a foreign first name inside a run starts a person's name ("Tòa án Tối cao Brett Kavanaugh")
        cut = next((i for i in range(1, len(words) - 1) if words[i].isascii() and words[i] in lex.first_names
                    and words[i + 1][:1].isupper() and words[i + 1].isascii()), None)
        if cut is not None:
            head = " ".join(words[:cut])
            tail_start = s + len(head) + 1
            out.append(Name(text[tail_start:e], tail_start, e, "person", None, strong=True))
            e, name = s + len(head), head
        else:
            # a Vietnamese full name closing a run of institution words ("Thứ trưởng Bộ Y tế Nguyễn Thị Liên
            # Hương"): the tagger keeps it one proper-noun token; it is a person, the words before are the office's
            # (the tagger may cut the full name in two: "Vũ_Đức" "Tài"; the name runs to the end of the run)
            full = next((x for x in spans[k0:k] if x and s < x[0] < e and x[2] == "Np"
                         and _vietnamese_full_name(text[x[0]:e], lex.lang)), None)
            if full is not None:
                out.append(Name(text[full[0]:e], full[0], e, "person", None, strong=True))
                e, name = s + len(text[s:full[0]].rstrip()), text[s:full[0]].rstrip()
        if prev in not_after:
            continue  # "thứ Bảy" (Saturday)
        if name.startswith(org_heads):
            out.append(Name(name, s, e, "org", None, strong=False))  # translated, not transliterated
        elif prev in place_heads or any(prev.endswith(" " + h) for h in place_heads):
            out.append(Name(name, s, e, "place", None, strong=True))
        else:
            initial = _at_sentence_start(text, s)
            # a foreign first name ("Tom", "Jeff Flake"); Vietnamese given names come last, and a
            # Vietnamese word may look like one ("Kim tự tháp": pyramid)
            # (one opening a sentence untagged may be a Vietnamese word written without marks: a weak person)
            first = name.isascii() and name.split()[0] in lex.first_names
            # at a sentence start a foreign-looking proper noun ("Sims", "Nielsen") is still a name
            foreign = name.isascii() and len(name) >= 4 and sp[2] == "Np"
            tagged = any(x and x[2] == "Np" for x in spans[k0:k])
            family = tagged and _vietnamese_full_name(name, lex.lang)
            acronym = name.isupper() and " " not in name
            # sure: the tagger's proper noun, not an acronym; a capitalised run the tagger did not
            # tag is often a translated title or institution ("Trò chơi Vương quyền"): a guess
            # one Vietnamese syllable ("Chúa", "Đông") is as often a capitalised word as a name
            # (opening a sentence, one tagged word that is a first name or a given name of the language is a name:
            # "Tom đang ngủ.", "Minh chưa bao giờ đến Đức.")
            given = first or _native_given(name, lex.lang)
            sure = tagged and not acronym and (not initial or len(name.split()) > 1 or foreign or given) \
                and (len(name.split()) > 1 or name.isascii() or given) \
                or initial and all(foreign_opening(w) for w in name.split())  # "Samsung dự kiến …": no Vietnamese word
            # (a given name after a word of address is a person's: "anh Minh", "Chị Lan")
            person = first or family or given and prev in _given_name_context(lex.lang)[0]
            out.append(Name(name, s, e, "person" if person else "name", None, strong=sure or first and not initial))
    return out


def _words(text: str, names: list[Name] | None = None, lang: str | None = None) -> list[str]:
    """Words, and the parts of hyphenated words ("Marguerite-Bourgeoys" also gives both names). Given the
    names found in `text` and its language: without an ordinary word that opens a sentence and is in no
    name ("Le ministre …" does not spell "Bruno Le Maire")."""
    out = []
    for t in _TOKEN.finditer(text):
        w = t.group(0)
        if names is not None and lang and _dictionary(lang) is not None and _at_sentence_start(text, t.start()) \
                and _known_word(w, lang) and not _overlaps(names, t.start(), t.end()):
            continue
        out.append(w)
        if "-" in w:
            out.extend(p for p in w.split("-") if p)
            out.append(w)  # the whole word again, so the word after it stays its neighbour
    # an acronym written with dots is also the acronym without them ("N.F.L" spells "NFL")
    out.extend(m.group(0).replace(".", "") for m in _DOTTED.finditer(text))
    return out


_DOTTED = regex.compile(r"(?<![\p{L}.])(?:\p{Lu}\.){1,7}\p{Lu}\.?(?![\p{L}])")


_PART_BREAK = regex.compile(r"[\s-]+")


def _name_parts(text: str) -> list[str]:
    """A name's words and the parts of its hyphenated words, without punctuation, two letters or more."""
    return [p for p in (x.strip(".,;:'’") for x in _PART_BREAK.split(text)) if len(p) >= 2]


@functools.lru_cache(maxsize=1 << 18)
def _part_spelled_by(p: str, w: str, alone: bool, first_names: frozenset[str]) -> bool:
    """Whether word w spells p, a part of a name (`alone`: its only part). Cached: a document asks
    about the same words and names again and again."""
    if (len(p) <= 3 or len(w) <= 3 and fold_name(p) != fold_name(w)) and p[:1].isupper() and w[:1].islower():
        return False  # "Le" of "Bruno Le Maire" is not spelled by the article "le", nor "Fund" by "und"
    if len(p) <= 3 and p[:1].islower():
        return fold_name(p) == fold_name(w) and w[:1].islower()  # "sik" of "Kim Sang-sik" is not "sich"
    # a name may open a compound: "Oscar" in "Oscarverleihung", "Trump" in "Trumps"
    if len(p) >= 4 and w.startswith(p):
        return True
    # a loose spelling (a letter or two apart) of a name is another name, not a word in lower case ("Shannon"
    # is not "schon", "Lena" not Vietnamese "lên"): that must spell the name's letters as they fold
    loose = not (p[:1].isupper() and w[:1].islower())
    if (same_name_token(p, w) if loose else fold_name(p) == fold_name(w)) \
            or w.endswith("s") and same_name_token(p, w[:-1]):
        return True  # "Ris Rede": a genitive s
    fp, fw = fold_name(p), fold_name(w)
    if len(fp) >= 6 and len(fw) > len(fp) and fw.startswith(fp[:-1]):
        return True  # an adjective made from the name: "Olympic" / "Olympischen"
    # a first name in its local form: Maria / Mary, Johannes / John, Pierre / Peter is not; only for a
    # first name alone (in "Marc Fesneau" / "Bruno Martin" it would take the surname "Martin" for "Marc")
    # (a short one opens the other as folded only from three letters, "Lena" is not "Lee", or as written: "Ann" / "Anne")
    lp, lw = p.lower(), w.lower()
    return alone and p in first_names and w in first_names and (
        fp[:3] == fw[:3] or min(len(fp), len(fw)) >= 3 and (fp.startswith(fw) or fw.startswith(fp))
        or min(len(lp), len(lw)) >= 3 and (lp.startswith(lw) or lw.startswith(lp)))


def _spelled_in(name: Name, words: list[str], skip: frozenset[str], first_names: frozenset[str] = frozenset()) -> bool:
    """Whether the other side spells the name: its last word, or another of its words where that is
    not followed by a different capitalised word ("Joan Ryan" is not in "Joan Elias")."""
    # (a name of title words only is its own words: "Tài", a given name, is also a word of "Bộ trưởng Tài chính")
    parts = [p for p in _name_parts(name.text) if p not in skip] or _name_parts(name.text)

    alone = len(parts) == 1

    def same(p: str, w: str) -> bool:
        return _part_spelled_by(p, w, alone, first_names)

    if len(parts) == 1 and parts[0].isupper() and 2 <= len(parts[0]) <= 5:
        a = parts[0]
        for w in words:
            # the same letters in another order ("PCC" / "CCP"), or a country code opening a name ("SWE" / "Sweden")
            if w.isupper() and sorted(w) == sorted(a) or len(a) == 3 and len(w) > 3 and w.lower().startswith(a.lower()):
                return True
    if len(parts) == 1 and not parts[0].isupper() and any(
            w.isupper() and len(w) == 3 and parts[0].lower().startswith(w.lower()) for w in words):
        return True  # "Sweden" / "(SWE)"
    hits = [i for i, w in enumerate(words) if any(same(p, w) for p in parts)]
    if len(parts) >= 2 and parts[0] in first_names:
        # the surname after another first name is another person ("Claire McCaskill" / "Michael McCaskill")
        # (not a middle word of this person's own name: "Dave Von Ronk" / "Dave Van Ronk")
        # (nor a spelling of the same first name a letter longer or shorter: "Anne Hidalgo" / "Ann Hidalgo")
        hits = [i for i in hits if not (i > 0 and words[i - 1] in first_names and same(parts[-1], words[i])
                                        and not any(same(p, words[i - 1]) for p in parts)
                                        and not _first_name_spelling(parts[0], words[i - 1])
                                        and not (i > 1 and same(parts[0], words[i - 2])))]
    if len(parts) >= 3 and parts[0] in _surnames("vi"):
        # a Vietnamese full name, family name first, is not spelled by its given name after another person's first
        # name ("Nguyễn Thị Minh Thảo" / "Jelena Wesack Thảo")
        hits = [i for i in hits if not (same(parts[-1], words[i]) and any(
            words[j] in first_names and words[j][:1].isupper() and not any(same(p, words[j]) for p in parts)
            for j in range(max(0, i - 2), i)))]
    if (name.cls == "org" or len(parts) == 1) and any(words[i].isupper() and len(words[i]) >= 2 for i in hits):
        return True  # a shared acronym ("DFB-Präsidium" / "DFB Presidential Board")
    # (title words count here: "European Central Bank"; a short word does not: "The Nielsen Company")
    caps = [p for p in _name_parts(name.text) if p[:1].isupper() and (len(p) > 3 or p.isupper())]
    if name.cls == "org" and name.entity and len(caps) < 2:
        # a known body named in lower-case words is not spelled by one of them: "Banque centrale européenne" (the
        # ECB) is not in "European Union" (its other names are known: they matched above, or it is missing)
        caps = [p for p in _name_parts(name.text) if len(p) > 3 or p.isupper()]
    if name.cls == "org" and len(caps) >= 2:
        # a body's name of several words is spelled by a word of its own (no word list has it: "Thyssenkrupp
        # Supervisory Board") or by half of its words at least, not by one ordinary word of three ("International
        # Monetary Fund" is not in "… und …", "No Such Agency" not in "the agency"; "Technical University" is in
        # "Technischen Universität")
        spelled = [p for p in caps if any(same(p, w) for w in words)]
        return 2 * len(spelled) >= len(caps) or any(not _common_word(p) for p in spelled)
    if not hits or len(parts) <= 1 or any(same(parts[-1], words[i]) for i in hits):
        return bool(hits)
    for i in hits:
        j = i + 1
        while j < len(words) and (len(words[j]) == 1 or any(same(p, words[j]) for p in parts)):
            j += 1  # over the name's other words and initials ("Recep Tayyip …", "George W. …")
        nxt = words[j] if j < len(words) else ""
        if not (nxt[:1].isupper() and not any(same(p, nxt) for p in parts)):
            return True
    return False


def _outside_others(n: Name, other: list[Name], words: list[str]) -> list[str]:
    """`words` less those of the other side's names of another known body: "European" of "European Union" is no
    adjective saying "Banque centrale européenne" (the ECB). (A place's words stay: "Asie du sud-est" says "South-East
    Asia".)"""
    taken = {w for o in other if o.entity and o.entity != n.entity and o.entity.startswith("org:") for w in _name_parts(o.text)}
    return [w for w in words if w not in taken] if taken else words


def _first_name_spelling(a: str, b: str) -> bool:
    """Two spellings of one first name: one is the other with a letter more at its end ("Ann" / "Anne",
    "Jon" / "Jonn"), three letters at least."""
    short, long_ = sorted((a.lower(), b.lower()), key=len)  # (as written: folding joins "nn" to "n")
    return len(short) >= 3 and len(long_) - len(short) == 1 and long_.startswith(short)


@functools.lru_cache(maxsize=4096)
def _place_pattern(entity: str, lang: str) -> regex.Pattern | None:
    surfaces = [x for x in surfaces_of(lang).get(entity, ()) if len(x) >= 4]
    if not surfaces:
        return None
    return regex.compile(r"(?<![\p{L}\p{M}])(?:" + "|".join(regex.escape(x) for x in sorted(surfaces, key=len, reverse=True))
                         + r")(?![\p{L}\p{M}])", regex.IGNORECASE)


def _place_said(entity: str, lang: str, text: str) -> bool:
    """The text names the place by one of its names in its language ("châu Âu", "Europa"), as whole words."""
    pattern = _place_pattern(entity, lang)
    return pattern is not None and pattern.search(text) is not None


def _adjective_of(entity: str, lang: str, words: list[str]) -> bool:
    """A word of the other side derived from the entity's name there ("schwedischen" from "Schweden",
    "Mexikaner" from "Mexiko", "Afghan" from "Afghanistan"): the name's first letters, all but two,
    at least four and at most six, open the word. English ones count in every language, as names of bodies
    keep them ("der British Council", "Welsh Parliament"). A language that makes no adjectives from place names
    (Vietnamese: "người Pháp", "tiếng Pháp") has only the name itself, capitalised: "chính" (main) is no "China"."""
    from ..lexicon import lexicon

    if not lexicon(lang).caps.get("country_adjectives"):
        words = [w for w in words if w[:1].isupper()]
    return _adjective_in(entity, lang, words) or lang != "en" and _adjective_in(entity, "en", words)


@functools.lru_cache(maxsize=None)
def _demonym_stems(lang: str) -> dict[str, tuple[str, ...]]:
    """The pack's [demonyms] (the lexicon's prefix names) by entity id, folded: "country:GB" -> ("british",),
    "subdivision:GB-WLS" -> ("welsh",)."""
    from ..lexicon import lexicon

    out: dict[str, list[str]] = {}
    for n, prefix in lexicon(lang).pattern_names:
        if prefix and len(n.surface) >= 4:
            out.setdefault(n.entity, []).append(fold_name(n.surface))
    return {ent: tuple(stems) for ent, stems in out.items()}


def _adjective_in(entity: str, lang: str, words: list[str]) -> bool:
    stems = _demonym_stems(lang).get(entity, ())
    if stems and any(fold_name(w).startswith(stems) for w in words if w[:1].isalpha()):
        return True  # a listed adjective ("British", "Welsh", "britisch")
    surfaces = surfaces_of(lang).get(entity, [])
    one_word = any(" " not in x and len(fold_name(x)) >= 4 for x in surfaces)
    for surface in surfaces:
        if " " in surface:  # "Dominikanische Republik": its first word, if long enough
            if one_word:
                continue  # the short name says it ("China"); a long form's first word is generic ("People's Republic …")
            surface = surface.split()[0]
            if len(surface) < 6:
                continue
        f = fold_name(surface)
        k = max(4, min(len(f) - 2, 6))
        if len(f) < 4:
            continue
        # (a word made from the name is longer than the letters it shares: "Chín" is not "Khi-ni-a")
        if any(fw.startswith(f[:k]) and (len(fw) > k or fw == f) for fw in (fold_name(w) for w in words if len(w) >= k)):
            return True
        if len(f) >= 5 and any(f in fold_name(w) for w in words if len(w) > len(f)):
            return True  # the name inside a compound ("Südbrasilien", "Ostparaguay")
    return False


# A foreign name Vietnamese writes by its sound, syllable by syllable joined by hyphens ("Vác-sa-va", "Gia-các-ta",
# "Cu-a-la Lăm-pơ"): the other side writes it in its own spelling, which sounds alike.
_TRANSLITERATED = regex.compile(r"(?:\p{Lu}\.\s*)*\p{Lu}[\p{Ll}\p{M}]*(?:-\p{Ll}[\p{Ll}\p{M}]*)+(?:\s+\p{Lu}[\p{Ll}\p{M}]*(?:-\p{Ll}[\p{Ll}\p{M}]*)*)*")
_SKELETON_RULES = (("tsch", "c"), ("sch", "s"), ("sh", "s"), ("sz", "s"), ("ch", "k"), ("gi", "j"), ("ph", "f"), ("th", "t"),
                   ("kh", "k"), ("tr", "c"), ("ng", "n"), ("nh", "n"), ("qu", "kv"), ("q", "k"), ("c", "k"), ("x", "s"),
                   ("z", "s"), ("w", "v"), ("g", "k"), ("b", "p"), ("d", "t"))
TRANSLITERATION = True
# consonant skeletons at least this alike: the same place (as the target writes it; as another language does, closer,
# since GeoNames gives every place names in many languages: "Kudüs" is Jerusalem); below the last: another place
SOUNDS_SAME, SOUNDS_SAME_ELSEWHERE, SOUNDS_OTHER = 0.65, 0.85, 0.4


_VOWELS_H_R = regex.compile(r"[aeiouyhr]")
_DOUBLED = regex.compile(r"(.)\1+")


@functools.lru_cache(maxsize=1 << 14)
def _skeleton(name: str) -> str:
    """A name's consonants as they sound across spellings ("Vác-sa-va" vksv, "Warsaw" vsv; vowels, h and r, which
    Vietnamese renderings drop or add, left out)."""
    s = unicodedata.normalize("NFKD", name.lower().replace("đ", "d"))
    s = "".join(c for c in s if c.isalpha() and not unicodedata.combining(c))
    for a, b in _SKELETON_RULES:
        s = s.replace(a, b)
    return _DOUBLED.sub(r"\1", _VOWELS_H_R.sub("", s))


def _sounds(s: Name, t: Name) -> str | None:
    """Whether a source name Vietnamese writes by its sound ("Vác-sa-va") is the target's known place: "same" where
    one of the place's names in any pack sounds alike ("Warsaw"), "other" where none does ("Kiew"), None where
    unsure or the names are of no such kind."""
    if not TRANSLITERATION or s.entity or not t.entity or not _TRANSLITERATED.fullmatch(s.text):
        return None
    sk = _skeleton(s.text)
    # the place's names in every pack (GeoNames' alternate names of many languages among them: "Kijevas")
    elsewhere = [x for lang in pack_languages() for x in surfaces_of(lang).get(t.entity, ())]
    if len(sk) < 3:
        # two consonants are too few to tell places apart, but the same two after the same first letter
        # are the name ("Ru-ma-ni" / "Rumänien"; a Vietnamese syllable ends in n where the name has l:
        # "I-xra-en" / "Israel"); never "other" on so little
        short = _DOUBLED.sub(r"\1", sk.replace("l", "n"))
        same = len(sk) == 2 and any(_DOUBLED.sub(r"\1", _skeleton(x).replace("l", "n")) == short
                                    and fold_name(x)[:1] == fold_name(s.text)[:1]
                                    for x in (t.text, *elsewhere))
        return "same" if same else None

    def alike(x: str) -> float:
        return difflib.SequenceMatcher(None, sk, _skeleton(x)).ratio()

    # the name as the target writes it, and its names elsewhere (of many languages: only a close one counts)
    here = alike(t.text)
    anywhere = max([alike(x) for x in elsewhere], default=0.0)
    if here >= SOUNDS_SAME or anywhere >= SOUNDS_SAME_ELSEWHERE:
        return "same"
    return "other" if here < SOUNDS_OTHER else None


SOUNDS_SAME_PERSON = 0.7  # a person's name: first and last name together (a shared first name is not enough)


def _sounds_like_person(a: Name, b: Name) -> bool:
    """A person's name Vietnamese writes by its sound ("Xéc-gây La-vrốp") and the other side's spelling of it
    ("Sergej Lawrow"): consonant skeletons alike (not "Vla-đi-mia Pu-tin" / "Wladimir Selenskyj")."""
    if not TRANSLITERATION:
        return False
    for s, t in ((a, b), (b, a)):
        if _TRANSLITERATED.fullmatch(s.text) and not _TRANSLITERATED.fullmatch(t.text):
            sk = _skeleton(s.text)
            # a family name alone against the whole name too ("Ma-lư-sép" / "Sergej Malyschew"); initials count
            # as written ("V. Pu-tin" / "Wladimir Putin")
            others = [t.text] + ([t.text.split()[-1]] if " " not in s.text.strip() and " " in t.text else [])
            return len(sk) >= 3 and any(difflib.SequenceMatcher(None, sk, _skeleton(o)).ratio() >= SOUNDS_SAME_PERSON for o in others)
    return False


def _first_name_runs(words: list[str], first_names: frozenset[str]) -> list[str]:
    """A known first name and the capitalised word after it ("Igor Below"): how a person is named."""
    return [f"{a} {b}" for a, b in zip(words, words[1:]) if a in first_names and b[:1].isupper()]


def _family_name_alone(vi_name: str, words: list[str], names: list[Name]) -> bool:
    """A word of the other side that writes in pinyin the family name of a Chinese name written by its Sino-Vietnamese
    reading, standing alone ("Lý Cường" / "Li sagte"), not as the first word of another full name ("Li Keqiang")."""
    return sino_readable(vi_name) and any(w[:1].isupper() and sino_vietnamese(vi_name, w)
                                          and not any(w in o.text.split() and len(o.text.split()) > 1 for o in names) for w in words)


def _counterpart(name: Name, other: list[Name], other_words: list[str], skip: frozenset[str],
                 first_names: frozenset[str] = frozenset()) -> bool:
    if name.entity and any(o.entity and _equivalent(name.entity, o.entity) for o in other):
        return True
    if any(_sounds(name, o) == "same" or _sounds(o, name) == "same" for o in other):
        return True  # "Vác-sa-va" / "Warschau"
    if name.cls in ("person", "name") and any(o.cls in ("person", "name") and _sounds_like_person(name, o) for o in other):
        return True  # "Xéc-gây La-vrốp" / "Sergej Lawrow"
    if name.cls in ("person", "name") and any(_sounds_like_person(name, Name(run, 0, 0, "person"))
                                              for run in _first_name_runs(other_words, first_names)):
        return True  # the same where the other side's reader found no name: "I-gô Bê-lốp" / "Igor Below"
    if name.cls in ("person", "name") and (
            any(o.cls in ("person", "name") and (sino_vietnamese(name.text, o.text) or sino_vietnamese(o.text, name.text)) for o in other)
            or _family_name_alone(name.text, other_words, other)):
        # a Chinese name by its Sino-Vietnamese reading and in pinyin ("Lưu Kiến Quốc" / "Liu Jianguo"), also by
        # its family name alone where the other side's reader found no name ("Lý Cường" / "Li sagte")
        return True
    return _spelled_in(name, other_words, skip, first_names)


# the capitalised words (a lower-case one between them allowed: "Cơ quan Việc làm") right before a position
_CAPITALISED_RUN_BEFORE = regex.compile(r"((?:\p{Lu}[\p{L}\p{M}]*\s+(?:[\p{Ll}\p{M}]+\s+)?){1,6})$")


def _closes_body_name(n: Name, text: str, lex: Lexicon) -> bool:
    """A country that ends the name of a body in a language that writes names head first ("Cơ quan Việc làm
    Liên bang Đức", "Bộ Ngoại giao Mỹ"): the other side's name of the body may hold it in a word of its own
    ("Bundesagentur", "State Department")."""
    if not (n.entity or "").startswith("country:"):
        return False
    run = _CAPITALISED_RUN_BEFORE.search(text, 0, n.start)
    return bool(run) and body_head_at(text, run.start(1), lex) and not text[n.end:n.end + 1].isalpha()


def _one_mention(names: list[Name], text: str) -> list[Name]:
    """Without a name in brackets right after a name of the same id: "Tổ chức Y tế Thế giới (WHO)" names the
    WHO once, and a translation that writes it once has dropped nothing."""
    out = []
    for n in names:
        before = text[:n.start].rstrip()
        prev = next((p for p in reversed(out) if p.end <= n.start), None)
        if n.entity and prev is not None and prev.entity == n.entity and before.endswith("(") \
                and before[:-1].rstrip() == text[:prev.end] and text[n.end:].lstrip().startswith(")"):
            continue
        out.append(n)
    return out


@functools.lru_cache(maxsize=None)
def _first_names(src_lang: str, tgt_lang: str) -> frozenset[str]:
    """Both sides' first names, joined once per language pair (some 13,000 each: a union per pair was a
    fifth of the names check's time)."""
    from ..lexicon import lexicon

    return lexicon(src_lang).first_names | lexicon(tgt_lang).first_names


def _known_person(text: str, known, lex: Lexicon) -> str | None:
    """The lexicon's person id of the one full name of the source document that `text` (a short name: "ông Tập")
    is part of, where there is one."""
    found = set()
    for k in known.ids_for(text):
        full = known.names[k]
        if " " in full and same_person(text, full):
            found |= {e for _, _, e in find_names(full, lex) if e and entity_class(e) == "person"}
    return next(iter(found)) if len(found) == 1 else None


def _short_names(ctx: PairContext, src_names: list[Name], tgt_names: list[Name]) -> None:
    """A person named by one word ("ông Tập", "Xis") where the source document gives the full name of a person the
    lexicon knows ("Tập Cận Bình" = "Xi Jinping"), or where that word opens a name the packs give such a person
    ([people]: names that are not transliterations of each other, written family name first), is that person: both
    sides get its id, so that the short forms of one name in two scripts pair ("ông Tập" / "Xis Besuch") and do not
    read as a substitution."""
    shorts = [n for n in src_names if n.entity is None and n.cls == "person" and " " not in n.text]
    if not shorts:
        return
    family = _family_names(ctx.src_lang, ctx.tgt_lang)
    tgt_surfaces = surfaces_of(ctx.tgt_lang)

    def said_in_target(e: str) -> Name | None:
        return next((t for t in tgt_names if t.entity is None and " " not in t.text and t.cls in ("person", "name")
                     and any(same_name_token(w, t.text) for surface in tgt_surfaces.get(e, []) for w in surface.split())), None)

    for n in shorts:
        e = _known_person(n.text, ctx.src_people, ctx.src_lex) if len(ctx.src_people) else None
        # without the full name in the document: the family name of a person the lexicon knows, where the
        # translation has that person's family name in its own spelling ("ông Tập" / "Xi")
        t = said_in_target(e) if e else None
        if e is None and len(family.get(n.text, ())) == 1:
            t = said_in_target(next(iter(family[n.text])))
            e = next(iter(family[n.text])) if t is not None else None
        if e:
            n.entity = e
        if t is not None:
            t.entity, t.cls = e, "person"


@functools.lru_cache(maxsize=None)
def _family_names(src_lang: str, tgt_lang: str) -> dict[str, frozenset[str]]:
    """The first word of each name the source language's pack gives a person whom the target's pack names too
    ("Tập" of "Tập Cận Bình", "Xi" of "Xi Jinping": names written family name first) -> those persons' ids."""
    tgt = surfaces_of(tgt_lang)
    out: dict[str, set[str]] = {}
    for e, surfaces in surfaces_of(src_lang).items():
        if entity_class(e) == "person" and e in tgt:
            for surface in surfaces:
                if " " in surface:
                    out.setdefault(surface.split()[0], set()).add(e)
    return {k: frozenset(v) for k, v in out.items()}


def check(ctx: PairContext) -> list[Finding]:
    src_names = _one_mention(find(ctx.src, ctx.src_lex), ctx.src.text)
    tgt_names = _one_mention(find(ctx.tgt, ctx.tgt_lex), ctx.tgt.text)
    _short_names(ctx, src_names, tgt_names)
    # an acronym its own text spells out beside it abbreviates those words, which the other side renders in
    # its own words ("objectifs de développement durable (ODD)" / "sustainable development goals - SDGs")
    # (where the other side writes an acronym it does not spell out, the two are paired as acronyms below:
    # "Gerichtshof für Menschenrechte (EGMR)" / "Court of Human Rights (ECHR)")
    src_gloss = [n for n in src_names if _defined_acronym(n, ctx.src.text, ctx.tgt.text)]
    tgt_gloss = [n for n in tgt_names if _defined_acronym(n, ctx.tgt.text, ctx.src.text)]
    if all(n in src_gloss or not _acronym_like(n) for n in src_names) and \
            all(n in tgt_gloss or not _acronym_like(n) for n in tgt_names):
        src_names = [n for n in src_names if n not in src_gloss]
        tgt_names = [n for n in tgt_names if n not in tgt_gloss]
    if not src_names and not tgt_names:
        return []
    skip = _title_words(ctx.src_lang) | _title_words(ctx.tgt_lang)
    fn = _first_names(ctx.src_lang, ctx.tgt_lang)
    src_words, tgt_words = _words(ctx.src.text, src_names, ctx.src_lang), _words(ctx.tgt.text, tgt_names, ctx.tgt_lang)
    # Names with ids are counted ("Ukraine" twice in the source, once in the target: one is missing).
    src_ids = Counter(n.entity for n in src_names if n.entity)
    tgt_ids = Counter(n.entity for n in tgt_names if n.entity)
    missing: list[Name] = []
    matched: set[int] = set()
    # a town of the target that the source names in no form: where the source's own town is said only by its
    # country in the target ("Berlin - …" / "… German …"), that town is what replaced it ("Podgorica - …")
    new_town = any(t.entity and t.strong and _local_place(t.entity) and not t.entity.startswith("subdivision:")
                   and t.entity not in src_ids for t in tgt_names)
    for exact in (True, False):  # the same id first, then one that stands for it (Kiew for Ukraine)
        for n in src_names:
            if not n.entity or id(n) in matched:
                continue
            if not exact and new_town and _local_place(n.entity) and stands_for().get(n.entity):
                continue  # (see new_town: the capital is missing, not said by its country)
            if not exact and n.entity.startswith("subdivision:") and any(
                    e.startswith("subdivision:") and _country_of(e) == _country_of(n.entity) and tgt_ids[e] > 0 for e in tgt_ids):
                continue  # the country qualifies another of its subdivisions ("US-Bundesstaat Oregon" for "bang California")
            match = next((e for e in tgt_ids if tgt_ids[e] > 0 and (e == n.entity if exact else _equivalent(n.entity, e))), None)
            if match is not None:
                # a capital standing for the source's country explains the country, but stays free to be the
                # substitute of a town the source names and the target lacks ("tại Paris" / "in Berlin" where
                # the source also says "Đức")
                if exact or not (stands_for().get(match) == n.entity and _town_missing(src_names, matched, tgt_ids, n)):
                    tgt_ids[match] -= 1
                src_ids[n.entity] -= 1
                matched.add(id(n))
    # a name with an acronym in brackets right after it that the other side also writes in brackets is the
    # same body, whatever the words before ("Naturschutzbundes Deutschland (NABU)" / "Nature And Biodiversity
    # Conservation Union (NABU)"), unless both are known and differ ("Gemeinde in Deutschland (TGD)" / "… in Guam (TGD)")
    src_acr = {a: n for n in src_names if (a := _bracketed_acronym(ctx.src.text, n.end))}
    tgt_acr = {a: t for t in tgt_names if (a := _bracketed_acronym(ctx.tgt.text, t.end))}

    # an acronym written right after a body's name, without brackets, is that body's, and the other side may write it
    # alone ("des nationalen Statistikamts INDEC" / "Viện Thống kê quốc gia (INDEC)")
    src_alone = {n.text: n for n in src_names if _unknown_acronym(n)}
    tgt_alone = {t.text: t for t in tgt_names if _unknown_acronym(t)}

    def one_body(n: Name, text: str, other: dict) -> bool:
        o = other.get(_bracketed_acronym(text, n.end))
        if o is None and n.cls == "org" and (m := _APPOSED.match(text, n.end)):
            o = (tgt_alone if other is tgt_acr else src_alone).get(m.group(1))
        return o is not None and o is not n and not (n.entity and o.entity and not _equivalent(n.entity, o.entity))

    for n in src_names:
        if id(n) in matched or one_body(n, ctx.src.text, tgt_acr):
            continue
        if n.entity:
            if any(n.entity == t.entity for t in tgt_names):
                if _closes_body_name(n, ctx.src.text, ctx.src_lex):
                    continue  # "sang Đức … Cơ quan Việc làm Liên bang Đức" / "nach Deutschland … Bundesagentur": said once
                n.repeat = True  # named fewer times in the target: a substitute, or a repetition dropped
                missing.append(n)
            elif not _spelled_in(n, tgt_words, skip, fn) and not _adjective_of(n.entity, ctx.tgt_lang, _outside_others(n, tgt_names, tgt_words)) \
                    and not (n.cls == "person" and _family_name_alone(n.text, tgt_words, tgt_names)):
                missing.append(n)  # (a Chinese official the target names by the family name alone is there: "Li sagte")
        elif not _counterpart(n, tgt_names, _unclaimed(n, src_names, tgt_words), skip, fn):
            missing.append(n)
    surplus: list[Name] = []
    # a body whose names in the source's language the packs know is not spelled there by ordinary words in
    # lower case ("United Nations" is not in "Conseil national"): the source would have named it
    proper_src_words = [w for w in src_words if w[:1].isupper() or not _common_word(w)]
    for t in sorted(tgt_names, key=lambda n: (not n.strong, -n.start)):  # a left-over id: its surest, last mention
        if one_body(t, ctx.tgt.text, src_acr):
            continue
        if t.entity:
            known_body = entity_class(t.entity) == "org" and t.entity in ctx.src_lex.entities
            words = proper_src_words if known_body else src_words
            if tgt_ids[t.entity] > 0 and not _spelled_in(t, words, skip, fn) \
                    and not _adjective_of(t.entity, ctx.src_lang, _outside_others(t, src_names, words)) \
                    and not any(_sounds(o, t) == "same" for o in src_names):  # "Ca-dắc-xtan" / "Kasachstan"
                surplus.append(t)
                tgt_ids[t.entity] -= 1
        elif not _counterpart(t, src_names, src_words, skip, fn):
            surplus.append(t)
    out: list[Finding] = []
    used: set[int] = set()
    # a capital the target names by its country ("Bắc Kinh" / "China") is no omission: a metonym
    tgt_entities = {t.entity for t in tgt_names if t.entity}
    for s in sorted(missing, key=lambda n: not n.strong):
        t = _substitute(s, surplus, used, len(ctx.src.text), len(ctx.tgt.text), fn, bool(ctx.src_lex.caps.get("nouns")), ctx.src_lang,
                        ctx.tgt.text, tgt_names, ctx.tgt_lang, bool(ctx.tgt_lex.caps.get("nouns")), ctx.src.text)
        if t is not None and _personal(t, fn) and _common_noun(s, ctx):
            continue  # a capitalised noun ("droits de l'Homme") is nobody a person could replace
        if t is not None:
            used.add(id(t))
            out.append(_substitution(ctx, s, t))
        elif s.strong and not s.repeat and (_full_name(s, ctx.src_lex) or not _qualifies_title(ctx.src.text, s.start, ctx.src_lex)) \
                and not (s.entity and stands_for().get(s.entity) in tgt_entities) \
                and (s.cls == "person" or s.entity in ctx.tgt_lex.entities) and s.cls != "term":
            # a place or organisation is missing only where we know the target's name for it (a term, "GDP",
            # only pairs with its translation, "PIB": a translation may say it in other words);
            # an unknown one ("Địa Trung Hải") is as likely translated ("Mittelmeer")
            beside = _listed_beside(ctx, s, [n for n in src_names if n not in missing]) if LIST_CUT else None
            out.append(_omission(ctx, s, beside))
    # a body the packs know in every language (an id: "IWF" = "IMF" = "Quỹ Tiền tệ Quốc tế") that the
    # source names in no form was put there by the translation (not so an acronym without an id: a
    # translation may abbreviate words, "Hals-Nasen-Ohren-Arzt" / "ENT specialist"): where the source names another body
    # in words we cannot identify ("Commission électorale"), it replaced that one
    for t in surplus:
        if id(t) not in used and t.strong and t.entity and entity_class(t.entity) == "org" \
                and not any(n.entity and _equivalent(n.entity, t.entity) for n in src_names) \
                and not (stands_for().get(t.entity) and (_adjective_of(stands_for()[t.entity], ctx.src_lang,
                                                                       _outside_others(t, src_names, src_words))
                                                         or _place_said(stands_for()[t.entity], ctx.src_lang, ctx.src.text))) \
                and not _head_named(t.entity, src_names, ctx.src_lang):
            # (a body named for a place is explained by that place's adjective, "européennes" / "EU", or its name,
            # "Ủy ban châu Âu" / "EU-Kommission"; a body by
            # its head word alone, as a text names it again: "le Fonds" / "the IMF")
            out.append(_unexplained_body(ctx, t))
        elif id(t) not in used and _unexplained_person(t, ctx, fn):
            out.append(_unexplained_body(ctx, t, "attribution", "a person added, or put in place of one the source names"))
        elif id(t) not in used and _unexplained_country(t, ctx, src_names, src_words) \
                and _lost_country(ctx, src_names, src_words, tgt_names, tgt_words):
            # (where the source speaks of another country the target lacks: a country the translation merely
            # makes explicit, "im Norden der Republik" / "in the north of Germany", stays quiet)
            out.append(_unexplained_body(ctx, t, "entity", "a country added, or put in place of a place the source names"))
    return out


_GLOSS_GAP = regex.compile(r"[\s(\[\-–—,:]*$")
_GLOSS_WORD = regex.compile(r"[\p{L}\p{M}]+")
DEFINED_ACRONYM_WORDS = 10  # how far before an acronym its words may start
SKIPPABLE = 3  # words this short may give no letter to an acronym ("de", "of", "des")


def _spells(words: list[str], letters: str) -> bool:
    """Whether consecutive `words` give `letters` in order, each word a start of itself (a short word
    perhaps nothing): "Bild am Sonntag" spells "bams", "distributed denial of service" "ddos"."""
    @functools.lru_cache(maxsize=None)
    def go(i: int, k: int) -> bool:
        if k == len(letters):
            return i == len(words)
        if i == len(words):
            return False
        w = words[i]
        if len(w) <= SKIPPABLE and go(i + 1, k):
            return True
        return any(w[:n] == letters[k:k + n] and go(i + 1, k + n) for n in range(1, min(len(w), len(letters) - k) + 1))
    return go(0, 0)


def _acronym_like(n: Name) -> bool:
    """An acronym, or a word of two capitals or more that abbreviates ("BamS", "DDoS")."""
    return _acronym_text(n) or " " not in n.text and len(n.text) <= 8 and sum(c.isupper() for c in n.text) >= 2


def _defined_acronym(n: Name, text: str, other_text: str) -> bool:
    """An acronym the packs do not know, written right after the words it abbreviates ("… durable (ODD)",
    "… development goals - SDGs", "Bild am Sonntag (BamS)"), where the other side does not write it: a gloss of
    words the other side renders in its own language, no name of its own."""
    if n.entity or not _acronym_like(n) or n.text.rstrip("s'’") in other_text:
        return False
    gap = _GLOSS_GAP.search(text, 0, n.start)
    words = [w.lower() for w in _GLOSS_WORD.findall(text[max(0, n.start - 200):gap.start()])]
    words = words[-DEFINED_ACRONYM_WORDS:]
    full = regex.sub(r"[^\p{L}]", "", n.text).lower()
    options = {full, full[:-1]} if n.text.endswith("s") and len(full) > 2 else {full}
    # the words end at the acronym, or one word (an adjective after its noun: "durable universels") before it
    return any(_spells(words[i:j], letters) for letters in options for j in (len(words), len(words) - 1)
               for i in range(max(0, j - len(letters) - 4), j - 1))


def _common_noun(s: Name, ctx: PairContext) -> bool:
    """One ordinary word guessed to be a name, right after an article, where only names are capitalised
    ("les droits de l'Homme", "the State"): a noun written with a capital, which names no person (it
    may open a body's name: "la Haute cour")."""
    if s.strong or not s.plain or s.cls != "name" or " " in s.text or ctx.src_lex.caps.get("nouns"):
        return False
    return _after_word(ctx.src.text.replace("’", "'"), s.start, ctx.src_lex.caps.get("articles") or [])


_BRACKETED = regex.compile(r"\s*\(\s*(\p{Lu}[\p{Lu}\p{N}&]{1,9})\s*\)")


_APPOSED = regex.compile(r"[ \t]+(\p{Lu}[\p{Lu}\p{N}&]{2,9})(?![\p{L}\p{N}])")


def _unknown_acronym(n: Name) -> bool:
    """A name that is an acronym of three letters or more that no pack knows ("INDEC")."""
    return n.entity is None and n.text.isupper() and " " not in n.text and len(n.text) >= 3


def _bracketed_acronym(text: str, end: int) -> str | None:
    """The acronym in brackets right after a name ending at `end` ("… (NABU)"), or None."""
    m = _BRACKETED.match(text, end)
    return m.group(1) if m else None


def _head_named(entity: str, names: list[Name], lang: str) -> bool:
    """Whether one of `names` is a word of the body's name in `lang`, capitalised as a body's name is
    ("le Fonds" for the Fonds monétaire international, "die Kommission" for the EU-Kommission)."""
    words = {w for surface in surfaces_of(lang).get(entity, []) for w in surface.split() if len(w) >= 4}
    return any(n.entity is None and " " not in n.text and n.text in words for n in names)


@functools.lru_cache(maxsize=None)
def _country_stems(lang: str, joined: bool = True) -> dict[str, frozenset[str]]:
    """The first letters (four to six, as _adjective_of reads them) of each country's one-word name in
    the pack -> the countries: how a word made from a country's name ("hongroise", "kanadische") is found.
    Without `joined`, not from names joined by a hyphen ("Amerikanisch-Samoa" opens as "amerikanisch" does)."""
    out: dict[str, set[str]] = {}
    for ent, surfaces in surfaces_of(lang).items():
        if not ent.startswith("country:"):
            continue
        for surface in surfaces:
            f = fold_name(surface)
            if " " in surface or len(f) < 4 or not joined and "-" in surface:
                continue
            out.setdefault(f[:max(4, min(len(f) - 2, 6))], set()).add(ent)
    return {k: frozenset(v) for k, v in out.items()}


def _holds_country(word: str, lang: str) -> bool:
    """A country's name inside a compound: "Nordmexiko", "Ostukraine" (a part of that country, no other place)."""
    f = fold_name(word)
    return any(stem in f[1:] for stem in _country_stems(lang))


def _lost_country(ctx: PairContext, src_names: list[Name], src_words: list[str], tgt_names: list[Name], tgt_words: list[str]) -> bool:
    """The source names a country, or says a word made from its name, that the target names in no form."""
    stems = _country_stems(ctx.src_lang) if ctx.src_lex.caps.get("country_adjectives") else {}
    said: set[str] = set()
    for w in src_words:
        fw = fold_name(w)
        if w in ctx.src_lex.first_names:
            continue  # "George" is no Georgian
        for k in (6, 5, 4):
            if len(fw) > k and fw[:k] in stems:
                said |= stems[fw[:k]]
                break
    named = {n.entity for n in src_names if n.entity and n.entity.startswith("country:") and n.strong}
    said |= {n.entity for n in src_names if n.entity and n.entity.startswith("country:")}
    # (a country the source names and the target only says a word made from, "Bolivia" / "bolivianischer", is
    # lost as a name: the new country may have taken its place)
    return any(not any(t.entity and _equivalent(c, t.entity) for t in tgt_names)
               and (c in named or not _adjective_of(c, ctx.tgt_lang, tgt_words)) for c in said)


def _unexplained_country(t: Name, ctx: PairContext, src_names: list[Name], src_words: list[str]) -> bool:
    """A country of the target (every pack names every country: CLDR) that the source names in no form:
    not by its id, a place that stands for it (its capital) or that it stands for, a word made from its
    name ("canadienne"), nor its spelling."""
    if not (t.strong and t.entity and t.entity.startswith("country:")):
        return False
    if any(n.entity and _equivalent(n.entity, t.entity) for n in src_names):
        return False
    return not _adjective_of(t.entity, ctx.src_lang, src_words) and not _spelled_in(t, src_words, frozenset())


def _unexplained_person(t: Name, ctx: PairContext, first_names: frozenset[str]) -> bool:
    """A person the target names in full or by a known first name, sure, spelling no ordinary word, of
    whom the source spells no word anywhere (not only among the names found there: a source name the
    reader missed still explains it): the translation put that person there."""
    if t.cls != "person" or not t.strong or t.plain or t.entity:
        return False
    words = _name_parts(t.text)
    if not words or not any(w in first_names for w in words):
        return False
    # a word that is also a month, a title or an ordinary word of any language with a word list ("June",
    # "Sen.", "The", "Peer", "Mare"): a capitalised word of a quoted title or a noun, not surely a person
    # (after a first name a surname may be an ordinary word: "Juan Graves", "Donna Wood")
    stop = _calendar_and_titles(ctx.tgt_lang) | _calendar_and_titles(ctx.src_lang)
    lead = words[:1] if len(words) >= 2 and words[0] in first_names else words
    if any(w in stop for w in words) or any(_ordinary_lower_word(w) for w in lead):
        return False
    if len(words) == 1 and words[0].lower() in _currency_units(ctx.tgt_lang):
        return False  # "200 Euro in Dong": a currency
    if _after_word(ctx.tgt.text, t.start, _articles(ctx.tgt_lang)):
        return False  # after an article: a noun or an adjective ("a Christian group", "der Gila cypha")
    src_tokens = _TOKEN.findall(ctx.src.text)
    src = {fold_name(w) for w in src_tokens}
    # (the capitalised words right after it are the rest of the name: "Donald" of "Donald Trump" where the source says "Trump")
    rest = regex.match(r"(?:\s+\p{Lu}[\p{L}\p{M}'’-]*)+", ctx.tgt.text[t.end:])
    words_around = words + (_name_parts(rest.group(0)) if rest else [])
    if any(fold_name(w) in src or any(same_name_token(w, x) for x in src_tokens) for w in words_around):
        return False
    # a Chinese name the source writes by its Sino-Vietnamese reading ("Lưu Kiến Quốc" / "Liu Jianguo")
    full = " ".join(words_around)
    if any(sino_vietnamese(" ".join(src_tokens[i:i + k]), full) for i in range(len(src_tokens)) for k in range(1, 5)
           if src_tokens[i][:1].isupper() and i + k <= len(src_tokens)):
        return False
    # a person the source document names elsewhere: the translation only resolved a pronoun
    return not ctx.src_people.has_last_token(words[-1])


@functools.lru_cache(maxsize=1 << 14)
def _common_word(word: str) -> bool:
    """A word that some pack's word list holds, in either case ("agency", "European"): a word of some language,
    not one of a name's own ("Thyssenkrupp")."""
    low = word.lower()
    return any(low in d[1] or word in d[0] for d in _all_word_lists())


@functools.lru_cache(maxsize=1 << 14)
def _ordinary_lower_word(word: str) -> bool:
    """A word some pack's word list holds in lower case ("peer", "tweets"): an ordinary word of some
    language. Unlike `_common_word`, a capitalised entry (which may be a name) does not count."""
    low = word.lower()
    return any(low in d[1] for d in _all_word_lists())


@functools.lru_cache(maxsize=1)
def _all_word_lists() -> list[tuple[frozenset[str], frozenset[str]]]:
    """The word lists of every pack that names one: a word ordinary in any of them is no sure name."""
    from ..lexicon import pack_languages

    return [d for d in (_dictionary(x) for x in pack_languages()) if d is not None]


def _unexplained_body(ctx: PairContext, t: Name, kind: str = "entity",
                      what: str = "an added or a replaced organisation") -> Finding:
    """A target name the source names in no form (a body, a country, a person): `what` it may be."""
    ev = ctx.span("tgt", t.start, t.end)
    return Finding(
        type=kind, severity=Severity.MAJOR, src=list(ctx.bead.src), tgt=[ev.segment],
        message=f"The {language_name(ctx.tgt_lang)} text names {t.text}{f' ({entity_label(t.entity)})' if t.entity else ''}, "
                f"{'whom' if kind == 'attribution' else 'which'} the source does not name in any form: {what}.",
        signal="names", confidence=0.5, evidence=[ev],
    )


def _unclaimed(n: Name, names: list[Name], words: list[str]) -> list[str]:
    """The other side's words less those that spell another name of this side exactly (up to
    diacritics and a genitive s): "Waydes" is Wayde's, so it cannot also be a loose spelling of
    "Will Wade"; one word stands for one name."""
    def exact(p: str, w: str) -> bool:
        fp = fold_name(p)
        return len(fp) >= 3 and (fp == fold_name(w) or w.endswith("s") and fp == fold_name(w[:-1]))

    own = {fold_name(p) for p in n.text.split()}
    others = [p for o in names if o is not n for p in o.text.split() if fold_name(p) not in own]
    if not others:
        return words
    return [w if not any(exact(p, w) for p in others) or any(exact(p, w) for p in n.text.split()) else "" for w in words]


def _town_missing(src_names: list[Name], matched: set[int], tgt_ids: Counter, country: Name) -> bool:
    """Whether the source names a known town (not a country or region) that the target has not named."""
    return any(m is not country and id(m) not in matched and m.entity and _local_place(m.entity)
               and not m.entity.startswith("subdivision:") and tgt_ids.get(m.entity, 0) == 0
               for m in src_names)


NEAR = 0.3  # how far apart (in fractions of their sentences) a name and a guessed substitute may stand


def _names_place(word: str, lang: str) -> bool:
    """Whether a word contains a one-word country name of the pack ("Westdeutschland", "Südbrasilien")."""
    low = word.lower()
    return any(len(p) >= 5 and e.startswith("country:") and p.lower() in low for p, e in _place_stems(lang).items())


def _substitute(s: Name, surplus: list[Name], used: set[int], src_len: int, tgt_len: int,
                first_names: frozenset[str] = frozenset(), noun_source: bool = False, src_lang: str = "",
                tgt_text: str = "", tgt_names: tuple = (), tgt_lang: str = "", noun_target: bool = False,
                src_text: str = "") -> Name | None:
    """The target name that most plausibly replaced the source name `s`. A guess (a name of unknown
    class) must also stand at about the same relative place in its sentence."""
    def where(n: Name, length: int) -> float:
        return n.start / max(1, length)

    def fits(t: Name) -> int:
        if id(t) in used:
            return 0
        # a first name that is also a town ("Elizabeth", "Logan", "Mary") may stand for a person
        t_person = _personal(t, first_names)
        if s_person and t_person and s.text in first_names and t.text in first_names:
            return 3  # one first name for another, even where each opens its sentence ("Tom" → "Anna")
        if s_person and t_person and s.cls != t.cls and (s.strong or t.strong) and (s.text in first_names or t.text in first_names):
            return 3  # a person for a first name read as a town, or the other way ("Tom" → "Logan")
        if first_for_name and not s.repeat and t.entity is None and " " not in t.text \
                and _first_name_word(t.text, first_names, tgt_lang) and not t_after_article(t):
            return 2  # a known first name the source spells nowhere, where the source's person or sure name has no
            # counterpart: one person put for another ("Lee" → "Anatol", "West" → "Heide-Marie")
        if not (s.strong or t.strong) and not _two_places(s, t, src_text, tgt_text, tgt_lang):
            return 0  # two guesses do not make a finding
        if t.strong and t.cls == "place" and _sounds(s, t) == "other":
            # a place Vietnamese writes by its sound (hyphenated syllables: a sure name wherever it stands) that
            # sounds like none of this place's names ("Vác-sa-va" / "Kiew")
            return 2
        if t.entity and _head_named(t.entity, [s], src_lang):
            return 0  # the body named again by its head word ("le Fonds" / "the IMF")
        if _initials(s, t) or _initials(t, s):
            return 0  # an acronym and the words it abbreviates ("GP" / "Grand Prix", "PS" / "Socialist Party")
        if s.entity and _local_place(s.entity) and t.entity is None and t.plain and " " in t.text and t.cls == "name" \
                and _dictionary(src_lang) is not None and all(_known_word(w, src_lang) for w in regex.split(r"[\s-]+", s.text) if w):
            return 0  # a place whose name is ordinary words, rendered in words of the target ("Sainte-Croix" / "Holy Cross")
        if noun_target and t.cls == "name" and t.entity is None and " " not in t.text \
                and _ordinary_lower_word(t.text):
            return 0  # where nouns are capitalised, an ordinary word of another language is a loanword or a word of
            # a foreign title ("Tweets", "Global Citizen Festival") as likely as a name
        if noun_source and s.cls == "name" and s.entity is None and " " not in s.text and t.cls == "name" and t.plain:
            return 0  # where nouns are capitalised, one word of unknown class is as likely a noun, rendered in
            # ordinary words ("für Gartenbau" / "for … Landscape Conservation")
        if s.repeat and t.entity is None and t.cls != s.cls:
            return 0  # a name said fewer times (a pronoun, the context) is not replaced by an unknown name of another class
        if not s.strong and s.plain and " " not in s.text and (
                t.cls == "place" and t.entity and not _names_place(s.text, src_lang)
                or t.cls == "person" and t.plain and " " not in t.text and regex.search(r"\p{Lu}\S*\s$", tgt_text[:t.start])
                or t.cls == "person" and noun_source and _compound_only(s.text, src_lang)):
            # (where nouns are capitalised, a word the list has only as a compound, "Umtauschprämien", is a
            # noun; one listed as it stands or inflected may be a surname, "Keller", "Larsen")
            # one ordinary word guessed to be a name ("für drei Jahre", "je Aktie", "Noël", "l'Aube") is not
            # replaced by a known place unless it is made from a place's name ("Westdeutschland" / "Iran"), nor
            # by an ordinary word read as a first name at the end of a longer name ("Christmas Eve", "Golden Dawn")
            return 0
        if t.cls == "org" and not t.strong and t.entity is None and not (s.cls == "org" and s.strong):
            return 0  # a compound read as a body ("Verteidigungsministeriums") replaces only a sure organisation
        if s.cls == t.cls == "org" and s.kind and s.kind == t.kind and not (s.strong and t.strong):
            return 0  # one kind of body: the same body translated ("Denkmalschutzbehörde" / "… Authority")
        if s.cls == "org" and not s.strong and s.entity is None and s.kind and t.cls == "name" and t.strong \
                and t.entity is None and " " in t.text and abs(where(s, src_len) - where(t, tgt_len)) <= NEAR \
                and s.kind not in tgt_kinds and not any(w.lower() in heads for w in t.text.split()):
            return 1  # a body of a known kind named in words ("Denkmalschutzbehörde", "la Cour") and, where it stood, a
            # name of several words that the source does not spell and whose head word names no body of that kind
            # ("the Red Cross"): a translation of the body would keep its kind ("Monument Protection Authority");
            # not where the target names a body of that kind elsewhere, nor where a head word of any kind is in the
            # name ("District League A1")
        if s.cls == "org" and not s.strong and s.entity is None \
                and not (t.cls == "org" and t.strong and (t.entity or not t.plain or t.kind and s.kind)):
            return 0  # a body named by a common noun ("Börsenaufsicht") is replaced only by a sure organisation
        if not s.strong and s.entity and t.cls != s.cls:
            return 0  # a loose mention ("bayerischen", "US-") is replaced only by a name of its class
        if s.cls == "name" and not s.strong and t.cls == "org" and not t.entity and not (_acronym(t) and not noun_source):
            return 0  # a guessed name ("Betrugs") and a run read as a body are two guesses; an acronym the
            # source does not spell is no guess, where only names are capitalised ("du Barreau" / "a UNESCO
            # dinner"; a German capitalised word is as often a noun: "Hals-Nasen-Ohren-Arzt" / "ENT")
        if s.strong and t.strong and t.entity is None and t.cls == "place" and "-" in t.text and _written_as_in(t.text, src_lang) \
                and s.cls in ("name", "place", "person"):
            return 2  # a name inside a compound that the target writes with letters only the source's language writes
            # ("Bình-Tây-Markt") is that language's name: one the source does not spell stands for the source's own
            # ("chợ Bến Thành"), wherever the word order put it
        if s.cls == "name" and not s.kept:
            return 0  # a term the translation may render in words ("Trò chơi Vương quyền" / „Game of Thrones“)
        if not t.strong and t.entity and s.entity is None:
            return 0  # a loose mention ("US-Dollar", "vietnamesische") does not replace a name we cannot identify
        if not s.strong and s.entity and t.entity and s.entity.split(":")[0] != t.entity.split(":")[0]:
            return 0  # a demonym ("britannique") is replaced only by a name of its own kind (a country)
        if s.entity is None and t.entity and _local_place(t.entity) and not (_personal(t, first_names) and s.strong and not s.plain):
            return 0  # as above: an unknown source place may be this one under another name ("Quý Châu" may
            # well be "Guizhou": only countries and regions have names in every pack)
        if {s.cls, t.cls} <= {"name", "org"} and s.plain and t.plain and s.entity is None and t.entity is None \
                and max(len(s.text.split()), len(t.text.split())) >= 3:
            return 0  # two names of unknown class (or bodies no pack knows), each of ordinary words of its language,
            # one of three words or more: as often a title or a body's name rendered in words ("La Grosse Citrouille" /
            # "The Great Pumpkin", "Statistischem Bundesamt" / "Federal Statistical Office") as one put for the other
            # (a short one is a name as often: "le Sari Club" / "the Red Cross")
        if s.cls == t.cls and s.cls != "name":
            return 3
        if t.cls == "person" and t.strong and s.cls == "name" and s.strong and not s.plain and s.entity is None \
                and sum(o.cls == "person" for o in pool) == 1:
            return 2  # the one new person of the target for a sure name of the source, wherever it stands
        if s.cls in ("place", "org") and t.cls in ("place", "org"):
            return 2
        # a name of unknown class pairs only with a sure one of known class, and only where it is
        # the one candidate ("Kim" → "Raissa"; not "Chambre" → "Commons")
        if s.entity and t.cls == "name" and " " not in t.text and (s.repeat or s.entity.startswith(("country:", "region:", "org:"))):
            return 0  # a country or body is not replaced by one unknown word (a rare noun: "Literator"); a town may
            # be a surname ("Hamilton", "Livingston") and is
        near = abs(where(s, src_len) - where(t, tgt_len)) <= NEAR
        known, unknown = (s, t) if t.cls == "name" else (t, s)
        if t.cls == "name" and not t.strong and " " not in t.text:
            return 0  # one capitalised word guessed to be a name (a German noun?) does not count
        # the one sure candidate may stand elsewhere where both names are sure and spell no ordinary
        # words (word order differs between languages: "laut Grindel …, Tiffany Beck")
        placed = t in sure and (near and (single or t is nearest) or single and s.strong and t.strong and not s.plain and not t.plain)
        if unknown.cls == "name" and known.cls != "name" and known.strong and placed:
            return 1
        # a town is also a club, a firm or a surname ("für Livingston" / "für Melitta"): a sure person of
        # the target, where the town stood, replaced it
        if s.entity and _local_place(s.entity) and s.strong and t.cls == "person" and t.strong and t.entity is None \
                and near and placed:
            return 1
        # two names of unknown class: the source one sure ("Dyteon Simpson" → "Michaela Gutknecht")
        if s.cls == t.cls == "name" and s.strong and t.strong and placed:
            return 1
        return 0
    s_person = _personal(s, first_names)
    # a source name that a person's name may have replaced: a person, a sure name kept as written, a town (also a surname)
    first_for_name = s.cls == "person" or s.strong and (s.cls == "name" and s.kept or bool(s.entity) and _local_place(s.entity))
    articles = _articles(tgt_lang)

    def t_after_article(t: Name) -> bool:
        return _after_word(tgt_text, t.start, articles)  # a noun ("der Horst"), not a person

    tgt_kinds = {t.kind for t in tgt_names if t.kind}
    heads = _org_kinds(tgt_lang) if s.kind else {}
    pool = [t for t in surplus if id(t) not in used]
    # a name that spells no ordinary word is surer than a run of listed words ("Presidential Board")
    sure = [t for t in pool if t.strong and not t.plain] or [t for t in pool if t.strong] or pool
    single = len(sure) == 1  # one sure candidate, or one guess
    # else the sure candidate at the same relative place in its sentence as the source name
    nearest = min(sure, key=lambda t: abs(where(s, src_len) - where(t, tgt_len)), default=None)
    ranked = sorted(surplus, key=lambda t: (-fits(t), not t.strong, t.plain, -t.start))
    return ranked[0] if ranked and fits(ranked[0]) else None


def _two_places(s: Name, t: Name, src_text: str, tgt_text: str, tgt_lang: str) -> bool:
    """Two loose mentions of countries, or of cities, that are no guesses: words made from their names ("người
    Brazil" / "argentinischen", "người Hà Nội" / "Saigoner"). Not a country inside a currency's name ("US dollars"),
    opening a compound ("US-Bundesstaat") or opening a sentence ("Anh có biết …", you)."""
    kinds = ("country:", "city:")
    return bool(s.entity and t.entity and any(s.entity.startswith(k) and t.entity.startswith(k) for k in kinds)
                and src_text and not _in_currency(tgt_text, t.start, t.end, tgt_lang) and not tgt_text.startswith("-", t.end)
                and not _at_sentence_start(src_text, s.start) and not _at_sentence_start(tgt_text, t.start))


_GENITIVE = regex.compile(r"(?:['’]s|s['’]?|['’])$")


def _first_name_word(word: str, first_names: frozenset[str], lang: str = "") -> bool:
    """A known first name, also in the genitive ("Annas", "Anna's") or joined by a hyphen ("Heide-Marie",
    "Jean-Pierre": every part a first name)."""
    if word in first_names:
        return True
    bare = _GENITIVE.sub("", word)
    d = _dictionary(lang) if lang else None
    if bare != word and len(bare) >= 3 and bare in first_names and not (d and bare.lower() in d[1]) \
            and not _ordinary_lower_word(word):
        return True  # (not where either form is an ordinary word: "Jungs" is no genitive of "Jung")
    parts = word.split("-")
    return len(parts) >= 2 and all(p in first_names for p in parts)


@functools.lru_cache(maxsize=None)
def _articles(lang: str) -> tuple[str, ...]:
    """The language's articles or determiners (names.toml [capitalisation]): a capitalised word after one is a noun."""
    from ..lexicon import lexicon

    caps = lexicon(lang).caps if lang else {}
    return tuple(caps.get("articles") or caps.get("determiners") or ())


def _acronym(n: Name) -> bool:
    """A body named by an acronym of three letters or more ("UNESCO", "BBC"): a sure name, kept in any language."""
    return n.cls == "org" and n.strong and n.text.isupper() and " " not in n.text and len(n.text) >= 3


def _personal(n: Name, first_names: frozenset[str]) -> bool:
    """A person, or a first name that is also a town's name ("Mary", "Logan"): it may name a person."""
    return n.cls == "person" or n.text in first_names and bool(n.entity) and _local_place(n.entity)


def _local_place(entity: str) -> bool:
    """A place smaller than a country or region (a town, a subdivision): one named alike in few languages."""
    return entity_class(entity) == "place" and not entity.startswith(("country:", "region:"))


def _looks_personal(n: Name) -> bool:
    """Two or three capitalised words, none an acronym: how people are named ("Olaf Scholz")."""
    words = n.text.split()
    return 2 <= len(words) <= 3 and all(w[:1].isupper() and not w.isupper() for w in words)


def _substitution(ctx: PairContext, s: Name, t: Name) -> Finding:
    ev_src, ev_tgt = ctx.span("src", s.start, s.end), ctx.span("tgt", t.start, t.end)
    lang = language_name(ctx.tgt_lang)
    fn = _first_names(ctx.src_lang, ctx.tgt_lang)
    person = s.cls == "person" or (s.cls == "name" and (t.cls == "person" or t.cls == "name" and (_looks_personal(s) or _looks_personal(t)))) \
        or _personal(s, fn) and _personal(t, fn) or s.cls == "name" and s.entity is None and _personal(t, fn)  # "Mary" (a town too) → "Alan"
    sure = s.strong and t.strong
    if person:
        return Finding(
            type="attribution", severity=Severity.CRITICAL, src=[ev_src.segment], tgt=[ev_tgt.segment],
            message=f"The {lang} text gives to {t.text} what the source says of {s.text}.",
            signal="names", confidence=0.7 if sure else 0.55, evidence=[ev_src, ev_tgt],
        )
    def label(n: Name) -> str:  # the English name where it says more than the text ("Südkorea" (South Korea), not "Lyon" (Lyon))
        english = entity_label(n.entity) if n.entity else ""
        return f" ({english})" if english and english != n.text else ""

    message = f"The {lang} text says '{t.text}'{label(t)} where the source says '{s.text}'{label(s)}."
    if _localised_acronym(s, t, ctx.src_lang):
        return Finding(
            type="entity", severity=Severity.MINOR, src=[ev_src.segment], tgt=[ev_tgt.segment],
            message=message + " Neither is a body the packs know, and a body's acronym is localised or spelled out "
                              "from one language to another (OIAC / OPCW, ICJ / IGH): check that both name the same body; a minor note.",
            signal="names", confidence=0.3, evidence=[ev_src, ev_tgt],
        )
    return Finding(
        type="entity", severity=Severity.CRITICAL, src=[ev_src.segment], tgt=[ev_tgt.segment],
        message=message, signal="names", confidence=0.85 if s.entity and t.entity else 0.6, evidence=[ev_src, ev_tgt],
    )


_ACRONYM_TEXT = regex.compile(r"(?:\p{Lu}\.?){2,8}(?:s|['’]s)?")  # "ICJ", "U.N.", "SDGs", "GOP's"


def _acronym_text(n: Name) -> bool:
    return bool(_ACRONYM_TEXT.fullmatch(n.text))


def _localised_acronym(s: Name, t: Name, lang: str) -> bool:
    """An acronym for an acronym, or for a body's name in words, where the packs know neither (no id):
    the same body abbreviated in each language's words ("OIAC" / "OPCW", "ODD" / "SDGs") or spelled out
    on one side ("Cơ quan Nghiên cứu Dự án Tiên tiến" / "DARPA", "Parti" (républicain) / "GOP"). A body
    the packs know keeps its critical finding, however it is written."""
    if s.entity or t.entity:
        return False
    a, b = _acronym_text(s), _acronym_text(t)
    # (a bare head word names a body the text named before: "le Parti" / "GOP"; a compound that ends in
    # one, "Heimatverein", is a body of its own kind, which an acronym does not abbreviate)
    # (and the acronym holds the head word's first letter, as kin head words share it: Parti / Party / GOP;
    # "Liga" / "UNESCO" is another body)
    bare_head = s.text.lower() in _org_kinds(lang) and s.text[:1].upper() in t.text
    return a and b and _kin_acronyms(s.text, t.text) or b and (not s.kept or bare_head) or a and (t.plain or not t.kept)


def _initials(a: Name, b: Name) -> bool:
    """Whether `a` is an acronym of `b`'s capitalised words, in any order ("PS" / "Socialist Party")."""
    if not _acronym_text(a):
        return False
    letters = regex.sub(r"[^\p{Lu}]", "", a.text)
    initials = "".join(w[0] for w in regex.findall(r"\p{Lu}[\p{L}\p{M}'’]*", b.text))
    return len(letters) >= 2 and Counter(letters) == Counter(initials)


def _kin_acronyms(a: str, b: str) -> bool:
    """Two acronyms that may abbreviate one body in two languages: the same first letter or half their
    letters shared, as the names' words are kin or reordered ("ICJ" / "IGH", "OMD" / "MDGs", "ONU" / "UN");
    not "GDL" / "EVG", two bodies."""
    la, lb = regex.sub(r"[^\p{Lu}]", "", a), regex.sub(r"[^\p{Lu}]", "", b)
    if not la or not lb:
        return False
    shared = sum((Counter(la) & Counter(lb)).values())
    return la[0] == lb[0] or 2 * shared >= min(len(la), len(lb))


@functools.lru_cache(maxsize=None)
def _surnames(lang: str) -> frozenset[str]:
    """Family names that open a full name (configs/lang/LANG/surnames.toml; Vietnamese)."""
    from ..lexicon import _pack_file

    return frozenset(_pack_file(lang, "surnames.toml").get("surnames", {}).get("common", []))


def _full_name(s: Name, lex: Lexicon) -> bool:
    """A person named in full ("ông Trần Văn Bình", "Präsident Joe Biden"): two words or more, opening
    with a family name where the pack lists them (Vietnamese) or with a known first name. After a title
    it is the person the title names, not a word qualifying the title ("Bộ trưởng Bộ Tài chính")."""
    words = s.text.split()
    return s.cls == "person" and len(words) >= 2 and (words[0] in _surnames(lex.lang) or words[0] in lex.first_names)


def _qualifies_title(text: str, start: int, lex: Lexicon) -> bool:
    """'Hàn Quốc' in 'nhà lãnh đạo Hàn Quốc' ("der Staatschef"): the name only qualifies a title or
    honorific, and a translation may fold it into the title; not an omission of its own."""
    before = text[:start].rstrip().lower()
    words = [w for ws in lex.titles.values() for w in ws] + lex.honorifics
    return any(before.endswith(w.lower()) for w in words)


LIST_CUT = True  # a place cut from a list the translation keeps the rest of is a major omission (_listed_beside)


@functools.lru_cache(maxsize=None)
def _list_join(lang: str) -> regex.Pattern:
    """What joins two items of a list: a comma, the language's coordinating conjunctions (mul/length.toml), or both."""
    from ..lexicon import _pack_file

    words = sorted(_pack_file("mul", "length.toml").get("conjunctions", {}).get(lang, []), key=len, reverse=True)
    conj = "|".join(regex.escape(w) for w in words) or "(?!)"
    # (the second item may open with an article of the language: "Afrika und den Nahen Osten")
    arts = "|".join(regex.escape(w) for w in sorted(_articles(lang), key=len, reverse=True)) or "(?!)"
    return regex.compile(rf"\s*(?:,|,?\s*(?:{conj}))\s*(?:(?:{arts})\s+)?", regex.I)


def _listed_beside(ctx: PairContext, s: Name, kept: list[Name]) -> Name | None:
    """A name the translation keeps that the source lists right beside `s` ("Quảng Ninh và Hải Phòng",
    "Afrika und Nahost"): a list the translation has cut, not a place left to the context."""
    join = _list_join(ctx.src_lang)
    text = ctx.src.text
    for n in kept:
        if n is s or n.cls not in ("place", "org", "person"):
            continue
        a, b = (n.end, s.start) if n.end <= s.start else (s.end, n.start) if s.end <= n.start else (0, -1)
        if b < a or not join.fullmatch(text, a, b):
            continue
        # "Manchester, Anh", "Paris, Pháp": a comma before a country or region places the town, no list
        wider = s.entity is not None and s.entity.startswith(("country:", "region:", "subdivision:"))
        if wider and a == n.end and text[a:b].strip() == "," and not (n.entity or "").startswith(("country:", "region:")):
            continue
        return n
    return None


def _omission(ctx: PairContext, s: Name, beside: Name | None = None) -> Finding:
    """A person or organisation left out is a major omission; a place only a minor note: translators
    render places by a word made from them ("Pháp" / „Südfrankreich“, "Trung Mỹ" / „zentralamerikanisch“)
    or leave them to the context, and that cannot be told from a dropped fact by the name alone; unless the
    source lists it beside a name the translation keeps (`beside`): then the list was cut."""
    ev = ctx.span("src", s.start, s.end)
    # a place that is also a first name ("Mary", a city in Turkmenistan) may be the person it names
    place = s.cls == "place" and not any(w in ctx.src_lex.first_names for w in s.text.split()) and beside is None
    message = f"The source names {s.text} ({s.cls}); the {language_name(ctx.tgt_lang)} text does not."
    if beside is not None:
        message += f" The source lists it beside {beside.text}, which the {language_name(ctx.tgt_lang)} text keeps."
    if place:
        message += " A place may be rendered by a word made from it or left to the context; a minor note."
    return Finding(
        type="omission", severity=Severity.MINOR if place else Severity.MAJOR, src=[ev.segment], tgt=list(ctx.bead.tgt),
        message=message, signal="names", confidence=0.3 if place else 0.5, evidence=[ev],
    )
