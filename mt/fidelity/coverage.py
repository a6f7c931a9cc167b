"""Omission and addition at the level of segments: unaligned content on one side only.
Headlines left untranslated are minor; boilerplate never counts (it is not article text)."""
from __future__ import annotations

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
        return [Finding(
            type="addition", severity=Severity.MINOR if seg.kind is SegmentKind.HEADING else Severity.MAJOR, src=[], tgt=list(bead.tgt),
            message=f"This {language_name(al.tgt.lang)} segment has no counterpart in the source.",
            signal="coverage", confidence=ADDED_CONFIDENCE, evidence=[Span("tgt", bead.tgt[0], 0, len(seg.norm), seg.norm)],
        )]
    return []
