"""Attribution: who holds which office, and who said or did what.

A target binding "TITLE NAME" is wrong when the source document gives that person another
office and never this one, or gives this office to someone else. A person replaced by another
in an aligned pair ("Baerbock" → "Wang Yi") gives the statement to the wrong person.
"""
from __future__ import annotations

from ..types import Finding, Severity
from .context import PairContext, language_name, office_label
from .extract import same_person


def check(ctx: PairContext) -> list[Finding]:
    out: list[Finding] = []
    for b in ctx.tgt.bindings:
        held = ctx.register.offices_of(b.person)
        if not held:
            continue  # the source never names this person with an office: nothing to compare
        same_office = [h for h in held if h[0] == b.office and (b.qualifier is None or h[1] is None or h[1] == b.qualifier)]
        if same_office:
            continue
        others = [p for p in ctx.register.holders_of(b.office, b.qualifier) if not same_person(p, b.person)]
        source_office = office_label(held[0][0], held[0][1])
        claimed = office_label(b.office, b.qualifier)
        msg = f"The {language_name(ctx.tgt_lang)} text makes {b.person} {claimed}; in the source {b.person} is {source_office}"
        if others:
            msg += f", and {claimed} is {others[0]}"
        msg += "."
        ev = ctx.span("tgt", b.start, b.end)
        out.append(Finding(
            type="attribution", severity=Severity.CRITICAL, src=list(ctx.bead.src), tgt=[ev.segment],
            message=msg, signal="attribution", confidence=0.9 if others else 0.75, evidence=[ev],
        ))
    out.extend(_person_substitutions(ctx, exclude=[b.person for b in ctx.tgt.bindings]))
    return out


def _person_substitutions(ctx: PairContext, exclude: list[str]) -> list[Finding]:
    src_people = ctx.src.people
    tgt_people = ctx.tgt.people
    missing = [p for p in src_people if not any(same_person(p.text, q.text) or (p.entity == q.entity and p.entity != "person?") for q in tgt_people)]
    surplus = [q for q in tgt_people if not any(same_person(p.text, q.text) or (p.entity == q.entity and q.entity != "person?") for p in src_people)
               and not any(same_person(q.text, e) for e in exclude)]
    # a surplus name must be a person the source document names somewhere (else it may be a
    # capitalised noun); a lexicon person counts too
    surplus = [q for q in surplus if q.entity != "person?" or any(same_person(q.text, s) for s in ctx.src_people)]
    if not missing or not surplus:
        return []
    p, q = missing[0], surplus[0]
    ev_src, ev_tgt = ctx.span("src", p.start, p.end), ctx.span("tgt", q.start, q.end)
    return [Finding(
        type="attribution", severity=Severity.CRITICAL, src=[ev_src.segment], tgt=[ev_tgt.segment],
        message=f"The {language_name(ctx.tgt_lang)} text gives to {q.text} what the source says of {p.text}.",
        signal="attribution", confidence=0.7,
        evidence=[ev_src, ev_tgt],
    )]
