"""Negation: the polarity of the pair's clauses must agree.

Each side is cut into clauses (at punctuation); a clause is negative when it holds a negation
(markers, negative pronouns such as 'niemand' or 'không ai', verbs of denial, words like
'unmöglich', French 'ne … pas' counted once) that no other cancels: two negations in one clause
are mostly coordinated ('không A và cũng không B' = 'weder A noch B'), so only the known double
negations cancel ('không phủ nhận', 'nicht unmöglich', 'không ai không'). Yes/no question particles ('Anh có đi không?') and
question tags ('…, phải không?', '…, isn't it?') are not negations; an answer word closing its
clause ('I said no.', 'Tôi e là anh ấy sẽ nói không.') and a negation that only times an event
('will not speak until Monday' = 'erst am Montag') negate in part. The two sides must have the same
number of negative clauses: 'không xác nhận' (did not confirm) vs 'bestätigte' is reversed;
'không phủ nhận' vs 'dementierte nicht' is not. Where the difference rests on words that negate
only in part or on the clause structure, the finding is less severe and says why.

The knowledge is data: configs/lang/LANG/negation.toml. A language without it is not checked,
and `coverage(lang)` says so.
"""
from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass, field

import regex

from ..config import config_dir, load_toml
from ..types import Finding, Severity
from .context import PairContext, language_name

# Reversed polarity on strong markers (one side negated, the other not).
REVERSED_CONFIDENCE = 0.75
# Both sides negate, but a different number of clauses: perhaps only the clause structure.
CLAUSES_DIFFER_CONFIDENCE = 0.5
BOTH_NEGATE_SEVERITY = Severity.MINOR
# The difference rests on a word that negates only in part ('ohne', 'từ chối', 'unmöglich').
WEAK_CONFIDENCE = 0.4
# How many evidence spans each side contributes.
EVIDENCE_PER_SIDE = 2
# Shortest word that [negation] word_starts / word_ends make a negation ("nichts" is no "Nicht-" word).
AFFIX_WORD_MIN = 8
# Words between a strong negation and a weak one that it cancels: "không phủ nhận", "nicht ganz unmöglich"
# (two would take "cannot read anything unintentionally").
DOUBLE_NEGATION_GAP = 1
# Words between a negative pronoun and a strong negation that cancels it: "nothing we can't do".
PRONOUN_GAP = 2
# Words between a negation and an exception after it that makes it say "only" ("nichts, außer …").
EXCEPTIVE_GAP = 5
# A short last clause ending in "?" is a tag question when the pack does not say otherwise.
DEFAULT_TAG_WORDS = 3

# (a comma, colon or full stop between digits is part of a figure: "2:30", "14.30 Uhr", "1,5 Millionen", "4:0")
_CLAUSE_END = regex.compile(r"(?<!\d)[,:]|[,:](?!\d)|[;()\[\]—–«»“”\"]|(?:(?<!\d)\.|\.(?!\d)|[!?…])[.!?…]*|\s-\s")
_WORDS = regex.compile(r"[\p{L}\p{M}'’-]+")
_LETTERS = regex.compile(r"[\p{L}]+")
_SENTENCE_END = regex.compile(r"[.!?…]")
_PART_END = regex.compile(r"[.!?…;]")


@functools.lru_cache(maxsize=None)
def _suffix_re(suffix: str) -> regex.Pattern:
    return regex.compile(rf"(?<=\p{{L}}){regex.escape(suffix)}(?![\p{{L}}])")


@dataclass
class NegationPack:
    lang: str
    markers: list[str] = field(default_factory=list)  # strong: negate their clause
    pronouns: frozenset[str] = frozenset()  # "nothing", "không ai": a negation right after one cancels it
    weak: list[str] = field(default_factory=list)  # negate in part, or by a prefix
    verbs: list[str] = field(default_factory=list)  # stems of verbs of denial and refusal (weak)
    separable: list[tuple[str, str]] = field(default_factory=list)  # ("lehn", "ab")
    # verbs of ruling out ("loại trừ", "ausschließen", "rule out"): they negate what they govern fully ("sẽ không tăng" =
    # "schloss eine Anhebung aus"), and a negation of them is none ("không loại trừ" = "schloss nicht aus")
    exclusion: list[str] = field(default_factory=list)
    exclusion_separable: list[tuple[str, str]] = field(default_factory=list)  # ("schloss", "aus")
    complementizers: list[str] = field(default_factory=list)  # "rằng", "that": what follows is a clause of its own
    suffixes: list[str] = field(default_factory=list)  # "n't"
    not_negation: list[str] = field(default_factory=list)
    not_negation_patterns: list[str] = field(default_factory=list)  # idioms a word list cannot state: "can't help smiling"
    compounds: list[str] = field(default_factory=list)  # "khách hàng": "khách hàng không" is no "hàng không" (aviation)
    heads: list[str] = field(default_factory=list)  # concord: "ne"
    partners: list[str] = field(default_factory=list)  # "pas", "jamais"
    weak_partners: frozenset[str] = frozenset()  # "guère": "ne … guère" (hardly) negates in part
    restrictive: list[str] = field(default_factory=list)  # "que": ne … que = only
    alone: list[str] = field(default_factory=list)  # partners that negate (weakly) without a head
    before: list[str] = field(default_factory=list)  # partners that may come first: "Personne n'est venu"
    expletive: list[str] = field(default_factory=list)  # "avant que": a 'ne' after it without 'pas' negates nothing
    determiners: frozenset[str] = frozenset()  # "kein", "no": they negate a noun, not the weak adjective after them
    exceptive: frozenset[str] = frozenset()  # "außer", "except": weak words a negation before them does not cancel
    only_pronouns: frozenset[str] = frozenset()  # "nichts", "rien": with an exception after them they say "only"
    exception_words: list[str] = field(default_factory=list)  # the weak words that are exceptions ("außer", "except")
    coordinators: frozenset[str] = frozenset()  # "và", "und", "or": negations they join are one ("weder … noch")
    answers: list[str] = field(default_factory=list)  # "no", "nein", "không": an answer when they close their clause
    # negations that answer only as a clause of their own ("Chưa, em chưa ăn." = "Nein, noch nicht"; "Không phải,
    # …"): closing a longer clause they still negate it ("còn anh ấy thì chưa" = he has not yet)
    answer_clauses: list[str] = field(default_factory=list)
    # words that may stand beside an answer word in a clause of its own ("Không, ồ không hề, …", "No, not at all,
    # …", "Nein, äh nein, …"): such a clause answers, it negates no statement of the sentence
    interjections: frozenset[str] = frozenset()
    # markers that go on with a negation said before in their sentence ("neither A nor B", "did not call, nor
    # write"): there no negation of their own; opening a sentence a negation ("Nor did anyone ask"); elsewhere,
    # with no negation before them, a negation said in part ("Musk nor Tesla admitted" = "weder Musk noch Tesla")
    continuing: frozenset[str] = frozenset()
    timing: list[str] = field(default_factory=list)  # "until": "not … until Monday" only times the event
    restrictive_words: list[str] = field(default_factory=list)  # "erst", "only": how another language says "not … until"
    prefixed: frozenset[str] = frozenset()  # words negated by a prefix, generated: "unklar", "inconnu"
    fold_endings: tuple[str, ...] = ()  # inflections folded into `prefixed` entries: "unklar|en"
    prefix_starts: tuple[str, ...] = ()  # the prefixes themselves ("un"): a cheap first test
    word_starts: tuple[str, ...] = ()  # any longer word beginning so is weakly negated: "Nichtwähler", "nonprofit"
    word_ends: tuple[str, ...] = ()  # any longer word ending so is weakly negated: "bedingungslos", "homeless"
    final_particles: list[str] = field(default_factory=list)
    trailing: list[str] = field(default_factory=list)
    openers: list[str] = field(default_factory=list)
    tag_max_words: int = DEFAULT_TAG_WORDS
    why_words: tuple[str, ...] = ()  # "warum", "tại sao": a question asking why keeps its negation
    # meanings said with a negation in one language and without one in another: {key: (negated, plain)}
    lexical: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = field(default_factory=dict)
    # [quantity]: weak words that say few ("ít", "wenige", "few", "peu") and words that say many ("nhiều", "viele")
    few: frozenset[str] = frozenset()
    many: tuple[str, ...] = ()
    # weak words that negate a part of the statement by themselves ("hầu như không", "ne … guère", "hardly"): said in
    # the source where the translation says that part plainly, with no negation at all, they reverse it
    hedges: tuple[str, ...] = ()
    hedge_plain: tuple[str, ...] = ()  # words that say a hedge's meaning without negating ("changed little", "slightly")
    lexical_place: dict[str, float] = field(default_factory=dict)  # a key's own IMPLIED_PLACE
    # keys whose plain wording goes with the negated one in the same text ("Nur dreißigtausend, mehr nicht"):
    # there the plain word is no sign that the negation is what differs
    lexical_reinforce: frozenset[str] = frozenset()
    # markers that negate an adjective in a noun phrase like a prefix: {tagger, markers, head, next, opener}
    attributive: dict = field(default_factory=dict)
    # litotes: a negation right before a word of small degree or of a bad quality asserts its opposite
    # ("không hề nhỏ" = considerable, "nicht gering", "not bad"), which a translation says plainly as often
    litotes: tuple[str, ...] = ()  # after any negation: "không kém", "nicht gering", "pas négligeable"
    # only after an emphatic negation or a negating determiner: "không hề nhỏ", "no small feat", "kein kleines";
    # after a plain one ("The house is not small") it is as often a plain negation
    litotes_scalar: tuple[str, ...] = ()
    litotes_emphatic: frozenset[str] = frozenset()  # "không hề", "keineswegs", "by no means"
    litotes_gap: tuple[str, ...] = ()  # words of degree that may stand between: "không quá nhỏ", "nicht allzu gering"
    missing: list[str] = field(default_factory=list)

    @property
    def known(self) -> bool:
        return bool(self.markers or self.heads)


@functools.lru_cache(maxsize=None)
def negation_pack(lang: str) -> NegationPack:
    pack = NegationPack(lang)
    if not (config_dir() / "lang" / lang / "negation.toml").exists():
        pack.missing = ["negation"]
        return pack
    data = load_toml(f"lang/{lang}/negation.toml")
    neg, conc, q = data.get("negation", {}), data.get("negation", {}).get("concord", {}), data.get("questions")
    pack.markers = [w.lower() for w in neg.get("markers", []) + neg.get("pronouns", [])]
    pack.pronouns = frozenset(w.lower() for w in neg.get("pronouns", []))
    pack.weak = [w.lower() for w in neg.get("weak", [])]
    pack.verbs = [w.lower() for w in neg.get("verbs", [])]
    pack.separable = [(a.lower(), b.lower()) for a, b in neg.get("separable", [])]
    pack.exclusion = [w.lower() for w in neg.get("exclusion", [])]
    pack.exclusion_separable = [(a.lower(), b.lower()) for a, b in neg.get("exclusion_separable", [])]
    pack.complementizers = [w.lower() for w in neg.get("complementizers", [])]
    pack.suffixes = list(neg.get("suffixes", []))
    pack.not_negation = [w.lower() for w in neg.get("not_negation", [])]
    pack.not_negation_patterns = list(neg.get("not_negation_patterns", []))
    pack.compounds = [w.lower() for w in neg.get("compounds", [])]
    pack.heads, pack.partners = list(conc.get("heads", [])), list(conc.get("partners", []))
    pack.restrictive, pack.alone = list(conc.get("restrictive", [])), list(conc.get("alone", []))
    pack.before = list(conc.get("before", []))
    pack.weak_partners = frozenset(conc.get("weak", []))
    pack.expletive = [w.lower() for w in conc.get("expletive", [])]
    pack.answers = [w.lower() for w in neg.get("answers", [])]
    pack.answer_clauses = [w.lower() for w in neg.get("answer_clauses", [])]
    pack.interjections = frozenset(w.lower() for w in neg.get("interjections", []))
    pack.continuing = frozenset(w.lower() for w in neg.get("continuing", []))
    pack.coordinators = frozenset(w.lower() for w in neg.get("coordinators", []))
    pack.determiners = frozenset(w.lower() for w in neg.get("determiners", []))
    pack.exceptive = frozenset(w.lower() for w in neg.get("exceptive", []))
    # the negative pronouns an exception turns into "only" ("nothing but", "rien sauf"): the pronouns, or a
    # concord language's partners that are pronouns
    pack.only_pronouns = frozenset(w.lower() for w in neg.get("only_pronouns", [])) or pack.pronouns
    pack.exception_words = [w for w in pack.weak if w in pack.exceptive]
    pack.timing = [w.lower() for w in neg.get("timing", [])]
    pack.restrictive_words = [w.lower() for w in neg.get("restrictive", [])]
    pack.prefixed = frozenset(data.get("generated", {}).get("prefixed", []))
    pack.fold_endings = tuple(data.get("prefixes", {}).get("fold_endings", []))
    rules = data.get("prefixes", {})
    pack.prefix_starts = tuple(rules.get("prefixes", []) + [p for r in rules.get("extra", []) for p in r.get("prefixes", [])]) or ("\0",)
    pack.word_starts = tuple(w.lower() for w in neg.get("word_starts", []))
    pack.word_ends = tuple(w.lower() for w in neg.get("word_ends", []))
    pack.lexical = {k: (tuple(v.get("negated", [])), tuple(v.get("plain", []))) for k, v in data.get("lexical", {}).items()}
    pack.few = frozenset(w.lower() for w in data.get("quantity", {}).get("few", []))
    pack.many = tuple(w.lower() for w in data.get("quantity", {}).get("many", []))
    pack.hedges = tuple(w.lower() for w in neg.get("hedges", []))
    pack.hedge_plain = tuple(w.lower() for w in neg.get("hedge_plain", []))
    pack.lexical_place = {k: float(v["place"]) for k, v in data.get("lexical", {}).items() if "place" in v}
    pack.lexical_reinforce = frozenset(k for k, v in data.get("lexical", {}).items() if v.get("reinforce"))
    lit = neg.get("litotes", {})
    pack.litotes = tuple(w.lower() for w in lit.get("words", []))
    pack.litotes_scalar = tuple(w.lower() for w in lit.get("scalar", []))
    pack.litotes_emphatic = frozenset(w.lower() for w in lit.get("emphatic", []))
    pack.litotes_gap = tuple(w.lower() for w in lit.get("between", []))
    att = neg.get("attributive")
    if att and att.get("tagger") in TAGGERS:
        pack.attributive = {"tagger": att["tagger"], "markers": frozenset(w.lower() for w in att.get("markers", [])),
                            **{k: frozenset(att.get(k, [])) for k in ("head", "next", "opener", "copula")},
                            "clause_openers": frozenset(w.lower() for w in att.get("clause_openers", []))}
    if not pack.known:
        pack.missing.append("negation")
    if q is None:
        pack.missing.append("questions")
    else:
        pack.final_particles, pack.trailing = list(q.get("final_particles", [])), list(q.get("trailing", []))
        pack.openers, pack.tag_max_words = list(q.get("openers", [])), int(q.get("tag_max_words", DEFAULT_TAG_WORDS))
        pack.why_words = tuple(w.lower() for w in q.get("why_words", []))
    return pack


def coverage(lang: str) -> list[str]:
    """What the negation channel cannot read in `lang` (empty when the pack is complete)."""
    return negation_pack(lang).missing


@dataclass
class Unit:
    start: int
    end: int
    text: str
    weak: bool = False
    verb: bool = False  # a verb of denial or refusal: negated anywhere in its clause, it is affirmed
    tail: int = -1  # where the negation ends for the words after it: French "ne … pas" ends at "pas"
    litotes: bool = False  # weak as a litotes ("không hề nhỏ"): no rendering of a weak word of the other side

    @property
    def reach(self) -> int:
        return self.end if self.tail < 0 else self.tail


@dataclass
class Clause:
    start: int
    end: int
    units: list[Unit]
    cancelled: list[Unit] = field(default_factory=list)  # double negations: "không phủ nhận", "nicht unmöglich"
    runs: int = 0  # strong negations, those joined by a coordinator counted once ("không A và không B")
    closes: bool = False  # the clause ends its sentence (or a part of it closed by ";")
    denied_verb: bool = False  # a verb of denial cancelled by a negation ("không quên" = "don't miss")
    repeats: bool = False  # opens with a negation after a negated clause and a comma: "no formula, no method"
    answers: int = 0  # answer clauses ("Không,", "Nein,", "No, not at all,"): their own class, no clause negation
    # an answer that is also an elliptical negation ("Chưa,", "Noch nicht,"): its negations, for the reading
    # where the other side says it as a clause ("Tôi chưa đọc, …" / "Noch nicht, …")
    held: list[Unit] = field(default_factory=list)

    @property
    def count(self) -> int:
        """How many negations the clause states: its strong ones, or one for weak words alone."""
        return self.runs if self.runs else int(bool(self.units))

    @property
    def strong(self) -> int:
        return sum(1 for u in self.units if not u.weak)

    @property
    def negative(self) -> bool:
        """Negated by a strong negation, or, having none, by a weak word ('ohne', 'unklar')."""
        return bool(self.units)

    @property
    def strongly_negative(self) -> bool:
        return self.strong > 0


@functools.lru_cache(maxsize=256)
def _any_of(words: tuple[str, ...], stem: bool = False) -> regex.Pattern:
    """One pattern for a list of words (longest first), each a whole word or, with `stem`, a word
    start; an entry ending in punctuation ("no.", "non-", "n'") needs no word end."""
    def alt(w: str) -> str:
        tail = r"[\p{L}]*" if stem else ("" if not w[-1].isalpha() else r"(?![\p{L}])")
        return regex.escape(w) + tail
    body = "|".join(alt(w) for w in sorted(set(words), key=len, reverse=True)) or "(?!)"
    return regex.compile(rf"(?<![\p{{L}}])(?:{body})")


@functools.lru_cache(maxsize=None)
def _pattern(p: str) -> regex.Pattern:
    return regex.compile(p)


def _find(words, low: str, stem: bool = False):
    return _any_of(tuple(words), stem).finditer(low)


def _clauses(text: str) -> list[tuple[int, int, str]]:
    """(start, end, delimiter) of each clause; the delimiter tells a question ('?')."""
    out, pos = [], 0
    for m in _CLAUSE_END.finditer(text):
        out.append((pos, m.start(), m.group(0)))
        pos = m.end()
    if pos < len(text):
        out.append((pos, len(text), ""))
    return [c for c in out if text[c[0]:c[1]].strip()]


def asks_why(text: str, pack: NegationPack) -> bool:
    """A question of `text` that asks why ("Warum …?", "Tại sao …?")."""
    return "?" in text and bool(pack.why_words) and next(_find(pack.why_words, text.lower()), None) is not None


def clauses(text: str, pack: NegationPack, timed: bool = False, why: bool = False, only: bool = False) -> list[Clause]:
    """The clauses of `text` with their negations (after questions, tags and concord); with `timed`,
    a negation that only times an event ("not … until Monday") negates in part; with `why` (both sides ask
    why), a question that asks why keeps its negation; with `only` (the other side names no exception), a
    negation with an exception after it ("nichts außer Brot") says "only" and negates in part."""
    low = text.lower()
    why_both = why and bool(pack.why_words)
    # an idiom that begins inside a compound is no idiom: "khách hàng không đến" (customers did not come)
    inside = [(m.start(), m.end()) for m in _find(pack.compounds, low)] if pack.compounds else []
    idioms = [(m.start(), m.end()) for m in _find(pack.not_negation, low)
              if not any(s < m.start() < e for s, e in inside)]
    found: list[Unit] = []
    for words, weak, stem, verb in ((pack.markers, False, False, False), (pack.weak, True, False, False),
                                    (pack.verbs, True, True, True), (pack.exclusion, False, True, True)):
        found += [Unit(m.start(), m.end(), text[m.start():m.end()], weak, verb=verb) for m in _find(words, low, stem)]
    # an idiom that a longer negation begins inside and runs past is none: "tất cả hoặc không gì cả" (all or
    # nothing) holds "hoặc không" (or not) but says "không gì" (nothing)
    blocked = [(s, e) for s, e in idioms if not any(s <= u.start < e < u.end for u in found if not u.weak)]
    blocked += [(m.start(), m.end()) for p in pack.not_negation_patterns for m in _pattern(p).finditer(low)]
    for suffix in pack.suffixes:
        found += [Unit(m.start(), m.end(), text[m.start():m.end()]) for m in _suffix_re(suffix).finditer(low)]
    if pack.prefixed or pack.word_starts or pack.word_ends:
        for m in _WORDS.finditer(low):
            if _is_prefixed(m.group(0), pack):
                found.append(Unit(m.start(), m.end(), text[m.start():m.end()], weak=True))
    found = [u for u in found if not any(s <= u.start < e for s, e in blocked)]
    if pack.continuing:
        found = _continuing(text, found, pack)
    for u in found:
        # inside a name or title: "Bác sĩ Không biên giới", "Did Not Finish"; a word in capitals
        # throughout ("tôi chọn KHÔNG khen thưởng", "NICHT belohnen") is emphasis, not a name
        if u.text[:1].isupper() and not _starts_sentence(text, u.start) and not _shouted(u.text):
            u.weak = True
    if pack.attributive:
        for u in _attributive(text, found, pack):
            u.weak = True
    # the longest reading wins: "không hề", "không ai", "no longer" are one negation
    found.sort(key=lambda u: (u.start, -(u.end - u.start)))
    units: list[Unit] = []
    for u in found:
        if units and u.start < units[-1].end:
            continue
        units.append(u)
    # a negative pronoun with an exception after it in its sentence says "only" ("nichts, außer Bücher lesen", "ne
    # mange rien sauf du pain"), which another language says with "nur", or with "nothing but" (no negation for the packs):
    # where the other side names no exception, it negates in part; where it does, the two must agree ("personne
    # sauf toi" is not "everyone except you"). The exception is then part of that negation, no weak word of its own.
    exceptions = [v.start for v in units if v.text.lower() in pack.exceptive] if only else []
    used: set[int] = set()

    def excepted(u: Unit) -> bool:
        said = _WORDS.findall(low[u.start:max(u.end, u.reach)])
        if u.weak or not said or not (said[-1] in pack.only_pronouns or " ".join(said) in pack.only_pronouns):
            return False
        hit = [x for x in exceptions if x >= u.reach and not _SENTENCE_END.search(low, u.reach, x)
               and len(_WORDS.findall(low[u.reach:x])) <= EXCEPTIVE_GAP]
        used.update(hit[:1])
        return bool(hit)
    out = []
    sentence_start, after_comma = True, False
    asked_why = False  # the sentence so far asks why: its question ends in no tag ("Warum wird er, …, nicht König?")
    for s, e, delim in _clauses(text):
        if sentence_start:
            asked_why = False
        why_here = bool(pack.why_words) and next(_find(pack.why_words, low[s:e]), None) is not None
        own = [u for u in units if s <= u.start < e]
        own += _separable(low, text, s, e, pack)
        own += _concord(low, text, s, e, pack, blocked)
        own.sort(key=lambda u: u.start)
        question = "?" in delim
        words = _WORDS.findall(low[s:e])
        if not question and _answers(words, own, pack, bool(out and out[-1].answers and not sentence_start)):
            # "Không, …", "Nein, …", "No, not at all, …": an answer, counted apart from clause negations (one
            # language says it, another leaves it out or has no marker for it: German "nein" negates no clause)
            held = [u for u in own if not u.weak] if _elliptical(words, pack) else []
            out.append(Clause(s, e, [], closes=bool(_PART_END.search(delim)), answers=1, held=held))
            sentence_start, after_comma = bool(_SENTENCE_END.search(delim)), delim.strip() == ","
            asked_why = asked_why or why_here
            continue
        asks = why_both and question and (why_here or asked_why)
        if question and not sentence_start and not asked_why and len(words) <= pack.tag_max_words:
            own = []  # a tag: "…, phải không?", "…, isn't it?"
        elif own and own[-1].text.lower() in pack.final_particles and _is_question_particle(low, own[-1], e, words, question, pack) \
                and not (asks and len(words) <= 3):
            own = own[:-1]  # "Anh có đi không?": a yes/no question, not a negation ("Tại sao không?" = "Warum nicht?")
        own = [dataclasses.replace(u, weak=True) if excepted(u) else u for u in own]
        own = [u for u in own if u.start not in used]
        own = [_answer_or_timing(u, low, s, e, pack, timed) for u in own]
        own = [_litotes(u, low, e, pack) for u in own]
        if question and not asks:
            # a question asserts nothing: "Didn't I mention it?", "Isn't it late?" lean, not negate; one that
            # asks why keeps its negation: "Warum ist er nicht gekommen?" is not "Warum ist er gekommen?"
            own = [Unit(u.start, u.end, u.text, weak=True, verb=u.verb, tail=u.tail) for u in own]
        own, cancelled = _double_negations(own, low, pack)
        runs = _runs(own, low, pack)
        repeats = bool(after_comma and runs and out and out[-1].runs and not low[s:own[0].start].strip())
        out.append(Clause(s, e, own, cancelled, runs=runs, closes=bool(_PART_END.search(delim)),
                          denied_verb=any(u.verb and u.weak for u in cancelled), repeats=repeats))
        asked_why = asked_why or why_here
        sentence_start, after_comma = bool(_SENTENCE_END.search(delim)), delim.strip() == ","
    return out


def _continuing(text: str, found: list[Unit], pack: NegationPack) -> list[Unit]:
    """`continuing` markers ("nor") after a negation of their sentence go on with it (dropped); opening a
    sentence they negate; elsewhere, with none before them, they negate in part."""
    out = []
    for u in found:
        if u.text.lower() not in pack.continuing or _starts_sentence(text, u.start):
            out.append(u)
            continue
        ends = [m.end() for m in _SENTENCE_END.finditer(text, 0, u.start)]
        since = ends[-1] if ends else 0
        if any(since <= v.start < u.start for v in found if v is not u):
            continue
        out.append(Unit(u.start, u.end, u.text, weak=True, verb=u.verb, tail=u.tail))
    return out


def _answers(words: list[str], units: list[Unit], pack: NegationPack, after_answer: bool = False) -> bool:
    """A clause of its own made only of answer words, negations and interjections, at least one an
    answer word ("Không", "Nein", "No, not at all") or, right after an answer, a negation ("Non, pas du
    tout", "Nein, niemals"): it answers, it states nothing negated."""
    answers = {*pack.answers, *pack.answer_clauses}
    if not answers or not words:
        return False
    if " ".join(words) in answers:
        return True  # an answer of several words: "Không phải,"
    # an answer word inside a longer negation is none: "No one." answers a question with a negative pronoun
    inside = {w for u in units if u.text.lower() not in answers for w in _WORDS.findall(u.text.lower())}
    if not any(w in answers and w not in inside for w in words) and not (after_answer and units):
        return False
    said = {w for u in units for w in _WORDS.findall(u.text.lower())}
    return all(w in answers or w in pack.interjections or w in said for w in words)


def _elliptical(words: list[str], pack: NegationPack) -> bool:
    """An answer clause that is one of the pack's `answer_clauses` ("Chưa", "Noch nicht", "Not yet")."""
    return " ".join(words) in pack.answer_clauses


def _answers_negating(cs: list[Clause]) -> list[Clause]:
    """`cs` with each elliptical answer read as the negated clause it abbreviates."""
    return [Clause(c.start, c.end, c.held, runs=1, closes=c.closes) if c.held else c for c in cs]


def _runs(units: list[Unit], low: str, pack: NegationPack) -> int:
    """Strong negations of a clause, those joined by a coordinator counted once: 'không có mặt và
    cũng không liên quan' = 'weder anwesend noch beteiligt'; 'Personne ne sait pourquoi elle ne
    l'aime pas' stays two."""
    strong = [u for u in units if not u.weak]
    opens = _complementizer_re(tuple(pack.complementizers)) if pack.complementizers else None
    runs = 0
    for k, u in enumerate(strong):
        between = low[strong[k - 1].reach:u.start] if k else ""
        words = _WORDS.findall(between)
        # a coordinator joins two negations of one predicate; a complementizer between them ("không có quyền … và
        # quy định rằng họ sẽ không …") or a long stretch of words makes the second one a clause's own negation
        if k and pack.coordinators & set(words) and len(words) <= COORDINATED_GAP \
                and not (opens and opens.search(between)):
            continue
        runs += 1
    return runs


def _shouted(word: str) -> bool:
    letters = _LETTERS.findall(word)
    return bool(letters) and sum(map(len, letters)) >= 2 and all(w.isupper() for w in letters)


def _pos_pyvi(text: str) -> list[tuple[int, int, str]]:
    """(start, end, tag) of each word of a Vietnamese text, from pyvi's segmenter and tagger."""
    from .names import pyvi_tags

    tagged = pyvi_tags(text)
    if tagged is None:
        return []
    words, tags = tagged
    low, out, at = text.lower(), [], 0
    for w, t in zip(words, tags):
        k = low.find(w.replace("_", " ").lower(), at)
        if k < 0:
            continue  # the segmenter rewrote it (spacing around punctuation): skip the word
        out.append((k, k + len(w), t))
        at = k + len(w)
    return out


TAGGERS = {"pyvi": _pos_pyvi}


def _attributive(text: str, units: list[Unit], pack: NegationPack) -> list[Unit]:
    """Strong markers that negate an adjective inside a noun phrase ("một tình huống không may", "đoạn
    phim không chuyên", "trong tình trạng không tỉnh táo"): there the marker works as a negative
    prefix (unfortunate, amateur, intoxicated), which a translation says with a plain word as often
    as with a negation. Attributive: the marker follows a noun, an adjective follows it, and the noun
    phrase is not its clause's subject (a preposition, number, determiner, verb or copula opens it).
    A predicate ("Kết quả không tốt.", "anh ta không thoải mái") stays a negation."""
    att = pack.attributive
    tagged = None
    out = []
    for u in units:
        if u.weak or u.text.lower() not in att["markers"]:
            continue
        if tagged is None:
            tagged = TAGGERS[att["tagger"]](text)
        k = next((i for i, (s, _, _) in enumerate(tagged) if s == u.start), None)
        if k is None or k == 0 or k + 1 >= len(tagged) or tagged[k + 1][2] not in att["next"]:
            continue
        if k + 2 < len(tagged) and tagged[k + 2][2] in att["copula"]:
            continue  # "… không phải là lựa chọn": the marker negates a copula, the clause's predicate
        j = k - 1
        while j >= 0 and tagged[j][2] in att["head"]:
            j -= 1
        if j == k - 1 or j < 0 or tagged[j][2] not in att["opener"] \
                or text[tagged[j][0]:tagged[j][1]].lower() in att["clause_openers"]:
            continue  # no noun before it, or the noun opens the clause (its subject)
        if _CLAUSE_END.search(text, tagged[j][1], u.start):
            continue  # the noun phrase begins a new clause
        out.append(u)
    return out


@functools.lru_cache(maxsize=None)
def _litotes_re(words: tuple[str, ...], between: tuple[str, ...]) -> regex.Pattern:
    """A word of [negation.litotes] at the start of the text, after at most one word of degree;
    an entry ending in '*' is a word start ("gering*" takes "geringe")."""
    def alt(w: str) -> str:
        return regex.escape(w.rstrip("*")) + (r"[\p{L}]*" if w.endswith("*") else r"(?![\p{L}])")
    body = "|".join(alt(w) for w in sorted(set(words), key=len, reverse=True)) or "(?!)"
    gap = "|".join(regex.escape(w) for w in sorted(set(between), key=len, reverse=True))
    gap = rf"(?:(?:{gap})\s+)?" if gap else ""
    return regex.compile(rf"\s*{gap}(?:{body})")


def _litotes(u: Unit, low: str, end: int, pack: NegationPack) -> Unit:
    """A strong negation right before a word of small degree or bad quality ("không hề nhỏ", "nicht
    gering", "pas négligeable", "no small feat") asserts the opposite: a translation may say it plainly
    ("erheblich", "significant"), so it negates only in part. Words of plain size or quality ("nhỏ",
    "small") count only after an emphatic negation or a negating determiner. A negative pronoun
    ("nothing small") stays a negation."""
    if u.weak or u.text.lower() in pack.pronouns:
        return u
    words = pack.litotes
    if u.text.lower() in pack.litotes_emphatic or u.text.lower() in pack.determiners:
        words = words + pack.litotes_scalar
    if not words or _litotes_re(words, pack.litotes_gap).match(low, u.reach, end) is None:
        return u
    return Unit(u.start, u.end, u.text, weak=True, verb=u.verb, tail=u.tail, litotes=True)


def _answer_or_timing(u: Unit, low: str, s: int, e: int, pack: NegationPack, timed: bool) -> Unit:
    """An answer word closing its clause ("I said no.", "Nein zu Gewalt" is listed whole) and a
    negation timed by a later word of its clause ("not … until Monday") negate in part."""
    if u.weak:
        return u
    if pack.answers and u.text.lower() in pack.answers and not _WORDS.search(low, u.end, e):
        return Unit(u.start, u.end, u.text, weak=True, verb=u.verb, tail=u.tail)
    # the timing word may stand past a quotation inside the sentence: 'không nhận ra "…" cho tới khi …'
    stop = _SENTENCE_END.search(low, max(u.reach, e))
    if timed and pack.timing and next(_find(pack.timing, low[u.reach:stop.start() if stop else len(low)]), None) is not None:
        return Unit(u.start, u.end, u.text, weak=True, verb=u.verb, tail=u.tail)
    return u


def _starts_sentence(text: str, pos: int) -> bool:
    before = text[:pos].rstrip(" \t\"'“”„«»‘’(")
    return not before or before[-1] in ".!?…:;-–—\n"


def _is_prefixed(word: str, pack: NegationPack) -> bool:
    if len(word) >= AFFIX_WORD_MIN and (word.startswith(pack.word_starts or ("\0",)) or word.endswith(pack.word_ends or ("\0",))):
        return True
    if not word.startswith(pack.prefix_starts):
        return False
    if word in pack.prefixed:
        return True
    return any(word.endswith(e) and word[: -len(e)] in pack.prefixed for e in pack.fold_endings)


def _is_question_particle(low: str, u: Unit, end: int, words: list[str], question: bool, pack: NegationPack) -> bool:
    rest = _WORDS.findall(low[u.end:end])
    if any(w not in pack.trailing for w in rest):
        return False  # not clause-final
    if question:
        return True
    before = _WORDS.findall(low[:u.start])
    # without "?", an indirect question needs its opener: "(không rõ) ông có tham dự không"
    return any(w in pack.openers for w in before[-len(words):])


def _separable(low: str, text: str, s: int, e: int, pack: NegationPack) -> list[Unit]:
    out = []
    words = list(_LETTERS.finditer(low[s:e]))
    if not words:
        return out
    last = words[-1].group(0)
    for pairs, weak in ((pack.separable, True), (pack.exclusion_separable, False)):
        for stem, particle in pairs:
            if last != particle:
                continue
            for m in words[:-1]:
                if m.group(0).startswith(stem):
                    out.append(Unit(s + m.start(), s + m.end(), text[s + m.start():s + m.end()], weak=weak, verb=True))
                    break
    return out


def _concord(low: str, text: str, s: int, e: int, pack: NegationPack, blocked) -> list[Unit]:
    """French: 'ne … pas' once; 'ne … que' (only) none; 'pas' or 'jamais' alone, and 'ne' alone (after a
    comparative: 'plus grand que je ne pensais'), weakly."""
    if not pack.heads and not pack.alone:
        return []
    seg = low[s:e]

    def hits(words):
        return sorted((m.start() + s, m.end() + s, m.group(0)) for m in _find(words, seg)
                      if not any(bs <= m.start() + s < be for bs, be in blocked))

    heads, partners, restrictive = hits(pack.heads), hits(pack.partners), hits(pack.restrictive)
    triggers = hits(pack.expletive)
    out = []
    for hs, he, _ in heads:
        # "avant qu'aucune ne soit publiée" (before any is published), "sans que personne ne le sache":
        # after these a 'ne' with no 'pas' after it, and a pronoun before it, deny nothing
        if any(ts < hs for ts, _, _ in triggers) and not any(ps > hs for ps, _, _ in partners):
            continue
        own = [(ps, pe, w) for ps, pe, w in partners if ps > hs or w in pack.before]
        # "il ne restera plus que la colline" = only the hill: "plus que" after "ne" restricts
        if own and all(w == "plus" and any(0 <= rs - pe <= 1 for rs, _, _ in restrictive) for _, pe, w in own):
            continue
        if own:  # "ne … pas"; "Personne n'est venu"; "ne … guère" (hardly) in part
            out.append(Unit(hs, he, text[hs:he], tail=max(he, max(pe for _, pe, _ in own)),
                            weak=all(w in pack.weak_partners for _, _, w in own)))
        elif not any(rs > hs for rs, _, _ in restrictive):
            out.append(Unit(hs, he, text[hs:he], weak=True))
    if not heads:
        out += [Unit(ps, pe, text[ps:pe], weak=True) for ps, pe, w in partners if w in pack.alone]
    return out


@functools.lru_cache(maxsize=None)
def _complementizer_re(words: tuple[str, ...]) -> regex.Pattern:
    return regex.compile(r"(?<![\p{L}\p{M}])(?:" + "|".join(regex.escape(w) for w in words) + r")(?![\p{L}\p{M}])")


def _double_negations(units: list[Unit], low: str, pack: NegationPack) -> tuple[list[Unit], list[Unit]]:
    """A strong negation cancels a verb of denial or of ruling out anywhere in its clause ("không phủ nhận",
    "dementierte … nicht"), unless a complementizer stands between the verb and it ("bác bỏ … rằng … không": it
    negates what is denied), a weak word right after it ("nicht unmöglich", "not without") and a strong one right
    after it ("không ai không biết"). Elsewhere in the clause a negation stays one of its own."""
    keep, gone = [], []
    # (a weak wording that holds a marker counts: "schloss … aber auch nicht aus" = did not rule out either)
    markers = set(pack.markers)
    strong = [u for u in units if not u.verb and (not u.weak or markers & set(u.text.lower().split()))]
    verbs = [u for u in units if u.verb]
    if pack.complementizers:
        # a negation in what is denied is its own: "bác bỏ cáo buộc rằng … không tưới cỏ" (denied that … did not water)
        opens = _complementizer_re(tuple(pack.complementizers))
        strong = [u for u in strong if not any(v.end <= u.start and opens.search(low, v.end, u.start) for v in verbs)]
    for s, v in zip(strong, verbs):  # "dementierte den Bericht nicht", "n'a pas démenti"
        gone += [s, v]
    units = [u for u in units if not any(u is g for g in gone)]
    k = 0
    while k < len(units):
        u = units[k]
        gap = len(_WORDS.findall(low[u.reach:units[k + 1].start])) if k + 1 < len(units) else -1
        # two strong negations cancel when the second follows at once, or follows a negative
        # pronoun closely ("nothing we can't do", "không ai không biết"); elsewhere they are
        # coordinated ("không ăn, không uống", "don't ask, don't tell")
        strong_gap = PRONOUN_GAP if u.text.lower() in pack.pronouns else 0
        # (an exception after a negation restricts it, "niemanden außer dir" = "nobody but you": no double negation)
        weak_next = k + 1 < len(units) and units[k + 1].weak and u.text.lower() not in pack.determiners \
            and units[k + 1].text.lower() not in pack.exceptive
        if k + 1 < len(units) and not u.weak and units[k + 1].start >= u.reach \
                and ((weak_next and gap <= DOUBLE_NEGATION_GAP) or (not units[k + 1].weak and gap <= strong_gap)):
            gone += [u, units[k + 1]]
            k += 2
            continue
        keep.append(u)
        k += 1
    return keep, gone


def _weak_count(cs: list[Clause]) -> int:
    return sum(1 for c in cs for u in c.units + c.cancelled if u.weak and not u.litotes)


def _unpaired(cs: list[Clause], other_weak: int) -> list[Clause]:
    """The clauses without the weak words the other side also has ('Statt' ↔ 'instead of',
    'zahnlos' ↔ 'toothless'): those render each other, so they cannot explain a strong negation."""
    out = []
    for c in cs:
        units = []
        for u in c.units:
            if u.weak and not u.litotes and other_weak > 0:
                other_weak -= 1
                continue
            units.append(u)
        out.append(Clause(c.start, c.end, units, c.cancelled, runs=c.runs, closes=c.closes, denied_verb=c.denied_verb,
                          repeats=c.repeats, answers=c.answers))
    return out


def _readings(cs: list[Clause]) -> set[int]:
    """How many negations a side may be read to hold: negative clauses with or without the weak
    words, every negation counted on its own (clause boundaries differ between languages), or a
    double negation read as one."""
    return {sum(c.count for c in cs), sum(c.runs for c in cs), sum(len(c.units) for c in cs), sum(c.strong for c in cs),
            # a denied verb of denial may be rendered as one negation ("không quên" = "don't miss",
            # "không bao giờ né tránh" = "nie klein beigeben")
            sum(c.count or c.denied_verb for c in cs)}


def _mirrored(negated: list[Clause], other: list[Clause]) -> bool:
    """A weak word and then a strong negation on one side ("ohne uns nicht gehen"), or both in one clause
    with more words between them than make a double negation ("cannot accept it without a plan"), and a
    strong negation cancelled by a weak word a word or more after it on the other ("ne pouvons pas
    l'admettre sans un plan"): one double negation in each language's order, the same statement."""
    units = [u for c in negated for u in c.units]
    strong = [u for u in units if not u.weak]
    if len(strong) != 1:
        return False
    home = next(c for c in negated if any(u is strong[0] for u in c.units))
    if not any(u.weak and (u.start < strong[0].start or any(u is w for w in home.units)) for u in units):
        return False
    gone = [u for c in other for u in c.cancelled if not u.verb]
    # Next to each other the two make one word's meaning ("not unbeatable" = beatable), which a weak word
    # before the negation ("Ohne Zweifel … nicht zu schlagen") does not mirror; a weak word after the
    # negation in its clause does, in the order of a double negation ("never seen her without make-up" =
    # "nie ungeschminkt gesehen").
    after = any(u.weak and u.start > strong[0].reach and any(u is w for w in home.units) for u in units)
    return any(not u.weak and any(w.weak and (w.start - u.reach > 1 or after and w.start >= u.reach) for w in gone)
               for u in gone)


def _lost_double(cs: list[Clause], text: str, pack: NegationPack, other: list[Clause], other_text: str,
                 other_pack: NegationPack):
    """A double negation on one side ("ne doivent pas gonfler sans surveillance": the two cancel) whose weak
    word the other side keeps without any negation before it ("may inflate them without supervision"): the
    negation that made the two cancel is lost. The weak word is kept at about the same place, or anywhere
    where it and the double negation are each side's only ones, or said by a word of the same [lexical] key
    that the other pack reads as no negation ("rất hiếm" / "nicht selten"). (cs, the pair, the weak word.)"""
    if any(c.units and any(not u.weak for u in c.units) or c.cancelled for c in other):
        return None
    doubles = []
    for c in cs:
        strong = [u for u in c.cancelled if not u.weak and not u.verb]
        weak = [u for u in c.cancelled if u.weak and not u.verb and any(u.start > s.start for s in strong)]
        if strong and weak:
            doubles.append((strong[0], weak[0]))
    kept = [u for o in other for u in o.units if u.weak and not u.litotes]
    for strong, weak in doubles:
        here = weak.start / max(len(text), 1)
        for u in kept:
            if abs(u.start / max(len(other_text), 1) - here) <= IMPLIED_PLACE:
                return cs, [strong, weak], u
    # the rest reads one double negation that is its side's only negation
    if len(doubles) != 1 or any(c.units for c in cs) or sum(len(c.cancelled) for c in cs) != 2:
        return None
    # the other side's one weak word and no other negation: the two say one thing wherever the word order puts
    # them ("… là bất hợp pháp" / "es ist nicht illegal, …")
    if len(kept) == 1 and sum(len(o.units) for o in other) == 1:
        return cs, list(doubles[0]), kept[0]
    # or, with no negation at all, the other side says the weak word's meaning in a word its pack does not read as
    # a negation (a [lexical] key's plain wording on both sides: "rất hiếm" / "nicht selten")
    if any(o.units for o in other):
        return None
    m = _plain_counterpart(doubles[0][1], _fold_quotes(text), pack, _fold_quotes(other_text), other_pack, unnegated=True)
    if m is not None:
        return cs, list(doubles[0]), Unit(m.start(), m.end(), other_text[m.start():m.end()], weak=True)
    return None


def _plain_counterpart(u: Unit, low: str, pack: NegationPack, other_low: str, other: NegationPack,
                       unnegated: bool = False):
    """Where `u` is the `plain` wording of a [lexical] key, the other side's first plain wording of that key (a match
    in `other_low`; with `unnegated`, one with no marker right before it: "nicht selten"); else None."""
    for key, (_, plain) in pack.lexical.items():
        other_plain = other.lexical.get(key, ((), ()))[1]
        if not (plain and other_plain) or not _wording_re(tuple(plain)).fullmatch(low, u.start, u.end):
            continue
        m = next((m for m in _wording_re(tuple(other_plain)).finditer(other_low)
                  if not (unnegated and _negated_before(other_low, m.start(), other))), None)
        if m is not None:
            return m
    return None


def _negated_before(low: str, start: int, pack: NegationPack) -> bool:
    """A marker of `pack` at most one word before `start` ("không hiếm", "not so rare"), read or not as a
    negation of its clause ("không hiếm" = common is no negation there)."""
    head = low[max(0, start - 30):start]
    return any(len(_WORDS.findall(head, m.end())) <= 1 for m in _find(pack.markers, head))


def _desc(units: list[Unit]) -> str:
    return ", ".join(f"'{u.text}'" for u in units) or "none"


def _verdict(sc: list[Clause], tc: list[Clause]) -> str | None:
    """None (the polarity agrees), 'weak' (some reading agrees), 'both' (both sides negate, a different
    number of times), 'src' or 'tgt' (only that side is negated)."""
    if sum(c.count for c in sc) == sum(c.count for c in tc) and sum(c.runs for c in sc) == sum(c.runs for c in tc):
        return None
    sp_, tp_ = _unpaired(sc, _weak_count(tc)), _unpaired(tc, _weak_count(sc))
    if _readings(sp_) & _readings(tp_):
        return "weak"
    s_all, t_all = sum(c.count for c in sp_), sum(c.count for c in tp_)
    if s_all and t_all:
        return "both"
    return "src" if s_all else "tgt"


def _parts(cs: list[Clause]) -> list[list[Clause]]:
    """The clauses grouped into sentences (and parts of sentences closed by ';')."""
    out: list[list[Clause]] = [[]]
    for c in cs:
        out[-1].append(c)
        if c.closes:
            out.append([])
    return [p for p in out if p]


def _reversed_part(sc: list[Clause], tc: list[Clause]) -> tuple[int, str] | None:
    """Where both sides negate a different number of times but are built alike (as many sentences,
    or as many clauses), the first sentence, or else clause, negated on one side only: (its number,
    'src' or 'tgt')."""
    for a, b in ((_parts(sc), _parts(tc)), ([[c] for c in sc], [[c] for c in tc])):
        if len(a) == len(b) >= 2:
            for k, (x, y) in enumerate(zip(a, b), 1):
                if (v := _verdict(x, y)) in ("src", "tgt"):
                    if len(x) == len(y) == 1 and (x if v == "src" else y)[0].repeats:
                        continue  # "no formula, no method" = "pas de recette, de mode d'emploi": one negation over a list
                    return k, v
    return None


# Words at most between two negations that a coordinator joins into one ('không có mặt và cũng không liên quan').
COORDINATED_GAP = 8
# How far apart (as a share of each sentence's length) a negation and a verb that says it may stand.
IMPLIED_PLACE = 0.3
# Words a gap ("…") in a [lexical] wording may span, within one sentence: "not … anymore".
LEXICAL_GAP = 60


@functools.lru_cache(maxsize=1024)
def _wording_re(entries: tuple[str, ...]) -> regex.Pattern:
    """One pattern for [lexical] wordings: whole words, a word ending in '*' a word start, a leading
    '*' a word end ("*n't care" in "don't care"), '…' a gap inside the sentence ("nicht … wissen")."""
    def word(w: str) -> str:
        body = regex.escape(w.strip("*"))
        if w.endswith("*"):
            return body + r"[\p{L}]*"
        return body + (r"(?![\p{L}])" if w[-1:].isalpha() else "")

    def one(entry: str) -> str:
        gap = rf"(?:[^.!?;]{{0,{LEXICAL_GAP}}}?(?<![\p{{L}}]))"
        pieces = [p.split() for p in entry.lower().split("…") if p.strip()]
        head = "" if entry.startswith("*") else r"(?<![\p{L}])"
        return head + gap.join(r"\s+".join(word(w) for w in p) for p in pieces)
    body = "|".join(one(e) for e in sorted(set(entries), key=len, reverse=True)) or "(?!)"
    return regex.compile(rf"(?:{body})")


def _fold_quotes(text: str) -> str:
    return text.lower().replace("’", "'")  # same length: offsets hold


@dataclass
class Rewording:
    """A negation the other side says without one: 'không đồng quan điểm' = 'andere Meinung'."""
    unit: Unit
    negated: str  # the wording around the negation
    plain: str  # the other side's wording
    key: str


def _rewordings(neg_text: str, cs: list[Clause], pack: NegationPack, plain_text: str, other: NegationPack,
                other_cs: list[Clause]) -> list[Rewording]:
    """The strong negations of `cs` that stand in a wording of a meaning (a [lexical] key shared by
    both packs) whose plain wording the other text has, not itself negated there ("not failed")."""
    out: list[Rewording] = []
    strong = [u for c in cs for u in c.units if not u.weak]
    if not strong:
        return out
    low, plain_low = _fold_quotes(neg_text), _fold_quotes(plain_text)
    cancelled = [u for c in other_cs for u in c.cancelled]
    for key, (negated, own_plain) in pack.lexical.items():
        plain = other.lexical.get(key, ((), ()))[1]
        if not negated or not plain:
            continue
        found = [m for m in _wording_re(tuple(plain)).finditer(plain_low)
                 if not any(u.start < m.end() and m.start() < u.end for u in cancelled)]
        if not found:
            continue
        anywhere = "*" in negated  # any negation: "bezweifelt" = "không nghĩ", "prevent … happening" = "nie wieder"
        spans = [] if anywhere else \
            [(m.start(), m.end()) for m in _wording_re(tuple(w for w in negated if w != "*")).finditer(low)]
        # where the negated side has a plain wording of its own outside its negated one ("không cấm" /
        # "verbietet", "n'empêcheront pas" / "stop"), both say the same word and the negation is what differs
        if own_plain and key not in pack.lexical_reinforce and any(not any(m.start() < b and a < m.end() for a, b in spans)
                             for m in _wording_re(tuple(own_plain)).finditer(low)):
            continue
        for u in strong:
            if any(r.unit is u for r in out):
                continue
            if anywhere:
                # a verb that says a negation of its own stands where the negation does (about the
                # same place in its sentence); elsewhere it more likely says something else
                here = u.start / max(len(neg_text), 1)
                place = min(pack.lexical_place.get(key, IMPLIED_PLACE), other.lexical_place.get(key, IMPLIED_PLACE))
                p = next((m for m in found if abs(m.start() / max(len(plain_text), 1) - here) <= place), None)
                if p is not None:
                    out.append(Rewording(u, neg_text[u.start:max(u.reach, u.end)], plain_text[p.start():p.end()], key))
                continue
            p = found[0]
            for a, b in spans:
                if u.start < b and a < max(u.reach, u.end):
                    out.append(Rewording(u, neg_text[a:b], plain_text[p.start():p.end()], key))
                    break
    return out


def _plain_on_both(cs: list[Clause], text: str, pack: NegationPack, other_cs: list[Clause], other_text: str,
                   other: NegationPack) -> list[Clause]:
    """The clauses less their weak words that are a `plain` wording of a [lexical] key whose plain wording the other
    side also says, where the other side negates nothing: "unverändert" / "giữ nguyên" (kept) say one thing, no
    negation on either side."""
    weak = [u for c in cs for u in c.units if u.weak and not u.litotes and not u.verb]
    if not weak or any(c.units or c.cancelled for c in other_cs):
        return cs
    low, other_low = _fold_quotes(text), _fold_quotes(other_text)
    said = [u for u in weak if _plain_counterpart(u, low, pack, other_low, other) is not None]
    if not said:
        return cs
    out = []
    for c in cs:
        units = [u for u in c.units if not any(u is x for x in said)]
        out.append(dataclasses.replace(c, units=units, runs=_runs(units, text.lower(), pack)))
    return out


def _weaken(cs: list[Clause], units: list[Unit], text: str, pack: NegationPack) -> list[Clause]:
    """The clauses with `units` read as weak negations (their difference explained, in part)."""
    low = text.lower()
    out = []
    for c in cs:
        own = [Unit(u.start, u.end, u.text, weak=True, verb=u.verb, tail=u.tail) if any(u is w for w in units) else u
               for u in c.units]
        out.append(Clause(c.start, c.end, own, c.cancelled, runs=_runs(own, low, pack), closes=c.closes,
                          denied_verb=c.denied_verb, repeats=c.repeats, answers=c.answers))
    return out


# A weak word on one side and the other side's only negation this far apart (share of each text) do not
# render each other: the thresholds are data (configs/lang/mul/negation.toml [severity]), chosen by
# leave-one-document-out cross-validation (eval/negation_cv.py); these defaults hold where the file lacks them.
SEVERITY_DEFAULTS = {"far_apart_added": 0.5, "far_apart_lost": 2.0, "far_apart_extra": 2.0}
_PARAMS: dict[str, float] | None = None


def severity_params() -> dict[str, float]:
    """The thresholds of [severity] in configs/lang/mul/negation.toml (read once)."""
    global _PARAMS
    if _PARAMS is None:
        rel = "lang/mul/negation.toml"
        data = load_toml(rel).get("severity", {}) if (config_dir() / rel).exists() else {}
        _PARAMS = {k: float(data.get(k, v)) for k, v in SEVERITY_DEFAULTS.items()}
    return _PARAMS


# In a short sentence one word moved shifts its relative place far: a negation must stand at least this
# many words' worth (of the shorter side) from the other side's to be far from it.
FAR_MIN_WORDS = 2


def _far_apart(weak: list[Unit], w_text: str, strong: list[Unit], s_text: str, wp: NegationPack,
               limit: float) -> tuple[str, str] | None:
    """Where one side negates only with weak words (no litotes), the other only with strong negations,
    and every weak word stands more than `limit` from every negation (relative place in its text, and
    FAR_MIN_WORDS words' worth): (weak, strong). A weak phrase made of a marker ("auch nicht",
    clause-final in German) is a negation that moves with the word order, so it never stands far."""
    markers = set(wp.markers)
    w_len, s_len = len(w_text), len(s_text)
    limit = max(limit, FAR_MIN_WORDS / max(min(len(_WORDS.findall(w_text)), len(_WORDS.findall(s_text))), 1))
    if weak and strong and all(u.weak and not u.litotes and not markers & set(u.text.lower().split()) for u in weak) \
            and all(not u.weak for u in strong):
        if all(abs(w.start / max(w_len, 1) - x.start / max(s_len, 1)) > limit for w in weak for x in strong):
            return _desc(weak), _desc(strong)
    return None


_BEFORE_FIGURE = regex.compile(r"(?:\s+[\p{L}\p{M}'’]+){0,2}?\s+\p{N}")


def _hedged(units: list[Unit], text: str, pack: NegationPack, other: list[Unit], other_text: str,
            other_pack: NegationPack) -> list[Unit] | None:
    """`units` where every one is a hedge of the pack ("hầu như không", "ne … guère"; no litotes, not before a figure)
    and the other side negates nothing, not even weakly, and says no word of few ("wenig") nor a hedge's meaning in
    plain words ("changed little", "occasionally"): the hedge is said on one side only."""
    if not units or other or not pack.hedges:
        return None
    low = text.lower()
    if not all(u.weak and not u.litotes and next(_find(pack.hedges, low[u.start:u.reach]), None) is not None
               and not _BEFORE_FIGURE.match(low, u.reach) for u in units):
        return None  # (before a figure a hedge says "only": "à peine 20 secondes" = "just 20 seconds")
    other_low = other_text.lower()
    if other_pack.few and _outside_idioms(other_pack.few, other_low, other_pack) \
            or other_pack.hedge_plain and next(_find(other_pack.hedge_plain, other_low), None) is not None:
        return None
    return units


def _lone(units: list[Unit], n: int, other: list[Unit], m: int, limit: float) -> list[Unit]:
    """The strong negations of `units` more than `limit` (share of each text) from every negation of `other`."""
    return [u for u in units if not u.weak and other
            and all(abs(u.start / max(n, 1) - v.start / max(m, 1)) > limit for v in other)]


def _names_exception(text: str, pack: NegationPack) -> bool:
    """Whether `text` says an exception ("except", "außer", "ngoại trừ") with a word of its weak list."""
    return bool(pack.exception_words) and next(_find(pack.exception_words, text.lower()), None) is not None


def _restricts(text: str, pack: NegationPack) -> bool:
    return bool(pack.restrictive_words) and next(_find(pack.restrictive_words, text.lower()), None) is not None


def _answer_note(ctx: PairContext, sc: list[Clause], tc: list[Clause]) -> list[Finding]:
    """Where only answer clauses differ ("Không, …" / "Es ist …"), a minor note: an answer particle is
    no negation of the statement, and one language says it where another leaves it out."""
    sa, ta = sum(c.answers for c in sc), sum(c.answers for c in tc)
    if bool(sa) == bool(ta):
        return []
    side, text, cs = ("source", ctx.src.text, sc) if sa else (f"{language_name(ctx.tgt_lang)} text", ctx.tgt.text, tc)
    first = next(c for c in cs if c.answers)
    msg = (f"Only the {side} opens with an answer ('{text[first.start:first.end].strip()}'): an answer particle negates "
           f"no statement of the sentence, and translations often leave it out: check that the answer is kept.")
    where = "src" if sa else "tgt"
    return [Finding(type="negation", severity=Severity.MINOR, src=list(ctx.bead.src), tgt=list(ctx.bead.tgt),
                    message=msg, signal="negation", confidence=WEAK_CONFIDENCE,
                    evidence=[ctx.span(where, first.start, first.end)])]


def _outside_idioms(words, low: str, pack: NegationPack) -> list:
    """Matches of `words` in `low` outside the pack's idioms that negate nothing ("ein wenig", "a few", "ít nhất")."""
    idioms = [(m.start(), m.end()) for m in _find(pack.not_negation, low)]
    return [m for m in _find(words, low) if not any(s <= m.start() < e for s, e in idioms)]


def _quantity_reversed(text: str, pack: NegationPack, other_text: str, other: NegationPack):
    """A word of quantity that says few ("rất ít khán giả", "kaum Zuschauer") where the other side says many
    ("viele Zuschauer") at about the same place, with no word of few and no negation of its own: the quantity is
    reversed, as a negation is. (the few word, the many word)"""
    low, other_low = text.lower(), other_text.lower()
    if not pack.few or not other.many or next(_find(pack.few, low), None) is None \
            or next(_find(other.many, other_low), None) is None:
        return None  # (most pairs: nothing more is read)
    few = [m for m in _outside_idioms(pack.few, low, pack) if not _negated_before(low, m.start(), pack)]  # "nicht wenige"
    if not few or _outside_idioms(other.few, other_low, other) or any(c.units for c in clauses(other_text, other)):
        return None  # (the other side says few itself, or negates: "hardly any", "nicht viele")
    for m in _find(other.many, other_low):
        if any(abs(m.start() / max(len(other_text), 1) - f.start() / max(len(text), 1)) <= IMPLIED_PLACE for f in few):
            f = few[0]
            return Unit(f.start(), f.end(), text[f.start():f.end()], weak=True), Unit(m.start(), m.end(), other_text[m.start():m.end()])
    return None


def check(ctx: PairContext) -> list[Finding]:
    sp, tp = negation_pack(ctx.src_lang), negation_pack(ctx.tgt_lang)
    if not (sp.known and tp.known):
        return []  # the channel says "skipped" (check_alignment)
    found = _check(ctx, sp, tp)
    if any(f.severity in (Severity.CRITICAL, Severity.MAJOR) for f in found):
        return found
    for text, pack, other_text, other, side in ((ctx.src.text, sp, ctx.tgt.text, tp, "src"), (ctx.tgt.text, tp, ctx.src.text, sp, "tgt")):
        hit = _quantity_reversed(text, pack, other_text, other)
        if hit:
            few_side = "source" if side == "src" else f"{language_name(ctx.tgt_lang)} text"
            many_side = f"{language_name(ctx.tgt_lang)} text" if side == "src" else "source"
            other_side = "tgt" if side == "src" else "src"
            return [Finding(type="negation", severity=Severity.MAJOR, src=list(ctx.bead.src), tgt=list(ctx.bead.tgt),
                            message=f"The {few_side} says few ('{hit[0].text}'), the {many_side} many ('{hit[1].text}'): "
                                    f"the quantity is reversed.",
                            signal="negation", confidence=CLAUSES_DIFFER_CONFIDENCE,
                            evidence=[ctx.span(side, hit[0].start, hit[0].end), ctx.span(other_side, hit[1].start, hit[1].end)])]
    return found


def _check(ctx: PairContext, sp: NegationPack, tp: NegationPack) -> list[Finding]:
    # "not … until Monday" is "erst am Montag" only where the other side restricts the time
    # a question asking why keeps its negation where both sides ask why: "Why don't we start?" may be
    # said "Fangen wir doch an!", but "Warum ist er gekommen?" does not render "Tại sao anh ấy không đến?"
    why = asks_why(ctx.src.text, sp) and asks_why(ctx.tgt.text, tp)
    sc = clauses(ctx.src.text, sp, timed=_restricts(ctx.tgt.text, tp), why=why, only=not _names_exception(ctx.tgt.text, tp))
    tc = clauses(ctx.tgt.text, tp, timed=_restricts(ctx.src.text, sp), why=why, only=not _names_exception(ctx.src.text, sp))
    sc = _plain_on_both(sc, ctx.src.text, sp, tc, ctx.tgt.text, tp)
    tc = _plain_on_both(tc, ctx.tgt.text, tp, sc, ctx.src.text, sp)
    verdict = _verdict(sc, tc)
    if verdict is not None and any(c.held for c in sc + tc) and sum(c.answers for c in sc) != sum(c.answers for c in tc):
        # "Chưa," / "Noch nicht," answers on one side and says a clause's negation on the other (which has
        # fewer answers: "Không phải, …" / "Nein, …" pair as answers): either reading
        for sc2, tc2 in ((_answers_negating(sc), tc), (sc, _answers_negating(tc)), (_answers_negating(sc), _answers_negating(tc))):
            if _verdict(sc2, tc2) is None:
                sc, tc, verdict = sc2, tc2, None
                break
    if verdict == "src" and _mirrored(sc, tc) or verdict == "tgt" and _mirrored(tc, sc):
        verdict = "weak"
    if verdict in (None, "weak"):
        lost = _lost_double(sc, ctx.src.text, sp, tc, ctx.tgt.text, tp) or _lost_double(tc, ctx.tgt.text, tp, sc, ctx.src.text, sp)
        if lost:
            which = "source" if lost[0] is sc else f"{language_name(ctx.tgt_lang)} text"
            other = f"{language_name(ctx.tgt_lang)} text" if lost[0] is sc else "source"
            return [Finding(type="negation", severity=Severity.CRITICAL, src=list(ctx.bead.src), tgt=list(ctx.bead.tgt),
                            message=f"The {which} negates twice ({_desc(lost[1])}: the two cancel), the {other} only with "
                                    f"{_desc([lost[2]])}: the statement is reversed.",
                            signal="negation", confidence=CLAUSES_DIFFER_CONFIDENCE,
                            evidence=[ctx.span("src" if lost[0] is sc else "tgt", u.start, u.end) for u in lost[1]])]
    if verdict is None:
        return _answer_note(ctx, sc, tc)
    s_units = [u for c in sc for u in c.units]
    t_units = [u for c in tc for u in c.units]
    tgt_name = language_name(ctx.tgt_lang)
    sp_, tp_ = _unpaired(sc, _weak_count(tc)), _unpaired(tc, _weak_count(sc))
    s_all, t_all = sum(c.count for c in sp_), sum(c.count for c in tp_)
    part = _reversed_part(sc, tc) if verdict == "both" else None
    reworded: list[Rewording] = []
    if verdict in ("src", "tgt", "weak") or part:
        # a negation the other side says in a plain wording of the same meaning ("không đồng quan
        # điểm" / "andere Meinung", "chưa từng" / "erstmals") explains the difference, in part; also beside a
        # partial negation, where the place of the other side's negation would otherwise make it an addition
        # ("bác bỏ thông tin …" / "Von … könne keine Rede sein")
        s_rw = _rewordings(ctx.src.text, sc, sp, ctx.tgt.text, tp, tc)
        t_rw = _rewordings(ctx.tgt.text, tc, tp, ctx.src.text, sp, sc)
        if s_rw or t_rw:
            sc2 = _weaken(sc, [r.unit for r in s_rw], ctx.src.text, sp)
            tc2 = _weaken(tc, [r.unit for r in t_rw], ctx.tgt.text, tp)
            v2 = _verdict(sc2, tc2)
            if v2 in (None, "weak") or (v2 == "both" and not _reversed_part(sc2, tc2)):
                reworded = s_rw + t_rw
    if reworded:
        severity, confidence = Severity.MINOR, WEAK_CONFIDENCE
        said = "; ".join(f"{'the source' if any(r.unit is u for u in s_units) else f'the {tgt_name} text'} negates in "
                         f"'{r.negated}' where the other side says '{r.plain}'" for r in reworded[:EVIDENCE_PER_SIDE])
        msg = (f"The polarity may differ only in wording: {said}. A negated and a plain wording often say the same "
               f"({', '.join(sorted({r.key.replace('_', ' ') for r in reworded}))}): check the meaning.")
    elif verdict == "weak":
        # Some reading agrees: with or without the weak words ("không thể" = "unmöglich", "n'ont pas
        # réussi" = "failed"), or with two negations in one clause counted apart ("Không một đứa trẻ
        # nào … không được" = "Kein Kind …, die nicht …", where a comma splits the German clause).
        weak = [u for u in s_units + t_units if u.weak]
        severity, confidence = Severity.MINOR, WEAK_CONFIDENCE
        msg = (f"The polarity may differ: source negations {_desc(s_units)}, {tgt_name} negations {_desc(t_units)}; "
               f"the difference rests on {_desc(weak)}, which negates only in part or by its meaning: check it.")
        litotes = [u for u in weak if u.litotes]
        # a translation negating far from where its source says a partial negation has most likely added
        # one; a source negation far from the translation's only partial one is more often moved by the
        # word order ("Chưa rõ …" = "…, ist noch unklar"): each way has its own threshold
        limits = severity_params()
        added = _far_apart(s_units, ctx.src.text, t_units, ctx.tgt.text, sp, limits["far_apart_added"])
        lost = None if added else _far_apart(t_units, ctx.tgt.text, s_units, ctx.src.text, tp, limits["far_apart_lost"])
        if added:
            severity, confidence = Severity.MAJOR, CLAUSES_DIFFER_CONFIDENCE
            msg = (f"The source negates only with a word that negates in part ({added[0]}), the {tgt_name} text with a "
                   f"negation ({added[1]}) far from where that word stands: a negation is probably added.")
        elif lost:
            severity, confidence = Severity.MAJOR, CLAUSES_DIFFER_CONFIDENCE
            msg = (f"The source negates ({lost[1]}), the {tgt_name} text only with a word that negates in part "
                   f"({lost[0]}) far from where the source negates: a negation is probably lost.")
        elif hedged := _hedged(s_units, ctx.src.text, sp, t_units, ctx.tgt.text, tp):
            # (the source's hedge only: a translation often hedges what its source says by a word of its own,
            # "leergefegt" / "hardly any", "chịu đựng được" / "can barely stand", where a lost hedge has no trace)
            severity, confidence = Severity.MAJOR, CLAUSES_DIFFER_CONFIDENCE
            said = ", ".join(f"'{ctx.src.text[u.start:u.reach]}'" for u in hedged[:EVIDENCE_PER_SIDE])
            msg = (f"The source negates in part ({said}), the {tgt_name} text says the statement plainly, with no "
                   f"negation and no word of few: the statement is reversed in part.")
        elif litotes:
            msg += (f" {_desc(litotes)} negates a word of small degree or bad quality (a litotes: 'not small' = "
                    f"considerable), which a translation may say without a negation.")
    elif part:
        # built alike, one part negated on one side only: a lost or added negation more likely than a paraphrase
        severity, confidence = Severity.MAJOR, CLAUSES_DIFFER_CONFIDENCE
        which = "source" if part[1] == "src" else f"{tgt_name} text"
        msg = (f"Both sides negate, but the source {s_all} time(s) ({_desc(s_units)}) and the {tgt_name} text "
               f"{t_all} time(s) ({_desc(t_units)}); built alike, part {part[0]} is negated only in the {which}: "
               f"a negation is probably lost or added.")
    elif verdict == "both":
        severity, confidence = BOTH_NEGATE_SEVERITY, CLAUSES_DIFFER_CONFIDENCE
        msg = (f"Both sides negate, but the source {s_all} time(s) ({_desc(s_units)}) and the {tgt_name} text "
               f"{t_all} time(s) ({_desc(t_units)}); a negation may be lost or added, or the clauses may only be built differently.")
        # the side that negates more has as many strong negations far from every negation of the other side
        # (relative place) as it has more: those are more likely added (or the other side's lost) than restructured
        more, more_len, fewer, fewer_len = (s_units, len(ctx.src.text), t_units, len(ctx.tgt.text)) if s_all > t_all \
            else (t_units, len(ctx.tgt.text), s_units, len(ctx.src.text))
        lone = _lone(more, more_len, fewer, fewer_len, severity_params()["far_apart_extra"])
        if len(lone) >= abs(s_all - t_all):
            severity = Severity.MAJOR
            which = "source" if more is s_units else f"{tgt_name} text"
            msg += (f" The {which}'s {_desc(lone)} stands far from every negation of the other side: a negation is "
                    f"probably {'lost' if which == 'source' else 'added'}.")
    elif verdict == "src":
        severity, confidence = Severity.CRITICAL, REVERSED_CONFIDENCE
        msg = f"The source is negated ({_desc(s_units)}) but the {tgt_name} text is not: the statement is reversed."
    else:
        severity, confidence = Severity.CRITICAL, REVERSED_CONFIDENCE
        msg = f"The {tgt_name} text is negated ({_desc(t_units)}) but the source is not: the statement is reversed."
    evidence = [ctx.span("src", u.start, u.end) for u in s_units[:EVIDENCE_PER_SIDE]] + \
               [ctx.span("tgt", u.start, u.end) for u in t_units[:EVIDENCE_PER_SIDE]]
    return [Finding(type="negation", severity=severity, src=list(ctx.bead.src), tgt=list(ctx.bead.tgt),
                    message=msg, signal="negation", confidence=confidence, evidence=evidence)]


def confirm_with_mt(findings: list[Finding], mt_text, tgt_text, lang: str) -> list[Finding]:
    """Negation alarms checked against the machine translation of the source, in the target's language:
    where the MT agrees with the translation's polarity, the source's negation is most likely said there
    in other words ("không giáp biển" / „Binnenland“), and the alarm becomes a minor note; where the MT
    negates as the source does, the alarm stands, confirmed. `mt_text(f)` and `tgt_text(f)` give a
    finding's MT and target text (None where there is no MT)."""
    pack = negation_pack(lang)
    if not pack.known:
        return findings
    out = []
    for f in findings:
        mt = mt_text(f) if f.signal == "negation" and f.severity is not Severity.MINOR else None
        if not mt:
            out.append(f)
            continue
        verdict = _verdict(clauses(mt, pack), clauses(tgt_text(f), pack))
        if verdict in (None, "weak"):
            f = dataclasses.replace(
                f, severity=Severity.MINOR, confidence=WEAK_CONFIDENCE,
                message=f"The machine translation of the source agrees with the {language_name(lang)} text's polarity: "
                        f"the source's negation is probably said there in other words; a minor note. Without the MT: {f.message}")
        else:
            f = dataclasses.replace(
                f, confidence=max(f.confidence, REVERSED_CONFIDENCE),
                message=f.message + " The machine translation of the source differs from the translation in polarity too.")
        out.append(f)
    return out
