"""Numbers and dates read as values, from the language's pack configs/lang/LANG/numbers.toml:
digits with the locale's separators ('12.000', '3,5', '20 000' with thin or plain spaces),
scales after digits ('9 Millionen', '355 tỷ'), number words ('mười một', 'zweihunderttausend',
'quatre-vingt-onze'), and dates ('29/10', '12 tháng 3', '12.03.', '29. Oktober 2024', 'March 12').

A language without a pack, or a pack without a section, reads only what needs no knowledge
(digits with '.'/',' and four-digit years); `coverage(lang)` names what is missing.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import NamedTuple

import regex

from ..config import config_dir, load_toml
from ..types import nfc

# Four-digit years are written alike in every language we read.
BARE_YEAR = r"(?<!\p{N}|\p{N}[.,])(?P<y>(?:19|20)\d{2})(?!\p{N}|[.,]\p{N})"
# Signs written before an amount: "$90m" is money, so "m" is million.
CURRENCY_SIGNS = "$£€¥₫"
# Spaces that group thousands in every locale that groups with a space: no-break, narrow no-break, thin.
THIN_SPACES = "\u00a0\u202f\u2009"
# A spelled-out number of one word below this value ('drei', 'vier') is a soft figure: it may be
# found changed, but is not reported when it is merely left over ("die beiden" = "the two"). The
# pack's ambiguous words ('một' is also "a", 'năm' also "year", 'un' also "a") only explain.
WORD_FIGURE_MIN = 10
# Scales read after digits: "9 Millionen", "355 tỷ", "20 Tsd."; "18,4 cents" and "3 trăm" are not.
DIGIT_SCALE_MIN = 1000
# How far (characters) a parenthesis may stand from the figure it converts: "80 km (50 dặm)".
ASIDE_REACH = 12
# Longest multi-word number atom ("quatre-vingt-dix", "hai mươi mốt" are one atom each).
MAX_ATOM_WORDS = 4


@dataclass
class NumberPack:
    lang: str
    decimal: str = "."
    group: str = ","
    words: dict[str, float] = field(default_factory=dict)  # "mười một" -> 11 (0..99, whole surfaces)
    scales: dict[str, float] = field(default_factory=dict)  # "triệu" -> 1e6, "mio." -> 1e6, "M" -> 1e6
    currency_scales: dict[str, float] = field(default_factory=dict)  # "$90m": only after a currency sign
    approximate: dict[str, float] = field(default_factory=dict)  # "trentaine" -> 30, "Dutzend" -> 12: explain only
    connectors: frozenset[str] = frozenset()
    space_groups: bool = False
    units_need_connector: bool = False  # vi: "trăm năm" is a hundred years; 105 is "một trăm lẻ năm"
    compound_prefix: bool = False  # de: numbers inside one word ("zweihunderttausend"), and at the start
    # of a longer word ("dreidimensional", "Vierer", "fünftplatziert" explain a 3, 4, 5)
    # what a number prefix counts exactly before ("Dreijahresvertrag", "zehnjährige", "viermal"): else it only explains
    compound_counted: dict[str, str] = field(default_factory=dict)  # the stem -> its unit word ("jahr" -> "Jahre"), or ""
    range_words: list[str] = field(default_factory=list)
    decade_suffixes: tuple[str, ...] = ()  # "70er", "1970s": a decade
    decade_words: list[str] = field(default_factory=list)  # "thập niên 70", "les années 70": a decade
    months: dict[str, int] = field(default_factory=dict)
    weekdays: dict[str, int] = field(default_factory=dict)  # as written: "Sonntag", "Thứ Hai", "dimanche"
    ambiguous: frozenset[str] = frozenset()  # small number words that are also other words: "một" (a), "năm" (year)
    date_patterns: list[regex.Pattern] = field(default_factory=list)
    time_patterns: list[regex.Pattern] = field(default_factory=list)  # "19.30 Uhr", "19h30", "4.40 giờ"
    # clock times in words ("halb drei", "Viertel vor zehn"): pattern, minutes added, the highest hour it reads
    word_times: list[tuple[regex.Pattern, int, int]] = field(default_factory=list)
    units: dict[str, tuple[str, float, float]] = field(default_factory=dict)  # "feet" -> ("length", 0.3048, 0)
    unit_endings: tuple[str, ...] = ()  # inflections of unit words: German "Zentimetern"
    either_scale: frozenset[str] = frozenset()  # temperature words without a scale ("độ", "Grad"): °C or °F
    metre_then_centimetres: bool = False  # "một mét tám mươi", "ein Meter achtzig" = 1.80 m
    half_after_unit: tuple[str, ...] = ()  # "38 độ rưỡi" = 38.5 degrees, "2 mét rưỡi" = 2.5 m
    # "and a half" after a number word or a scale: "hai rưỡi" = 2.5, "bốn triệu rưỡi" = 4.5 million, "two and a half",
    # "deux millions et demi"; and a number word's ending that says it ("zweieinhalb" = 2.5)
    half_words: tuple[str, ...] = ()
    half_suffix: str = ""
    scale_then_tenths: bool = False  # "một triệu hai" = 1.2 million, "ba tỷ hai" = 3.2 billion (spoken short forms)
    tenths_except: frozenset[str] = frozenset()  # digit words that never shorten so ("ba trăm năm" = 300 years)
    after_scale_words: dict[str, float] = field(default_factory=dict)  # "tư" = 4 ending a short form: "ba triệu tư"
    # counting words (classifiers, units of time and measure) before which an ambiguous number word counts:
    # "năm phút" = five minutes, where "năm" alone may be a year
    count_words: frozenset[str] = frozenset()
    multipliers: frozenset[str] = frozenset()  # approximate words that count exactly after a number: "hai chục", "zwei Dutzend"
    digit_multipliers: frozenset[str] = frozenset()  # those that do after digits too: "3 Jahrzehnte" (not "2 score")
    uncounted: frozenset[str] = frozenset()  # ambiguous words a counting word does not make a number: "một lần nữa" = again
    temperature_words: tuple[str, ...] = ()  # "nhiệt độ", "Temperatur": a bare figure after one may be a degree
    missing: list[str] = field(default_factory=list)  # sections the pack lacks, for the coverage report
    change: dict[str, list[str]] = field(default_factory=dict)  # [change]: words of a rise ("up"), of a fall ("down")
    ratios: dict = field(default_factory=dict)  # [ratios]: multiples and shares in words ("gấp đôi", "ein Drittel")
    bounds: dict = field(default_factory=dict)  # [bounds]: words that bound a figure from below ("lower") or above ("upper")
    starts: frozenset[str] = frozenset()  # first words of every number phrase: a cheap first test
    zeros: frozenset[str] = frozenset()  # words for zero ("null", "zero"): they only explain a 0 of the other side
    # spans of time said without a figure ("halbe Stunde", "half an hour", "nửa tiếng"), in seconds: they explain
    # the other side's figure in minutes ("30 Minuten"), they are never missing themselves
    durations: dict[str, float] = field(default_factory=dict)


class DateValue(NamedTuple):
    key: tuple  # ("d", day, month), ("m", month), ("y", year) or ("w", weekday 1-7)
    start: int
    end: int
    text: str


class _Item(NamedTuple):
    """One word of a number phrase: kind "w" (atom), "s" (scale), "c" (connector), "p" (number at
    the start of a longer word), "h" (a half more: "rưỡi", "and a half"), "x" (no number word: ends a phrase)."""
    kind: str
    value: float
    start: int
    end: int


@dataclass
class Value:
    value: float
    start: int
    end: int
    text: str
    figure: bool = True  # False: a lone small number word or an approximation, which cannot be left over
    soft: bool = False  # a lone small number word that is only a number ("vier", not "một"): it may differ
    unit: tuple[str, float, float] | None = None  # the unit written after it: ("length", 0.3048, 0) for "feet"
    alt: float | None = None  # another reading: "26,750" (26.75 or 26750), "10:00" (10:00 or 22:00)
    aside: bool = False  # in parentheses after another figure: a conversion, "(50 dặm)", "($3,6 tỷ)"
    either_scale: bool = False  # its unit names no scale ("80 độ" in a report from the US may be °F)
    name_part: bool = False  # the number of a name after its hyphen: "COVID-19", "Su-57" (rendered "Corona-Pandemie")

    @property
    def readings(self) -> tuple[float, ...]:
        return (self.value,) if self.alt is None else (self.value, self.alt)


def _day_words(words: dict) -> set[str]:
    """The number words of 1 to 31, lower case: the days of a month."""
    return {nfc(k).lower() for k, v in words.items() if float(v) == int(v) and 1 <= int(v) <= 31}


def _alt(words) -> str:
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True)) or "(?!)"


@functools.lru_cache(maxsize=None)
def number_pack(lang: str) -> NumberPack:
    path = config_dir() / "lang" / lang / "numbers.toml"
    pack = NumberPack(lang)
    if not path.exists():
        pack.missing = ["numbers", "dates"]
        pack.date_patterns = [regex.compile(BARE_YEAR)]
        return pack
    data = load_toml(f"lang/{lang}/numbers.toml")
    gen, hand, dates = data.get("generated", {}), data.get("numbers", {}), data.get("dates", {})
    pack.decimal, pack.group = gen.get("decimal", "."), gen.get("group", ",")
    # 'không', 'null' are also "not", "zero tolerance": zero is never read from a word as a figure of its
    # own, only as the rendering of a 0 ("bằng 0" = "auf Null")
    pack.words = {nfc(k).lower(): float(v) for k, v in {**gen.get("words", {}), **gen.get("ordinals", {})}.items() if float(v) != 0}
    pack.zeros = frozenset(nfc(k).lower() for k, v in gen.get("words", {}).items() if float(v) == 0 and " " not in k) \
        - {nfc(w).lower() for w in hand.get("not_zero", [])}
    pack.scales = {(nfc(k) if k.isupper() else nfc(k).lower()): float(v) for k, v in {**gen.get("scales", {}), **hand.get("scales", {})}.items()}
    pack.approximate = {nfc(k).lower(): float(v) for k, v in hand.get("approximate", {}).items()}
    pack.currency_scales = {nfc(k): float(v) for k, v in hand.get("currency_scales", {}).items()}
    pack.words.update({nfc(k).lower(): float(v) for k, v in hand.get("words", {}).items()})
    pack.connectors = frozenset(hand.get("connectors", []))
    pack.space_groups = bool(hand.get("space_groups", False))
    pack.units_need_connector = bool(hand.get("units_need_connector", False))
    pack.compound_prefix = bool(hand.get("compound_prefix", False))
    pack.compound_counted = {nfc(k).lower(): str(v) for k, v in hand.get("compound_counted", {}).items()}
    pack.range_words = list(hand.get("range_words", []))
    pack.decade_suffixes = tuple(hand.get("decade_suffixes", []))
    pack.decade_words = [nfc(w).lower() for w in hand.get("decade_words", [])]
    pack.months = {nfc(k).lower(): int(v) for k, v in {**gen.get("months", {}), **dates.get("months", {})}.items()}
    pack.starts = frozenset(w.split()[0] for w in [*pack.words, *pack.scales, *pack.approximate]) | pack.connectors
    if not pack.words:
        pack.missing.append("number words")
    if not dates.get("patterns"):
        pack.missing.append("dates")
    pack.change = data.get("change", {})
    pack.ratios = data.get("ratios", {})
    pack.bounds = data.get("bounds", {})
    if not pack.bounds:
        pack.missing.append("bounds")  # "hơn 3 triệu" / "weniger als drei Millionen" is not compared (numbers._bounds)
    if not pack.ratios:
        pack.missing.append("multiples and shares in words")  # "gấp ba" / "verdoppelt" is not compared (numbers._ratios)
    if not (pack.change.get("up") and pack.change.get("down")):
        pack.missing.append("words of change")  # a rise said as a fall is not read (numbers._directions)
    pack.weekdays = {nfc(k): int(v) for k, v in {**gen.get("weekdays", {}), **dates.get("weekdays", {})}.items()}
    # an entry with a capital is ambiguous only so written: "Acht" (außer Acht lassen), not "acht Köpfe"
    pack.ambiguous = frozenset(nfc(w) if w != w.lower() else nfc(w).lower() for w in hand.get("ambiguous", []))
    flags = 0 if dates.get("match_case") else regex.IGNORECASE
    months = _alt(pack.months) if not dates.get("match_case") else _alt({m.capitalize() for m in pack.months})
    wide = {nfc(k).lower(): int(v) for k, v in gen.get("months_wide", {}).items()}
    months_wide = _alt(wide) if not dates.get("match_case") else _alt({m.capitalize() for m in wide})
    tail = r"\p{Ll}*" if dates.get("weekday_compounds") else ""
    weekdays = "|".join(_case_pattern(w) + tail for w in sorted(pack.weekdays, key=len, reverse=True)) or "(?!)"
    # a day of the month in words ("June second", "am zweiten Juni", "le premier mai", "le deux juin"): {day_ordinal}
    # the pack's ordinal words of 1 to 31, {day_cardinal} its number words of 1 to 31 (French dates count so)
    day_ordinal, day_cardinal = _alt(_day_words(gen.get("ordinals", {}))), _alt(_day_words(gen.get("words", {})))
    for p in dates.get("patterns", []):
        p = p.replace("{months}", months).replace("{months_wide}", months_wide).replace("{weekdays}", weekdays)
        p = p.replace("{day_ordinal}", day_ordinal).replace("{day_cardinal}", day_cardinal)
        pack.date_patterns.append(regex.compile(p.replace("{range}", _alt(pack.range_words)), flags))
    pack.date_patterns.append(regex.compile(BARE_YEAR))
    pack.time_patterns = [regex.compile(p) for p in data.get("times", {}).get("patterns", [])]
    pack.word_times = _word_times(data.get("times", {}).get("word_patterns", []), pack.words)
    pack.units = _units(data.get("units", {}))
    pack.unit_endings = tuple(hand.get("unit_endings", []))
    pack.either_scale = frozenset(nfc(w).lower() for w in hand.get("either_scale", []))
    pack.temperature_words = tuple(nfc(w).lower() for w in hand.get("temperature_words", []))
    pack.half_after_unit = tuple(nfc(w).lower() for w in hand.get("half_after_unit", []))
    pack.half_words = tuple(nfc(w).lower() for w in hand.get("half_words", []))
    pack.durations = {nfc(k).lower(): float(v) for k, v in data.get("durations", {}).items()}
    pack.half_suffix = nfc(hand.get("half_suffix", "")).lower()
    pack.starts |= frozenset(w.split()[0] for w in pack.half_words)
    pack.scale_then_tenths = bool(hand.get("scale_then_tenths", False))
    pack.tenths_except = frozenset(nfc(w).lower() for w in hand.get("tenths_except", []))
    pack.after_scale_words = {nfc(k).lower(): float(v) for k, v in hand.get("after_scale_words", {}).items()}
    pack.starts |= frozenset(pack.after_scale_words)
    pack.count_words = frozenset(nfc(w).lower() for w in hand.get("count_words", []))
    pack.multipliers = frozenset(nfc(w).lower() for w in hand.get("multipliers", [])) & set(pack.approximate)
    pack.digit_multipliers = pack.multipliers - frozenset(nfc(w).lower() for w in hand.get("words_only_multipliers", []))
    pack.uncounted = frozenset(nfc(w).lower() for w in hand.get("uncounted", []))
    pack.metre_then_centimetres = bool(hand.get("metre_then_centimetres", False))
    return pack


def _word_times(entries: list[dict], words: dict[str, float]) -> list[tuple[regex.Pattern, int, int]]:
    """The pack's clock times in words ("ba giờ rưỡi", "halb drei", "trois heures et quart"): each pattern's
    `{n}` is a number from 1 to 59 in digits or in the pack's words; `minutes` are added to the hour it reads
    (negative: before it), an hour up to `hours` (24 unless the entry says: "halb" names one of twelve)."""
    small = sorted((w for w, v in words.items() if 1 <= v <= 59 and v == int(v)), key=len, reverse=True)
    number = "(?:" + "|".join([*(regex.escape(w) for w in small), r"\d{1,2}"]) + ")"
    return [(regex.compile(r"(?i)(?<![\p{L}\p{N}])" + e["pattern"].replace("{n}", number) + r"(?![\p{L}\p{N}])"),
             int(e.get("minutes", 0)), int(e.get("hours", 24))) for e in entries]


def _units(own: dict) -> dict[str, tuple[str, float, float]]:
    """The pack's unit words and the symbols every language shares (configs/lang/mul/units.toml)."""
    shared = config_dir() / "lang" / "mul" / "units.toml"
    table = {**(load_toml("lang/mul/units.toml").get("units", {}) if shared.exists() else {}), **own}
    return {nfc(k): (str(v[0]), float(v[1]), float(v[2]) if len(v) > 2 else 0.0) for k, v in table.items()}


@functools.lru_cache(maxsize=None)
def _unit_re(lang: str) -> regex.Pattern:
    # symbols and short words keep their case ("m" metre, "M" million); longer words ignore it.
    # French puts "de" between a scale and its unit: "63 milliards de mètres cubes".
    units = number_pack(lang).units
    endings = number_pack(lang).unit_endings
    tail = f"(?:{'|'.join(regex.escape(e) for e in endings)})?" if endings else ""
    alt = "|".join((regex.escape(u) if len(u) < 4 else f"(?i:{regex.escape(u)}){tail}") for u in sorted(units, key=len, reverse=True))
    return regex.compile(rf"[\s{THIN_SPACES}-]*(?:de\s+|d'|of\s+)?({alt or '(?!)'})(?![\p{{L}}\p{{N}}])")


def _unit_of(um: regex.Match, pack: NumberPack) -> tuple[str, float, float] | None:
    """The unit a `_unit_re` match names, as written or ignoring case."""
    key = nfc(um.group(1))
    found = pack.units.get(key) or next((u for k, u in pack.units.items() if k.lower() == key.lower()), None)
    for e in pack.unit_endings:  # "Zentimetern": the unit word with an inflection
        if found is None and key.lower().endswith(e) and len(key) - len(e) >= 4:
            found = next((u for k, u in pack.units.items() if k.lower() == key[: -len(e)].lower()), None)
    return found


def _half_after(text: str, pos: int, pack: NumberPack) -> regex.Match | None:
    """A word for "and a half" right after a unit ("38 độ rưỡi", "2 mét rưỡi")."""
    return _half_re(pack.half_after_unit).match(text, pos)


@functools.lru_cache(maxsize=None)
def _half_re(words: tuple[str, ...]) -> regex.Pattern:
    return regex.compile(rf"\s+(?i:{'|'.join(regex.escape(w) for w in words)})(?![\p{{L}}])")


def _either_scale(um: regex.Match, pack: NumberPack) -> bool:
    return nfc(um.group(1)).lower() in pack.either_scale


# A height written with the metre sign inside: "1m98".
_HEIGHT = regex.compile(r"m(\d{2})(?![\p{L}\p{N}])")
# After feet, a small figure is the inches: "6 foot 6", "5 ft 11 in".
_INCHES = regex.compile(r"[\s-]*(\d{1,2})(?:\s*(?:in|inch|inches|\"|″))?(?![\p{L}\p{N}])")


def _case_pattern(name: str) -> str:
    """A weekday as written: its first letter in either case, the rest as the pack spells it
    ("Thứ Hai" is Monday, "thứ hai" also "second"); an all lower-case entry ignores case."""
    if name.islower():
        return f"(?i:{regex.escape(name)})"
    return f"(?-i:[{regex.escape(name[0].upper())}{regex.escape(name[0].lower())}]{regex.escape(name[1:])})"


def coverage(lang: str) -> list[str]:
    """What the numbers channel cannot read in `lang` (empty when the pack is complete)."""
    return number_pack(lang).missing


@functools.lru_cache(maxsize=None)
def _digits_re(lang: str) -> regex.Pattern:
    spaces = THIN_SPACES + (" " if number_pack(lang).space_groups else "")
    # a space joins only a following group of exactly three digits ("20 000"); see _group_ok.
    # Digits inside a word of an alphabet are a code ("A320"); scripts written without spaces glue
    # figures to words ("有3个", "3명"), and there the figure counts. A group of three after such a
    # glued figure is that figure's thousands, not a figure of its own ("de1 000 miles").
    return regex.compile(rf"(?<![\p{{Latin}}\p{{Greek}}\p{{Cyrillic}}\p{{Armenian}}\p{{Georgian}}\p{{N}}])"
                         rf"(?<![\p{{Latin}}\p{{Greek}}\p{{Cyrillic}}]\p{{N}}{{1,3}}[{spaces}](?=\p{{N}}{{3}}(?!\p{{N}})))\p{{N}}+(?:[.,]\p{{N}}+|[{spaces}]\p{{N}}{{3}}(?!\p{{N}}))*")


_SPACE = regex.compile(rf"[ {THIN_SPACES}]")
_NAME_BEFORE = regex.compile(r"(?<![\p{L}\p{N}-])\p{Lu}[\p{L}]*-$")
_LETTER_AFTER = regex.compile(r"\p{L}")


def name_before(text: str, start: int) -> str:
    """The capitalised word and hyphen right before a figure at `start` ("COVID-" of "COVID-19"), or ""."""
    m = _NAME_BEFORE.search(text, 0, start)
    return m.group(0) if m else ""


@functools.lru_cache(maxsize=None)
def _grouped(sep: str) -> regex.Pattern:
    return regex.compile(rf"\d{{1,3}}(?:{regex.escape(sep)}\d{{3}})+")


_SPACE_GROUPED = regex.compile(rf"\p{{N}}{{1,3}}(?:[ {THIN_SPACES}]\p{{N}}{{3}})+(?:[.,]\p{{N}}+)?")


def _figure_span(text: str, start: int, end: int) -> int:
    """Where a figure ends: '20 000' is one figure, '2020 300' two (a space groups only after 1-3 digits)."""
    token = text[start:end]
    # (a group right after another figure's digits continues that figure's run: "0800 555 111" is
    # 0800, 555 and 111, not 0800 and 555,111)
    after_digits = start >= 2 and _SPACE.match(text[start - 1]) and text[start - 2].isdigit()
    if (sp := _SPACE.search(token)) and (not _SPACE_GROUPED.fullmatch(token) or token.startswith("0") or after_digits):
        return start + sp.start()  # "059 133 4244" is a telephone number, not 59,133
    return end


@functools.lru_cache(maxsize=None)
def _scale_re(lang: str) -> regex.Pattern:
    # After digits only the large scales: "18,4 cents" is money, not 1,840. An entry the pack
    # writes with a capital is matched with its case: French "M" (million) is not "m" (metre).
    pack = number_pack(lang)
    big = [w for w, v in pack.scales.items() if v >= DIGIT_SCALE_MIN]
    alt = "|".join([f"(?i:{_alt([w for w in big if w.islower()])})", _alt([w for w in big if not w.islower()])])
    return regex.compile(rf"(?:[\s{THIN_SPACES}]*|-)({alt})(?![\p{{L}}])")  # "9 Millionen", "$90-million"


@functools.lru_cache(maxsize=None)
def _multiplier_re(lang: str) -> regex.Pattern:
    """A multiplier word right after digits ("3 Jahrzehnte", "2 chục"): it counts as after a number word."""
    words = number_pack(lang).digit_multipliers
    return regex.compile(rf"[\s{THIN_SPACES}]+({_alt(words)})(?![\p{{L}}])", regex.IGNORECASE) if words else regex.compile("(?!)")


_ONE_SEPARATOR = regex.compile(r"\d{1,3}[.,]\d{3}")


def _other_reading(token: str, value: float, pack: NumberPack) -> float | None:
    """'26,750' in a text that may follow English or local habits: 26.75 or 26750."""
    if not _ONE_SEPARATOR.fullmatch(token):
        return None
    a, b = float(token.replace(",", "").replace(".", "")), float(token.replace(",", "."))
    other = b if abs(value - a) < 1e-9 else a
    return other if abs(other - value) > 1e-9 else None


def _is_aside(text: str, start: int, before: list[Value]) -> bool:
    """A figure in parentheses right after another figure: '80 km (50 dặm)', '€3,1 tỷ ($3,6 tỷ)'."""
    opening = text.rfind("(", 0, start)
    if opening < 0 or ")" in text[opening:start] or start - opening > ASIDE_REACH:
        return False
    return any(0 <= opening - v.end <= ASIDE_REACH for v in before)


def _is_decade(text: str, start: int, end: int, value: float, pack: NumberPack) -> bool:
    """A two-digit multiple of ten written as a decade: '70er', "the '70s", 'thập niên 70'."""
    if value not in (20, 30, 40, 50, 60, 70, 80, 90) or text[start:end] != str(int(value)):
        return False
    if pack.decade_suffixes and text.startswith(pack.decade_suffixes, end):
        return True
    before = nfc(text[max(0, start - 16):start]).lower().rstrip()
    return any(before.endswith(w) for w in pack.decade_words)


def parse_number(token: str, pack: NumberPack) -> float | None:
    """'12.000' → 12000, '3,5' → 3.5 (the locale's CLDR symbols), '20 000' → 20000, '3000' → 3000."""
    t = _SPACE.sub("", token)
    g, d = pack.group, pack.decimal
    if g and g not in THIN_SPACES and _grouped(g).fullmatch(t):
        t = t.replace(g, "")
    elif (other := "." if d == "," else ",") and _grouped(other).fullmatch(t):
        t = t.replace(other, "")  # "22.000" in French: a separator that is not the decimal one groups
    elif d and d in t:
        t = t.replace(g, "") if g and g != d else t
        t = t.replace(d, ".")
    try:
        return float(t)
    except ValueError:
        return None


def read_values(text: str, lang: str) -> tuple[list[DateValue], list[Value], list[Value]]:
    """(dates, figures, number words) of one text; a span read as a date is not read again."""
    pack = number_pack(lang)
    used: list[tuple[int, int]] = []
    dates: list[tuple] = []
    for pat in pack.date_patterns:
        for m in pat.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in used):
                continue
            gd = m.groupdict()
            month = int(gd["mo"]) if gd.get("mo") else pack.months.get(nfc(gd["mname"]).lower()) if gd.get("mname") else None
            if (month is not None and not 1 <= month <= 12) or (gd.get("mname") and month is None):
                continue
            if gd.get("wd"):
                day = next((n for w, n in pack.weekdays.items() if gd["wd"].lower().startswith(w.lower())), None)
                if day is not None:
                    used.append(m.span())
                    dates.append(DateValue(("w", day), m.start(), m.end(), m.group(0)))
                continue
            if gd.get("a") and gd.get("b"):
                # "04/05/2018" in English: 4 May or April 5; both readings are kept
                a, b = int(gd["a"]), int(gd["b"])
                orders = [(d, mo) for d, mo in ((a, b), (b, a)) if 1 <= d <= 31 and 1 <= mo <= 12]
                if not orders:
                    continue
                used.append(m.span())
                span = (m.start(), m.end(), m.group(0))
                for d, mo in dict.fromkeys(orders):
                    dates += [DateValue(("d", d, mo), *span), DateValue(("m", mo), *span)]
                if gd.get("y"):
                    dates.append(DateValue(("y", int(gd["y"])), *span))
                continue
            days = [int(d) if d.isdigit() else int(pack.words.get(nfc(d).lower(), 0)) for d in (gd.get("d1"), gd.get("d2")) if d]
            if any(not 1 <= d <= 31 for d in days):
                continue
            used.append(m.span())
            span = (m.start(), m.end(), m.group(0))
            for d in days:
                if month:
                    dates.append(DateValue(("d", d, month), *span))
            if month:
                dates.append(DateValue(("m", month), *span))
            if gd.get("y"):
                dates.append(DateValue(("y", int(gd["y"])), *span))
    figures: list[Value] = []
    # clock times in words: the hour and, past it or before it, the minutes ("mười giờ kém mười lăm" = 9:45,
    # "um halb drei" = 2:30, the hour before the one named)
    for pat, minutes, hours in pack.word_times:
        for m in pat.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in used):
                continue
            gd = {k: (int(v) if v.isdigit() else pack.words.get(nfc(v).lower())) for k, v in m.groupdict().items() if v}
            if gd.get("h") is None or not 1 <= gd["h"] <= hours or any(v is None for v in gd.values()):
                continue
            total = (gd["h"] * 60 + minutes + gd.get("mi", 0) - gd.get("mi_to", 0)) % (24 * 60)
            hour, minute = divmod(total, 60)
            hour = hour or 12
            used.append(m.span())
            figures.append(Value(float(hour), m.start(), m.end(), m.group(0), alt=float(hour + 12) if hour < 12 else 0.0))
            if minute:
                figures.append(Value(float(minute), m.start(), m.end(), m.group(0)))
    spoken = []  # spans of time in words, read before a number word inside them is ("halben", "quart")
    if pack.durations:
        for m in _duration_re(lang).finditer(text):
            if not any(s < m.end() and m.start() < e for s, e in used):
                used.append(m.span())
                minutes = pack.durations[" ".join(nfc(m.group(0)).lower().split())] / 60  # "halbe\n Stunde"
                spoken.append(Value(minutes, m.start(), m.end(), m.group(0), figure=False, unit=("time", 60.0, 0.0)))
    for pat in [*pack.time_patterns, _TIME]:
        for m in pat.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in used):
                continue
            used.append(m.span())
            # "12:00" is the 12 of "12 giờ"; "15:00" the 3 of "3 giờ chiều"; minutes other than :00
            # are a figure of their own
            gd = m.groupdict()
            hour = int(gd["h"] if "h" in gd else m.group(1))
            minute = gd.get("mi") if "h" in gd else m.group(2)
            other = float(hour + 12) if 0 < hour < 12 else float(hour - 12) if hour > 12 else None
            figures.append(Value(float(hour), m.start(), m.end(), m.group(0), alt=other))
            if minute and int(minute):
                figures.append(Value(float(minute), m.start(), m.end(), m.group(0)))
            if pat is _TIME and m.group(3) and int(m.group(3)):
                figures.append(Value(float(m.group(3)), m.start(), m.end(), m.group(0)))
    scale_re = _scale_re(lang)
    pos = 0
    while (m := _digits_re(lang).search(text, pos)) is not None:
        end = _figure_span(text, m.start(), m.end())
        pos = end
        if any(s <= m.start() < e for s, e in used):
            continue
        written = text[m.start():end]
        if text[max(0, m.start() - len(written) - 1):m.start()] == written + "/":
            continue  # "24/24 giờ", "7/7": the whole of it (round the clock, every day), one figure
        value = parse_number(written, pack)
        if value is None:
            continue
        sm = scale_re.match(text, end)
        if sm:
            while sm:  # "5 nghìn tỷ" = 5 × 1000 × 10^9
                scale = pack.scales.get(nfc(sm.group(1)), pack.scales.get(nfc(sm.group(1)).lower(), 1.0))
                value *= scale
                end = sm.end()
                sm = scale_re.match(text, end)
            if pack.half_words and (hm := _half_re(pack.half_words).match(text, end)):
                value += 0.5 * scale  # "4 triệu rưỡi" = 4.5 million
                end = pos = hm.end()
        elif (mm := _multiplier_re(lang).match(text, end)) is not None:
            value *= pack.approximate[nfc(mm.group(1)).lower()]  # "3 Jahrzehnte" = 30 years, as "drei Jahrzehnte"
            end = pos = mm.end()
        elif (hm := _HEIGHT.match(text, end)) and m.end() - m.start() == 1:
            value += int(hm.group(1)) / 100  # "1m98" = 1.98 m
            end = pos = hm.end()
        elif pack.currency_scales and text[m.start() - 1:m.start()] in CURRENCY_SIGNS \
                and (cm := regex.match(r"([A-Za-z]{1,2})(?![\p{L}\p{N}])", text[end:end + 3])) and cm.group(1) in pack.currency_scales:
            value *= pack.currency_scales[cm.group(1)]  # "$90m", "£5m"
            end += cm.end()
        unit = ("length", 1.0, 0.0) if text[m.end():end].startswith("m") and _HEIGHT.match(text, m.end()) else None
        either = False
        if unit is None and pack.units and (um := _unit_re(lang).match(text, end)):
            unit = _unit_of(um, pack)
            either = _either_scale(um, pack)
            if unit and pack.half_after_unit and (hm := _half_after(text, um.end(), pack)):
                value += 0.5  # "38 độ rưỡi" = 38.5 °
                end = pos = hm.end()
            if unit and unit[0] == "length" and abs(unit[1] - 0.3048) < 1e-9 and (im := _INCHES.match(text, um.end())) \
                    and int(im.group(1)) < 12:
                value += int(im.group(1)) / 12  # "6 foot 6" = 6.5 feet
                end = pos = im.end()
        used.append((m.start(), end))
        alt = _other_reading(text[m.start():m.end()], value, pack)
        if alt is None and _is_decade(text, m.start(), m.end(), value, pack):
            alt = 1900 + value  # "70er Jahre", "thập niên 70" = the 1970s
        figures.append(Value(value, m.start(), end, text[m.start():end], alt=alt,
                             aside=_is_aside(text, m.start(), figures), unit=unit, either_scale=either,
                             name_part=bool(name_before(text, m.start())) and not _LETTER_AFTER.match(text, end)))
    _range_scales(text, figures, pack)
    _split_durations(text, figures)
    _temperature_context(text, figures, pack)
    words = _number_words(text, pack, used)
    if pack.half_words:
        _half_after_count(text, figures + words, pack)
    if pack.units:
        for w in words:
            # a unit after a spelled-out number too: "sechs Meter" renders "20 feet"
            # ("một dặm" = "1,6 Kilometer": any number word with a unit, since it converts)
            if (um := _unit_re(lang).match(text, w.end)):
                w.unit, w.either_scale = _unit_of(um, pack), _either_scale(um, pack)
            elif pack.compound_counted and w.unit is None:
                w.unit = _compound_unit(w.text, pack)  # "Dreijahresvertrag": three years
    if pack.metre_then_centimetres:
        _centimetres_after_metres(text, figures, words, pack)
    # a figure in parentheses after a spelled-out quantity converts it too: "sáu mét (18 feet)"
    for f in figures:
        if not f.aside and f.unit is not None:
            f.aside = _is_aside(text, f.start, [w for w in words if w.unit is not None])
    if pack.zeros:
        low = nfc(text).lower()
        words += [Value(0.0, m.start(), m.end(), text[m.start():m.end()], figure=False) for m in _WORD.finditer(low)
                  if m.group(0) in pack.zeros]
    for m in _ROMAN.finditer(text):
        if (v := _roman(m.group(1))) is not None:
            words.append(Value(float(v), m.start(), m.end(), m.group(0), figure=False))
    _short_second_years(text, dates, figures)
    return dates, figures, words + spoken


@functools.lru_cache(maxsize=None)
def _duration_re(lang: str) -> regex.Pattern:
    phrases = sorted(number_pack(lang).durations, key=len, reverse=True)
    body = "|".join(r"\s+".join(regex.escape(w) for w in p.split()) for p in phrases)
    return regex.compile(rf"(?i)(?<![\p{{L}}\p{{N}}])(?:{body})(?![\p{{L}}\p{{N}}])")


_YEAR_BEFORE = regex.compile(r"(?<!\d)(\d{4})\s?[/–-]\s?$")


def _short_second_years(text: str, dates: list, figures: list[Value]) -> None:
    """The second year of a span written short ("2026/27", "the 2019-20 season") is that year, as another
    language writes it whole ("2026–2027")."""
    for f in list(figures):
        if f.end - f.start != 2 or not text[f.start:f.end].isdigit():
            continue
        m = _YEAR_BEFORE.search(text, max(0, f.start - 7), f.start)
        if m and (int(m.group(1)) + 1) % 100 == int(f.value):
            figures.remove(f)
            dates.append(DateValue(("y", int(m.group(1)) + 1), f.start, f.end, text[f.start:f.end]))


# A bare figure this close after a temperature word, in the same clause, may be a degree.
def _split_durations(text: str, figures: list[Value]) -> None:
    """A duration written with a colon before its unit ("32:41 Minuten", "1:05 Stunden"): the unit is the first
    figure's, the second counts the next smaller one (seconds, minutes)."""
    for a, b in zip(figures, figures[1:]):
        if b.unit is not None and b.unit[0] == "time" and b.unit[1] >= 60 and a.unit is None \
                and text[a.end:b.start] == ":" and len(b.text.split()[0]) == 2:
            a.unit, b.unit = b.unit, ("time", b.unit[1] / 60, 0.0)


_TEMPERATURE_REACH = 60
_PLAUSIBLE_DEGREES = (-60.0, 130.0)


def _temperature_context(text: str, figures: list[Value], pack: NumberPack) -> None:
    """A bare figure in a clause about temperature ("nhiệt độ phổ biến trong khoảng 80", "highs in the
    80s") is a degree without its scale, as "80 độ" is: a translation may give it converted ("27 °C")."""
    if not pack.temperature_words:
        return
    low = nfc(text).lower()
    for f in figures:
        if f.unit is not None or f.aside or not _PLAUSIBLE_DEGREES[0] <= f.value <= _PLAUSIBLE_DEGREES[1] \
                or regex.match(r"\s*(?:%|‰)", text[f.end:]):
            continue
        before = low[max(0, f.start - _TEMPERATURE_REACH):f.start]
        if regex.search(r"[.;:!?]", before):
            before = regex.split(r"[.;:!?]", before)[-1]
        if any(regex.search(rf"(?<!\p{{L}}){regex.escape(w)}", before) for w in pack.temperature_words):
            f.unit, f.either_scale = ("temperature", 1.0, 0.0), True


_METRE = ("length", 1.0, 0.0)


def _centimetres_after_metres(text: str, figures: list[Value], words: list[Value], pack: NumberPack) -> None:
    """A height said as metres and then a bare number that ends the clause ("cao một mét tám mươi.", "1 mét
    75,"): the number is centimetres (tenths where it has one digit), one quantity with the metres."""
    for v in figures + words:
        if v.unit != _METRE or not (um := _unit_re(pack.lang).match(text, v.end)):
            continue
        for side in (figures, words):
            n = next((x for x in side if x.start >= um.end() and not text[um.end():x.start].strip()), None)
            if n is not None and n.unit is None and n.value == int(n.value) and 1 <= n.value <= 99 \
                    and regex.match(r"\s*(?:[.,;:!?)\"”]|$)", text[n.end:]):  # not "5 mét, 3 cây khác"
                v.value += n.value / (100 if n.value >= 10 else 10)
                v.figure, v.soft = True, False  # "một mét tám mươi" is a quantity, whatever "một" alone is
                side.remove(n)
                break


def _range_scales(text: str, figures: list[Value], pack: NumberPack) -> None:
    """In a range the scale after the second figure may hold for the first: "4,2 à 4,1 Md$",
    "10 bis 11 Milliarden" read 4.2 also as 4.2 billion (another reading, as for "26,750")."""
    words = set(pack.range_words)
    for a, b in zip(figures, figures[1:]):
        between = text[a.end:b.start].strip().lower()
        raw = parse_number(text[b.start:b.start + len(_digits_re(pack.lang).match(text, b.start).group(0))], pack) \
            if _digits_re(pack.lang).match(text, b.start) else None
        if a.alt is None and between in words and raw and b.value / raw >= 1000:
            a.alt = a.value * (b.value / raw)
        if a.unit is None and b.unit is not None and between in words:
            a.unit, a.either_scale = b.unit, b.either_scale  # "1 đến 4 inch", "2,5 bis 10 Zentimeter": the unit holds for both ends


# Roman numerals of two letters or more ("thế kỷ XII", "XXe siècle"): they only explain a figure.
_ROMAN = regex.compile(r"(?<![\p{L}\p{N}])([IVXLC]{2,7})(?:e|er|ème)?(?![\p{L}\p{N}])")
_ROMAN_VALUE = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def _roman(s: str) -> int | None:
    total = 0
    for k, c in enumerate(s):
        v = _ROMAN_VALUE[c]
        total += -v if k + 1 < len(s) and _ROMAN_VALUE[s[k + 1]] > v else v
    return total if _to_roman(total) == s else None  # "IIII", "VX" are no numerals


def _to_roman(n: int) -> str:
    out = ""
    for v, r in ((100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= v:
            out, n = out + r, n - v
    return out


# (seconds too: a race time "2:00:21" is 2 hours, 0 minutes and 21 seconds)
_TIME = regex.compile(r"(?<![\p{N}:.,])([01]?\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?(?![\p{N}:])")
_WORD = regex.compile(r"[\p{L}\p{M}]+(?:[-'’][\p{L}\p{M}]+)*\.?")


@functools.lru_cache(maxsize=None)
def _compound_parts(lang: str) -> dict[str, tuple[str, float]]:
    pack = number_pack(lang)
    return {**{w: ("w", v) for w, v in pack.words.items() if " " not in w}, **{w: ("s", v) for w, v in pack.scales.items()}}


@functools.lru_cache(maxsize=None)
def _compound_start(lang: str) -> regex.Pattern:
    return regex.compile(_alt({**_compound_parts(lang), **number_pack(lang).approximate}))


def _segment_compound(token: str, pack: NumberPack) -> list[tuple[str, float]] | None:
    """'zweihunderttausend' → [('zwei', 2), ('hundert', 100), ('tausend', 1000)]; None if not a number."""
    parts = _compound_parts(pack.lang)
    best: list = [None] * (len(token) + 1)
    best[0] = []
    for i in range(len(token)):
        if best[i] is None:
            continue
        for j in range(len(token), i, -1):
            piece = token[i:j]
            if piece in parts and (best[j] is None or len(best[j]) > len(best[i]) + 1):
                best[j] = best[i] + [(parts[piece][0], parts[piece][1])]
    return best[len(token)]


def _number_prefix(token: str, pack: NumberPack) -> tuple[float, str | None] | None:
    """'dreidimensionale' → 3, 'fünftplatzierten' → 5, 'Startelfdebüt' → 11: a number word (or a word of
    approximate value) that begins a longer word, and the stem of the pack's compound_counted it counts, if it does
    ("Dreijahresvertrag", "zehnjährige", "viermal": a number word above one before such a stem); else it only
    explains a figure ("Zweifel", "Elfmeter" are no numbers at all, so such a prefix is never a figure of its own)."""
    for n in range(min(len(token) - 2, 14), 2, -1):
        word = token[:n]
        v = pack.words.get(word) or pack.scales.get(word) or pack.approximate.get(word)
        if v is not None:
            counts = word in pack.words and v >= 2
            return v, next((stem for stem in pack.compound_counted if token.startswith(stem, n)), None) if counts else None
    return None


def _compound_unit(token: str, pack: NumberPack) -> tuple[str, float, float] | None:
    """The unit a counted number prefix counts in ("Vierjahresvertrag": years), if its stem names one."""
    hit = _number_prefix(nfc(token).lower(), pack)
    unit = pack.compound_counted[hit[1]] if hit and hit[1] else ""
    return pack.units.get(unit) if unit else None


def _number_words(text: str, pack: NumberPack, used: list[tuple[int, int]]) -> list[Value]:
    if not pack.words:
        return []
    low = nfc(text).lower()
    # a trailing dot belongs to the word only where the pack spells it so ("mio.")
    taken = bytearray(len(low) + 1)
    for s, e in used:
        taken[s:e] = b"\x01" * (e - s)
    tokens = [(m.start(), m.end(), m.group(0)) if m.group(0) in pack.scales else
              (m.start(), m.start() + len(m.group(0).rstrip(".")), m.group(0).rstrip("."))
              for m in _WORD.finditer(low) if not taken[m.start()]]
    items: list[_Item] = []
    multiplied: set[int] = set()  # the starts of multiplier words after a number word
    compounds: set[int] = set()  # the starts of words a number prefix counts in ("Vierjahresvertrag")
    i = 0
    while i < len(tokens):
        if i and low[tokens[i - 1][1]:tokens[i][0]].strip(" -" + THIN_SPACES):
            items.append(_Item("x", 0.0, tokens[i][0], tokens[i][0]))  # punctuation or a figure between: not one number
        hit = None
        first = tokens[i][2]
        if first not in pack.starts and "-" not in first and not (pack.compound_prefix and _compound_start(pack.lang).match(first)):
            items.append(_Item("x", 0.0, tokens[i][0], tokens[i][1]))  # most words are no number
            i += 1
            continue
        if pack.half_words and items and items[-1].kind in ("w", "s") and (n := _half_phrase(tokens, i, pack)):
            # "bốn triệu rưỡi" = 4.5 million, "two and a half": half the scale or one more half, in the same number
            items.append(_Item("h", 0.5 * (items[-1].value if items[-1].kind == "s" else 1.0), tokens[i][0], tokens[i + n - 1][1]))
            i += n
            continue
        for n in range(min(MAX_ATOM_WORDS, len(tokens) - i), 0, -1):
            phrase = " ".join(t[2] for t in tokens[i:i + n])
            if phrase in pack.words:
                hit = ("w", pack.words[phrase], n)
                break
        if hit:
            items.append(_Item(hit[0], hit[1], tokens[i][0], tokens[i + hit[2] - 1][1]))
            i += hit[2]
            continue
        tok = tokens[i][2]
        if "-" in tok and tok not in pack.words:
            # "six-month", "22-year-old": the parts are words of their own
            pos = tokens[i][0]
            parts = []
            for part in tok.split("-"):
                parts.append((pos, pos + len(part), part))
                pos += len(part) + 1
            tokens[i:i + 1] = [p for p in parts if p[2]]
            continue
        width = 1
        for n in range(min(MAX_ATOM_WORDS, len(tokens) - i), 1, -1):
            phrase = " ".join(t[2] for t in tokens[i:i + n])
            if phrase in pack.approximate or phrase in pack.scales:  # of several words: "thập kỷ" (decade)
                tok, width = phrase, n
                break
        end = tokens[i + width - 1][1]
        if tok in pack.after_scale_words and items and items[-1].kind == "s" and pack.scale_then_tenths \
                and not regex.match(r"\s*\p{L}", low[tokens[i][1]:]):
            # "ba triệu tư" = 3.4 million: a digit word read so only ending a number after a scale ("tư nhân": private)
            items.append(_Item("w", pack.after_scale_words[tok], tokens[i][0], tokens[i][1]))
        elif tok in pack.multipliers and items and items[-1].kind == "w":
            # after a number it counts exactly: "hai chục" = 20, "zwei Dutzend" = 24, "drei Jahrzehnte" = 30 years
            items.append(_Item("s", pack.approximate[tok], tokens[i][0], end))
            multiplied.add(tokens[i][0])
        elif tok in pack.approximate:
            items.append(_Item("p", pack.approximate[tok], tokens[i][0], end))
        elif tok in pack.scales:
            items.append(_Item("s", pack.scales[tok], tokens[i][0], end))
        elif tok in pack.connectors:
            items.append(_Item("c", 0.0, tokens[i][0], tokens[i][1]))
        elif pack.half_suffix and tok.endswith(pack.half_suffix) and tok[:-len(pack.half_suffix)] in pack.words:
            items.append(_Item("w", pack.words[tok[:-len(pack.half_suffix)]] + 0.5, tokens[i][0], tokens[i][1]))  # "zweieinhalb"
        elif pack.compound_prefix and len(tok) > 5 and (parts := _segment_compound(tok, pack)) and any(k == "s" for k, _ in parts):
            # one written word made of several: German "zweihunderttausend"
            for k, v in parts:
                items.append(_Item(k, v, tokens[i][0], tokens[i][1]))
        elif pack.compound_prefix and (hit_prefix := _number_prefix(tok, pack)) is not None:
            items.append(_Item("w" if hit_prefix[1] else "p", hit_prefix[0], tokens[i][0], tokens[i][1]))
            if hit_prefix[1]:  # (a stem it counts)
                compounds.add(tokens[i][0])
        else:
            items.append(_Item("x", 0.0, tokens[i][0], tokens[i][1]))
        i += width
    counted: set[int] = set()
    if pack.count_words:
        items, counted = _counted(items, low, pack)
    return _evaluate(items, text, pack.units_need_connector, pack.ambiguous,
                     pack.tenths_except if pack.scale_then_tenths else None, counted, multiplied, compounds)


def _half_after_count(text: str, values: list[Value], pack: NumberPack) -> None:
    """A half after the thing counted adds to the number: "hai tiếng rưỡi" = 2.5 hours, "deux ans et demi"."""
    low = nfc(text).lower()
    half = _half_re(pack.half_words)
    for v in values:
        m = regex.match(r"\s+([\p{L}\p{M}]+)", low[v.end:])
        if m and (h := half.match(low, v.end + m.end())) and h.start() == v.end + m.end():
            v.value += 0.5
            if v.alt is not None:
                v.alt += 0.5


def _half_phrase(tokens: list[tuple[int, int, str]], i: int, pack: NumberPack) -> int:
    """How many tokens from `i` say "and a half" (one of the pack's half_words), or 0."""
    for phrase in pack.half_words:
        words = phrase.split()
        if [t[2] for t in tokens[i:i + len(words)]] == words:
            return len(words)
    return 0


def _counted(items: list[_Item], low: str, pack: NumberPack) -> tuple[list[_Item], set[int]]:
    """Where the pack names counting words, an ambiguous number word right after another number word is the
    thing counted ("ba năm" = three years: "năm" is no five there), and one right before a counting word
    counts ("năm phút" = five minutes): (the items, the starts of the words that count)."""
    out, counted = [], set()
    for k, it in enumerate(items):
        word = low[it.start:it.end]
        if it.kind == "w" and word in pack.ambiguous:
            prev = out[-1] if out else None
            nxt = items[k + 1] if k + 1 < len(items) else None
            if prev is not None and prev.kind in ("w", "s") and not (nxt is not None and nxt.kind == "s") \
                    and not (prev.kind == "s" and word in pack.after_scale_words):
                out.append(_Item("x", 0.0, it.start, it.end))
                continue
            after = regex.match(r"\s+([\p{L}\p{M}]+(?:\s+[\p{L}\p{M}]+)?)", low[it.end:])
            if word not in pack.uncounted and after and (after.group(1) in pack.count_words or after.group(1).split()[0] in pack.count_words):
                counted.add(it.start)
        out.append(it)
    return out, counted


def _opens_sentence(text: str, pos: int) -> bool:
    """Nothing but opening quotes or brackets since the text's start or the last sentence end."""
    before = text[:pos].rstrip(" \t\"'“”„«»‹›‚‘’([{–—-*•")
    return not before or before[-1] in ".!?…:\n"


def _evaluate(items: list[_Item], text: str, need_connector: bool = False,
              ambiguous: frozenset[str] = frozenset(), tenths_except: frozenset[str] | None = None,
              counted: set[int] = frozenset(), multiplied: set[int] = frozenset(),
              compounds: set[int] = frozenset()) -> list[Value]:
    """Fold runs of atoms and scales into values: 'hai trăm nghìn' = (2 × 100) × 1000; an atom
    right after an atom of another word starts a new value ('hai hay ba' and 'hai ba' are 2 and 3)."""
    out: list[Value] = []
    run: list[_Item] = []

    def close() -> None:
        if not run:
            return
        total = cur = 0.0
        for it in run:
            if it.kind == "w":
                cur += it.value
            elif it.value < 1000:
                cur = (cur or 1.0) * it.value
            elif total and total < it.value:
                total, cur = (total + cur) * it.value, 0.0  # "một nghìn tỷ" = 10^12
            else:
                total, cur = total + (cur or 1.0) * it.value, 0.0
        value = total + cur
        n_words = len({(it.start, it.end) for it in run})
        lone_scale = all(it.kind == "s" for it in run)  # "Tausende", "hàng trăm": no figure
        surface = text[run[0].start:run[-1].end]
        figure = not lone_scale and (n_words > 1 or value >= WORD_FIGURE_MIN)
        if len(run) == 2 and run[0].kind == "w" and run[1].start in multiplied and run[0].value < WORD_FIGURE_MIN:
            # a small word before a multiplier is as loose as the word alone: "hai thập kỷ" may be "Jahrzehnte"
            figure = False
        soft = not figure and not lone_scale and (surface.lower() not in ambiguous and surface not in ambiguous
                                                  or run[0].start in counted)
        if n_words == 1 and surface[:1].isupper() and not _opens_sentence(text, run[0].start) \
                and run[0].start not in compounds:  # (a German noun that counts is capitalised: "Dreijahresvertrag")
            # one number word with a capital inside a sentence names something ("l'université de Trente",
            # "die Elf" (the team), "Top Ten"): it explains a figure, never stands for one of its own
            figure = soft = False
        out.append(Value(value, run[0].start, run[-1].end, surface, figure=figure, soft=soft))
        run.clear()

    joined = False  # a connector came last: "một trăm lẻ năm"
    for k, item in enumerate(items):
        if item.kind == "p":  # the number at the start of a compound explains, never stands alone
            close()
            out.append(Value(item.value, item.start, item.end, text[item.start:item.end], figure=False))
            continue
        nxt = items[k + 1] if k + 1 < len(items) else None
        if item.kind == "w" and need_connector and run and run[-1].kind == "s" and item.value < 10 and not joined \
                and not (nxt and nxt.kind == "s" and nxt.value < run[-1].value):
            word = text[item.start:item.end]
            if tenths_except is not None and run[-1].value >= 100 and (nxt is None or nxt.kind == "x") \
                    and word.lower() not in tenths_except:
                # the spoken short form ends the number with a digit of the next lower place: "một triệu hai" =
                # 1.2 million, "ba tỷ hai" = 3.2 billion (not "năm", a year: "ba trăm năm" = 300 years)
                run.append(_Item("w", item.value * run[-1].value / 10, item.start, item.end))
                joined = False
                continue
            close()  # "ngàn năm" = a thousand years, not 1005; but "một nghìn năm trăm" = 1500
        if item.kind == "h":
            # a half more: it closes the number after a scale ("bốn triệu rưỡi"), while a scale may still follow
            # a half after an atom ("one and a half million")
            after_scale = bool(run) and run[-1].kind == "s"
            if run:
                run.append(_Item("w", item.value, item.start, item.end))
            if after_scale or not (nxt and nxt.kind == "s"):
                close()
        elif item.kind == "x":
            close()
        elif item.kind == "c":
            joined = bool(run)
            continue
        elif item.kind == "w" and run and run[-1].kind == "w" and (run[-1].start, run[-1].end) != (item.start, item.end):
            close()
            run.append(item)
        else:
            run.append(item)
        joined = False
    close()
    return out
