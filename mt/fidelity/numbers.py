"""Numbers and dates, compared as values (read by values.py from each language's pack):
'12.000' = 12000, '3,5' = 3.5, '355 tỷ' = 355 Milliarden, 'hai trăm nghìn' = 'zweihunderttausend',
'29/10' = '29. Oktober', 'tháng 8/2020' = 'August 2020'; 'vier' explains a source 4 and
'hai hay ba năm' explains '2, 3 Jahre', though a lone small word is never a figure of its own. A multiple or a
share said in words ('gấp ba' = 'verdreifacht', 'một phần ba' = 'ein Drittel') is compared where both sides say one."""
from __future__ import annotations

import functools
from dataclasses import dataclass

import regex

from ..types import Finding, Severity, nfc
from .context import PairContext, language_name
from .values import Value, coverage, name_before, number_pack

# How sure each kind of finding is: a changed value is seen on both sides; an omitted or added
# figure may be a paraphrase ("a dozen", "half") the packs do not read.
CHANGED_CONFIDENCE = 0.85
DATE_CONFIDENCE = 0.85
OMITTED_CONFIDENCE = 0.6
ADDED_CONFIDENCE = 0.65
# A rise said as a fall is seen from words only ("tăng" / "sank"), which a free rendering may turn around
DIRECTION_CONFIDENCE = 0.6
# a word of change speaks of a figure this many words from it at most ("tăng 12%", "stieg im Vergleich zum
# Vorjahr um 12 Prozent", "a 12% rise")
CHANGE_WINDOW = 6
# a negation negates a word of change this many words from it at most: "chưa từng kết hôn đã tăng" (the share of
# those who never married rose) is a rise
NEGATION_REACH = 3
# A converted figure may be rounded: "15 m" = "50 ft" (49.2), "210 km/h" = "130 mph" (209).
CONVERSION_TOLERANCE = 0.1


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def _said(v) -> str:
    """A figure as written, with its value where the writing does not show it ("hai trăm (200)", not "300 (300)")."""
    return v.text if v.text.strip() == _fmt(v.value) else f"{v.text} ({_fmt(v.value)})"


def _with_unit(text: str, v) -> str:
    """A figure with the word after it, its unit ("hai ngày", "zwei Wochen")."""
    m = regex.match(r"[\s\u00a0]*[\p{L}\p{M}/]+", text[v.end:])
    return text[v.start:v.end + (m.end() if m else 0)]


def _fmt(v: float) -> str:
    return f"{v:,.0f}" if v == int(v) else f"{v:g}"


def check(ctx: PairContext) -> list[Finding]:
    # where both sides say a multiple or a share in words, those compare as proportions ("gấp 3 lần" /
    # "verdreifacht"), and a figure inside one ("3") is not a figure of its own
    src_ratios, tgt_ratios = _ratio_values(ctx.src.text, ctx.src_lang), _ratio_values(ctx.tgt.text, ctx.tgt_lang)
    both = bool(src_ratios and tgt_ratios)
    # the dates each side gives that the other lacks, read once: compared as dates, and their days explain figures
    missing, surplus = _unmatched(ctx.src.dates, ctx.tgt.dates), _unmatched(ctx.tgt.dates, ctx.src.dates)
    days = ({d.key[1] for d in missing if d.key[0] == "d"}, {d.key[1] for d in surplus if d.key[0] == "d"})
    return _dates(ctx, missing, surplus) + _numbers(ctx, (src_ratios, tgt_ratios) if both else None, days) + _directions(ctx) \
        + _bounds(ctx, src_ratios, tgt_ratios) + (_ratios(ctx, src_ratios, tgt_ratios) if both else [])


def _unmatched(dates: list, other: list) -> list:
    """The dates whose key the other side lacks, as multisets: a year or weekday said twice and
    changed once is missing once."""
    keys = [d.key for d in other]
    out = []
    for d in dates:
        if d.key in keys:
            keys.remove(d.key)
        else:
            out.append(d)
    return out


def _dates(ctx: PairContext, missing: list, surplus: list) -> list[Finding]:
    """`missing`: the source's dates the target lacks; `surplus`: the target's the source lacks (_unmatched)."""
    out = []
    for kind in ("d", "m", "y", "w"):
        ms = [d for d in missing if d.key[0] == kind]
        ss = [d for d in surplus if d.key[0] == kind]
        if ms and ss:
            m, s = ms[0], ss[0]
            ev_src, ev_tgt = ctx.span("src", m.start, m.end), ctx.span("tgt", s.start, s.end)
            out.append(Finding(
                type="date", severity=Severity.CRITICAL, src=[ev_src.segment], tgt=[ev_tgt.segment],
                message=f"The date differs: the source says '{m.text}', the {language_name(ctx.tgt_lang)} text '{s.text}'.",
                signal="numbers", confidence=DATE_CONFIDENCE, evidence=[ev_src, ev_tgt],
            ))
            break  # one date finding per pair: the parts of one date disagree together
    if out or surplus or not missing:
        return out
    tgt_values = {t.value for t in _figures(ctx.tgt) if t.unit is None}
    # a date said otherwise, by its day's figure: its month (the same words) goes with it
    # (and a year by a figure of it, or of its decade: "những năm 1970" / "70er Jahre")
    told = {(m.start, m.end) for m in missing if m.key[0] == "d" and m.key[1] in tgt_values
            or m.key[0] == "y" and (m.key[1] in tgt_values or m.key[1] % 100 in tgt_values)}
    missing = [m for m in missing if (m.start, m.end) not in told]
    if missing:
        # a date the source gives and the translation leaves out ("… và hoàn thành vào năm 2027"); one note per pair
        # (the parts of one date go together)
        m = missing[0]
        ev = ctx.span("src", m.start, m.end)
        out.append(Finding(
            type="omission", severity=DATE_OMISSION, src=[ev.segment], tgt=list(ctx.bead.tgt),
            message=f"The source date '{m.text}' has no counterpart in the {language_name(ctx.tgt_lang)} text. News "
                    f"translations often leave a weekday, a month or a year to the context; a minor note.",
            signal="numbers", confidence=OMITTED_CONFIDENCE, evidence=[ev]))
    return out


# A date of the source that the translation leaves out: a minor note. As a major omission (as a figure without
# counterpart is) it found 1-2 more omission edits per half and cost 2 to 5 false alarms on each news half (NTREX
# held-out 51 → 56): news translations drop "on Friday", "in February", "in 2016".
DATE_OMISSION = Severity.MINOR


# a lone small number word is taken for the changed rendering of a figure at most this many times its size
SOFT_REACH = 10.0


def _within(a: float, b: float, factor: float) -> bool:
    a, b = abs(a), abs(b)
    return max(a, b) <= factor * max(min(a, b), 1e-9)


def _figures(facts) -> list[Value]:
    return list(facts.numbers) + [w for w in facts.number_words if w.figure or w.soft]


def _same(a: Value, b: Value) -> bool:
    """Equal under some reading of each: '26,750' may be 26.75 or 26750, '10:00' may be 22:00."""
    return not _other_measure(a, b) and any(_close(x, y) for x in a.readings for y in b.readings)


def _other_measure(a: Value, b: Value) -> bool:
    """The same figure of another unit of one kind: "hai ngày" / "zwei Wochen", "5 dặm" / "5 km" say other
    quantities (a temperature without its scale is left to _converts)."""
    return a.unit is not None and b.unit is not None and a.unit[0] == b.unit[0] != "temperature" \
        and not _close(a.unit[1], b.unit[1])


def _base(v: Value) -> float:
    _, factor, offset = v.unit
    return v.value * factor + offset


# The two temperature scales (factor, offset to °C), for a degree written without its scale.
_SCALES = ((1.0, 0.0), (5 / 9, -160 / 9))


def _converts(a: Value, b: Value) -> bool:
    """The same quantity in other units: '15 m' and '50ft', '6 foot 6' and '1,98 m', '100 °F' and '38 °C'.
    A degree without its scale ('80 độ', '80 degrees' of a US report) may be either: '80 độ' = '27 °C';
    where neither side names the scale, a difference converts by the factor alone ('10 độ' = '6 Grad')."""
    if a.unit is None or b.unit is None or a.unit[0] != b.unit[0]:
        return False
    if a.unit[0] == "temperature" and (a.either_scale or b.either_scale) and not _close(a.value, b.value):
        sa = _SCALES if a.either_scale else (a.unit[1:],)
        sb = _SCALES if b.either_scale else (b.unit[1:],)
        near = lambda x, y: abs(x - y) <= CONVERSION_TOLERANCE * max(abs(x), abs(y), 1e-9)  # noqa: E731
        # a difference ("10 độ" warmer = "6 Grad" wärmer) only where neither side names its scale
        both = a.either_scale and b.either_scale
        # read on one scale, the figures differ (checked above): only a change of scale converts
        return any(near(a.value * f + o, b.value * g + p) or (both and near(a.value * f, b.value * g))
                   for f, o in sa for g, p in sb if (f, o) != (g, p))
    if a.unit == b.unit:
        return False
    x, y = _base(a), _base(b)
    return abs(x - y) <= CONVERSION_TOLERANCE * max(abs(x), abs(y), 1e-9)


def _restated(left: list[Value], every: list[Value], other_left: list[Value]) -> list[Value]:
    """`left` less the figures that convert into a figure of their own side that is not left over, where
    the other side has no figure of that kind of unit (or none) left over that could be this one changed."""
    done = [v for v in every if not any(v is x for x in left)]
    return [v for v in left if not (v.unit and any(_converts(v, d) for d in done)
                                    and not any(o.unit is None or o.unit[0] == v.unit[0] for o in other_left))]


def _name_with(text: str, v: Value) -> str:
    """The name a figure ends ("COVID-19" for its 19)."""
    return name_before(text, v.start) + text[v.start:v.end]


def _name_letters_in(name: str, text: str) -> bool:
    """The letters of a name with a number ("Covid" of "Covid-19") stand in the text, as a word or a word's start."""
    letters = name.split("-")[0]
    return regex.search(rf"(?<![\p{{L}}]){regex.escape(letters)}", text, regex.IGNORECASE) is not None


def _spelled_in(v: Value, other: str) -> bool:
    """A spelled-out number whose word the other text has as it stands."""
    return v.text[:1].isalpha() and bool(regex.search(rf"(?<![\p{{L}}]){regex.escape(v.text.lower())}(?![\p{{L}}])", other.lower()))


def _rounds(figure: Value, words: list[Value]) -> Value | None:
    """A spelled-out number among `words` that `figure`, a decimal written in digits, rounds to."""
    if figure.value == int(figure.value) or figure.text[:1].isalpha():
        return None
    return next((w for w in words if w.text[:1].isalpha() and w.value == round(figure.value)), None)


_CLOCK = regex.compile(r"([01]?\d|2[0-3])[.,]([0-5]\d)")


def _clock(v: Value) -> tuple[float, float] | None:
    """(hour, minute) of a figure that may be a clock time written as a decimal: '13.30', '6.30'."""
    m = _CLOCK.fullmatch(v.text.strip())
    return (float(m.group(1)), float(m.group(2))) if m else None


def _clock_pairs(left: list[Value], other: list[Value]) -> None:
    """Take '13.30' (13.3) with the hour and minutes the other side reads from '13.30 Uhr', '6h30'."""
    for v in list(left):
        if (hm := _clock(v)) is None:
            continue
        hour = next((o for o in other if any(_close(r, hm[0]) for r in o.readings)), None)
        minute = next((o for o in other if o is not hour and _close(o.value, hm[1])), None)
        if hour is not None and (minute is not None or hm[1] == 0):
            left.remove(v)
            other.remove(hour)
            if minute is not None:
                other.remove(minute)


def _duration_pairs(left: list[Value], other: list[Value]) -> None:
    """Take 'fünfeinhalb Stunden' (5.5) with the hour and minutes the other side reads from one expression of
    time ('5 giờ 30 phút', '5:30'): a duration in hours and its fraction."""
    for v in list(left):
        minutes = (v.value - int(v.value)) * 60
        if not 0 < minutes < 60 or not _close(minutes, round(minutes)):
            continue
        hour = next((o for o in other if _close(o.value, int(v.value))), None)
        minute = next((o for o in other if hour is not None and o is not hour and (o.start, o.end) == (hour.start, hour.end)
                       and _close(o.value, round(minutes))), None)
        if minute is not None:
            left.remove(v)
            other.remove(hour)
            other.remove(minute)


def _take(values: list[Value], target: Value) -> Value | None:
    hit = next((v for v in values if _same(v, target)), None)
    if hit is not None:
        values.remove(hit)
    return hit


def _take_converted(values: list[Value], target: Value) -> Value | None:
    """A spelled-out quantity in other units: "một dặm" renders "1,6 Kilometer"."""
    hit = next((v for v in values if _converts(v, target)), None)
    if hit is not None:
        values.remove(hit)
    return hit


def _words_unread(lang: str) -> bool:
    """The pack of `lang` reads no number words (no pack, or none in it)."""
    return bool({"numbers", "number words"} & set(coverage(lang)))


def _day_figure(v: Value, days: set[int]) -> bool:
    return v.unit is None and not v.soft and v.value in days


def _numbers(ctx: PairContext, ratios: tuple[list, list] | None = None,
             days: tuple[set[int], set[int]] = (set(), set())) -> list[Finding]:
    """`days`: the days of each side's dates the other side has no date for; there a figure of that day may say the
    date in words the reader does not know ("mùng 6 tháng Giêng âm lịch" / "am 6. Tag des ersten Mondmonats")."""
    src_left, tgt_left = _figures(ctx.src), _figures(ctx.tgt)
    # a figure that says the other side's date (its day) is that date, not a figure of its own
    src_left = [n for n in src_left if not _day_figure(n, days[1])]
    tgt_left = [t for t in tgt_left if not _day_figure(t, days[0])]
    if ratios is not None:  # (value, start, end) of each side's proportions, compared by _ratios
        src_left = [n for n in src_left if not any(s <= n.start < e for _, s, e in ratios[0])]
        tgt_left = [t for t in tgt_left if not any(s <= t.start < e for _, s, e in ratios[1])]
    # 0. two figures with the same two readings pair first ("2 giờ" = 2 or 14 o'clock, "14:00" = 14 or 2): a small
    # number of the other side ("zwei Polizeifahrzeuge") must not take the clock time's own reading away
    for n in [n for n in src_left if n.alt is not None]:
        t = next((t for t in tgt_left if t.alt is not None and _close(t.value, n.alt) and _close(t.alt, n.value)
                  or t.alt is not None and _close(t.value, n.value) and _close(t.alt, n.alt)), None)
        if t is not None:
            tgt_left.remove(t)
            src_left.remove(n)
    # 1. the same value on both sides: first as each side reads it, then under another reading ('16:10' is
    # also 4:10 pm, but where the other side writes 16 and 4 as scores, 16 is 16)
    for n in list(src_left):
        if (t := next((t for t in tgt_left if _close(t.value, n.value) and not _other_measure(n, t)), None)) is not None:
            tgt_left.remove(t)
            src_left.remove(n)
    for n in list(src_left):
        if _take(tgt_left, n) is not None:
            src_left.remove(n)
    # 1b. the same quantity converted to other units
    for n in list(src_left):
        if (t := next((t for t in tgt_left if _converts(n, t)), None)) is not None:
            src_left.remove(n)
            tgt_left.remove(t)
    # 1b'. a figure that restates, in other units, one of its own side that has its counterpart: "45 dặm
    # (72 km)" / "72 Kilometer", "130mph (210km/h)" / "210 km/h" (the translation kept one of the two)
    src_left, tgt_left = _restated(src_left, _figures(ctx.src), tgt_left), _restated(tgt_left, _figures(ctx.tgt), src_left)
    # 1b''. a number word written the same on both sides, a phrase kept from a third language ("Top Ten"
    # / "top ten")
    src_left = [n for n in src_left if not _spelled_in(n, ctx.tgt.text)]
    tgt_left = [t for t in tgt_left if not _spelled_in(t, ctx.src.text)]
    # 1c. a clock time one side writes as a decimal: "13.30" = "13.30 Uhr", "6.30" = "6h30"
    _clock_pairs(src_left, tgt_left)
    _clock_pairs(tgt_left, src_left)
    _duration_pairs(src_left, tgt_left)
    _duration_pairs(tgt_left, src_left)
    # 2. a figure explained by a spelled-out word on the other side ('vier', 'hai hay ba')
    src_words = [w for w in ctx.src.number_words if not (w.figure or w.soft)]
    tgt_words = [w for w in ctx.tgt.number_words if not (w.figure or w.soft)]
    # (a name's number on both sides, capitalised words that only explain, pair with each other first:
    # "Thuyết Hai Nhân tố" / "Zwei-Faktoren-Theorie" does not explain another figure)
    for w in [w for w in src_words if w.text[:1].isupper()]:
        if (o := next((o for o in tgt_words if o.text[:1].isupper() and _close(o.value, w.value)), None)) is not None:
            src_words.remove(w)
            tgt_words.remove(o)
    src_left = [n for n in src_left if _take(tgt_words, n) is None and _take_converted(tgt_words, n) is None]
    tgt_left = [t for t in tgt_left if _take(src_words, t) is None and _take_converted(src_words, t) is None]
    # 2b. a decade is the year the other side writes: "70er Jahre" = "những năm 1970"
    src_years = {d.key[1] for d in ctx.src.dates if d.key[0] == "y"}
    tgt_years = {d.key[1] for d in ctx.tgt.dates if d.key[0] == "y"}
    src_left = [n for n in src_left if not any(r in tgt_years for r in n.readings)]
    tgt_left = [t for t in tgt_left if not any(r in src_years for r in t.readings)]
    # 2c. a side whose language has no number words read ('zh' without a pack) cannot show a spelled-out
    # figure's counterpart: "two" against "两" is no addition, only unread
    if _words_unread(ctx.src_lang):
        tgt_left = [t for t in tgt_left if not t.text[:1].isalpha()]
    if _words_unread(ctx.tgt_lang):
        src_left = [n for n in src_left if not n.text[:1].isalpha()]
    # 3. a spelled-out number is a round one: "zwei Meter" renders "1,98 m"
    for n in list(src_left):
        if (t := _rounds(n, tgt_left)) is not None:
            src_left.remove(n)
            tgt_left.remove(t)
    for t in list(tgt_left):
        if (n := _rounds(t, src_left)) is not None:
            src_left.remove(n)
            tgt_left.remove(t)
    out = []
    # full figures first: a soft word ("vier") pairs with what is left, but is never missing alone
    for n in sorted(src_left, key=lambda v: v.soft):
        if n.soft and not tgt_left:
            continue
        # a small number word left over renders no figure ten times its size: "in den ersten 6 Monaten" has no
        # rendering of a dropped "4.127 người bị thương" (which is missing, not changed into "ersten")
        near = [t for t in tgt_left if n.soft or not t.soft or _within(t.value, n.value, SOFT_REACH)]
        if near:
            # the closest surplus value in magnitude is the likely rendering of this one
            t = min(near, key=lambda t: abs(t.value - n.value) / max(abs(n.value), 1e-9))
            tgt_left.remove(t)
            ev_src, ev_tgt = ctx.span("src", n.start, n.end), ctx.span("tgt", t.start, t.end)
            # units of one kind that do not convert into each other are rounded or estimated
            # differently more often than changed: "6 feet" and "2 m"
            units_differ = n.unit is not None and t.unit is not None and n.unit[0] == t.unit[0] and n.unit != t.unit
            unit_changed = units_differ and _close(n.value, t.value)  # the figure kept: quote both units
            said_src, said_tgt = (_with_unit(ctx.src.text, n), _with_unit(ctx.tgt.text, t)) if unit_changed else (_said(n), _said(t))
            out.append(Finding(
                type="number", severity=Severity.MAJOR if units_differ else Severity.CRITICAL, src=[ev_src.segment], tgt=[ev_tgt.segment],
                message=f"The number changed: the source says {said_src}, the {language_name(ctx.tgt_lang)} text {said_tgt}"
                        + (": the same figure of another unit." if unit_changed else
                           ", in other units that do not convert into each other." if units_differ else "."),
                signal="numbers", confidence=CHANGED_CONFIDENCE, evidence=[ev_src, ev_tgt],
            ))
        else:
            ev = ctx.span("src", n.start, n.end)
            out.append(Finding(
                type="omission", severity=Severity.MINOR if n.aside or n.name_part or _close(n.value, 1) else Severity.MAJOR,
                src=[ev.segment], tgt=list(ctx.bead.tgt),
                message=f"The source figure {n.text} has no counterpart in the {language_name(ctx.tgt_lang)} text"
                        + (" (it converts the figure before it, in parentheses)." if n.aside else
                           f" (it is part of a name, '{_name_with(ctx.src.text, n)}', which a translation may render otherwise)."
                           if n.name_part else
                           " (a single one is often rendered by an article: 'a week')." if _close(n.value, 1) else "."),
                signal="numbers", confidence=OMITTED_CONFIDENCE, evidence=[ev],
            ))
    for t in tgt_left:
        if t.soft:
            continue
        ev = ctx.span("tgt", t.start, t.end)
        # a name's number the source leaves out of a name it writes ("Covid" / "Covid-19"); a whole name the
        # source lacks is added ("SA-125 missiles"), unlike one the target renders in words ("COVID-19" /
        # "Corona-Pandemie", above)
        named = t.name_part and _name_letters_in(_name_with(ctx.tgt.text, t), ctx.src.text)
        out.append(Finding(
            type="addition", severity=Severity.MINOR if t.aside or named or _close(t.value, 1) else Severity.MAJOR,
            src=list(ctx.bead.src), tgt=[ev.segment],
            message=f"The {language_name(ctx.tgt_lang)} text adds the figure {t.text}, which the source does not contain"
                    + (" (it converts the figure before it, in parentheses)." if t.aside else
                       f" (it is part of a name, '{_name_with(ctx.tgt.text, t)}', which the source writes without it)."
                       if named else
                       " (a single one is often written for an article: 'một tuần')." if _close(t.value, 1) else "."),
            signal="numbers", confidence=ADDED_CONFIDENCE, evidence=[ev],
        ))
    return out


@functools.lru_cache(maxsize=None)
def change_patterns(lang: str) -> tuple[regex.Pattern, regex.Pattern, regex.Pattern, regex.Pattern] | None:
    """The pack's words of a rise, of a fall, of phrases holding them that say no change of a figure, and of no
    change ("flat") (configs/lang/LANG/numbers.toml [change]); None where the pack has none."""
    pack = number_pack(lang)
    if not pack.change or "words of change" in pack.missing:
        return None
    data = pack.change

    def one(entry: str) -> str:
        # "nahm … zu": up to six words between the parts, none of them across a clause's mark
        parts = [r"\s+".join(regex.escape(w) for w in nfc(part).split()) for part in entry.split("…")]
        return r"(?:\s+[^\s.,;:!?]+){0,6}?\s+".join(parts)

    def compiled(entries: list[str]) -> regex.Pattern:
        alts = "|".join(one(e) for e in sorted(entries, key=len, reverse=True)) or "(?!)"
        # (an entry that opens with a sign needs no word boundary before it: "12% weniger")
        return regex.compile(rf"(?i)(?:(?<![\p{{L}}\p{{N}}])|(?=[^\p{{L}}\p{{N}}\s]))(?:{alts})(?![\p{{L}}\p{{N}}])")

    return compiled(data["up"]), compiled(data["down"]), compiled(data.get("not_change", [])), compiled(data.get("flat", []))


@functools.lru_cache(maxsize=None)
def _purpose_words(lang: str) -> regex.Pattern | None:
    """[change] purpose of the pack as one pattern of whole words; None where it has none."""
    words = number_pack(lang).change.get("purpose", [])
    if not words:
        return None
    return regex.compile(r"(?i)(?<![\p{L}\p{N}])(?:" + "|".join(regex.escape(nfc(w)) for w in words) + r")(?![\p{L}\p{N}])")


_TOKEN = regex.compile(r"[\p{L}\p{N}]+")
_CLAUSE_MARK = regex.compile(r"[,;:!?()]|\.(?=\s+\p{Lu})")  # a sentence end, not "ca. 12"


def _change_words(text: str, lang: str) -> list[tuple[str, int, int]]:
    """(direction, start, end) of every word of a rise ("up"), a fall ("down") or no change ("flat": "giữ nguyên",
    "unverändert") in a text, read once per side."""
    up, down, not_change, flat = change_patterns(lang)
    blocked = [(m.start(), m.end()) for m in not_change.finditer(text)]
    found = [(direction, m.start(), m.end()) for direction, pattern in (("flat", flat), ("up", up), ("down", down))
             for m in pattern.finditer(text) if not any(a < m.end() and m.start() < b for a, b in blocked)]
    # a word of change inside a phrase of no change is that phrase ("không tăng", if a pack lists it so)
    return [w for w in found if w[0] == "flat" or not any(f[0] == "flat" and f[1] <= w[1] and w[2] <= f[2] for f in found)]


def _direction_of(text: str, words: list[tuple[str, int, int]], figure: Value,
                  purpose: regex.Pattern | None = None) -> tuple[str, int, int] | None:
    """The direction the nearest of `words` (_change_words) gives a figure, with that word's span: within
    CHANGE_WINDOW words of it and in its clause (no comma, colon or sentence end between), and no word of purpose
    between (`purpose`, [change] purpose: "… 4,5% nhằm hỗ trợ tăng trưởng" is growth the figure serves, not its rise)."""
    best = None
    for direction, start, end in words:
        gap = text[min(end, figure.end):max(start, figure.start)]
        n = len(_TOKEN.findall(gap))
        if purpose is not None and purpose.search(gap):
            continue
        if n <= CHANGE_WINDOW and not _CLAUSE_MARK.search(gap) and (best is None or n < best[0]):
            best = (n, direction, start, end)
    return best[1:] if best else None


def _negated_near(text: str, lang: str, word: tuple[str, int, int]) -> bool | None:
    """A negation in the clause of a word of change, within NEGATION_REACH words of it ("không hề tăng", "sank
    nicht", "did not rise", "ist nicht gestiegen"); None where the language has no negation knowledge."""
    from .negation import clauses, negation_pack

    pack = negation_pack(lang)
    if not pack.known:
        return None
    for c in clauses(text, pack):
        for u in c.units:
            gap = text[min(u.end, word[2]):max(u.start, word[1])]
            if len(_TOKEN.findall(gap)) <= NEGATION_REACH and not _CLAUSE_MARK.search(gap):
                return True
    return False


def _directions(ctx: PairContext) -> list[Finding]:
    """A figure both sides give that rises on one side and falls (or stays the same) on the other, each direction
    read from the word of change nearest the figure in its clause ("tăng 12%" / "sank um 12 Prozent", "giữ nguyên …
    4,5%" / "senkte … auf 4,5 Prozent"). A negation near either word ("không tăng" / "sank nicht") leaves the figure
    unread: the negation check speaks of it."""
    if change_patterns(ctx.src_lang) is None or change_patterns(ctx.tgt_lang) is None:
        return []
    tgt_figs = _figures(ctx.tgt)
    pairs = [(n, t) for n in _figures(ctx.src) if (t := next((t for t in tgt_figs if _same(n, t)), None)) is not None]
    if not pairs:
        return []
    s_words, t_words = _change_words(ctx.src.text, ctx.src_lang), _change_words(ctx.tgt.text, ctx.tgt_lang)
    for n, t in pairs:
        sd = _direction_of(ctx.src.text, s_words, n, _purpose_words(ctx.src_lang))
        td = _direction_of(ctx.tgt.text, t_words, t, _purpose_words(ctx.tgt_lang))
        if sd is None or td is None or sd[0] == td[0]:
            continue
        # (a phrase of no change may hold a negation of its own: "không thay đổi")
        if sd[0] != "flat" and _negated_near(ctx.src.text, ctx.src_lang, sd) is not False \
                or td[0] != "flat" and _negated_near(ctx.tgt.text, ctx.tgt_lang, td) is not False:
            continue
        said = {"up": "rises", "down": "falls", "flat": "stays the same"}
        return [Finding(
            type="number", severity=Severity.MAJOR, src=list(ctx.bead.src), tgt=list(ctx.bead.tgt),
            message=f"The figure {_said(n)} {said[sd[0]]} in the source ('{ctx.src.text[sd[1]:sd[2]]}') but "
                    f"{said[td[0]]} in the {language_name(ctx.tgt_lang)} text ('{ctx.tgt.text[td[1]:td[2]]}'): "
                    f"check which is right.",
            signal="numbers", confidence=DIRECTION_CONFIDENCE,
            evidence=[ctx.span("src", n.start, n.end), ctx.span("src", sd[1], sd[2]),
                      ctx.span("tgt", t.start, t.end), ctx.span("tgt", td[1], td[2])])]
    return []


# A multiple or a share said in words ("gấp ba" / "verdreifacht", "một phần ba" / "ein Drittel") is compared only
# where both sides say one: one side may say it as a percentage or a figure ("um 100 Prozent", "50 %") instead.
RATIO_CONFIDENCE = 0.7


@functools.lru_cache(maxsize=None)
def ratio_pattern(lang: str) -> regex.Pattern | None:
    """The pack's multiples and shares in words (configs/lang/LANG/numbers.toml [ratios]) as one pattern:
    groups w (a whole expression of [ratios] words), n and den (a count and a denominator of [ratios]
    denominators: "zwei Drittel"), n and times (a count in a [ratios] times pattern: "gấp 3 lần")."""
    pack = number_pack(lang)
    data = pack.ratios
    if not data:
        return None
    # counts of multiples: one to twenty and the tens ("gấp hai mươi lần"; a longer list only slows the pattern)
    counts = {w for w, v in pack.words.items() if v == int(v) and (1 <= v <= 20 or v <= 100 and v % 10 == 0)} \
        | {nfc(w).lower() for w in data.get("one", [])}
    num = r"\d+(?:[.,]\d+)?|" + "|".join(regex.escape(w) for w in sorted(counts, key=len, reverse=True))
    alts = []
    if data.get("words"):
        alts.append("(?P<w>" + "|".join(regex.escape(nfc(w)) for w in sorted(data["words"], key=len, reverse=True)) + ")")
    if data.get("denominators"):
        dens = "|".join(regex.escape(nfc(w)) for w in sorted(data["denominators"], key=len, reverse=True))
        alts.append(rf"(?P<n>{num})\s+(?P<den>{dens})" + (rf"(?=\s+(?:{data['fraction_after']})\b)" if data.get("fraction_after") else ""))
    ranges = "|".join(regex.escape(w) for w in sorted(pack.range_words, key=len, reverse=True)) or "(?!)"
    for k, t in enumerate(data.get("times", [])):
        # a range of multiples: "gấp năm đến mười lần", "fünf- bis zehnmal so"
        count = rf"(?P<t{k}>{num})(?:-?\s*(?:{ranges})\s*(?P<u{k}>{num}))?"
        alts.append(regex.escape(nfc(t)).replace(r"\{n\}", count).replace(r"\ ", r"\s+"))
    return regex.compile(r"(?i)(?<![\p{L}\p{N}]|\p{N}[.,])(?:" + "|".join(alts) + r")(?![\p{L}\p{N}]|[.,]\p{N})")


@functools.lru_cache(maxsize=None)
def _ratio_trigger(lang: str) -> regex.Pattern:
    """The words every [ratios] phrase holds ("gấp", "Drittel", "verdoppelt", "mal so"): a cheap first test."""
    data = number_pack(lang).ratios
    parts = [*data.get("words", {}), *data.get("denominators", {})]
    parts += [p.strip(" -") for t in data.get("times", []) for p in nfc(t).split("{n}") if p.strip(" -")]
    return regex.compile("(?i)" + "|".join(regex.escape(nfc(p)) for p in sorted(set(parts), key=len, reverse=True)))


@functools.lru_cache(maxsize=None)
def _ratio_tables(lang: str) -> tuple[dict[str, float], dict[str, float], frozenset[str]]:
    """[ratios] words and denominators by their lower-case form, and the words that count one."""
    data = number_pack(lang).ratios
    lower = lambda table: {nfc(w).lower(): float(v) for w, v in table.items()}  # noqa: E731
    return lower(data.get("words", {})), lower(data.get("denominators", {})), frozenset(nfc(w).lower() for w in data.get("one", []))


def _ratio_values(text: str, lang: str) -> list[tuple[float, int, int]]:
    """(value, start, end) of each multiple or share said in words."""
    pat = ratio_pattern(lang)
    if pat is None or not _ratio_trigger(lang).search(text):
        return []
    pack = number_pack(lang)
    words, denominators, ones = _ratio_tables(lang)

    def count(word: str) -> float | None:
        w = nfc(word).lower()
        if w[:1].isdigit():  # "2,5" in a language that writes a decimal comma, "2.5" in one that writes a point
            return float(w.replace(pack.decimal, ".")) if regex.fullmatch(rf"\d+(?:{regex.escape(pack.decimal)}\d+)?", w) else None
        return 1.0 if w in ones else pack.words.get(w)

    out = []
    for m in pat.finditer(text):
        gd = {k: v for k, v in m.groupdict().items() if v}
        if "w" in gd:
            value = words.get(nfc(gd["w"]).lower())
        elif "den" in gd:
            n, den = count(gd["n"]), denominators.get(nfc(gd["den"]).lower())
            value = n / den if n and den else None
        else:
            value = next((count(v) for k, v in gd.items() if k.startswith("t")), None)
            upper = next((count(v) for k, v in gd.items() if k.startswith("u")), None)
            if upper:
                out.append((upper, m.start(), m.end()))
        if value:
            out.append((value, m.start(), m.end()))
    return out


def _ratios(ctx: PairContext, src: list[tuple[float, int, int]], tgt: list[tuple[float, int, int]]) -> list[Finding]:
    """A multiple or a share both sides say in words, with another value on each side: "gấp ba" (3×) /
    "verdoppelt" (2×), "một phần ba" (1/3) / "ein Viertel" (1/4)."""
    lone_src = [r for r in src if not any(_close(r[0], t[0]) for t in tgt)]
    lone_tgt = [t for t in tgt if not any(_close(t[0], r[0]) for r in src)]
    if not lone_src or not lone_tgt:
        return []
    (sv, ss, se), (tv, ts, te) = lone_src[0], lone_tgt[0]
    return [Finding(
        type="number", severity=Severity.CRITICAL, src=list(ctx.bead.src), tgt=list(ctx.bead.tgt),
        message=f"The proportion changed: the source says {ctx.src.text[ss:se]} ({_ratio(sv)}), the "
                f"{language_name(ctx.tgt_lang)} text {ctx.tgt.text[ts:te]} ({_ratio(tv)}).",
        signal="numbers", confidence=RATIO_CONFIDENCE, evidence=[ctx.span("src", ss, se), ctx.span("tgt", ts, te)])]


def _ratio(v: float) -> str:
    """3.0 -> '3×'; 0.25 -> '1/4'; 0.666… -> '2/3'."""
    if v >= 1:
        return f"{_fmt(v)}×"
    from fractions import Fraction

    f = Fraction(v).limit_denominator(20)
    return f"{f.numerator}/{f.denominator}"


# A figure both sides give, bounded from below on one side ("hơn 3 triệu", "mindestens", "more than") and from above
# on the other ("weniger als", "up to", "gần"): [bounds] in each number pack, the word right before the figure.
BOUND_CONFIDENCE = 0.6


@functools.lru_cache(maxsize=None)
def bound_patterns(lang: str) -> dict[str, regex.Pattern] | None:
    """[bounds] lower and upper of the pack, each a pattern that ends right before a figure (whitespace between)."""
    data = number_pack(lang).bounds
    if not data.get("lower") or not data.get("upper"):
        return None

    def compiled(entries: list[str]) -> regex.Pattern:
        alts = "|".join(r"\s+".join(regex.escape(w) for w in nfc(e).split()) for e in sorted(entries, key=len, reverse=True))
        return regex.compile(rf"(?i)(?<![\p{{L}}\p{{N}}])(?:{alts})[ \t\u00a0]*$")

    return {"lower": compiled(data["lower"]), "upper": compiled(data["upper"]), "ambiguous": compiled(data.get("ambiguous") or ["(?!)"])}


@dataclass(frozen=True)
class _Span:
    start: int
    end: int


def _bound_of(text: str, start: int, patterns: dict[str, regex.Pattern]) -> tuple[str, int, int, bool] | None:
    """(lower or upper, start, end, whether the word is a preposition that may bound nothing) of the word right
    before a figure or a proportion that starts at `start`."""
    for side in ("lower", "upper"):
        m = patterns[side].search(text, max(0, start - 40), start)
        if m is not None:
            return side, m.start(), m.end(), patterns["ambiguous"].fullmatch(text[m.start():m.end()].strip()) is not None
    return None


def _bounds(ctx: PairContext, src_ratios: list[tuple[float, int, int]] = (),
            tgt_ratios: list[tuple[float, int, int]] = ()) -> list[Finding]:
    """A figure or a proportion of equal value on both sides that one side bounds from below and the other from
    above: "Hơn 3 triệu" / "weniger als drei Millionen", "ít nhất 200" / "höchstens 200", "Hơn một nửa" / "Weniger
    als die Hälfte"."""
    sp, tp = bound_patterns(ctx.src_lang), bound_patterns(ctx.tgt_lang)
    if sp is None or tp is None:
        return []
    tgt_figs = _figures(ctx.tgt)
    # (source start, end, what it says; target start, end) of each value both sides give
    pairs = [(n.start, n.end, _said(n), t.start, t.end) for n in _figures(ctx.src) for t in tgt_figs if _same(n, t)]
    shares = [(ss, se, ctx.src.text[ss:se], ts, te) for v, ss, se in src_ratios for w, ts, te in tgt_ratios if _close(v, w)]
    if shares and change_patterns(ctx.src_lang) is not None and change_patterns(ctx.tgt_lang) is not None:
        # a share a word of change governs measures the change, not the whole: "giảm hơn một nửa" (fell by more than
        # half) is "weniger als halb so viele" (fewer than half as many)
        s_words, t_words = _change_words(ctx.src.text, ctx.src_lang), _change_words(ctx.tgt.text, ctx.tgt_lang)
        shares = [p for p in shares if _direction_of(ctx.src.text, s_words, _Span(p[0], p[1])) is None
                  and _direction_of(ctx.tgt.text, t_words, _Span(p[3], p[4])) is None]
    pairs += shares
    bounded = [(p, _bound_of(ctx.src.text, p[0], sp), _bound_of(ctx.tgt.text, p[3], tp)) for p in pairs]
    # a figure said twice on each side ("trên 40 độ C, … dưới 40%" / "über 40 Grad, … unter 40 Prozent"): each
    # figure bounded as one of the other side is that one's rendering, one to one; the rest may conflict
    used: set[tuple[int, str]] = set()
    for p, sb, tb in bounded:
        if sb and tb and sb[0] == tb[0] and not {(p[0], "src"), (p[3], "tgt")} & used:
            used |= {(p[0], "src"), (p[3], "tgt")}
    for (s_start, s_end, said_value, t_start, t_end), sb, tb in bounded:
        if sb is None or tb is None or tb[0] == sb[0] or {(s_start, "src"), (t_start, "tgt")} & used:
            continue
        if sb[3] and tb[3]:
            continue  # two prepositions: "khảo sát trên 1.000 người" / "Umfrage unter 1.000 Menschen" bound nothing
        said = {"lower": "at least or more than", "upper": "at most or less than"}
        return [Finding(
            type="number", severity=Severity.MAJOR, src=list(ctx.bead.src), tgt=list(ctx.bead.tgt),
            message=f"The source says {said[sb[0]]} {said_value} ('{ctx.src.text[sb[1]:sb[2]].strip()}'), the "
                    f"{language_name(ctx.tgt_lang)} text {said[tb[0]]} it ('{ctx.tgt.text[tb[1]:tb[2]].strip()}'): check which is right.",
            signal="numbers", confidence=BOUND_CONFIDENCE,
            evidence=[ctx.span("src", sb[1], s_end), ctx.span("tgt", tb[1], t_end)])]
    return []
