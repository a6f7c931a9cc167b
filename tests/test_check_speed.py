"""The check's faster paths decide as the plain ones did."""
from __future__ import annotations

import pytest

from mt.fidelity.coverage import left_untranslated
from mt.fidelity.extract import _office_of
from mt.lexicon import lexicon
from mt.segment import segment_lines
from mt.types import Alignment, Bead
from test_untranslated import DE, EN  # the same three sentences


def _flagged(src: list[str], tgt: list[str], beads: list[Bead]) -> list[int]:
    al = Alignment(segment_lines(src, "de", True), segment_lines(tgt, "en", True), beads)
    return [k for b in beads for f in left_untranslated(al, b) for k in f.tgt]


def test_a_target_without_source_is_untranslated_when_the_document_says_it():
    # a bead without source: its words are looked for in the whole source document
    copied = EN[:1] + DE[1:2] + EN[2:]
    assert _flagged(DE, copied, [Bead((0,), (0,)), Bead((1,), ()), Bead((), (1,)), Bead((2,), (2,))]) == [1]
    other = EN[:1] + ["Die Kinder spielten den ganzen Nachmittag im Garten hinter dem alten Haus am See."] + EN[2:]
    assert _flagged(DE, other, [Bead((0,), (0,)), Bead((1,), ()), Bead((), (1,)), Bead((2,), (2,))]) == []
    # with a source of its own: that source's words, not the document's
    assert _flagged(DE, copied, [Bead((0,), (0,)), Bead((1,), (1,)), Bead((2,), (2,))]) == [1]
    assert _flagged(DE, copied, [Bead((0, 1), (0,)), Bead((2,), (1, 2))]) == []


@pytest.mark.parametrize("lang", ["vi", "de", "en", "fr"])
def test_office_look_up_is_the_scan_over_titles(lang):
    lex = lexicon(lang)

    def scan(word: str) -> str | None:  # the look-up as it was: every title of every office
        best = None
        for office, ws in lex.titles.items():
            for w in ws:
                if word.lower() == w.lower() and (best is None or len(w) > best[1]):
                    best = (office, len(w))
        return best[0] if best else None

    words = [w for ws in lex.titles.values() for w in ws]
    assert words
    for w in words + [w.upper() for w in words] + [w.title() for w in words] + ["Bürgermeisterin", "x"]:
        assert _office_of(w, lex) == scan(w), w


@pytest.mark.parametrize("lang", ["vi", "de", "en", "fr", "es"])
def test_title_matches_are_the_full_pattern_s(lang):
    from mt.config import bundled_corpus
    from mt.fidelity.extract import _title_matches, _title_regex

    texts = [line for x in ("vi", "de") for line in (bundled_corpus() / f"{x}.txt").read_text().splitlines()]
    words = [w for ws in lexicon(lang).titles.values() for w in ws][:40] or ["Presidente"]  # (es: no titles)
    # titles inside compounds, after hyphens, twice in a row, at the start and the end, in other cases
    texts += [f"{a}-{w} X, Vize{w.lower()} Y und {w.upper()} {w}" for a, w in zip(["NATO", "EU", "x"] * 20, words)]
    texts += [t for w in words for t in (w, f"({w})", f"Ab-{w}-Cd {w}s")] + ["", "ohne Titel"]
    for text in texts:
        assert [m.span() for m in _title_matches(text, lang)] == [m.span() for m in _title_regex(lang).finditer(text)], text


def test_a_person_s_offices_are_asked_again_after_a_holder_is_added():
    from mt.fidelity.context import Register

    reg = Register()
    reg.add("president", "country:KR", "Yoon Suk Yeol")
    first = reg.offices_of("Yoon")
    first.append(("x", None, "y"))  # the caller's list, not the register's
    assert reg.offices_of("Yoon") == [("president", "country:KR", "Yoon Suk Yeol")]
    reg.add("prime_minister", "country:NL", "Mark Rutte")
    reg.add("secretary_general", "org:nato", "Yoon")
    assert reg.offices_of("Yoon") == [("president", "country:KR", "Yoon Suk Yeol"), ("secretary_general", "org:nato", "Yoon")]
    assert reg.offices_of("Christine Lagarde") == [] and not reg.knows("Mark Lagarde")
