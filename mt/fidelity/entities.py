"""Entities: places and organisations mapped across languages (CLDR names, configs/lexicon).

A source entity that the target lacks, where the target has a surplus entity of the same
class, is a substitution ("Hải Phòng" → "Hanoi", "IMF" → "Weltbank", "Ukraine" → "Südkorea").
A capital standing for its country (and the Kremlin for Russia) is not a substitution.
"""
from __future__ import annotations

from collections import Counter

from ..lexicon import stands_for
from ..types import Finding, Severity
from .context import PairContext, language_name, entity_label


def _equivalent(a: str, b: str) -> bool:
    sf = stands_for()
    return a == b or sf.get(a) == b or sf.get(b) == a or (sf.get(a) is not None and sf.get(a) == sf.get(b))


def check(ctx: PairContext) -> list[Finding]:
    src = [m for m in ctx.src.mentions if m.cls != "person"]
    tgt = [m for m in ctx.tgt.mentions if m.cls != "person"]
    sc, tc = Counter(m.entity for m in src), Counter(m.entity for m in tgt)
    missing = Counter({e: n - tc.get(e, 0) for e, n in sc.items() if n > tc.get(e, 0)})
    surplus = Counter({e: n - sc.get(e, 0) for e, n in tc.items() if n > sc.get(e, 0)})
    # cancel equivalents (Bình Nhưỡng for Triều Tiên, Kreml for Russland)
    for e in list(missing):
        for x in list(surplus):
            if missing[e] > 0 and surplus[x] > 0 and _equivalent(e, x):
                k = min(missing[e], surplus[x])
                missing[e] -= k
                surplus[x] -= k
    missing = +missing
    surplus = +surplus
    out = []
    for e in missing:
        cls = next(m.cls for m in src if m.entity == e)
        rivals = [x for x in surplus if next(m.cls for m in tgt if m.entity == x) == cls]
        if not rivals:
            continue
        x = rivals[0]
        surplus[x] -= 1
        surplus = +surplus
        sm = [m for m in src if m.entity == e][-1]
        tm = [m for m in tgt if m.entity == x][-1]
        ev_src, ev_tgt = ctx.span("src", sm.start, sm.end), ctx.span("tgt", tm.start, tm.end)
        out.append(Finding(
            type="entity", severity=Severity.CRITICAL, src=[ev_src.segment], tgt=[ev_tgt.segment],
            message=f"The {language_name(ctx.tgt_lang)} text says '{tm.text}' ({entity_label(x)}) where the source says '{sm.text}' ({entity_label(e)}).",
            signal="entities", confidence=0.85, evidence=[ev_src, ev_tgt],
        ))
    return out
