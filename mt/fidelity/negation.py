"""Negation: the polarity of a pair (parity of negation markers and negating verbs) must agree.
'không xác nhận' (did not confirm) vs 'bestätigte' flips; 'không phủ nhận' vs 'dementierte nicht' does not."""
from __future__ import annotations

from ..lexicon import Lexicon, word_re
from ..types import Finding, Severity
from .context import PairContext, language_name


def _markers(text: str, lex: Lexicon) -> list[tuple[int, int, str]]:
    low = text.lower()
    blocked = [(m.start(), m.end()) for w in lex.not_negation for m in word_re(w.lower()).finditer(low)]
    out = []
    for w in lex.negation:
        for m in word_re(w.lower()).finditer(low):
            if not any(s <= m.start() < e for s, e in blocked):
                out.append((m.start(), m.end(), text[m.start():m.end()]))
    for stem in lex.lexical_negation:
        for m in word_re(stem.lower(), stem=True).finditer(low):
            out.append((m.start(), m.end(), text[m.start():m.end()]))
    # "không hề" is one marker, not two
    out.sort()
    merged = []
    for mk in out:
        if merged and mk[0] < merged[-1][1]:
            continue
        merged.append(mk)
    return merged


def check(ctx: PairContext) -> list[Finding]:
    s = _markers(ctx.src.text, ctx.src_lex)
    t = _markers(ctx.tgt.text, ctx.tgt_lex)
    if len(s) % 2 == len(t) % 2:
        return []
    evidence = [ctx.span("src", a, b) for a, b, _ in s[:2]] + [ctx.span("tgt", a, b) for a, b, _ in t[:2]]
    if s and not t:
        msg = f"The source is negated ('{s[0][2]}') but the {language_name(ctx.tgt_lang)} text is not: the statement is reversed."
    elif t and not s:
        msg = f"The {language_name(ctx.tgt_lang)} text is negated ('{t[0][2]}') but the source is not: the statement is reversed."
    else:
        msg = f"The polarity differs: source negations {[m[2] for m in s]}, {language_name(ctx.tgt_lang)} negations {[m[2] for m in t]}."
    return [Finding(type="negation", severity=Severity.CRITICAL, src=list(ctx.bead.src), tgt=list(ctx.bead.tgt),
                    message=msg, signal="negation", confidence=0.75 if (s and not t) or (t and not s) else 0.5, evidence=evidence)]
