"""Language knowledge for the checks: names, titles and offices from the language packs
(configs/lang/LANG/ and configs/lang/mul/) and CLDR (Babel), which supplies country and month names
and number symbols for every locale. Negation and numbers read their own pack files
(mt/fidelity/negation.py, mt/fidelity/values.py).
"""
from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass, field

import regex

from .config import config_dir, load_toml
from .types import nfc


@dataclass(frozen=True)
class EntityName:
    entity: str  # "country:KR", "city:moscow", "org:nato", "person:wang_yi"
    surface: str
    prefix: bool = False  # a demonym stem, matched as a word prefix ("südkoreanisch…")
    key: str = ""  # lower-case text that must occur for the pattern to match (a cheap pre-test)

    @functools.cached_property
    def pattern(self) -> regex.Pattern:
        # compiled on first use: most names are found through the index and never need one
        return _name_pattern(self.surface, self.prefix)

    @property
    def cls(self) -> str:
        return entity_class(self.entity)


PLACE_KINDS = ("country", "city", "province", "region", "subdivision", "tzcity")


def entity_class(entity: str) -> str:
    """'place', 'org' or 'person' for an entity id ("city:gn1853909" → place)."""
    kind = entity.split(":", 1)[0]
    return "place" if kind in PLACE_KINDS else kind


@dataclass
class Lexicon:
    lang: str
    names: list[EntityName] = field(default_factory=list)
    titles: dict[str, list[str]] = field(default_factory=dict)
    honorifics: list[str] = field(default_factory=list)
    months: dict[str, int] = field(default_factory=dict)
    decimal: str = ","
    group: str = "."
    # from the language pack (configs/lang/LANG, configs/lang/mul): see load_pack
    index: dict[str, str] = field(default_factory=dict)  # surface as written -> entity id
    entities: frozenset[str] = frozenset()  # the ids the index can name
    first_names: frozenset[str] = frozenset()
    caps: dict = field(default_factory=dict)  # [capitalisation] of names.toml
    has_pack: bool = False
    connectors: frozenset[str] = frozenset()  # words between a title and its country ("der", "of the")

    @functools.cached_property
    def pattern_names(self) -> list[tuple[EntityName, bool]]:
        """The names matched by their pattern, not looked up in the index, each with whether it is a
        prefix (a demonym stem): all of them where there is no index. Listed once per language."""
        return [(n, n.prefix) for n in self.names if n.prefix or not self.index]

    @functools.cached_property
    def index_heads(self) -> dict[str, int]:
        """The first word of every indexed surface -> the most words a surface opening with it has:
        find_names looks up n-grams only where one can start (most words open no name)."""
        heads: dict[str, int] = {}
        for surface in self.index:
            words = _WORD.findall(surface)
            if words:
                heads[words[0]] = max(heads.get(words[0], 0), len(words))
        return heads


def _name_pattern(surface: str, prefix: bool = False) -> regex.Pattern:
    # Whole words, but a hyphen may join a name to a compound ("NATO-Generalsekretär",
    # "Ukraine-Konflikt"). Demonym stems match as word prefixes ("südkoreanischen").
    body = regex.escape(nfc(surface))
    tail = r"[\p{L}]*" if prefix else r"s?(?![\p{L}\p{N}])"  # genitive: "Moskaus", "Pjöngjangs"
    flags = regex.IGNORECASE if prefix else 0
    return regex.compile(rf"(?<![\p{{L}}\p{{N}}]){body}{tail}", flags)


@functools.lru_cache(maxsize=None)
def lexicon(lang: str) -> Lexicon:
    from babel import Locale, UnknownLocaleError
    from babel.numbers import get_decimal_symbol, get_group_symbol

    lex = Lexicon(lang=lang)
    names: dict[tuple[str, str], bool] = {}
    try:
        loc = Locale.parse(lang)
        territories = {code: name for code, name in loc.territories.items() if len(code) == 2 and code.isalpha()}
        plain = set(territories.values())
        for code, name in territories.items():
            names[(f"country:{code}", name)] = False
            # "Myanmar (Miến Điện)", "Myanmar (Birmanie)": a text writes either name alone (not "Saint-Martin" of
            # "Saint-Martin (partie néerlandaise)", another territory's name, nor a lower-case qualifier)
            m = regex.fullmatch(r"(.+?)\s*\(([^()]+)\)", name)
            if m:
                for part in (m.group(1), m.group(2)):
                    if part[:1].isupper() and part not in plain:
                        names[(f"country:{code}", part)] = False
        lex.months = {nfc(m).lower(): k for k, m in loc.months["format"]["wide"].items()}
        lex.decimal, lex.group = get_decimal_symbol(loc), get_group_symbol(loc)
    except (UnknownLocaleError, ValueError):
        pass
    hand = _pack_file(lang, "names.toml")
    canon = canonical_ids()
    for code, aliases in hand.get("countries", {}).items():
        for a in aliases:
            names[(f"country:{code}", a)] = False
    for code, stems in hand.get("demonyms", {}).items():
        for s in stems:
            names[(f"{'subdivision' if '-' in code else 'country'}:{code}", s)] = True
    for section in ("places", "orgs", "people", "regions"):
        for ent, aliases in hand.get(section, {}).items():
            for a in aliases:
                names[(canon.get(ent, ent), a)] = False
    # Longest first, so "Liên minh châu Âu" wins over "châu Âu".
    for (ent, surface), prefix in sorted(names.items(), key=lambda kv: -len(kv[0][1])):
        lex.names.append(EntityName(ent, surface, prefix, nfc(surface).lower()))
    offices = _pack_file(lang, "offices.toml")
    lex.titles = dict(offices.get("titles", {}))
    lex.connectors = frozenset(w.lower() for w in offices.get("binding", {}).get("connectors", []))
    lex.honorifics = list(hand.get("people_words", {}).get("honorifics", []))
    load_pack(lex, names)
    return lex


@functools.lru_cache(maxsize=None)
def stands_for() -> dict[str, str]:
    """A mention of the key stands for the value (a capital for its country): hand entries and GeoNames capitals."""
    canon = canonical_ids()
    out = {canon.get(k, k): canon.get(v, v) for k, v in _pack_file("mul", "names.toml").get("stands_for", {}).items()}
    for k, v in _pack_file("mul", "places.toml").get("stands_for", {}).items():
        out.setdefault(k, v)
    return out


# --- language packs: configs/lang/LANG/{names,offices,places}.toml and configs/lang/mul/ -------------

def _pack_file(lang: str, name: str) -> dict:
    rel = f"lang/{lang}/{name}"
    return load_toml(rel) if (config_dir() / rel).exists() else {}


@functools.lru_cache(maxsize=None)
def word_list(path: str) -> tuple[frozenset[str], frozenset[str]] | None:
    """A system word list ([capitalisation] wordlist of a pack), read once: (capitalised entries, lower-case
    entries), or None where the file cannot be read."""
    from pathlib import Path

    try:
        words = Path(path).read_text(encoding="utf-8", errors="replace").split()
    except OSError:
        return None
    return frozenset(w for w in words if w[:1].isupper()), frozenset(w for w in words if w[:1].islower())


@functools.lru_cache(maxsize=None)
def _given_names_data() -> dict[str, tuple[int, ...]]:
    """First names of many countries with their frequency class per country (0 none, 1 rare .. 13
    common), read at run time from the data file that configs/lang/mul/names.toml [given_names] names
    (Jörg Michael's nam_dict.txt, GFDL, shipped by gender-guesser); empty where it is absent."""
    from importlib import resources

    spec = _pack_file("mul", "names.toml").get("given_names", {})
    pkg, _, rel = str(spec.get("data", "")).partition(":")
    if not pkg or not rel:
        return {}
    try:
        data = resources.files(pkg).joinpath(rel).read_bytes()
    except (ModuleNotFoundError, OSError):
        return {}
    try:
        # gender-guesser ships the file in UTF-8 (the original is ISO-8859-1); read as Latin-1, every name with
        # a letter beyond ASCII ("Jürgen", "François", "Björn", "José") was garbled and left out
        raw = data.decode("utf-8")
    except UnicodeDecodeError:
        raw = data.decode("latin-1")
    width = len(spec.get("columns", [])) or 55
    out: dict[str, tuple[int, ...]] = {}
    for line in raw.splitlines():
        if line[:1] in ("#", "=") or len(line) < 31:
            continue
        name = line[3:29].strip()  # gender code, name, then one frequency digit (hex) per country
        if name.isalpha():  # ("<" escapes of other letters, "+" joins of two names: left out)
            freq = tuple(int(c, 16) if c in "0123456789ABCDEF" else 0 for c in line[30:30 + width].ljust(width))
            old = out.get(name)
            out[name] = freq if old is None else tuple(max(a, b) for a, b in zip(old, freq))
    return out


@functools.lru_cache(maxsize=None)
def _given_names(lang: str) -> frozenset[str]:
    """The frequent first names of the data file that are no ordinary word of `lang`: not listed in
    lower case in its word list; a word it lists capitalised ("Bettina", but also "Anker", "Uran") only
    where the name is common in the language's own countries ([given_names] local); not a native
    syllable where the pack gives one (Vietnamese "Minh", "Lan")."""
    least, local = _frequency_columns(lang)
    caps = _pack_file(lang, "names.toml").get("capitalisation", {})
    native = regex.compile(caps["native_syllable"]) if caps.get("native_syllable") else None
    listed = caps.get("wordlist") and word_list(caps["wordlist"])
    upper, lower = listed or (frozenset(), frozenset())
    # without the word list nothing tells a noun from a name where every noun is capitalised ("Tage", "Mal",
    # "Rosen" are first names abroad): only the names common in the language's own countries are kept
    local_only = bool(caps.get("nouns") and caps.get("wordlist") and not listed)
    out = set()
    for name, freq in _given_names_data().items():
        if max(freq) < least or len(name) < 3 or name.lower() in lower or native and native.fullmatch(name):
            continue
        if local_only and not any(freq[i] >= least for i in local):
            continue
        # where every noun is capitalised, a capitalised entry may be a noun ("Horst"/"Horste": one with a plural;
        # "s" is also a name's genitive, "Bettinas"); where only names are, it is a name ("Bruno")
        if caps.get("nouns") and name in upper and (not any(freq[i] >= least for i in local)
                                                   or any(name + e in upper for e in ("e", "en", "n", "er"))):
            continue
        out.add(name)
    return frozenset(out)


def _frequency_columns(lang: str) -> tuple[int, list[int]]:
    """The least frequency class that counts, and the data file's columns of `lang`'s own countries."""
    spec = _pack_file("mul", "names.toml").get("given_names", {})
    columns = spec.get("columns", [])
    return int(spec.get("min_frequency", 3)), [columns.index(c) for c in spec.get("local", {}).get(lang, []) if c in columns]


@functools.lru_cache(maxsize=None)
def local_given_names(lang: str) -> frozenset[str]:
    """Given names common in `lang`'s own countries ([given_names] local: "Mark" in German, not "Dong")."""
    least, local = _frequency_columns(lang)
    return frozenset(name for name, freq in _given_names_data().items() if any(freq[i] >= least for i in local))


def bare_letters(text: str) -> str:
    """`text` without its letters' marks, case kept ("Bình Dương" -> "Binh Duong", "Đồng Nai" -> "Dong Nai")."""
    text = text.replace("đ", "d").replace("Đ", "D")
    return unicodedata.normalize("NFC", "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)))


def unmarked(word: str) -> str:
    """`word` in lower case without its marks ("Hùng" -> "hung", "Đông" -> "dong"): how a data file that
    writes names in ASCII has them."""
    return bare_letters(word.lower()).encode("ascii", "ignore").decode()


@functools.lru_cache(maxsize=None)
def native_given_names(lang: str) -> frozenset[str]:
    """Given names common in `lang`'s own countries that a syllable of the language also spells
    (Vietnamese "Minh", "Lan", "Hùng" as "hung"): lower case, without marks. `_given_names` leaves them
    out, since such a word is as often an ordinary one; a tagger's proper noun of this form is a name."""
    caps = _pack_file(lang, "names.toml").get("capitalisation", {})
    if not caps.get("native_syllable"):
        return frozenset()
    native = regex.compile(caps["native_syllable"])
    return frozenset(unmarked(name) for name in local_given_names(lang) if native.fullmatch(name))


@functools.lru_cache(maxsize=None)
def _mul_city_index() -> dict[str, str]:
    return {s: ent for ent, surfaces in _pack_file("mul", "places.toml").get("places", {}).items() for s in surfaces}


def pack_languages() -> list[str]:
    """The folders of configs/lang (every language pack, and mul), sorted."""
    lang_dir = config_dir() / "lang"
    return sorted(d.name for d in lang_dir.iterdir() if d.is_dir()) if lang_dir.exists() else []


@functools.lru_cache(maxsize=None)
def canonical_ids() -> dict[str, str]:
    """Hand-written city ids ("city:moscow") → the GeoNames id that shares one of their names, so a
    hand entry in one language and a generated name in another are the same entity."""
    cities = _mul_city_index()
    out: dict[str, str] = {}
    for lang in pack_languages():
        for ent, aliases in _pack_file(lang, "names.toml").get("places", {}).items():
            if ent.startswith("city:") and ent not in out:
                hit = next((cities[a] for a in aliases if a in cities), None)
                if hit:
                    out[ent] = hit
    return out


def load_pack(lex: Lexicon, hand: dict[tuple[str, str], bool]) -> None:
    """Fill lex.index from the hand names (first: they win a shared surface), then the generated
    countries, regions, cities (GeoNames), time-zone cities and subdivisions of the pack."""
    gen = _pack_file(lex.lang, "places.toml")
    hand_file = _pack_file(lex.lang, "names.toml")
    lex.has_pack = bool(gen or hand_file)
    index: dict[str, str] = {}
    for phrase in hand_file.get("capitalisation", {}).get("blocked", []):
        index[nfc(phrase)] = ""  # read as one unit and dropped: "Chủ Nhật" (Sunday) is not Nhật (Japan)
    canon = canonical_ids()
    for section in ("orgs", "people", "places", "regions"):  # hand entries first: "Europäische Union" is org:eu
        for ent, aliases in hand_file.get(section, {}).items():
            for a in aliases:
                index.setdefault(nfc(a), canon.get(ent, ent))
    # (the language's own word list and English's, whose words turn up in every language: not "Who" for WHO)
    lists = {hand_file.get("capitalisation", {}).get("wordlist"), _pack_file("en", "names.toml").get("capitalisation", {}).get("wordlist")}
    ordinary = [w for w in (word_list(p) for p in lists if p) if w]
    for ent, aliases in hand_file.get("orgs", {}).items():
        for a in aliases:  # an acronym that is pronounced is also written as a word: "Onu", "Otan", "Nato"
            if a.isalpha() and a.isupper() and len(a) >= 3 \
                    and not any(a.lower() in lower or a.capitalize() in caps for caps, lower in ordinary):
                index.setdefault(nfc(a.capitalize()), canon.get(ent, ent))
    for (ent, surface), prefix in hand.items():
        if not prefix:
            index.setdefault(nfc(surface), ent)
    mul = _pack_file("mul", "places.toml") if gen else {}
    # a city named by an ordinary word of other languages only ("Bordeaux" in German, "Boston" in English), before
    # the city's other names: its name shows in explanations
    words_of = mul.get("word_languages", {})
    word_cities = {ent: [s for s in surfaces if lex.lang not in words_of.get(s, ())]
                   for ent, surfaces in mul.get("word_cities", {}).items()}
    tables = [gen.get("countries", {}), gen.get("regions", {}), word_cities, mul.get("places", {}),
              gen.get("tz_cities", {}), gen.get("subdivisions", {})]
    for table in tables:
        for ent, surfaces in table.items():
            for surface in surfaces:
                index.setdefault(nfc(surface), ent)
    # a subdivision's name as other languages write it, without its marks ("Binh Duong", "Dong Nai", "Ile-de-France");
    # one short word so is too often another word ("Hue")
    for ent, surfaces in gen.get("subdivisions", {}).items():
        for surface in surfaces:
            bare = bare_letters(surface)
            if bare != surface and (" " in bare or len(bare) >= 6):
                index.setdefault(bare, ent)
    lex.index = index
    lex.entities = frozenset(index.values()) - {""}
    people = _pack_file("mul", "people.toml").get("first_names", {}).get("all", []) if lex.has_pack else []
    lex.caps = dict(hand_file.get("capitalisation", {}))
    lex.first_names = frozenset(people) | (_given_names(lex.lang) if lex.has_pack else frozenset())


_WORD = regex.compile(r"[\p{L}\p{M}\p{N}]+")
MAX_NAME_WORDS = 8  # the longest indexed surface find_names looks up (longer ones are rare)


@functools.lru_cache(maxsize=None)
def surfaces_of(lang: str) -> dict[str, tuple[str, ...]]:
    """Entity id -> the surfaces the language pack gives it (the index inverted, once per language: the names
    checks ask for it on every pair)."""
    out: dict[str, list[str]] = {}
    for surface, ent in lexicon(lang).index.items():
        if ent:
            out.setdefault(ent, []).append(surface)
    return {e: tuple(v) for e, v in out.items()}


def find_names(text: str, lex: Lexicon) -> list[tuple[int, int, str]]:
    """(start, end, entity) of every indexed name in `text`, longest first from left to right; a
    genitive s is allowed ("Osakas"). One dictionary look-up per word n-gram: linear in the text."""
    words = list(_WORD.finditer(text))
    heads = lex.index_heads
    out = []
    k = 0
    while k < len(words):
        hit = None
        first = words[k].group()
        # a surface opens with its first word; a genitive of one word may also be that word less its s
        most = max(heads.get(first, 0), 1 if first.endswith("s") and first[:-1] in heads else 0)
        for n in range(min(MAX_NAME_WORDS, len(words) - k, most), 0, -1):
            start, end = words[k].start(), words[k + n - 1].end()
            surface = text[start:end]
            ent = lex.index.get(surface)
            if ent is None and text[end:end + 1] == "." and "." in surface:
                # an abbreviation's last dot ends no word: "U.N." is read as "U.N"
                ent = lex.index.get(surface + ".")
                if ent is not None:
                    end += 1
            if ent is None and surface.endswith("s") and n >= 1:
                ent = lex.index.get(surface[:-1])
            if ent is not None:
                hit = (start, end, ent, n)
                break
        if hit:
            if hit[2]:
                out.append(hit[:3])
            k += hit[3]
        else:
            k += 1
    return out


@functools.lru_cache(maxsize=8192)
def word_re(word: str, stem: bool = False, ignorecase: bool = False) -> regex.Pattern:
    """A compiled pattern for `word` as a whole word (or, with `stem`, as the start of a word)."""
    tail = r"[\p{L}]*" if stem else r"(?![\p{L}])"
    return regex.compile(rf"(?<![\p{{L}}]){regex.escape(word)}{tail}", regex.IGNORECASE if ignorecase else 0)


# --- offices per country: configs/lang/mul/offices.toml ---------------------------------------------

@functools.lru_cache(maxsize=None)
def _offices() -> dict:
    return _pack_file("mul", "offices.toml")


DEPUTY = "deputy:"  # prefix of the office id of a deputy ("deputy:prime_minister")


def deputy_of(office: str) -> str | None:
    """The office whose deputy `office` is, or None where it is no deputy's office."""
    return office[len(DEPUTY):] if office.startswith(DEPUTY) else None


def office_key(office: str, qualifier: str | None) -> tuple[str, str | None]:
    """The office as one id whatever a language calls it: "Chủ tịch" of the European Commission is
    its president; a prime minister and a chancellor are both the head of government."""
    data = _offices()
    if deputy_of(office):  # the deputy of one office is one office too: deputy:head_of_government
        return DEPUTY + office_key(deputy_of(office), qualifier)[0], qualifier
    office = data.get("qualified", {}).get(f"{office}@{qualifier}", office)
    for group, members in data.get("same_office", {}).items():
        if office in members:
            return group, qualifier
    return office, qualifier


def same_office(a: tuple[str, str | None], b: tuple[str, str | None]) -> bool:
    """Two (office, qualifier) bindings name one office; a missing qualifier matches any."""
    (oa, qa), (ob, qb) = office_key(*a), office_key(*b)
    return oa == ob and (qa is None or qb is None or qa == qb)


def deputy_office(office: str) -> str:
    """The office of the deputy of `office`: its own id where it has one (president → vice_president),
    else "deputy:" + the office."""
    if deputy_of(office) or office == "vice_president":
        return office
    return _offices().get("deputy", {}).get(office, DEPUTY + office)


def office_title(office: str, country: str | None) -> str | None:
    """What the office is called in `country` ("head_of_government" + Germany → "chancellor"), or
    None where the register says nothing of it."""
    group, _ = office_key(office, country)
    if group != "head_of_government" or not country:
        return None
    return _offices().get("head_of_government", {}).get(country, "prime_minister")


@functools.lru_cache(maxsize=None)
def labels() -> dict:
    """English display names of office and organisation ids (configs/lang/en/offices.toml [labels])."""
    return _pack_file("en", "offices.toml").get("labels", {})
