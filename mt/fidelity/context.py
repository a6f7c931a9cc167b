"""What every signal sees: one aligned pair, its extracted facts, and the document around it."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..lexicon import Lexicon, labels, same_office
from ..types import Alignment, Bead
from .extract import Facts, same_person
from .nameindex import NameIndex


def entity_label(entity: str | None) -> str:
    if not entity:
        return ""
    kind, _, key = entity.partition(":")
    if kind in ("country", "region"):
        from babel import Locale

        return Locale("en").territories.get(key, key.replace("_", " ").title())
    if kind == "org":
        # display names from configs/lang/en/offices.toml [labels.orgs]
        return labels().get("orgs", {}).get(entity, key.upper() if len(key) <= 5 else key.replace("_", " ").title())
    if kind in ("city", "subdivision", "tzcity", "province"):
        from ..lexicon import surfaces_of

        names = surfaces_of("en").get(entity)
        return names[0] if names else key
    return key.replace("_", " ").title()


def office_label(office: str, qualifier: str | None) -> str:
    from ..lexicon import deputy_of, office_title

    if deputy_of(office):  # "the deputy Prime Minister"
        return office_label(deputy_of(office), qualifier).replace("the ", "the deputy ", 1)
    office = office_title(office, qualifier) or office  # Germany's head of government: the Chancellor
    label = labels().get("offices", {}).get(office, office.replace("_", " "))
    if not qualifier:
        return f"the {label}"
    q = entity_label(qualifier)
    return f"the {q} {label}" if qualifier.startswith("org:") else f"the {label} of {q}"


@dataclass
class Register:
    """Offices and their holders as the source states them, for the whole document."""

    holders: list[tuple[str, str | None, str]] = field(default_factory=list)  # office, qualifier, person
    # indexed once as the source is read: a look-up per question, not a pass over the document
    _people: NameIndex = field(default_factory=NameIndex, repr=False)
    _by_office: dict[str, list[tuple[str, str | None, str]]] = field(default_factory=dict, repr=False)
    _seen: set[tuple[str, str | None, str]] = field(default_factory=set, repr=False)
    # a person's offices, asked again for each mention (kept while no holder is added)
    _offices: dict[str, list[tuple[str, str | None, str]]] = field(default_factory=dict, repr=False)

    def add(self, office: str, qualifier: str | None, person: str) -> None:
        h = (office, qualifier, person)
        if h in self._seen:
            return  # a document names the same holder many times
        self._seen.add(h)
        self._offices.clear()
        self.holders.append(h)
        self._people.add(person)  # name id = index in self.holders
        self._by_office.setdefault(office, []).append(h)

    def offices_of(self, person: str) -> list[tuple[str, str | None, str]]:
        # (a shared token finds the candidates; a shared first name alone is not the same person)
        if person not in self._offices:
            self._offices[person] = [self.holders[k] for k in sorted(self._people.ids_for(person))
                                     if same_person(self.holders[k][2], person)]
        return list(self._offices[person])

    def holders_of(self, office: str, qualifier: str | None) -> list[str]:
        # one office whatever its local name (configs/lang/mul/offices.toml)
        return [p for o, q, p in self.holders if same_office((o, q), (office, qualifier))]

    def knows(self, person: str) -> bool:
        return bool(self.offices_of(person))


@dataclass
class PairContext:
    alignment: Alignment
    bead: Bead
    src: Facts
    tgt: Facts
    src_lex: Lexicon
    tgt_lex: Lexicon
    register: Register
    src_people: NameIndex  # every person named in the source document, indexed once

    @property
    def src_lang(self) -> str:
        return self.alignment.src.lang

    @property
    def tgt_lang(self) -> str:
        return self.alignment.tgt.lang

    def locate(self, side: str, start: int, end: int) -> tuple[int, int, int]:
        """(segment id, start, end) of a span given in the bead's joined text of one side."""
        doc = self.alignment.tgt if side == "tgt" else self.alignment.src
        ids = self.bead.tgt if side == "tgt" else self.bead.src
        pos = 0
        for k in ids:
            n = len(doc.segments[k].norm)
            if start <= pos + n:
                # a span that runs on into the next segment of the bead ("Æ" + "Æ" read as one name)
                # is quoted up to the end of the segment it starts in: evidence always quotes one segment
                return k, start - pos, min(end - pos, n)
            pos += n + 1
        return ids[-1], start, end

    def span(self, side: str, start: int, end: int):
        from ..types import Span

        seg, s, e = self.locate(side, start, end)
        doc = self.alignment.tgt if side == "tgt" else self.alignment.src
        return Span(side, seg, s, e, doc.segments[seg].norm[s:e])


def language_name(code: str) -> str:
    from babel import Locale

    return Locale("en").languages.get(code, code)
