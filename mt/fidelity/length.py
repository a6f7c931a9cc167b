"""Omission and addition inside an aligned pair, read from length.

A faithful translation has a predictable length: log(target letters / source letters) lies near
factor[target] - factor[source] (configs/lang/mul/length.toml, fitted by eval/build_length_pack.py on
public human translations), with a spread that shrinks as pairs get longer (Gale and Church's model).
A pair far outside it has lost or gained content:
- where the longer side has a sentence more than the other, and leaving that sentence out brings the
  pair back to the usual ratio, the finding names that sentence (an added or a dropped sentence);
- otherwise a pair far too short or too long is reported with how far it is off; a smaller
  deviation is a minor note, never an alarm.
Inside a document of enough pairs the expected ratio is learned from the document itself (its
median, drawn towards the pack's value), so a translator's style or a genre does not read as omission.
A language without a factor is checked only in such documents. Each language pair has its own centre
and a spread on each side of it ([spread.sides] of the pack): Vietnamese-English everyday sentences run
shorter than the factors expect but rarely much shorter, so one symmetric spread around the factors'
ratio ([spread.pairs], 1.16 for vi-en) read that offset as width and hid short omissions, while the
spread below the pair's own centre (0.90) is what an omission is judged against.
A length deviation weighs more where the longer side's extra part carries content the other side lacks:
figures, dates, known places and organisations, and names (anchors) are marked as matched or not on the
other side, and every bar moves with them (_bar). Words in parentheses on one side only are a gloss
("the DGSE (Directorate General for External Security)") and are not counted.
A translation that joins no parts (one sentence, no conjunction) while its source joins some, and is
somewhat short, has lost the source's closing part when the pair's length is better explained without
that part than with it (_lost_part, LOST_PART_LR): a dropped "… and thanked the volunteers" rarely makes
a pair short enough for the bars above.
"""
from __future__ import annotations

import functools
import math
import statistics
from dataclasses import dataclass

import regex

from ..config import load_toml
from ..types import Alignment, Finding, SegmentKind, Severity, Span
from .context import PairContext, language_name

_LETTER = regex.compile(r"[\p{L}\p{N}]")

# z-scores (deviations in units of the expected spread), chosen on the dev halves of
# eval/fidelity_pairs.py's sets; see the README for the held-out figures they give.
ALARM_Z = 3.6  # the length alone: too far off to be a translator's freedom
SENTENCE_Z = 1.8  # with a whole sentence on one side that explains the difference
SENTENCE_FIT = 1.2  # without that sentence the pair must be this close to the usual ratio (eval/length_cv.py: every fold)
CLAUSE_Z = 3.0  # the same for a dropped clause (between commas, semicolons, colons, dashes): more candidates, so stricter
CLAUSE_FIT = 0.7
# A source that joins more parts (coordinating conjunctions inside its sentences, and its sentence
# breaks) than its translation, while the translation is short, has lost a part: then a dropped
# clause is looked for from COORD_Z on, and without one that fits the pair alarms from COORD_ALARM_Z.
COORD_Z = 1.6
COORD_ALARM_Z = 2.0
COORD_FIT = 1.0  # the part that opens with the missing join fits more loosely: the join already points to it
# A translation that joins no parts at all (one sentence, no conjunction) where the source joins some may
# have lost the source's closing part: the run of clauses that opens with a join and ends its sentence
# ("… la nouvelle piscine et a remercié les bénévoles" / "… the new pool."). The length need not be far off:
# under the length model (z a standard normal deviate) the log-likelihood ratio of "that part is lost"
# over "the translation is whole" is (z^2 - fit^2) / 2, fit being the pair's z without the part; the part
# is taken as lost from LOST_PART_LR on (eval/length_cv.py). Only where the target joins nothing: one join
# fewer while the target keeps others is most often a list put with commas ("des pommes, des poires ou des prunes" /
# "apples, pears, or plums"). LOST_PART_FINAL: the part must close its sentence (an omitted ending).
LOST_PART_LR = 0.8
LOST_PART_FINAL = True
# A source with more sentences than its translation, one of them a question, while the translation asks
# nothing, has lost that question: human translations keep a question a question (on the clean dev
# pairs a source had more questions than its translation in 4 of 7,000, none with more sentences), so
# the length need not be off, as long as the translation is not itself too long.
QUESTION_MAX_Z = 1.5
# Content anchors (figures, dates, known places and organisations, names; see anchors) move each bar
# above: a part carrying one the other side lacks needs ANCHOR_LOWER less, a part whose every anchor the
# other side has needs ANCHOR_RAISE more, a part without anchors the bar itself (ANCHOR_NONE). Chosen with
# SENTENCE_Z by five-fold cross-validation across documents of the dev halves and the spare pool
# (eval/length_cv.py: four of five folds chose these, one ANCHOR_RAISE 0): a false alarm weighs as four
# missed omissions or eight missed additions.
ANCHOR_LOWER = 0.6
ANCHOR_RAISE = 0.5
ANCHOR_NONE = 0.0
ASIDES = True  # parenthesised words on one side only are a gloss, not counted (_counted)
PAIR_SPREAD = "sides"  # each language pair: its own centre and a spread for each side of it ([spread.sides]); True: one spread ([spread.pairs]); False: pooled
# A short pair (below MIN_LETTERS / LONG_SIDE, which the length otherwise leaves alone) whose source has more
# sentences than its translation, while the translation is this short (z below -LOST_SENTENCE_Z), has lost a
# sentence ("Ich habe Hunger. Ich will Lasagne." / "I'm hungry."): on the dev halves and the spare pool no clean
# pair reached it. (Read for every pair it cost three clean NTREX pairs on the held-out half: longer pairs are
# left to the sentence whose removal fits.)
LOST_SENTENCE_Z = 2.0
NOTE_Z = 2.3  # a minor note: worth a look, not an alarm
MIN_LETTERS = 12  # shorter sides ("Ja." / "Yes, I do.") say nothing by their length...
LONG_SIDE = 36  # ...unless the other side is this long ("Süß und ehrenvoll ist es, …" / "It is sweet.")
DOC_MIN_PAIRS = 12  # a document's own median ratio is used from this many pairs on
DOC_PRIOR_WEIGHT = 10  # the pack's ratio counts as this many pairs of the document


def letters(text: str) -> int:
    """Letters and digits: what carries content, whatever the script spaces or punctuation."""
    return len(_LETTER.findall(text))


_ASIDE = regex.compile(r"\([^()]*\)")


def _counted(text: str, asides: bool) -> int:
    """Letters of the text, without those in parentheses when `asides`: a translator's gloss of a name
    or an acronym ("the DGSE (Directorate General for External Security)") explains, it adds nothing."""
    return letters(_ASIDE.sub(" ", text) if asides else text)


def _aside_side(src: str, tgt: str) -> str | None:
    """The side whose parenthesised words are asides: the one with parentheses where the other has none."""
    a, b = bool(_ASIDE.search(src)), bool(_ASIDE.search(tgt))
    return "src" if a and not b else "tgt" if b and not a else None


@functools.lru_cache(maxsize=1)
def _pack() -> dict:
    return load_toml("lang/mul/length.toml")


def has_factor(lang: str) -> bool:
    return lang in _pack().get("factor", {})


@dataclass(frozen=True)
class LengthModel:
    expected: float  # log(target letters / source letters) of a faithful translation
    floor: float
    scale: float
    learned_from: str  # "pack" or "document", for the message
    spread: float = 1.0  # the language pair's spread as a multiple of the pooled one ([spread.pairs])
    # the language pair's own centre and the spread of each side of it, in pooled z units ([spread.sides]):
    # translations shorter than usual spread differently from longer ones (see model_for)
    sides: tuple[float, float, float] | None = None

    def z(self, src_letters: int, tgt_letters: int) -> float:
        n = math.sqrt(src_letters * tgt_letters)
        z = (math.log(tgt_letters / src_letters) - self.expected) / math.sqrt(self.floor ** 2 + self.scale ** 2 / n)
        if self.sides is None:
            return z / self.spread
        centre, shorter, longer = self.sides
        z -= centre
        return z / (shorter if z < 0 else longer)


def model_for(al: Alignment) -> LengthModel | None:
    """The expected length ratio for this document: the pack's, adapted to the document's own median
    when it has enough pairs; None when neither is known (no factor and a short document)."""
    pack = _pack()
    spread = pack.get("spread", {})
    floor, scale = float(spread.get("floor", 0.12)), float(spread.get("scale", 0.8))
    pair = f"{al.src.lang}-{al.tgt.lang}"
    k = float(spread.get("pairs", {}).get(pair, 1.0)) if PAIR_SPREAD is True else 1.0
    sides = spread.get("sides", {}).get(pair) if PAIR_SPREAD == "sides" else None
    sides = tuple(float(x) for x in sides) if sides else None
    factors = pack.get("factor", {})
    prior = None
    if al.src.lang in factors and al.tgt.lang in factors:
        prior = float(factors[al.tgt.lang]) - float(factors[al.src.lang])
    ratios = []
    for b in al.beads:
        if not (b.src and b.tgt) or not all(al.src.segments[i].is_content for i in b.src):
            continue
        s, t = letters(al.src_text(b)), letters(al.tgt_text(b))
        if s >= 2 * MIN_LETTERS and t >= 2 * MIN_LETTERS:
            ratios.append(math.log(t / s))
    if len(ratios) >= DOC_MIN_PAIRS:
        med = statistics.median(ratios)
        if prior is None:
            return LengthModel(med, floor, scale, "document", k)
        n = len(ratios)
        # (the document's own median replaces the pair's centre: the sides keep their spread around it)
        doc_sides = (0.0,) + sides[1:] if sides else None
        return LengthModel((n * med + DOC_PRIOR_WEIGHT * prior) / (n + DOC_PRIOR_WEIGHT), floor, scale, "document", k,
                           doc_sides)
    if prior is None:
        return None
    return LengthModel(prior, floor, scale, "pack", k, sides)


def _sentences(ctx: PairContext, side: str) -> list[Span]:
    """Every sentence of the bead's segments on one side, as spans of its segment."""
    from ..segment import sentence_spans

    doc = ctx.alignment.src if side == "src" else ctx.alignment.tgt
    ids = ctx.bead.src if side == "src" else ctx.bead.tgt
    out = []
    for i in ids:
        text = doc.segments[i].norm
        out += [Span(side, i, s, e, text[s:e]) for s, e in sentence_spans(text, doc.lang)]
    return out


def _conjunction_alternatives(lang: str) -> str:
    """The language's coordinating conjunctions (configs/lang/mul/length.toml [conjunctions]) as one
    regex alternation, longest first ("" where the pack has none)."""
    words = _pack().get("conjunctions", {}).get(lang, [])
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


@functools.lru_cache(maxsize=None)
def _clause_break(lang: str) -> regex.Pattern:
    """Commas, semicolons, colons, dashes, and the language's coordinating conjunctions: where a
    sentence's parts join."""
    conj = _conjunction_alternatives(lang)
    return regex.compile(r"[,;:]\s+|\s+[–—]\s+" + (rf"|\s+(?=(?:{conj})\s)" if conj else ""))


@functools.lru_cache(maxsize=None)
def _conjunction(lang: str) -> regex.Pattern | None:
    alt = _conjunction_alternatives(lang)
    if not alt:
        return None
    return regex.compile(rf"(?i)(?<![\p{{L}}\p{{M}}])(?:{alt})(?![\p{{L}}\p{{M}}])")


_OPENING = " \t\"'„“”«»‹›‚‘’([{–—-"


def _joining(text: str, start: int, end: int, lang: str, strict: bool = True) -> bool:
    """Whether the conjunction text[start:end] joins two parts of its sentence: not at the sentence's
    start (that joins it to the sentence before), and, read strictly, where the pack says a word joins
    only after a comma ([conjunctions_after_comma]: German "aber" is also a particle, "sei aber gegen …"),
    after one."""
    before = text[:start].rstrip(_OPENING)
    if not before or before[-1] in ".!?…":
        return False
    word = text[start:end].lower()
    return not strict or word not in _pack().get("conjunctions_after_comma", {}).get(lang, []) \
        or before.endswith((",", ";", "–", "—"))


def joins(sentences: list[Span], lang: str, strict: bool = True) -> int | None:
    """How many parts the sentences join: coordinating conjunctions inside a sentence (_joining) and
    the breaks between sentences. None for a language without conjunctions in the pack."""
    conj = _conjunction(lang)
    if conj is None:
        return None
    return len(sentences) - 1 + sum(_joining(sp.text, m.start(), m.end(), lang, strict)
                                    for sp in sentences for m in conj.finditer(sp.text))


def _opens_with_join(ctx: PairContext, sp: Span, lang: str) -> bool:
    """The span starts at a joining conjunction (after the comma or dash before it, if any)."""
    doc = ctx.alignment.src if sp.side == "src" else ctx.alignment.tgt
    text = doc.segments[sp.segment].norm
    lead = len(sp.text) - len(sp.text.lstrip(_OPENING + ",;:"))
    m = _conjunction(lang).match(text, sp.start + lead)
    return bool(m) and _joining(text, m.start(), m.end(), lang)


def _clauses(sentences: list[Span], lang: str) -> list[Span]:
    """The sentences cut where their parts join (see _clause_break)."""
    out = []
    cut = _clause_break(lang)
    for sp in sentences:
        start = 0
        for m in cut.finditer(sp.text):
            if m.end() <= start:
                continue
            out.append(Span(sp.side, sp.segment, sp.start + start, sp.start + m.end(), sp.text[start:m.end()]))
            start = m.end()
        out.append(Span(sp.side, sp.segment, sp.start + start, sp.end, sp.text[start:]))
    return [c for c in out if c.text.strip()]


def _odd_unit(ctx: PairContext, model: LengthModel, side: str, s: int, t: int, z: float,
              found: list[Anchor], asides: bool = False) -> tuple[Span, str] | None:
    """The sentence (or clause) of `side` whose removal brings the pair back to the usual ratio,
    when that side has more sentences (clauses) than the other: what was added or dropped.
    `found`: the anchors of `side` (see anchors), which raise or lower each unit's bar (_bar)."""
    other = "tgt" if side == "src" else "src"
    mine_s, other_s = _sentences(ctx, side), _sentences(ctx, other)
    if len(mine_s) > len(other_s):
        hit = _fitting(ctx, mine_s, model, side, s, t, SENTENCE_FIT, z, SENTENCE_Z, found, asides)
        if hit:
            return hit, "sentence"
    # only a dropped clause: translators add words to clauses (explanations, split sentences) all the time
    if side != "src":
        return None
    mine_c, other_c = _clauses(mine_s, ctx.src_lang), _clauses(other_s, ctx.tgt_lang)
    if _fewer_joins(ctx, mine_s, other_s):
        # the join the target lacks goes with the part it opens ("…, und war vorher …")
        runs = [r for r in _runs(ctx, mine_c) if _opens_with_join(ctx, r, ctx.src_lang)]
        hit = _fitting(ctx, runs, model, side, s, t, COORD_FIT, z, COORD_Z, found, asides) if runs else None
        if hit:
            return hit, "clause"
    if len(mine_c) > len(other_c) and len(mine_c) > 1:
        hit = _fitting(ctx, _runs(ctx, mine_c), model, side, s, t, CLAUSE_FIT, z, CLAUSE_Z, found, asides)
        if hit:
            return hit, "clause"
    return None


def _lost_part(ctx: PairContext, model: LengthModel, s: int, t: int, z: float,
               asides: bool = False) -> tuple[Span, str] | None:
    """The source's closing part that a translation joining nothing has lost (see LOST_PART_LR): among the
    runs of clauses that open with a join (and close their sentence), the one whose removal explains the
    pair's length best, when it explains it well enough; not a part whose every name and figure (anchors)
    the translation has."""
    if z >= 0 or z * z < LOST_PART_LR:
        return None
    src_s, tgt_s = _sentences(ctx, "src"), _sentences(ctx, "tgt")
    a, b = joins(src_s, ctx.src_lang), joins(tgt_s, ctx.tgt_lang, strict=False)
    if a is None or b is None or b > 0 or a == 0:
        return None
    # where each sentence's words end (closing punctuation and quotes are no content)
    ends = {(sp.segment, sp.start + len(sp.text.rstrip(_CLOSING))) for sp in src_s}
    best: tuple[float, Span] | None = None
    found: list[Anchor] | None = None  # (read only for a part that explains the length)
    for sp in _runs(ctx, _clauses(src_s, ctx.src_lang)):
        if LOST_PART_FINAL and not any(g == sp.segment and sp.end >= e for g, e in ends):
            continue
        if not _opens_with_join(ctx, sp, ctx.src_lang):
            continue
        if _or_not(sp.text, ctx.src_lang):
            continue  # "… ou non un risque", "… or not": the other half of a question whether, no part of its own
        rest = s - _counted(sp.text, asides)
        if rest < 1 or rest < MIN_LETTERS and max(rest, t) < LONG_SIDE:
            continue
        gain = z * z - model.z(rest, t) ** 2
        if gain < LOST_PART_LR or best is not None and gain <= best[0]:
            continue
        found = anchors(ctx, "src") if found is None else found
        matched, unmatched = _inside(ctx, sp, found)
        if matched and not unmatched:
            continue  # the translation has every name and figure of the part: rendered, in fewer words
        best = (gain, sp)
    return (best[1], "closing part") if best else None


_CLOSING = " \t.!?…\"'”“»›)]:;-–—"


def _or_not(text: str, lang: str) -> bool:
    """A part whose second word is an answer word or a negation ("ou non …", "or not", "hay không", "oder nicht"):
    the closing half of a question whether something is so."""
    from .negation import negation_pack

    pack = negation_pack(lang)
    words = regex.findall(r"[\p{L}\p{M}'’]+", text.lower())
    return len(words) >= 2 and (words[1] in pack.answers or words[1] in {m.lower() for m in pack.markers})


def _questions(sentences: list[Span]) -> list[Span]:
    """The sentences that end with a question mark (before closing quotes or brackets)."""
    return [sp for sp in sentences if sp.text.rstrip().rstrip("\"'”“»›)]").endswith(("?", "？"))]


def _dropped_question(ctx: PairContext) -> tuple[Span, str] | None:
    """A question of the source that the translation lacks (see QUESTION_MAX_Z): the source has more
    sentences, the translation none that asks; the question that shares fewest names and figures
    with the translation is the one dropped."""
    src_s, tgt_s = _sentences(ctx, "src"), _sentences(ctx, "tgt")
    if len(src_s) <= len(tgt_s) or _questions(tgt_s):
        return None
    asked = _questions(src_s)
    if not asked or len(asked) == len(src_s):
        return None  # (every sentence a question: one of them may be rendered as a statement)
    shared = _anchors(" ".join(x.text for x in tgt_s))
    return min(asked, key=lambda sp: len(_anchors(sp.text) & shared)), "sentence"


def _fewer_joins(ctx: PairContext, src_sentences: list[Span], tgt_sentences: list[Span]) -> bool:
    """The target joins fewer parts than the source (see joins): the source's joins read strictly, the
    target's generously ("…, die Diskriminierung soll jedoch weit verbreitet sein" joins two parts)."""
    a, b = joins(src_sentences, ctx.src_lang), joins(tgt_sentences, ctx.tgt_lang, strict=False)
    return a is not None and b is not None and a > b


CLAUSE_RUN = 3  # a dropped part may span this many clauses ("…, and was a dancer and broker")


def _runs(ctx: PairContext, clauses: list[Span]) -> list[Span]:
    """Every run of 1 to CLAUSE_RUN neighbouring clauses of one segment."""
    doc = ctx.alignment.src if clauses[0].side == "src" else ctx.alignment.tgt
    out = []
    for i, first in enumerate(clauses):
        for last in clauses[i:i + CLAUSE_RUN]:
            if last.segment != first.segment:
                break
            text = doc.segments[first.segment].norm
            out.append(Span(first.side, first.segment, first.start, last.end, text[first.start:last.end]))
    return out


_ANCHOR = regex.compile(r"\p{N}+|(?<=\S\s+)\p{Lu}[\p{L}]{2,}")
_WORD = regex.compile(r"[\p{L}\p{M}]+")
_NAME = regex.compile(r"(?<=[\p{L}\p{N},;:]\s+)\p{Lu}[\p{L}\p{M}]{2,}")


@dataclass(frozen=True)
class Anchor:
    """A piece of content a translation keeps whatever its wording: a figure, a date, a known place or
    organisation, a name. `matched`: the other side of the pair has it too."""
    start: int  # in the bead's joined text of its side
    end: int
    text: str
    matched: bool


@functools.lru_cache(maxsize=None)
def _native(lang: str):
    """Whether a word is the language's own (configs/lang/LANG/names.toml [capitalisation]: a letter only
    it writes, or one of its syllables): a capitalised Vietnamese "Quốc", "Ban" is not written alike in
    a translation, "Wales", "Sims" are."""
    from ..lexicon import _pack_file

    caps = _pack_file(lang, "names.toml").get("capitalisation", {})
    marks = frozenset(caps.get("letters", ""))
    syllable = regex.compile(caps["native_syllable"]) if caps.get("native_syllable") else None
    return lambda w: any(c in marks for c in w.lower()) or bool(syllable and syllable.fullmatch(w))


def _keys(facts, text: str, lang: str, lex) -> list[tuple[int, int, str, tuple]]:
    """(start, end, text, key) for each piece of content of one side: figures and spelled-out numbers
    by value, dates by their key (a weekday, a month, a year), places and organisations by their
    concept id, people's and other names (capitalised past a sentence's start, in a language that
    does not capitalise every noun) by their folded spelling."""
    from .extract import fold_name

    out: list[tuple[int, int, str, tuple]] = []
    for v in list(facts.numbers) + [v for v in facts.number_words if v.figure]:
        out.append((v.start, v.end, v.text, ("n", v.value) if v.alt is None else ("n", v.value, v.alt)))
    for d in facts.dates:
        out.append((d.start, d.end, d.text, ("d",) + tuple(d.key)))
    from .names import _in_currency

    native = _native(lang)
    for m in facts.mentions:
        if _in_currency(text, m.start, m.end, lang):
            continue  # "US-Dollar", "Hong Kong dollars": a currency, which the other side may write "USD"
        # at a sentence's start a capitalised word of the language's own may be no name at all
        # (Vietnamese "Anh ấy …" is "he", not England): such a mention counts only where the other side has it
        before = text[:m.start].rstrip(_OPENING)
        unsure = (not before or before[-1] in ".!?…") and all(native(w) for w in m.text.split())
        out.append((m.start, m.end, m.text, ("e?" if unsure else "e", m.entity)))
    taken = [(a, b) for a, b, _, _ in out]
    names = [(p.start, p.end) for p in facts.people]
    if not lex.caps.get("nouns"):
        names += [(m.start(), m.end()) for m in _NAME.finditer(text)]
    for a, b in names:
        for w in _WORD.finditer(text, a, b):
            if len(w.group()) >= 3 and not native(w.group()) and not any(x <= w.start() < y for x, y in taken):
                out.append((w.start(), w.end(), w.group(), ("w", fold_name(w.group())[:4])))
                taken.append((w.start(), w.end()))
    return out


def anchors(ctx: PairContext, side: str) -> list[Anchor]:
    """The content anchors of one side of the pair, each marked with whether the other side has it:
    a figure of the same value (or a date part of that value), the same date, place or organisation,
    a word spelled alike (folded: "Moskau"/"Moskva", "Selenskyj"/"Zelensky")."""
    from .extract import fold_name

    al = ctx.alignment
    texts = {"src": al.src_text(ctx.bead), "tgt": al.tgt_text(ctx.bead)}
    facts = {"src": ctx.src, "tgt": ctx.tgt}
    lexes = {"src": ctx.src_lex, "tgt": ctx.tgt_lex}
    other = "tgt" if side == "src" else "src"
    mine = _keys(facts[side], texts[side], al.src.lang if side == "src" else al.tgt.lang, lexes[side])
    theirs = _keys(facts[other], texts[other], al.tgt.lang if side == "src" else al.src.lang, lexes[other])
    keys = {k for *_, k in theirs}
    values = {x for *_, k in theirs if k[0] in ("n", "d") for x in k[1:] if isinstance(x, (int, float))}
    values |= {float(w) for w in regex.findall(r"\d+", texts[other])}
    words = {fold_name(w)[:4] for w in _WORD.findall(texts[other]) if len(w) >= 3}
    out = []
    for a, b, text, k in mine:
        if k[0] == "w":
            hit = k[1] in words
        elif k[0] == "n":
            hit = k in keys or any(x in values for x in k[1:])
        elif k[0] == "d" and k[1] == "y":
            hit = k in keys or k[2] in values
        elif k[0] == "e?":
            hit = ("e", k[1]) in keys or k in keys
            if not hit:
                continue
        else:
            hit = k in keys or ("e?", k[1]) in keys
        out.append(Anchor(a, b, text, hit))
    # one anchor per span ("3. März" is a figure and a date): kept where either reading is matched
    best: dict[tuple[int, int], Anchor] = {}
    for x in out:
        if (x.start, x.end) not in best or x.matched:
            best[x.start, x.end] = x
    return sorted(best.values(), key=lambda x: x.start)


def _offset(ctx: PairContext, sp: Span) -> int:
    """Where the span's segment starts in the bead's joined text of its side."""
    doc = ctx.alignment.src if sp.side == "src" else ctx.alignment.tgt
    ids = ctx.bead.src if sp.side == "src" else ctx.bead.tgt
    pos = 0
    for k in ids:
        if k == sp.segment:
            return pos
        pos += len(doc.segments[k].norm) + 1
    return pos


def _inside(ctx: PairContext, sp: Span, found: list[Anchor]) -> tuple[int, int]:
    """(matched, unmatched) anchors inside the span."""
    o = _offset(ctx, sp)
    hits = [x.matched for x in found if o + sp.start <= x.start and x.end <= o + sp.end]
    return sum(hits), len(hits) - sum(hits)


def _anchors(text: str) -> set[str]:
    """Figures and capitalised words past a sentence's first word, folded to 4 letters (inflection:
    "Moskau"/"Moskaus"): what a sentence shares with its counterpart in any Latin-script language."""
    from .extract import fold_name

    return {w if w.isdigit() else fold_name(w)[:4] for w in (m.group() for m in _ANCHOR.finditer(text))}


def _bar(bar: float, matched: int, unmatched: int) -> float:
    """A unit's z bar moved by its content: a figure, date or name that the other side lacks is what a
    dropped or added part carries (ANCHOR_LOWER off the bar); a unit whose every anchor the other side
    has is rendered there, in other words (ANCHOR_RAISE on)."""
    if unmatched:
        return bar - ANCHOR_LOWER
    return bar + (ANCHOR_RAISE if matched else ANCHOR_NONE)


def _fitting(ctx: PairContext, units: list[Span], model: LengthModel, side: str, s: int, t: int, fit: float,
             z: float, bar: float, found: list[Anchor], asides: bool = False) -> Span | None:
    """The unit whose removal fits best, among those whose bar (_bar) the pair's |z| reaches; among
    those that nearly fit, one that shares no figure or name with the other side goes first (two
    sentences of like length: the one with the source's names stays)."""
    fits: list[tuple[int, float, Span]] = []
    for sp in units:
        n = _counted(sp.text, asides)
        rest_s, rest_t = (s - n, t) if side == "src" else (s, t - n)
        if rest_s < 1 or rest_t < 1 or min(rest_s, rest_t) < MIN_LETTERS and max(rest_s, rest_t) < LONG_SIDE:
            continue
        m, u = _inside(ctx, sp, found)
        if abs(z) < _bar(bar, m, u):
            continue
        fits.append((m, abs(model.z(rest_s, rest_t)), sp))
    if not fits or min(z for _, z, _ in fits) >= fit:
        return None
    # which unit: among those that nearly fit, names and figures decide before length does
    return min((f for f in fits if f[1] < fit + 1.0), key=lambda f: (f[0], f[1]))[2]


def _quote(text: str, limit: int = 90) -> str:
    return "“" + (text if len(text) <= limit else text[: limit - 1].rstrip() + "…") + "”"


def check(ctx: PairContext, model: LengthModel | None, others: list[Finding] = ()) -> list[Finding]:
    """Omission or addition in the pair, read from length. `others`: the other signals' findings on the
    pair; where one of them already alarms on the same omission or addition inside the part this names
    (the numbers check on a dropped "10 mét"), the length says it again and is left out."""
    found = _check(ctx, model)
    return [f for f in found if not (_part(ctx, f) and any(
        o.type == f.type and o.severity in (Severity.CRITICAL, Severity.MAJOR) and _overlaps(o.evidence, f.evidence)
        for o in others))]


def _part(ctx: PairContext, f: Finding) -> bool:
    """The finding names a part of a segment (a sentence or clause), not the whole pair's length."""
    sp = f.evidence[0]
    doc = ctx.alignment.src if sp.side == "src" else ctx.alignment.tgt
    return sp.start > 0 or sp.end < len(doc.segments[sp.segment].norm)


def _overlaps(a: list[Span], b: list[Span]) -> bool:
    return any(x.side == y.side and x.segment == y.segment and x.start < y.end and y.start < x.end for x in a for y in b)


def _check(ctx: PairContext, model: LengthModel | None) -> list[Finding]:
    if model is None:
        return []
    al, bead = ctx.alignment, ctx.bead
    aside = _aside_side(al.src_text(bead), al.tgt_text(bead)) if ASIDES else None
    s, t = _counted(al.src_text(bead), aside == "src"), _counted(al.tgt_text(bead), aside == "tgt")
    if min(s, t) < 1:
        return []
    z = model.z(s, t)
    # (a short pair only: a longer one that lost a sentence is found where that sentence's removal fits, _odd_unit)
    lost = min(s, t) < MIN_LETTERS and max(s, t) < LONG_SIDE and z <= -LOST_SENTENCE_Z \
        and len(_sentences(ctx, "src")) > len(_sentences(ctx, "tgt"))
    if min(s, t) < MIN_LETTERS and max(s, t) < LONG_SIDE and not lost:
        return []
    tgt_name, src_name = language_name(ctx.tgt_lang), language_name(ctx.src_lang)
    heading = any(al.src.segments[i].kind is SegmentKind.HEADING for i in bead.src)
    expected = s * math.exp(model.expected)
    off = t / expected - 1
    basis = "this document's usual ratio" if model.learned_from == "document" else f"the usual {src_name}–{tgt_name} ratio"
    odd = _dropped_question(ctx) if z < QUESTION_MAX_Z else None
    if not odd and abs(z) < min(SENTENCE_Z, CLAUSE_Z, COORD_Z, COORD_ALARM_Z, NOTE_Z) - ANCHOR_LOWER:
        # below every bar however the anchors fall: most pairs stop here, before anchors are read
        odd = _lost_part(ctx, model, s, t, z, aside == "src")
        if not odd:
            return []
    longer = "src" if odd or z <= 0 else "tgt"
    found = anchors(ctx, longer)
    if odd or abs(z) >= min(SENTENCE_Z, CLAUSE_Z, COORD_Z) - ANCHOR_LOWER:
        side = longer
        odd = odd or _odd_unit(ctx, model, side, s, t, z, found, aside == side) \
            or (_lost_part(ctx, model, s, t, z, aside == side) if side == "src" else None)
        if odd:
            sp, unit = odd
            if side == "tgt":
                kind, msg = "addition", (f"The {tgt_name} text has a {unit} the source does not: {_quote(sp.text)}. "
                                         f"Without it the pair has {basis} of lengths; with it the {tgt_name} text is "
                                         f"{100 * off:.0f} % longer than expected.")
            else:
                kind, msg = "omission", (f"This source {unit} has no counterpart in the {tgt_name} text: {_quote(sp.text)}. "
                                         f"Without it the pair has {basis} of lengths; with it the {tgt_name} text is "
                                         f"{-100 * off:.0f} % shorter than expected.")
                if unit == "closing part":
                    msg += f" The source joins parts (by conjunctions or sentences) where the {tgt_name} text joins none."
            return [Finding(type=kind, severity=Severity.MINOR if heading else Severity.MAJOR, src=list(bead.src),
                            tgt=list(bead.tgt), message=msg, signal="length",
                            confidence=round(min(0.85, 0.55 + 0.05 * abs(z)), 2), evidence=[sp])]
    matched = sum(x.matched for x in found)
    joined = z <= -_bar(COORD_ALARM_Z, matched, len(found) - matched) \
        and _fewer_joins(ctx, _sentences(ctx, "src"), _sentences(ctx, "tgt"))
    if abs(z) < NOTE_Z and not joined and not lost:
        return []
    alarm = (abs(z) >= _bar(ALARM_Z, matched, len(found) - matched) or joined or lost) and not heading
    if z < 0:
        kind = "omission"
        msg = (f"The {tgt_name} text is {-100 * off:.0f} % shorter than a faithful rendering of this source usually is "
               f"({t} letters, about {expected:.0f} expected from {basis}): part of the source may be missing.")
        if joined:
            msg += f" The source also joins more parts (by conjunctions or sentences) than the {tgt_name} text does."
        if lost:
            msg += f" The source also has more sentences than the {tgt_name} text: a sentence may be lost."
    else:
        kind = "addition"
        msg = (f"The {tgt_name} text is {100 * off:.0f} % longer than a faithful rendering of this source usually is "
               f"({t} letters, about {expected:.0f} expected from {basis}): it may say more than the source.")
    lacking = list(dict.fromkeys(x.text for x in found if not x.matched))
    if lacking:
        other = tgt_name if kind == "omission" else "source"
        msg += f" Not found in the {other} text: " + ", ".join(_quote(x, 40) for x in lacking[:4]) + "."
    if not alarm:
        msg += " The length alone is not proof; a minor note."
    side, seg = ("src", bead.src[0]) if kind == "omission" else ("tgt", bead.tgt[0])
    doc = al.src if side == "src" else al.tgt
    text = doc.segments[seg].norm
    return [Finding(type=kind, severity=Severity.MAJOR if alarm else Severity.MINOR, src=list(bead.src), tgt=list(bead.tgt),
                    message=msg, signal="length", confidence=round(min(0.8, 0.4 + 0.08 * abs(z)), 2),
                    evidence=[Span(side, seg, 0, len(text), text)])]
