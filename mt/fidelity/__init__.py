"""Fidelity checks: each signal turns an aligned pair (with its document context) into findings.

Signals: attribution, entities, numbers (and dates), negation, coverage (omission/addition: unaligned
segments, and inside a pair from length),
retranslation (when models are available). `check_alignment` runs them all and combines.
"""
from __future__ import annotations

import os

from ..lexicon import lexicon
from ..types import Alignment, CheckResult, Document, Finding, RetranslationResult, SegmentKind, assign_ids
from . import attribution, coverage, length, names, negation, numbers, retranslation, values
from .context import PairContext, Register
from .extract import Facts, extract
from .nameindex import NameIndex

PAIR_SIGNALS = (attribution.check, names.check, numbers.check, negation.check)


def _facts(text: str, lang: str, known: NameIndex | None) -> Facts:
    # Languages whose orthography capitalises every noun (configs/lang/LANG/names.toml
    # [capitalisation] nouns): names there are found from known names.
    lex = lexicon(lang)
    return extract(text, lex, known_people=known, lang_capitalises_nouns=bool(lex.caps.get("nouns")))


# A long document is checked on every core: both passes are independent per bead, and a forked
# worker inherits the loaded packs, the tagger and the first pass's register, so only facts and
# findings travel back. Short documents stay in one process (a fork costs more than they take).
PARALLEL_FROM = 2000  # beads
_JOB: dict = {}  # what forked workers read; set just before each pool starts


def _workers(n_beads: int) -> int:
    import multiprocessing

    if n_beads < PARALLEL_FROM or "fork" not in multiprocessing.get_all_start_methods() \
            or multiprocessing.current_process().daemon:
        return 1
    return max(1, min(4, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)))


def _chunk(args: tuple) -> list:
    fn, ks = args
    return [fn(k) for k in ks]


PROGRESS_CHUNKS = 20  # with a progress callback, each worker's share goes in this many pieces (a report per piece)


def _map(fn, ks: list[int], workers: int, progress=None) -> list:
    """[fn(k) for k in ks], in order, on `workers` forked processes; `progress(n)` after every n done."""
    if workers <= 1 or len(ks) < 2:
        if progress is None:
            return [fn(k) for k in ks]
        step = max(1, len(ks) // PROGRESS_CHUNKS)
        out = []
        for i in range(0, len(ks), step):
            piece = [fn(k) for k in ks[i:i + step]]
            out += piece
            progress(len(piece))
        return out
    import multiprocessing

    size = -(-len(ks) // (workers * (PROGRESS_CHUNKS if progress else 1)))
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        parts = []
        for part in pool.imap(_chunk, [(fn, ks[i:i + size]) for i in range(0, len(ks), size)]):
            parts.append(part)
            if progress:
                progress(len(part))
    return [x for part in parts for x in part]


# The facts of source segments read ahead of need (Checker, while the document is aligned), by segment index;
# then those of target segments, read with the people the source segments name (KNOWN_AHEAD, in the order
# the first pass adds them): used where the first pass, on the aligned beads, knows the very same people.
FACTS_AHEAD: dict[int, Facts] = {}
TGT_FACTS_AHEAD: dict[int, tuple[str, Facts]] = {}  # (the segment's text, its facts)
KNOWN_AHEAD: list[str] = []


def _known_people(facts) -> NameIndex:
    """The people the facts name, each once, in order: what the target side's names are read against."""
    known = NameIndex()  # indexed once: each look-up below costs the same in a long document
    for f in facts:
        for p in f.people:
            if not known.has_person(p.text):
                known.add(p.text)
    return known


def _source_facts(k: int) -> Facts:
    al = _JOB["al"]
    bead = al.beads[k]
    if len(bead.src) == 1 and bead.src[0] in FACTS_AHEAD:
        return FACTS_AHEAD[bead.src[0]]
    return _facts(al.src_text(bead), al.src.lang, None)


def _bead_findings(k: int) -> list[Finding]:
    al, src_facts, known, register, lengths = (_JOB[x] for x in ("al", "src_facts", "known", "register", "lengths"))
    bead = al.beads[k]
    if not (bead.src and bead.tgt):
        return coverage.check_bead(al, bead)
    if all(al.src.segments[i].kind is SegmentKind.BOILERPLATE for i in bead.src):
        return []
    tgt_text = al.tgt_text(bead)
    ahead = TGT_FACTS_AHEAD.get(bead.tgt[0]) if len(bead.tgt) == 1 and _JOB["tgt_ahead"] else None
    tgt_facts = ahead[1] if ahead and ahead[0] == tgt_text else _facts(tgt_text, al.tgt.lang, known)
    ctx = PairContext(al, bead, src_facts[k], tgt_facts,
                      lexicon(al.src.lang), lexicon(al.tgt.lang), register, known)
    out: list[Finding] = coverage.left_untranslated(al, bead)
    if len(out) < len(bead.tgt):  # (a target left in the source language would be read in the wrong language)
        for signal in PAIR_SIGNALS:
            out.extend(signal(ctx))
    out.extend(length.check(ctx, lengths, out))
    return out


def check_alignment(al: Alignment, retranslate: bool | RetranslationResult = False,
                    mt_lines: list[str] | None = None, progress=None) -> CheckResult:
    """Every check over an alignment. `mt_lines`: the machine translation of each source segment (the
    MT channel's lines), which the negation alarms are checked against. `progress(n, total)`: called as
    beads are read (both passes: `total` is the source beads plus all beads)."""
    src_lang, tgt_lang = al.src.lang, al.tgt.lang
    workers = _workers(len(al.beads))
    if workers > 1:  # load packs and taggers once, before the fork, not once per worker
        _facts(" ".join(al.src.segments[0].norm.split()[:8]) if len(al.src) else "", src_lang, None)
        _facts(" ".join(al.tgt.segments[0].norm.split()[:8]) if len(al.tgt) else "", tgt_lang, NameIndex())
    _JOB.clear()
    _JOB["al"] = al
    try:
        # Pass 1: the source document's people and its register of offices.
        with_src = [k for k, b in enumerate(al.beads) if b.src]
        total = len(with_src) + len(al.beads)
        step = None if progress is None else (lambda n: progress(n, total))
        src_facts = dict(zip(with_src, _map(_source_facts, with_src, workers, step)))
        known = _known_people(src_facts.values())
        register = Register()
        for f in src_facts.values():
            for b in f.bindings:
                register.add(b.office, b.qualifier, b.person)
        lengths = length.model_for(al)  # the document's expected length ratio, learned once
        _JOB.update(src_facts=src_facts, known=known, register=register, lengths=lengths,
                    tgt_ahead=bool(TGT_FACTS_AHEAD) and known.names == KNOWN_AHEAD)
        if workers > 1:
            # what the signals load on first use (the tagger and its libraries, word lists): once here, not once
            # in every worker; the findings of this bead are made again in its worker
            warm = next((k for k, b in enumerate(al.beads) if b.src and b.tgt), None)
            if warm is not None:
                _bead_findings(warm)
        findings = [f for part in _map(_bead_findings, list(range(len(al.beads))), workers, step) for f in part]
    finally:
        _JOB.clear()
    if mt_lines is not None and len(mt_lines) == len(al.src.segments):
        findings = negation.confirm_with_mt(findings, lambda f: " ".join(mt_lines[i] for i in f.src).strip(),
                                            lambda f: " ".join(al.tgt.segments[j].norm for j in f.tgt), tgt_lang)
    channels = channel_coverage(src_lang, tgt_lang)
    rt = None
    if isinstance(retranslate, RetranslationResult):
        rt = retranslate
    elif retranslate:
        rt = retranslation.run(al)
    if rt is None:
        channels["retranslation"] = "skipped: not requested (--mt none)"
    elif rt.status == "ran":
        channels["retranslation"] = "ran"
        findings.extend(retranslation.findings(al, rt))
    else:
        channels["retranslation"] = f"skipped: {rt.reason}"
    return CheckResult(al, assign_ids(al, _dedupe(findings)), channels, rt)


class Checker:
    """check_alignment for a long document in a process forked before the alignment: while the parent aligns,
    it loads the packs, taggers and word lists and tags the source segments (the names and negation checks
    read them), so that the second core, idle during alignment, does that part of the check. Short documents,
    and systems without fork, check in the calling process."""

    def __init__(self, src: Document, tgt: Document):
        import multiprocessing

        self.conn = self.proc = None
        if _workers(min(len(src), len(tgt))) <= 1:
            return
        here, there = multiprocessing.get_context("fork").Pipe()
        self.proc = multiprocessing.get_context("fork").Process(target=_checker_main, args=(there, src, tgt), daemon=False)
        self.proc.start()
        there.close()
        self.conn = here

    def abandon(self) -> None:
        """No alignment will come (it failed, or was interrupted): stop the process."""
        if self.conn is not None:
            self.conn.close()
            self.proc.terminate()
            self.proc.join()
            self.conn = None

    def check(self, al: Alignment, retranslate=False, mt_lines=None, progress=None) -> CheckResult:
        if self.conn is None:
            return check_alignment(al, retranslate, mt_lines, progress)
        try:
            self.conn.send((al, retranslate, mt_lines))
            while True:
                kind, *rest = self.conn.recv()
                if kind == "progress":
                    if progress:
                        progress(*rest)
                elif kind == "done":
                    return rest[0]
                else:
                    raise RuntimeError(rest[0])
        except (EOFError, OSError):  # the process died (out of memory): check here
            return check_alignment(al, retranslate, mt_lines, progress)
        finally:
            self.conn.close()
            self.proc.join()


def _checker_main(conn, src: Document, tgt: Document) -> None:
    from .names import TAGGED_AHEAD, pyvi_tags

    try:
        # load what the checks use (packs, taggers, word lists) on a first pair
        first_src = next((s.norm for s in src.segments if s.kind is not SegmentKind.BOILERPLATE), "")
        first_tgt = next((s.norm for s in tgt.segments if s.kind is not SegmentKind.BOILERPLATE), "")
        if first_src and first_tgt:
            from .evaluate import check_pair

            check_pair(first_src, first_tgt, src.lang, tgt.lang)
        if lexicon(src.lang).caps.get("tagger") == "pyvi":
            for seg in src.segments:  # until the alignment comes
                if conn.poll():
                    break
                if seg.kind is not SegmentKind.BOILERPLATE and seg.norm not in TAGGED_AHEAD:
                    tagged = pyvi_tags(seg.norm)
                    if tagged is not None:
                        TAGGED_AHEAD[seg.norm] = tagged
        for i, seg in enumerate(src.segments):  # and the first pass's facts, a bead of one segment each
            if conn.poll():
                break
            if seg.kind is not SegmentKind.BOILERPLATE:
                FACTS_AHEAD[i] = _facts(seg.norm, src.lang, None)
        if not conn.poll():  # and, with time left, the target segments' facts
            known = _known_people(FACTS_AHEAD[i] for i in sorted(FACTS_AHEAD))
            KNOWN_AHEAD[:] = known.names
            for j, seg in enumerate(tgt.segments):
                if conn.poll():
                    break
                if seg.kind is not SegmentKind.BOILERPLATE:
                    TGT_FACTS_AHEAD[j] = seg.norm, _facts(seg.norm, tgt.lang, known)
        al, retranslate, mt_lines = conn.recv()
        result = check_alignment(al, retranslate, mt_lines, lambda n, total: conn.send(("progress", n, total)))
        conn.send(("done", result))
    except Exception as e:  # noqa: BLE001 (reported to the parent, which raises it)
        try:
            conn.send(("error", f"{type(e).__name__}: {e}"))
        except OSError:
            pass  # the parent is gone or gave up
    finally:
        conn.close()


def channel_coverage(src_lang: str, tgt_lang: str) -> dict[str, str]:
    """What each pair signal can read in these languages: "ran", "partial: why" or "skipped: why".
    A language without knowledge is named, never silently passed ("no negation knowledge for 'xx'")."""
    out: dict[str, str] = {}
    langs = list(dict.fromkeys((src_lang, tgt_lang)))
    no_titles = [x for x in langs if not lexicon(x).titles]
    no_names = [x for x in langs if not lexicon(x).names]
    out["attribution"] = f"skipped: no office titles for {_names(no_titles)}" if no_titles else "ran"
    out["entities"] = f"skipped: no name knowledge for {_names(no_names)}" if no_names else "ran"
    no_words = [x for x in langs if "word list" in names.coverage(x)]
    if no_words and not no_names:
        where = ", ".join(lexicon(x).caps["wordlist"] + (f" from package {lexicon(x).caps['wordlist_package']}"
                                                         if lexicon(x).caps.get("wordlist_package") else "") for x in no_words)
        out["entities"] = (f"partial: no word list for {_names(no_words)} ({where}); "
                           "names are found from known names and capitals only, fewer of them")
    nums = {x: values.coverage(x) for x in langs}
    no_pack = [x for x, miss in nums.items() if "numbers" in miss]
    part = [f"no {' or '.join(m for m in miss if m != 'numbers')} for '{x}'" for x, miss in nums.items() if miss and x not in no_pack]
    if no_pack:
        out["numbers"] = f"partial: no number or date knowledge for {_names(no_pack)} (digits and years only)"
    elif part:
        out["numbers"] = "partial: " + "; ".join(part)
    else:
        out["numbers"] = "ran"
    neg = {x: negation.coverage(x) for x in langs}
    no_neg = [x for x, miss in neg.items() if "negation" in miss]
    no_q = [x for x, miss in neg.items() if "questions" in miss and x not in no_neg]
    if no_neg:
        out["negation"] = f"skipped: no negation knowledge for {_names(no_neg)}"
    elif no_q:
        out["negation"] = f"partial: no question particles for {_names(no_q)} (a question may read as a negation)"
    else:
        out["negation"] = "ran"
    no_len = [x for x in langs if not length.has_factor(x)]
    out["coverage"] = (f"partial: no length model for {_names(no_len)} (omission and addition inside a pair are "
                       f"checked only in documents of {length.DOC_MIN_PAIRS} pairs or more)") if no_len else "ran"
    return out


def _names(langs: list[str]) -> str:
    return " and ".join(f"'{x}'" for x in langs)


def _dedupe(findings: list[Finding]) -> list[Finding]:
    """One finding per (type, target segments, evidence text); the most confident wins. One person wrongly
    named in the target is one attribution finding, though both the office register and the names check see it
    ("makes X the Health Minister …" and "gives to X what the source says of Y")."""
    best: dict[tuple, Finding] = {}
    for f in findings:
        key = (f.type, tuple(f.tgt), tuple(f.src), tuple(e.text for e in f.evidence))
        if key not in best or f.confidence > best[key].confidence:
            best[key] = f
    kept: list[Finding] = []
    for f in sorted(best.values(), key=lambda f: -f.confidence):
        if not (f.type == "attribution" and any(k.type == "attribution" and _same_target_span(k, f) for k in kept)):
            kept.append(f)
    return sorted(kept, key=lambda f: (min(f.tgt, default=-1), -f.severity.rank, f.type))


def _same_target_span(a: Finding, b: Finding) -> bool:
    """Whether two findings point at overlapping text of one target segment."""
    return any(x.segment == y.segment and x.start < y.end and y.start < x.end
               for x in a.evidence if x.side == "tgt" for y in b.evidence if y.side == "tgt")
