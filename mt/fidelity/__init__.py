"""Fidelity checks: each signal turns an aligned pair (with its document context) into findings.

Signals: attribution, entities, numbers (and dates), negation, coverage (omission/addition),
retranslation (when models are available). `check_alignment` runs them all and combines.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..lexicon import lexicon
from ..types import Alignment, Finding, SegmentKind
from . import attribution, coverage, names, negation, numbers, retranslation
from .context import PairContext, Register
from .extract import Facts, extract, same_person

PAIR_SIGNALS = (attribution.check, names.check, numbers.check, negation.check)


@dataclass
class CheckResult:
    alignment: Alignment
    findings: list[Finding]
    channels: dict[str, str] = field(default_factory=dict)  # signal -> "ran" / "skipped: why"
    retranslation: retranslation.RetranslationResult | None = None


def _facts(text: str, lang: str, known: list[str]) -> Facts:
    # Languages whose orthography capitalises every noun (configs/lang/LANG/names.toml
    # [capitalisation] nouns): names there are found from known names.
    lex = lexicon(lang)
    return extract(text, lex, known_people=known, lang_capitalises_nouns=bool(lex.caps.get("nouns")))


def check_alignment(al: Alignment, retranslate: bool | retranslation.RetranslationResult = False) -> CheckResult:
    src_lang, tgt_lang = al.src.lang, al.tgt.lang
    # Pass 1: the source document's people and its register of offices.
    src_facts = {k: _facts(al.src_text(b), src_lang, []) for k, b in enumerate(al.beads) if b.src}
    people: list[str] = []
    register = Register()
    for f in src_facts.values():
        for p in f.people:
            if not any(same_person(p.text, q) for q in people):
                people.append(p.text)
        for b in f.bindings:
            register.add(b.office, b.qualifier, b.person)
    findings: list[Finding] = []
    for k, bead in enumerate(al.beads):
        if not (bead.src and bead.tgt):
            findings.extend(coverage.check_bead(al, bead))
            continue
        if all(al.src.segments[i].kind is SegmentKind.BOILERPLATE for i in bead.src):
            continue
        ctx = PairContext(al, bead, src_facts[k], _facts(al.tgt_text(bead), tgt_lang, people),
                          lexicon(src_lang), lexicon(tgt_lang), register, people)
        for signal in PAIR_SIGNALS:
            findings.extend(signal(ctx))
    channels = {"attribution": "ran", "entities": "ran", "numbers": "ran", "negation": "ran", "coverage": "ran"}
    rt = None
    if isinstance(retranslate, retranslation.RetranslationResult):
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
    return CheckResult(al, _dedupe(findings), channels, rt)


def _dedupe(findings: list[Finding]) -> list[Finding]:
    """One finding per (type, target segments, evidence text); the most confident wins."""
    best: dict[tuple, Finding] = {}
    for f in findings:
        key = (f.type, tuple(f.tgt), tuple(f.src), tuple(e.text for e in f.evidence))
        if key not in best or f.confidence > best[key].confidence:
            best[key] = f
    return sorted(best.values(), key=lambda f: (min(f.tgt, default=-1), -f.severity.rank, f.type))
