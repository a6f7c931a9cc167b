"""Attribution: who holds which office, and who said or did what.

A target binding "TITLE NAME" is wrong when the source document gives that person another
office and never this one, or gives this office to someone else. (A person replaced by another in
an aligned pair, "Baerbock" → "Wang Yi", is found by mt.fidelity.names.)
"""
from __future__ import annotations

import functools
import unicodedata

import regex

from ..lexicon import deputy_of, office_title, same_office
from ..types import Finding, Severity
from .context import PairContext, entity_label, language_name, office_label
from .extract import same_name_token, same_person, titles


@functools.lru_cache(maxsize=1)
def _general() -> dict[str, frozenset[str]]:
    """General titles and the offices they may stand for (configs/lang/mul/offices.toml [general])."""
    from ..lexicon import _pack_file

    return {k: frozenset(v) for k, v in _pack_file("mul", "offices.toml").get("general", {}).items()}


def _compatible(a: tuple[str, str | None], b: tuple[str, str | None]) -> bool:
    """One office, or a general title and a specific office it covers ("minister" / "justice_minister")."""
    if same_office(a, b):
        return True
    da, db = deputy_of(a[0]), deputy_of(b[0])
    if (da is None) != (db is None):
        return False  # the deputy's office is not the office ("Phó Thủ tướng" / "Premierminister")
    if da is not None:
        a, b = (da, a[1]), (db, b[1])
    g = _general()
    qa, qb = a[1], b[1]
    return (qa is None or qb is None or qa == qb) and (a[0] in g and b[0] in g[a[0]] or b[0] in g and a[0] in g[b[0]])


def check(ctx: PairContext) -> list[Finding]:
    out: list[Finding] = []
    for b in ctx.tgt.bindings:
        held = ctx.register.offices_of(b.person) or _offices_by_id(ctx, b.person)
        if not held:
            out.extend(_office_not_in_source(ctx, b))
            continue  # the source never binds this person to an office: nothing more to compare
        same = [h for h in held if _compatible((h[0], h[1]), (b.office, b.qualifier))]
        if same:
            out.extend(_local_title(ctx, b, same[0]))
            continue
        near = [h for h in held if _near(h[0], b.office)]
        if near:
            out.append(_near_title(ctx, b, near[0]))
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
    return out + _office_changed(ctx)


# How far apart (share of each sentence) two titles naming no one may stand and still name one office holder.
OFFICE_PLACE = 0.15


def _office_changed(ctx: PairContext) -> list[Finding]:
    """One title on each side and no name after either ("Thủ tướng Nhật Bản đã đến …" / "Der japanische
    Außenminister ist … eingetroffen"): the same office, or the translation speaks of another office holder.
    (Titles of two countries are the names channel's: the country differs.)"""
    if ctx.src.bindings or ctx.tgt.bindings or len(ctx.src.offices) != 1 or len(ctx.tgt.offices) != 1:
        return []
    (so, sq, ss, se), (to, tq, ts, te) = ctx.src.offices[0], ctx.tgt.offices[0]
    if sq and tq and sq != tq:
        return []
    # one office holder: both titles of the same country or body, or at about the same place in their sentences (a
    # free rendering moves a title to another clause: "giám đốc điều hành tại Microsoft …, giám đốc chi nhánh" /
    # "… und Präsident der Google-Niederlassung")
    if not (sq and sq == tq) and abs(ss / max(len(ctx.src.text), 1) - ts / max(len(ctx.tgt.text), 1)) > OFFICE_PLACE:
        return []
    if _compatible((so, sq or tq), (to, tq or sq)) or _near(so, to):
        return []
    return [Finding(
        type="attribution", severity=Severity.CRITICAL, src=list(ctx.bead.src), tgt=list(ctx.bead.tgt),
        message=f"The {language_name(ctx.tgt_lang)} text speaks of {office_label(to, tq or sq)} where the source speaks of "
                f"{office_label(so, sq or tq)}.",
        signal="attribution", confidence=0.6, evidence=[ctx.span("src", ss, se), ctx.span("tgt", ts, te)])]


@functools.lru_cache(maxsize=1)
def _near_pairs() -> frozenset[frozenset[str]]:
    """Offices that translations render by each other (configs/lang/mul/offices.toml [near])."""
    from ..lexicon import _pack_file

    return frozenset(frozenset((a, b)) for a, bs in _pack_file("mul", "offices.toml").get("near", {}).items() for b in bs)


def _near(a: str, b: str) -> bool:
    return frozenset((a, b)) in _near_pairs()


def _near_title(ctx: PairContext, b, held: tuple) -> Finding:
    ev = ctx.span("tgt", b.start, b.end)
    return Finding(
        type="attribution", severity=Severity.MINOR, src=list(ctx.bead.src), tgt=[ev.segment],
        message=f"The {language_name(ctx.tgt_lang)} text calls {b.person} {office_label(b.office, b.qualifier)[4:]}; the source says "
                f"{office_label(held[0], held[1])[4:]}. Languages name a company's head by either title (a chairman of the executive "
                f"board is its chief executive), so this is a note, not an alarm.",
        signal="attribution", confidence=0.3, evidence=[ev],
    )


def _offices_by_id(ctx: PairContext, person: str) -> list[tuple[str, str | None, str]]:
    """The source's offices of a person the packs name differently in each language ("Wang Yi" / "Vương Nghị"):
    looked up under the source's names for the person's id."""
    from ..lexicon import find_names, surfaces_of

    ids = {e for _, _, e in find_names(person, ctx.tgt_lex) if e and e.startswith("person:")}
    return [h for e in ids for name in surfaces_of(ctx.src_lang).get(e, []) for h in ctx.register.offices_of(name)]


def _local_title(ctx: PairContext, b, held: tuple) -> list[Finding]:
    """The right office under another country's name ("Bundeskanzler" for Australia's prime minister)."""
    country = b.qualifier or held[1]
    if not country or not country.startswith("country:"):
        return []
    expected = office_title(b.office, country)
    if expected is None or expected == b.office:
        return []
    ev = ctx.span("tgt", b.start, b.end)
    where = entity_label(country)
    return [Finding(
        type="attribution", severity=Severity.MAJOR, src=list(ctx.bead.src), tgt=[ev.segment],
        message=f"The {language_name(ctx.tgt_lang)} text calls {b.person} {office_label(b.office, None)[4:]}; "
                f"the head of government of {where} is the {office_label(expected, None)[4:]}.",
        signal="attribution", confidence=0.6, evidence=[ev],
    )]


def _office_not_in_source(ctx: PairContext, b) -> list[Finding]:
    """A target title for a person whom the source names right after titles of its own (read as words,
    whether or not the source's binding found them: "thống đốc bang Texas Rick Perry"), none of them this
    office: the translation gave that person another office. A person the source names without a title
    says nothing (a translation may add one: "bà Merkel" / "Bundeskanzlerin Merkel")."""
    said = _titles_before(ctx, [p for p in b.person.split() if len(p) >= 3])
    if not said or any(_compatible((o, b.qualifier), (b.office, b.qualifier)) for o in said):
        return []
    if near := [o for o in sorted(said) if _near(o, b.office)]:
        return [_near_title(ctx, b, (near[0], None))]
    claimed = office_label(b.office, b.qualifier)
    offices = ", ".join(sorted(office_label(o, None) for o in said))
    ev = ctx.span("tgt", b.start, b.end)
    return [Finding(
        type="attribution", severity=Severity.CRITICAL, src=list(ctx.bead.src), tgt=[ev.segment],
        message=f"The {language_name(ctx.tgt_lang)} text makes {b.person} {claimed}; the source calls {b.person} {offices}.",
        signal="attribution", confidence=0.6, evidence=[ev],
    )]


def _unmarked(word: str) -> str:
    """The word without its diacritics ("Dân" -> "Dan"): how [capitalisation] native_syllable reads it."""
    return "".join(c for c in unicodedata.normalize("NFD", word.replace("đ", "d").replace("Đ", "D"))
                   if unicodedata.category(c) != "Mn")


_WORD = regex.compile(r"[\p{L}\p{M}][\p{L}\p{M}.'’-]*")
TITLE_REACH = 4  # words between a title and the name it goes with ("thống đốc bang Texas Rick Perry")


def _titles_before(ctx: PairContext, parts: list[str]) -> set[str]:
    """The offices of the source titles followed, within TITLE_REACH words, by a word spelling one of the
    name's parts, with no other capitalised word between them unless it names a place or body."""
    text = ctx.src.text
    out: set[str] = set()
    native = regex.compile(ctx.src_lex.caps["native_syllable"]) if ctx.src_lex.caps.get("native_syllable") else None
    found = list(titles(text, ctx.src_lex))
    for i, (m, office, _) in enumerate(found):
        stop = min(len(text), m.end() + 80, *(n.start() for n, _, _ in found[i + 1:i + 2]))  # up to the next title
        for k, t in enumerate(_WORD.finditer(text, m.end(), stop)):
            w = t.group(0).strip(".'’-")
            if k > TITLE_REACH:
                break
            if any(same_name_token(p, w) for p in parts):
                out.add(office)
                break
            if w[:1].isupper() and not any(mt.start <= t.start() < mt.end and mt.cls in ("place", "org") for mt in ctx.src.mentions) \
                    and not (native and native.fullmatch(_unmarked(w))):
                break  # another name stands between: the title is someone else's ("Dân chủ", a party, does not count)
    return out
