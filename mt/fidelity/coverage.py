"""Omission and addition at the level of segments: unaligned content on one side only.
Headlines left untranslated are minor; boilerplate never counts (it is not article text)."""
from __future__ import annotations

import regex

from ..types import Alignment, Bead, Finding, SegmentKind, Severity, Span
from .context import language_name

# How sure a segment-level finding is: an untranslated headline is often on purpose; a body
# segment without counterpart is rarely; an added segment may be an aligner's split.
HEADING_CONFIDENCE = 0.5
OMITTED_CONFIDENCE = 0.7
ADDED_CONFIDENCE = 0.6


def check_bead(al: Alignment, bead: Bead) -> list[Finding]:
    if bead.src and not bead.tgt:
        seg = al.src.segments[bead.src[0]]
        if seg.kind is SegmentKind.BOILERPLATE:
            return []
        heading = seg.kind is SegmentKind.HEADING
        return [Finding(
            type="omission", severity=Severity.MINOR if heading else Severity.MAJOR, src=list(bead.src), tgt=[],
            message=("The headline is not rendered." if heading else f"This source {seg.kind.value} segment has no counterpart in the {language_name(al.tgt.lang)} text."),
            signal="coverage", confidence=HEADING_CONFIDENCE if heading else OMITTED_CONFIDENCE,
            evidence=[Span("src", bead.src[0], 0, len(seg.norm), seg.norm)],
        )]
    if bead.tgt and not bead.src:
        seg = al.tgt.segments[bead.tgt[0]]
        if seg.kind is SegmentKind.BOILERPLATE:
            return []
        untranslated = left_untranslated(al, bead)
        if untranslated:
            return untranslated  # not an addition: the source's own words, untranslated
        return [Finding(
            type="addition", severity=Severity.MINOR if seg.kind is SegmentKind.HEADING else Severity.MAJOR, src=[], tgt=list(bead.tgt),
            message=f"This {language_name(al.tgt.lang)} segment has no counterpart in the source.",
            signal="coverage", confidence=ADDED_CONFIDENCE, evidence=[Span("tgt", bead.tgt[0], 0, len(seg.norm), seg.norm)],
        )]
    return []


UNTRANSLATED_CONFIDENCE = 0.8
UNTRANSLATED_MIN_LETTERS = 40  # shorter text (a name, a quoted title) says too little about its language
UNTRANSLATED_SHARED = 0.6  # of the segment's words found in the source: the source's own sentence, copied
UNTRANSLATED_MIN_WORDS = 4  # ordinary words: a line-up of names ("Tore: Zymner (24.), …") is the same in every language
_WORDS = regex.compile(r"(?<![\p{L}\p{N}])\p{Ll}[\p{L}]+")


def _words(text: str) -> set[str]:
    """The ordinary (lower-case) words of a text: names and figures are kept by a translation too."""
    return set(_WORDS.findall(text))


def left_untranslated(al: Alignment, bead: Bead) -> list[Finding]:
    """Target segments left as the source wrote them: most of their ordinary (lower-case) words, four or more, are words of the source (of the
    bead's source, or of the document where the bead has none), the language identifier puts the source
    language first and the target language nowhere in its top three, on a segment long enough to judge.
    (A target full of the source's names is still in the target language; one in the source's language is
    not necessarily copied: both conditions must hold.)"""
    from ..langid import ranked

    src_lang, tgt_lang = al.src.lang.split("-")[0], al.tgt.lang.split("-")[0]
    if src_lang == tgt_lang:
        return []
    out = []
    source_words = None
    for k in bead.tgt:
        seg = al.tgt.segments[k]
        if seg.kind is SegmentKind.BOILERPLATE or sum(ch.isalpha() for ch in seg.norm) < UNTRANSLATED_MIN_LETTERS:
            continue
        # both conditions must hold; the cheaper first where the bead has a source of its own (the identifier
        # costs a millisecond a segment, and a translation seldom shares most of its words with its source)
        words = _words(seg.norm)
        if len(words) < UNTRANSLATED_MIN_WORDS:
            continue
        if bead.src:
            if source_words is None:
                source_words = _words(al.src_text(bead))
            if len(words & source_words) < UNTRANSLATED_SHARED * len(words):
                continue
        top = ranked(seg.norm, 3)  # one identification: the source's language first, the target's nowhere
        if top[0] != src_lang or tgt_lang in top:
            continue
        if not bead.src:
            if source_words is None:  # the whole source document's words: rarely reached
                source_words = _words(" ".join(s.norm for s in al.src.segments))
            if len(words & source_words) < UNTRANSLATED_SHARED * len(words):
                continue
        out.append(Finding(
            type="omission", severity=Severity.MAJOR, src=list(bead.src), tgt=[k],
            message=f"This segment of the {language_name(al.tgt.lang)} text is still in {language_name(al.src.lang)}, "
                    "as the source wrote it: it was left untranslated.",
            signal="coverage", confidence=UNTRANSLATED_CONFIDENCE, evidence=[Span("tgt", k, 0, len(seg.norm), seg.norm)],
        ))
    return out
