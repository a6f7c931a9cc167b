"""Sentence alignment: `align_documents(src, tgt, mt=...)` → Alignment (beads cover every segment once, in order).

Non-content segments (boilerplate) are never aligned as content: each becomes a 1-0 or 0-1 bead.
"""
from __future__ import annotations

from typing import Sequence

import numpy as np

from ..types import Alignment, Bead, Document, MtError, SegmentKind
from .dp import WITH_MT, WITHOUT_MT, AlignParams, align_vectors
from .features import char_lengths, weighted_pair, with_links
from .induce import content_words, induce_links


def align_documents(src: Document, tgt: Document, mt: Sequence[str] | None = None, params: AlignParams | None = None) -> Alignment:
    """Align two segmented documents. `mt`: a translation of each source segment into the target language."""
    params = params or (WITH_MT if mt is not None else WITHOUT_MT)
    if mt is not None and len(mt) != len(src.segments):
        raise MtError(f"the MT has {len(mt)} lines but the source has {len(src.segments)} segments")
    sx = [i for i, s in enumerate(src.segments) if s.kind is not SegmentKind.BOILERPLATE]
    ty = [j for j, s in enumerate(tgt.segments) if s.kind is not SegmentKind.BOILERPLATE]
    src_texts = [src.segments[i].norm for i in sx]
    tgt_texts = [tgt.segments[j].norm for j in ty]
    compare = [mt[i] for i in sx] if mt is not None else src_texts
    compare_lang = tgt.lang if mt is not None else src.lang
    # With MT, lengths compare within one language: a sharper length signal.
    lengths = char_lengths(compare), char_lengths(tgt_texts)
    x, y = weighted_pair(compare, tgt_texts, compare_lang, tgt.lang)
    path = align_vectors(x, y, *lengths, params)
    spans = _spans(path)
    scores = _bead_cosines(x, y, spans)
    if params.induce_top > 0:
        # second pass with word links learned from the confident beads of the first
        words = [content_words(t) for t in compare], [content_words(t) for t in tgt_texts]
        links = induce_links(*words, spans, scores, top=params.induce_top, min_g2=params.induce_g2)
        if links[0]:
            x, y = with_links(x, y, *words, links, params.link_weight)
            spans = _spans(align_vectors(x, y, *lengths, params, guide=path))
            scores = _bead_cosines(x, y, spans)
    beads = [Bead(tuple(sx[i] for i in s), tuple(ty[j] for j in t), score if s and t else 0.0)
             for (s, t), score in zip(spans, scores)]
    return Alignment(src, tgt, _with_boilerplate(beads, src, tgt))


def _spans(path: list[tuple[int, int]]) -> list[tuple[range, range]]:
    """The (source, target) index ranges of each bead of a path of bead types."""
    out, i, j = [], 0, 0
    for a, b in path:
        out.append((range(i, i + a), range(j, j + b)))
        i, j = i + a, j + b
    return out


def _bead_cosines(x, y, spans: list[tuple[range, range]]) -> list[float]:
    """Cosine of each bead's summed source and target vectors, for all beads at once."""
    from scipy import sparse

    k = len(spans)
    rows_x = [bead for bead, (s, _) in enumerate(spans) for _ in s]
    rows_y = [bead for bead, (_, t) in enumerate(spans) for _ in t]
    cols_x = [i for s, _ in spans for i in s]
    cols_y = [j for _, t in spans for j in t]
    bx = sparse.csr_matrix((np.ones(len(rows_x)), (rows_x, cols_x)), shape=(k, x.shape[0]))
    by = sparse.csr_matrix((np.ones(len(rows_y)), (rows_y, cols_y)), shape=(k, y.shape[0]))
    sx, sy = bx @ x, by @ y
    dots = np.asarray(sx.multiply(sy).sum(axis=1)).ravel()
    nx = np.sqrt(np.asarray(sx.multiply(sx).sum(axis=1)).ravel())
    ny = np.sqrt(np.asarray(sy.multiply(sy).sum(axis=1)).ravel())
    with np.errstate(invalid="ignore", divide="ignore"):
        cos = np.where(nx * ny > 0, dots / (nx * ny), 0.0)
    return [round(float(c), 4) for c in cos]


def _with_boilerplate(beads: list[Bead], src: Document, tgt: Document) -> list[Bead]:
    """Insert each boilerplate segment as its own null bead, before the first bead that comes after it."""
    src_bp = [i for i, seg in enumerate(src.segments) if seg.kind is SegmentKind.BOILERPLATE]
    tgt_bp = [j for j, seg in enumerate(tgt.segments) if seg.kind is SegmentKind.BOILERPLATE]
    out: list[Bead] = []
    for bead in beads:
        while src_bp and bead.src and src_bp[0] < min(bead.src):
            out.append(Bead((src_bp.pop(0),), ()))
        while tgt_bp and bead.tgt and tgt_bp[0] < min(bead.tgt):
            out.append(Bead((), (tgt_bp.pop(0),)))
        out.append(bead)
    out += [Bead((i,), ()) for i in src_bp] + [Bead((), (j,)) for j in tgt_bp]
    return out


__all__ = ["AlignParams", "align_documents"]
