"""Numbers and dates, compared as values: '12.000' = 12000, '3,5' = 3.5, '355 tỷ' = 355 Milliarden,
'29/10' = '29. Oktober', 'tháng 8/2020' = 'August 2020'; 'vier' explains a source 4."""
from __future__ import annotations

from ..types import Finding, Severity
from .context import PairContext, language_name


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def _fmt(v: float) -> str:
    return f"{v:,.0f}" if v == int(v) else f"{v:g}"


def check(ctx: PairContext) -> list[Finding]:
    return _dates(ctx) + _numbers(ctx)


def _dates(ctx: PairContext) -> list[Finding]:
    src_keys = [d[0] for d in ctx.src.dates]
    tgt_keys = [d[0] for d in ctx.tgt.dates]
    missing = [d for d in ctx.src.dates if d[0] not in tgt_keys]
    surplus = [d for d in ctx.tgt.dates if d[0] not in src_keys]
    out = []
    for kind in ("d", "m", "y"):
        ms = [d for d in missing if d[0][0] == kind]
        ss = [d for d in surplus if d[0][0] == kind]
        if ms and ss:
            m, s = ms[0], ss[0]
            ev_src, ev_tgt = ctx.span("src", m[1], m[2]), ctx.span("tgt", s[1], s[2])
            out.append(Finding(
                type="date", severity=Severity.CRITICAL, src=[ev_src.segment], tgt=[ev_tgt.segment],
                message=f"The date differs: the source says '{m[3]}', the {language_name(ctx.tgt_lang)} text '{s[3]}'.",
                signal="numbers", confidence=0.85, evidence=[ev_src, ev_tgt],
            ))
            break  # one date finding per pair: the parts of one date disagree together
    return out


def _numbers(ctx: PairContext) -> list[Finding]:
    tgt_left = list(ctx.tgt.numbers)
    words = list(ctx.tgt.number_words)
    missing = []
    for n in ctx.src.numbers:
        hit = next((t for t in tgt_left if _close(t[0], n[0])), None)
        if hit:
            tgt_left.remove(hit)
        elif any(_close(w, n[0]) for w in words):
            words.remove(next(w for w in words if _close(w, n[0])))
        else:
            missing.append(n)
    out = []
    for n in missing:
        if tgt_left:
            # the closest surplus value in magnitude is the likely rendering of this one
            t = min(tgt_left, key=lambda t: abs(t[0] - n[0]) / max(abs(n[0]), 1e-9))
            tgt_left.remove(t)
            ev_src, ev_tgt = ctx.span("src", n[1], n[2]), ctx.span("tgt", t[1], t[2])
            out.append(Finding(
                type="number", severity=Severity.CRITICAL, src=[ev_src.segment], tgt=[ev_tgt.segment],
                message=f"The number changed: the source says {n[3]} ({_fmt(n[0])}), the {language_name(ctx.tgt_lang)} text {t[3]} ({_fmt(t[0])}).",
                signal="numbers", confidence=0.85, evidence=[ev_src, ev_tgt],
            ))
        else:
            ev = ctx.span("src", n[1], n[2])
            out.append(Finding(
                type="omission", severity=Severity.MAJOR, src=[ev.segment], tgt=list(ctx.bead.tgt),
                message=f"The source figure {n[3]} has no counterpart in the {language_name(ctx.tgt_lang)} text.",
                signal="numbers", confidence=0.6, evidence=[ev],
            ))
    for t in tgt_left:
        ev = ctx.span("tgt", t[1], t[2])
        out.append(Finding(
            type="addition", severity=Severity.MAJOR, src=list(ctx.bead.src), tgt=[ev.segment],
            message=f"The {language_name(ctx.tgt_lang)} text adds the figure {t[3]}, which the source does not contain.",
            signal="numbers", confidence=0.65, evidence=[ev],
        ))
    return out
