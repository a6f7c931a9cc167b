"""Language knowledge for the checks, loaded from configs/lexicon/*.toml and CLDR (Babel).

Adding a language means adding `configs/lexicon/LANG.toml`; CLDR supplies country and month
names and number symbols for every locale.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field

import regex

from .config import config_dir, load_toml
from .types import nfc


@dataclass(frozen=True)
class EntityName:
    entity: str  # "country:KR", "city:moscow", "org:nato", "person:wang_yi"
    surface: str
    pattern: regex.Pattern
    key: str = ""  # lower-case text that must occur for the pattern to match (a cheap pre-test)

    @property
    def cls(self) -> str:
        kind = self.entity.split(":", 1)[0]
        return "place" if kind in ("country", "city", "province", "region") else kind


@dataclass
class Lexicon:
    lang: str
    names: list[EntityName] = field(default_factory=list)
    titles: dict[str, list[str]] = field(default_factory=dict)
    honorifics: list[str] = field(default_factory=list)
    months: dict[str, int] = field(default_factory=dict)
    scale: dict[str, float] = field(default_factory=dict)
    percent: list[str] = field(default_factory=list)
    number_words: dict[str, float] = field(default_factory=dict)
    range_words: list[str] = field(default_factory=list)
    negation: list[str] = field(default_factory=list)
    not_negation: list[str] = field(default_factory=list)
    lexical_negation: list[str] = field(default_factory=list)
    decimal: str = ","
    group: str = "."


def _lang_file(lang: str) -> dict:
    path = config_dir() / "lexicon" / f"{lang}.toml"
    return load_toml(f"lexicon/{lang}.toml") if path.exists() else {}


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

    data = _lang_file(lang)
    lex = Lexicon(lang=lang)
    names: dict[tuple[str, str], bool] = {}
    try:
        loc = Locale.parse(lang)
        for code, name in loc.territories.items():
            if len(code) == 2 and code.isalpha():
                names[(f"country:{code}", name)] = False
        lex.months = {nfc(m).lower(): k for k, m in loc.months["format"]["wide"].items()}
        lex.decimal, lex.group = get_decimal_symbol(loc), get_group_symbol(loc)
    except (UnknownLocaleError, ValueError):
        pass
    for code, aliases in data.get("countries", {}).items():
        for a in aliases:
            names[(f"country:{code}", a)] = False
    for code, stems in data.get("demonyms", {}).items():
        for s in stems:
            names[(f"country:{code}", s)] = True
    for section in ("places", "orgs", "people"):
        for ent, aliases in data.get(section, {}).items():
            for a in aliases:
                names[(ent, a)] = False
    # Longest first, so "Liên minh châu Âu" wins over "châu Âu".
    for (ent, surface), prefix in sorted(names.items(), key=lambda kv: -len(kv[0][1])):
        lex.names.append(EntityName(ent, surface, _name_pattern(surface, prefix), nfc(surface).lower()))
    titles = dict(data.get("titles", {}))
    lex.honorifics = list(titles.pop("honorifics", []))
    lex.titles = titles
    nums = data.get("numbers", {})
    lex.scale = {nfc(k): float(v) for k, v in nums.get("scale", {}).items()}
    lex.percent = nums.get("percent", ["%"])
    lex.number_words = {k: float(v) for k, v in nums.get("words", {}).items()}
    lex.range_words = nums.get("range_words", [])
    neg = data.get("negation", {})
    lex.negation = neg.get("markers", [])
    lex.not_negation = neg.get("not_negation", [])
    lex.lexical_negation = neg.get("lexical", [])
    return lex


@functools.lru_cache(maxsize=None)
def stands_for() -> dict[str, str]:
    path = config_dir() / "lexicon" / "world.toml"
    return dict(load_toml("lexicon/world.toml").get("stands_for", {})) if path.exists() else {}


@functools.lru_cache(maxsize=8192)
def word_re(word: str, stem: bool = False, ignorecase: bool = False) -> regex.Pattern:
    """A compiled pattern for `word` as a whole word (or, with `stem`, as the start of a word)."""
    tail = r"[\p{L}]*" if stem else r"(?![\p{L}])"
    return regex.compile(rf"(?<![\p{{L}}]){regex.escape(word)}{tail}", regex.IGNORECASE if ignorecase else 0)
