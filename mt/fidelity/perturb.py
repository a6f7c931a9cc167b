"""Controlled fact-changing edits of a translation's target side, for evaluating the checks.

`perturb(src, tgt, src_lang, tgt_lang, kind, seed)` returns an `Edit` (the edited target, the
changed span before and after, the finding types that count as right) or None when the edit
cannot be made naturally in that sentence: nothing is forced. The same inputs and seed always
give the same edit (the RNG is seeded from the seed, the kind and the sentence).

Edits: number, date, place, person, organisation, office (the title before a person's name),
negation (insert or remove), omission, addition. Substitutes come from libraries, in the target language's form: places from CLDR
(Babel territory names and time-zone exemplar cities) and ISO 3166-2 (pycountry), months and
weekdays from CLDR, number words from num2words, person names from Faker's locale name lists.
Negation syntax words and an organisation pool live in configs/perturb.toml.
"""
from __future__ import annotations

import functools
import random
import re
import unicodedata
from dataclasses import dataclass, field

import regex

from ..config import load_toml
from ..segment import sentence_spans

KINDS = ("number", "date", "place", "person", "organisation", "office", "negation", "omission", "addition", "direction")
# The document cases (perturb_documents) keep the kinds they had before direction edits, so that their figures
# stay comparable across versions
DOCUMENT_KINDS = KINDS[:-1]
# The finding types that name each edit correctly (fidelity-dev's types).
EXPECTED: dict[str, tuple[str, ...]] = {
    "number": ("number",), "date": ("date",), "place": ("entity",), "person": ("attribution", "entity"),
    "organisation": ("entity",), "office": ("attribution",), "negation": ("negation",), "omission": ("omission",), "addition": ("addition",),
    "direction": ("number",),
}
_WORD = r"[^\W\d_]"


@dataclass(frozen=True)
class Edit:
    kind: str
    text: str  # the edited target
    old: str  # the span of the clean target that changed ("" for a pure insertion)
    new: str  # what replaces it ("" for a deletion)
    start: int  # offset of `old` in the clean target
    expected: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict:
        return {"kind": self.kind, "text": self.text, "old": self.old, "new": self.new, "start": self.start,
                "expected": list(self.expected)}


def _rng(seed: int, kind: str, text: str) -> random.Random:
    return random.Random(f"{seed}\x1f{kind}\x1f{text}")  # str seeds hash with SHA-512: stable across runs


def _conf(lang: str) -> dict:
    return load_toml("perturb.toml").get(lang, {})


def _apply(kind: str, tgt: str, start: int, end: int, new: str) -> Edit:
    return Edit(kind, tgt[:start] + new + tgt[end:], tgt[start:end], new, start, EXPECTED[kind])


def _bounded(name: str) -> re.Pattern:
    return re.compile(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])")


def _fold(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn").lower()


# ---------------------------------------------------------------------------------------------
# numbers

_NUM = re.compile(r"(?<![\w.,:/-])(\d{1,3}(?:([.,\u00a0\u202f ])\d{3})+|\d+)(?:[.,]\d+)?(?![\w:/]|[.,]\d)")


def _is_year(s: str) -> bool:
    return len(s) == 4 and s.isdigit() and 1800 <= int(s) <= 2099


def _new_digits(digits: str, rng: random.Random) -> str:
    """Another value with as many digits: one digit changed (355 -> 335), never a leading zero."""
    if len(digits) == 1:
        return rng.choice([d for d in "23456789" if d != digits])
    pos = rng.randrange(len(digits))
    choices = [d for d in "0123456789" if d != digits[pos] and not (pos == 0 and d == "0")]
    return digits[:pos] + rng.choice(choices) + digits[pos + 1:]


@functools.lru_cache(maxsize=None)
def _number_words(lang: str) -> dict[str, int]:
    """Spelled-out numbers of the language (num2words); 1 is left out: it doubles as an article."""
    try:
        from num2words import num2words
    except ImportError:  # pragma: no cover - num2words is a dependency
        return {}
    out: dict[str, int] = {}
    for n in list(range(2, 21)) + [30, 40, 50, 60, 70, 80, 90, 100, 1000]:
        try:
            w = num2words(n, lang=lang)
        except (NotImplementedError, OverflowError):
            return {}
        out.setdefault(w.lower(), n)
    return out


def _day_spans(tgt: str, lang: str) -> list[tuple[int, int]]:
    """Spans of day-of-month numbers next to a month name ("12. März", "October 1", "12 mars",
    "ngày 12"): these are dates, not quantities."""
    out = []
    if lang == "vi":
        return [m.span(1) for m in re.finditer(r"(?i)\b(?:ngày|tháng)\s+(\d{1,2})\b", tgt)]
    alt = "|".join(re.escape(x) for x in _calendar(lang)[0])
    for m in re.finditer(rf"(?<![\w.,])(\d{{1,2}})(?:\.|er)?\s+(?:{alt})\b|\b(?:{alt})\s+(\d{{1,2}})(?:st|nd|rd|th)?(?![\w.,]\d|\d)", tgt):
        g = 1 if m.group(1) else 2
        if 1 <= int(m.group(g)) <= 31:
            out.append(m.span(g))
    return out


def _edit_number(src: str, tgt: str, lang: str, rng: random.Random) -> Edit | None:
    cands = []
    days = _day_spans(tgt, lang)
    for m in _NUM.finditer(tgt):
        whole = m.group(0)
        digits = re.sub(r"\D", "", m.group(1))
        if _is_year(whole) or int(digits or 0) == 0 or any(s <= m.start(1) < e for s, e in days):
            continue  # years and days of the month are dates; zero has no same-length neighbour worth testing
        cands.append(("digits", m))
    words = _number_words(lang)
    if words:
        alt = "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))
        for m in re.finditer(rf"(?<![\w-])({alt})(?![\w-])", tgt, flags=re.IGNORECASE):
            cands.append(("word", m))
    if not cands:
        return None
    how, m = rng.choice(cands)
    if how == "digits":
        g = m.group(1)
        digits = re.sub(r"\D", "", g)
        new_digits = _new_digits(digits, rng)
        it = iter(new_digits)
        new = "".join(next(it) if c.isdigit() else c for c in g)  # keep the separators where they were
        return _apply("number", tgt, m.start(1), m.end(1), new)
    old = m.group(0)
    n = words[old.lower()]
    other = rng.choice([w for w, v in words.items() if v != n and abs(v - n) <= max(3, n // 2) and " " not in w]
                       or [w for w, v in words.items() if v != n])
    new = other[0].upper() + other[1:] if old[0].isupper() else other
    return _apply("number", tgt, m.start(), m.end(), new)


# ---------------------------------------------------------------------------------------------
# dates

@functools.lru_cache(maxsize=None)
def _calendar(lang: str) -> tuple[list[str], list[str]]:
    from babel import Locale

    loc = Locale.parse(lang)
    months = [loc.months["format"]["wide"][i] for i in range(1, 13)]
    days = [loc.days["format"]["wide"][i] for i in range(7)]
    return months, days


def _months_read(text: str, lang: str) -> set[int]:
    """The months `text` names, as the checker reads them (numbers and dates of the language's pack)."""
    from .values import read_values

    return {d.key[-1] for d in read_values(text, lang)[0] if d.key[0] in ("m", "d")}


def _edit_date(src: str, tgt: str, lang: str, rng: random.Random, src_lang: str = "") -> Edit | None:
    months, days = _calendar(lang)
    cands: list[tuple[int, int, str]] = []
    for m in re.finditer(r"(?<![\w.,])(1[89]\d\d|20\d\d)(?![\w]|[.,]\d)", tgt):
        y = int(m.group(1))
        new = str(y + rng.choice([d for d in range(-9, 10) if d]))
        cands.append((m.start(1), m.end(1), new))
    if lang == "vi":  # "tháng 3", "ngày 12"
        for m in re.finditer(r"\b(tháng|ngày)\s+(\d{1,2})\b", tgt, flags=re.IGNORECASE):
            n, top = int(m.group(2)), 12 if m.group(1).lower() == "tháng" else 28
            if 1 <= n <= top:
                cands.append((m.start(2), m.end(2), str(rng.choice([k for k in range(1, top + 1) if k != n]))))
    else:
        for s, e in _day_spans(tgt, lang):
            n = int(tgt[s:e])
            cands.append((s, e, str(rng.choice([k for k in range(1, 29) if k != n]))))
    src_months = _months_read(src, src_lang) if src_lang else None
    for names in (months, days):
        if lang == "vi":
            break  # Vietnamese months and weekdays are numbered ("tháng 3", "thứ Hai"); handled above
        for i, name in enumerate(names):
            if names is months and src_months is not None and i + 1 not in src_months:
                continue  # a month the source does not name is some other word here: "Mai" (a person), "August"
            for m in _bounded(name).finditer(tgt) if lang != "en" else re.finditer(rf"\b{re.escape(name)}\b", tgt):
                if lang == "en" and name == "May" and not re.search(r"\d|\bin May\b", tgt):
                    continue  # the modal "May I…"
                other = rng.choice([n for k, n in enumerate(names) if k != i and n not in tgt])
                cands.append((m.start(), m.end(), other))
    if not cands:
        return None
    s, e, new = rng.choice(cands)
    return _apply("date", tgt, s, e, new)


# ---------------------------------------------------------------------------------------------
# places

@functools.lru_cache(maxsize=None)
def _zones() -> list[str]:
    """IANA time zones named after a city (Europe/Paris, Asia/Ho_Chi_Minh), whose CLDR exemplar city
    Babel gives per language."""
    import zoneinfo

    regions = ("Africa/", "America/", "Asia/", "Atlantic/", "Australia/", "Europe/", "Indian/", "Pacific/")
    return sorted(z for z in zoneinfo.available_timezones() if z.startswith(regions) and z.count("/") == 1)


@functools.lru_cache(maxsize=None)
def _places(lang: str) -> dict[str, list[str]]:
    """Place names in `lang` by category: countries (CLDR territories with an ISO 3166-1 code),
    cities (CLDR time-zone exemplar cities), regions (ISO 3166-2 subdivisions of the language's home
    country, as pycountry names them)."""
    import pycountry
    from babel import Locale
    from babel.dates import get_timezone, get_timezone_location

    loc = Locale.parse(lang)
    iso = {c.alpha_2 for c in pycountry.countries}
    countries = sorted({n for code, n in loc.territories.items() if code in iso and not re.search(r"[(),]", n)})
    cities = set()
    for tz in _zones():
        try:
            c = get_timezone_location(get_timezone(tz), locale=loc, return_city=True)
        except (LookupError, ValueError):
            continue
        if c and not re.search(r"[(),/_\d]", c):
            cities.add(c)
    home = _conf(lang).get("home")
    regions = set()
    if home:
        for s in pycountry.subdivisions.get(country_code=home) or []:
            if s.parent_code is None and not re.search(r"[(),\[]", s.name):
                regions.add(s.name)
    return {"country": countries, "city": sorted(cities - set(countries)), "region": sorted(regions - set(countries) - cities)}


@functools.lru_cache(maxsize=None)
def _all_place_names() -> frozenset[str]:
    out: set[str] = set()
    for lang in ("en", "de", "fr", "vi"):
        for names in _places(lang).values():
            out.update(names)
    return frozenset(out)


def _place_class(lang: str, name: str) -> int | None:
    """Index of the first `country_classes` pattern the name matches (same article and gender
    behaviour, so "in Italien" may become "in Spanien" but not "in Schweiz"); None: no class."""
    pats = _conf(lang).get("country_classes")
    if pats is None:
        return 0
    for i, p in enumerate(pats):
        if re.search(p, name):
            return i
    return None


def _find_names(tgt: str, names: list[str], suffixes: str = "") -> list[tuple[int, int, str]]:
    if not names:
        return []
    alt = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    suf = f"(?:{suffixes})?" if suffixes else ""
    return [(m.start(1), m.end(1), m.group(1)) for m in re.finditer(rf"(?<![\w-])({alt}){suf}(?![\w-])", tgt)]


def _edit_place(src: str, tgt: str, lang: str, rng: random.Random) -> Edit | None:
    cats = _places(lang)
    cands = []
    for cat, names in cats.items():
        for s, e, name in _find_names(tgt, names, "s" if lang == "de" else ""):
            cands.append((s, e, name, cat))
    if not cands:
        return None
    s, e, name, cat = rng.choice(cands)
    cls = _place_class(lang, name) if cat == "country" else 0
    if cls is None:
        return None  # a country name that takes an article or a gender the substitute may not share
    pool = [n for n in cats[cat] if n != name and n not in tgt and n not in src and _fold(n) != _fold(name)
            and (cat != "country" or _place_class(lang, n) == cls)]
    if not pool:
        return None
    return _apply("place", tgt, s, e, rng.choice(pool))


# ---------------------------------------------------------------------------------------------
# people

@functools.lru_cache(maxsize=None)
def _faker(lang: str):
    from faker import Faker

    return Faker(_conf(lang).get("faker", "en_US"))


@functools.lru_cache(maxsize=None)
def _name_lists() -> frozenset[str]:
    """First and last names of the four Faker locales (folded): how a capitalised word is known as a name."""
    from faker import Faker

    out: set[str] = set()
    for loc in ("en_US", "de_DE", "fr_FR", "vi_VN"):
        f = Faker(loc)
        for attr in ("first_names", "first_names_male", "first_names_female", "last_names"):
            v = getattr(f.provider("faker.providers.person"), attr, None) or {}
            out.update(_fold(x) for x in (v if isinstance(v, (list, tuple)) else list(v)))
    return frozenset(out)


_CAP_SEQ = regex.compile(r"(?<![\w-])(\p{Lu}[\p{Ll}\p{M}'’]+(?:[ -]\p{Lu}[\p{Ll}\p{M}'’]+){0,2})(?![\w-])")


def _org_names() -> set[str]:
    out: set[str] = set()
    for lang in ("en", "de", "fr", "vi"):
        out.update(_conf(lang).get("orgs", []))
    return out


def _person_candidates(src: str, tgt: str) -> list[tuple[int, int, str]]:
    """Capitalised word sequences of the target that the source spells the same way (names are kept
    across languages), with at least one word Faker knows as a first or last name, and no place."""
    names = _name_lists()
    places = _all_place_names()
    orgs = _org_names()
    out = []
    sfold = _fold(src)
    for m in _CAP_SEQ.finditer(tgt):
        seq = m.group(1)
        if seq in places or seq in orgs or any(w in places for w in seq.split()):
            continue
        if _fold(seq) not in sfold or not re.search(r"(?<!\w)" + re.escape(_fold(seq)) + r"(?!\w)", sfold):
            continue
        if not any(_fold(w) in names for w in seq.split()):
            continue  # capitalised words that are no known name (Kurdistan, Tatoeba) are left alone
        out.append((m.start(1), m.end(1), seq))
    return out


def _edit_person(src: str, tgt: str, lang: str, rng: random.Random) -> Edit | None:
    cands = _person_candidates(src, tgt)
    if not cands:
        return None
    s, e, old = rng.choice(cands)
    fk = _faker(lang)
    fk.seed_instance(rng.randrange(2**31))
    for _ in range(20):
        new = f"{fk.first_name()} {fk.last_name()}" if " " in old else fk.first_name()
        if _fold(new) not in _fold(src) and _fold(new) not in _fold(tgt) and new not in _all_place_names():
            return _apply("person", tgt, s, e, new)
    return None


# ---------------------------------------------------------------------------------------------
# organisations


_UP = "A-ZÀ-ÖØ-ÞĀ-ſĐƠƯẠ-Ỹ"


def _org_spans(tgt: str, lang: str) -> list[tuple[int, int, str, str]]:
    """Named organisations in the target: pool names, and names built on a head word (see
    `org_heads` in configs/perturb.toml). Each with its grammatical gender ("" where none)."""
    c = _conf(lang)
    out: list[tuple[int, int, str, str]] = []
    gender_of = {o: g for g, os in c.get("orgs_by_gender", {}).items() for o in os}
    for s, e, name in _find_names(tgt, c.get("orgs", [])):
        out.append((s, e, name, gender_of.get(name, "?" if gender_of else "")))
    heads = c.get("org_heads", [])
    by_gender = heads.items() if isinstance(heads, dict) else [("", heads)]
    for g, hs in by_gender:
        alt = "|".join(re.escape(h) for h in hs)
        if not alt:
            continue
        if lang == "en":
            pat = rf"(?<![\w-])((?:[{_UP}][\w'&.-]*\s(?:(?:and|&)\s)?)+(?:{alt})|(?:{alt})\sof\s(?:the\s)?[{_UP}][\w-]*(?:\s[{_UP}][\w-]*)*)(?![\w-])"
        elif lang == "de":
            pat = rf"(?<![\w-])((?:[{_UP}][a-zäöüß]+(?:e|er|en|es)\s)+(?:[{_UP}][\w-]*-)?(?:{alt})|[{_UP}][\w]*-(?:{alt}))(?![\w-])"
        elif lang == "fr":
            pat = rf"(?<![\w-])((?:{alt})\s(?:(?:de\sl'|de\sla\s|du\s|des\s|de\s|d')[{_UP}][\w-]*|[a-zéèêëîïôûç]+(?:\s[a-zéèêëîïôûç]+)?))(?![\w-])"
        else:
            pat = rf"(?<![\w-])((?:{alt})(?:\s[{_UP}][\w-]*)+)(?![\w-])"
        skip = set(c.get("org_skip", []))
        for m in re.finditer(pat, tgt):
            s, name = m.start(1), m.group(1)
            while name.split(" ", 1)[0] in skip and " " in name:  # "At Colchester Magistrates' Court"
                first = name.split(" ", 1)[0]
                s, name = s + len(first) + 1, name[len(first) + 1:]
            if len(name.split()) < 2 and "-" not in name or name.split(" ", 1)[0] in skip:
                continue  # a head word alone is no name ("Die Organisation", "Party")
            if not any(a <= s < b for a, b, _, _ in out):
                out.append((s, s + len(name), name, g))
    if lang == "en":  # article class: after "the" or bare
        out = [(a, b, n, "the" if re.search(r"(?i)\bthe\s+$", tgt[:a]) else "bare") for a, b, n, _ in out]
    return out


def _edit_organisation(src: str, tgt: str, lang: str, rng: random.Random) -> Edit | None:
    """A named organisation of the target becomes a well-known other one of the same grammatical
    gender (configs/perturb.toml). Arbitrary acronyms are not taken: many are no organisation (PDF)."""
    c = _conf(lang)
    cands = [x for x in _org_spans(tgt, lang) if x[2] not in _all_place_names()]
    if not cands:
        return None
    s, e, old, g = rng.choice(cands)
    pool = c.get("orgs_by_gender", {}).get(g) if g else c.get("orgs", [])
    same = _org_ids(old, lang)  # (not the body under another of its names: "Europäischen Union" → "EU" is no edit)
    subs = [o for o in pool or [] if _fold(o) != _fold(old) and o not in tgt and o not in src and old not in o and o not in old
            and not (same & _org_ids(o, lang))]
    if not subs:
        return None
    return _apply("organisation", tgt, s, e, rng.choice(subs))


def _org_ids(name: str, lang: str) -> set[str]:
    """The ids the language pack gives the bodies named in `name`."""
    from ..lexicon import find_names, lexicon

    return {ent for _, _, ent in find_names(name, lexicon(lang)) if ent}


# ---------------------------------------------------------------------------------------------
# offices

def _edit_office(src: str, tgt: str, lang: str, rng: random.Random) -> Edit | None:
    """The office named before a person ("Premierministerin Theresa May") becomes another office of
    the same grammatical gender: the statement is attributed to the wrong office holder."""
    offices = _conf(lang).get("offices", [])
    groups = offices.items() if isinstance(offices, dict) else [("", offices)]
    cands = []
    for g, names in groups:
        alt = "|".join(re.escape(o) for o in sorted(names, key=len, reverse=True))
        # The office, possibly the head of a compound ("US-Außenminister"), then a capitalised name.
        for m in re.finditer(rf"(?<![\w])({alt})(?=,?\s+(?:[{_UP}][\w'’-]+))", tgt):
            cands.append((m.start(1), m.end(1), m.group(1), g))
    if not cands:
        return None
    s, e, old, g = rng.choice(cands)
    pool = offices[g] if g else offices
    subs = [o for o in pool if o.lower() != old.lower() and o not in tgt and not (o in old or old in o)]
    if not subs:
        return None
    new = rng.choice(subs)
    if old[:1].isupper() and not new[:1].isupper():
        new = new[0].upper() + new[1:]
    return _apply("office", tgt, s, e, new)


# ---------------------------------------------------------------------------------------------
# negation

def _cap_like(word: str, like: str) -> str:
    return word[0].upper() + word[1:] if like[:1].isupper() else word


def _has_negative(tgt: str, lang: str) -> bool:
    """A negative word already there: an inserted negator would make a double negative."""
    words = _conf(lang).get("negative_words", [])
    return any(re.search(rf"(?i)(?<![\w'])" + re.escape(w) + r"(?![\w'])", tgt) for w in words)


def _neg_en(tgt: str, rng: random.Random) -> list[tuple[int, int, str]]:
    c = _conf("en")
    out = []
    for m in re.finditer(r"(?i)(?<![\w'])(" + "|".join(re.escape(k) for k in c["neg_contractions"]) + r")(?![\w'])", tgt):
        out.append((m.start(), m.end(), _cap_like(c["neg_contractions"][m.group(1).lower()], m.group(1))))
    aux = "|".join(c["neg_aux"])
    for m in re.finditer(rf"(?i)(?<![\w'])({aux}) (not|never) (?!only\b)", tgt):  # removal: "is not" -> "is"
        out.append((m.start(), m.end(), m.group(1) + " "))
    if not out and not tgt.rstrip().endswith("?") and not _has_negative(tgt, "en"):
        ins = "|".join(c["neg_insert_after"])
        for m in re.finditer(rf"(?<![\w'])(?<!\bto )({ins}) (?!not\b|never\b)([a-z]+)", tgt):
            if m.group(1).lower() in ("has", "have", "had") and not re.search(r"(?:ed|en|wn|ne|ught|ade|id|ept|et|ld|ung|unk)$", m.group(2)):
                continue  # "have" as a main verb would need do-support
            if m.start() > 0:  # insertion after the first auxiliary
                out.append((m.start(), m.end(1), "cannot" if m.group(1) == "can" else m.group(1) + " not"))
                break
    return out


def _neg_de(tgt: str, rng: random.Random) -> list[tuple[int, int, str]]:
    c = _conf("de")
    out = []
    for m in re.finditer(r"(?:(?<=\s)|^)nicht(?![\w-])(?! nur\b| einmal\b| zuletzt\b) ?", tgt):
        a = m.start() - 1 if m.start() > 0 and m.group(0)[-1:] != " " else m.start()  # take one space with it
        out.append((a, m.end(), ""))
    for m in re.finditer(r"(?<![\w-])(" + "|".join(c["neg_determiners"]) + r")(?![\w-])", tgt, flags=re.IGNORECASE):
        out.append((m.start(), m.end(), _cap_like(c["neg_determiners"][m.group(1).lower()], m.group(1))))
    for m in re.finditer(r" (" + "|".join(c["neg_drop"]) + r")(?![\w-])", tgt):
        out.append((m.start(), m.end(), ""))
    if not out and not tgt.rstrip().endswith("?") and not _has_negative(tgt, "de"):
        aux = "|".join(c["neg_aux"])
        sub = "|".join(c.get("subordinators", []))
        m = None
        for cand in re.finditer(rf"(?<=\w )({aux})(?= [\w„\"])", tgt):  # a finite verb, not sentence-initial
            clause = re.split(r"[,;:„“\"()–]", tgt[:cand.start()])[-1].strip()
            if sub and _subordinate(clause, "de"):
                continue  # a verb-final subordinate clause: "nicht" would go elsewhere
            m = cand
            break
        if m:
            clause = re.split(r"[,;:.!?]", tgt[m.end():], maxsplit=1)[0]  # up to the end of the verb's clause
            words = clause.split()
            fin = re.search(r" ([a-zäöüß]+(?:en|t|n))[\"“”»«]?\s*$", clause)
            if fin and m.group(1) in c.get("copulas", []) and not re.match(r"ge\w+|\w+en$", fin.group(1)):
                fin = None  # "war 13 Jahre alt": an adjective, not a participle
            if fin and len(words) >= 2:
                # Before the clause-final infinitive or participle ("hat das Buch nicht gelesen").
                out.append((m.end() + fin.start(), m.end() + fin.start(), " nicht"))
            elif words and m.group(1) in c.get("copulas", []) and words[0][:1].islower() \
                    and words[0].lower() not in c.get("subject_words", []):
                # Right after a copula when what follows is no inverted subject ("ist nicht krank").
                out.append((m.end(), m.end(), " nicht"))
    return out


def _neg_fr(tgt: str, rng: random.Random) -> list[tuple[int, int, str]]:
    c = _conf("fr")
    out = []
    # Removal: "ne VERB pas" / "n'VERB pas" -> "VERB" ("je n'ai pas" -> "j'ai").
    for m in re.finditer(r"(?i)\b(je |j')?(ne |n')((?:\w+'?|\w+ ){1,3}?)pas ", tgt):
        subj, verb = m.group(1) or "", m.group(3)
        if subj.lower().startswith("je") and re.match(r"(?i)[aeiouyhéèêàâ]", verb):
            subj = _cap_like("j'", subj)
        out.append((m.start(), m.end(), subj + verb))
    if not out and not tgt.rstrip().endswith("?") and not _has_negative(tgt, "fr"):
        subs = "|".join(re.escape(s) for s in c["subjects"])
        cl = "|".join(re.escape(x) for x in c["clitics"])
        m = re.search(rf"(?i)(?<![\w'])({subs}|j') ((?:(?:{cl}) ?)*)([a-zéèêàâîôûç]+)\b", tgt)
        if m and (m.group(1).lower() not in ("ce", "cela", "ça") or m.group(3).lower() in ("est", "sont", "était")):
            subj, clit, verb = m.group(1), m.group(2), m.group(3)
            if subj.lower() == "j'":
                subj = _cap_like("je", subj) + " "
            else:
                subj = subj + " "
            first = clit or verb
            ne = "n'" if re.match(r"(?i)[aeiouyhéèêàâ]", first) else "ne "
            new = f"{subj}{ne}{clit}{verb} pas"
            out.append((m.start(), m.end(), new))
    return out


def _neg_vi(tgt: str, rng: random.Random) -> list[tuple[int, int, str]]:
    c = _conf("vi")
    out = []
    question = tgt.rstrip().endswith("?")
    for w in c["neg_words"]:
        for m in re.finditer(rf"(?i)(?<!\w){w}( phải)?(?!\w) ?", tgt):
            tail = tgt[m.end():].strip(" .!?")
            if question or not tail:
                continue  # "có … không?" is a question frame, not negation
            out.append((m.start(), m.end(), ""))
    if not out and not question:
        for word, neg in c["neg_insert"].items():
            m = re.search(rf"(?<!\w){re.escape(word)}(?!\w)", tgt)
            if m and m.start() > 0:
                out.append((m.start(), m.end(), neg))
                break
    return out


_NEG = {"en": _neg_en, "de": _neg_de, "fr": _neg_fr, "vi": _neg_vi}


_FIGURE = re.compile(r"\d")
_CLAUSE = re.compile(r"[,;:!?()]|\.(?!\d)")


def _edit_direction(src: str, tgt: str, lang: str, rng: random.Random) -> Edit | None:
    """A rise said as a fall or back: a word of change (configs/perturb.toml direction_swaps) within six words of
    a figure in digits, in its clause ("stieg um 12 Prozent" -> "sank um 12 Prozent")."""
    conf = _conf(lang)
    # as written ("Anstieg" the noun, "anstieg" a verb's part), or capitalised at a sentence's start
    swaps = {**conf.get("direction_swaps", {}), **{v: k for k, v in conf.get("direction_swaps", {}).items()},
             **conf.get("direction_oneway", {})}
    if not swaps:
        return None
    words = list(regex.finditer(r"\p{L}+(?: \p{L}+)?", tgt)) if any(" " in k for k in swaps) else []
    figures = [f for f in _NUM.finditer(tgt) if _FIGURE.search(f.group())]
    spots = []
    for m in list(regex.finditer(r"\p{L}+", tgt)) + words:
        word = m.group()
        new = swaps.get(word) or (swaps.get(word[:1].lower() + word[1:]) if word[:1].isupper() else None)
        if new is None:
            continue
        for f in figures:
            gap = tgt[min(m.end(), f.end()):max(m.start(), f.start())]
            if len(regex.findall(r"[\p{L}\p{N}]+", gap)) <= 6 and not _CLAUSE.search(gap):
                spots.append((m.start(), m.end(), _cap_like(new, m.group())))
                break
    if not spots:
        return None
    start, end, new = rng.choice(sorted(set(spots)))
    return _apply("direction", tgt, start, end, new)


def _edit_negation(src: str, tgt: str, lang: str, rng: random.Random) -> Edit | None:
    fn = _NEG.get(lang)
    cands = fn(tgt, rng) if fn else []
    if not cands:
        return None
    s, e, new = rng.choice(cands)
    ed = _apply("negation", tgt, s, e, new)
    text = re.sub(r"  +", " ", ed.text).strip()
    text = text[0].upper() + text[1:] if tgt[:1].isupper() and text else text
    return Edit("negation", text, ed.old, ed.new, s, ed.expected)


# ---------------------------------------------------------------------------------------------
# omission and addition

_SENT_END = re.compile(r"(?<=[.!?…])[\"'»“”]?\s+(?=[\"'«„“]?[A-ZÀ-ÖØ-ÞĐ0-9])")
# Coordinating conjunctions that start a droppable second clause (", and …", " und …").
_CONJ = {"en": ["and", "but", "while"], "de": ["und", "aber", "sowie", "doch"], "fr": ["et", "mais"], "vi": ["và", "nhưng"]}


def _subordinate(clause: str, lang: str) -> bool:
    """The clause starts with a subordinator: lower case anywhere; capitalised (sentence start) only
    for words that are not also articles or pronouns ("Weil …" yes, "Die Feuerwehr …" no)."""
    c = _conf(lang)
    first = (re.match(r"[\w']+", clause) or [""])[0]
    subs = c.get("subordinators", [])
    if first in subs:
        return True
    return first[:1].isupper() and first.lower() in subs and first.lower() not in c.get("subject_words", [])


def _edit_omission(src: str, tgt: str, lang: str, rng: random.Random) -> Edit | None:
    """Drop a whole sentence of a multi-sentence target, else a coordinated second part of at least
    three words (", und er …", " and …"), keeping a first part of at least three words."""
    cands: list[tuple[int, int]] = []
    # sentences as the segmenter cuts them ("um 2500 v. Chr. von …", "z. B." end none)
    bounds = [0] + [a for a, _ in sentence_spans(tgt, lang)[1:]] + [len(tgt)]
    if len(bounds) > 2:
        for a, b in zip(bounds, bounds[1:]):
            if len(tgt[a:b].split()) >= 3:
                cands.append((a, b))
    if not cands:
        end = re.search(r"[.!?…\"'»“”]*\s*$", tgt).start()
        conj = "|".join(re.escape(w) for w in _CONJ.get(lang, []))
        if not conj:
            return None
        subs = "|".join(re.escape(w) for w in _conf(lang).get("subordinators", []))
        for m in re.finditer(rf",?\s+(?=(?:{conj})\s)", tgt[:end]):
            tail = tgt[m.start():end]
            head = tgt[:m.start()]
            last = re.split(r"[,;:(„“\"]", head)[-1].strip()  # the part the conjunction continues
            if len(re.findall(r"\w+", tail)) < 3 or len(re.findall(r"\w+", last)) < 3:
                continue  # a list item ("Paris, London and Rome"), not a clause
            if subs and _subordinate(last, lang):
                continue  # inside a subordinate clause, whose verb would be cut off
            cands.append((m.start(), end))
    if not cands:
        return None
    s, e = rng.choice(cands)
    ed = _apply("omission", tgt, s, e, "")
    text = ed.text.strip()
    return Edit("omission", text, ed.old, "", s, ed.expected)


def _has_fact(sentence: str) -> bool:
    """A number, a known place or a known person name: what makes an added sentence a fact."""
    if re.search(r"\d", sentence):
        return True
    places, names = _all_place_names(), _name_lists()
    return any(w in places or (w[:1].isupper() and _fold(w) in names and k > 0)
               for k, w in enumerate(re.findall(r"[\w'-]+", sentence)))


def _edit_addition(src: str, tgt: str, lang: str, rng: random.Random, pool: list[str] | None = None) -> Edit | None:
    """Append a sentence with a fact (a number or a name) taken from another pair's target."""
    if not pool:
        return None
    start = rng.randrange(len(pool))
    for k in range(min(len(pool), 200)):
        cand = pool[(start + k) % len(pool)].strip()
        n = len(cand.split())
        if cand and cand != tgt and 4 <= n <= 25 and _has_fact(cand) and cand not in tgt and not cand.endswith("?") \
                and not _SENT_END.search(cand):
            sep = " " if re.search(r"[.!?…\"'»“”]$", tgt.strip()) else ". "
            new = sep + cand
            return Edit("addition", tgt.rstrip() + new, "", new, len(tgt.rstrip()), EXPECTED["addition"])
    return None


# (addition and date edits take more than the target: another pair's sentences, the source's language)
_EDITORS = {"number": _edit_number, "place": _edit_place, "person": _edit_person,
            "organisation": _edit_organisation, "office": _edit_office, "negation": _edit_negation, "omission": _edit_omission,
            "direction": _edit_direction}


def perturb(src: str, tgt: str, src_lang: str, tgt_lang: str, kind: str, seed: int = 0,
            pool: list[str] | None = None) -> Edit | None:
    """One edit of `kind` to the target, or None where it cannot be made naturally.

    `pool`: other target sentences (same language) an addition may take its sentence from."""
    if kind not in KINDS:
        raise ValueError(f"unknown edit kind {kind!r}; choose from {', '.join(KINDS)}")
    rng = _rng(seed, kind, tgt)
    if kind == "addition":
        ed = _edit_addition(src, tgt, tgt_lang, rng, pool)
    elif kind == "date":
        ed = _edit_date(src, tgt, tgt_lang, rng, src_lang)
    else:
        ed = _EDITORS[kind](src, tgt, tgt_lang, rng)
    if ed is None or ed.text == tgt or not ed.text.strip():
        return None
    return ed


def perturb_documents(docs: list[dict], seed: int = 0, error_share: float = 0.5, max_segments: int = 3) -> list[dict]:
    """Cases in fidelity-dev's format from clean parallel documents ({id, src_lang, tgt_lang,
    src: [...], tgt: [...]}, line i ↔ line i): each document is cut into windows of 1..max_segments
    segments; about `error_share` of the windows get one edit, the kinds taking turns (the least used
    kind that applies goes first), the rest stay clean to count false alarms. A document-level
    omission drops a whole target segment (the case then carries its alignment, as fidelity-dev
    does); every other kind edits one target segment. Each error records its kind and the change."""
    rng = random.Random(f"docs\x1f{seed}")
    pool_by_doc = {d["id"]: d["tgt"] for d in docs}
    used = {k: 0 for k in KINDS}
    cases = []
    for d in docs:
        if len(d["src"]) != len(d["tgt"]):
            raise ValueError(f"document {d['id']}: {len(d['src'])} source but {len(d['tgt'])} target segments")
        pool = [t for k, ts in pool_by_doc.items() if k != d["id"] for t in ts]
        sl, tl = d.get("src_lang", "vi"), d.get("tgt_lang", "de")
        i = 0
        while i < len(d["src"]):
            n = rng.randint(1, max_segments)
            src, tgt = list(d["src"][i:i + n]), list(d["tgt"][i:i + n])
            case = {"id": f"{d['id']}#{i}", "doc": d["id"], "src_lang": sl, "tgt_lang": tl, "src": src, "tgt": tgt, "errors": []}
            i += n
            if rng.random() < error_share:
                order = sorted(DOCUMENT_KINDS, key=lambda k: (used[k], rng.random()))
                for kind in order:
                    err = _document_edit(case, kind, rng, seed, pool)
                    if err:
                        used[kind] += 1
                        break
            cases.append(case)
    return cases


def _document_edit(case: dict, kind: str, rng: random.Random, seed: int, pool: list[str]) -> bool:
    segs = list(range(len(case["tgt"])))
    rng.shuffle(segs)
    if kind == "omission":
        if len(segs) < 2:
            return False
        j = segs[0]
        old = case["tgt"].pop(j)
        case["align"] = [[[k], [k if k < j else k - 1]] if k != j else [[j], []] for k in range(len(case["src"]))]
        case["errors"].append({"src": [j], "tgt": [], "types": ["omission"], "severity": "major", "kind": kind,
                               "note": f"target segment dropped: {old[:80]}"})
        return True
    for j in segs:
        ed = perturb(case["src"][j], case["tgt"][j], case["src_lang"], case["tgt_lang"], kind, seed=seed, pool=pool)
        if ed is None:
            continue
        case["tgt"][j] = ed.text
        case["errors"].append({"src": [j], "tgt": [j], "types": list(ed.expected),
                               "severity": "major" if kind == "addition" else "critical", "kind": kind,
                               "note": f"{ed.old!r} -> {ed.new!r}"})
        return True
    return False
