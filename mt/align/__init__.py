"""Sentence alignment: `align_documents(src, tgt, mt=...)` → Alignment (beads cover every segment once, in order).

Non-content segments (boilerplate) are never aligned as content: each becomes a 1-0 or 0-1 bead.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Sequence

import numpy as np

from ..types import Alignment, Bead, Document, MtError, SegmentKind
from .dp import WITH_MT, WITHOUT_MT, AlignParams, SumChannel, WindowChannel, align_channels
from .features import char_lengths, letter_counts, weighted_pair, with_links
from .induce import content_words, induce_links
from .refine import merge_by_length


@dataclass
class Prepared:
    """Everything about a document pair that does not depend on AlignParams, computed once: the
    content segments and, per channel, their sentence vectors (tuning reuses it across settings)."""
    sx: list[int]  # source segment index of each content sentence
    ty: list[int]
    lengths: tuple[np.ndarray, np.ndarray]
    direct: tuple  # source and target n-gram vectors (sparse rows)
    words: tuple[list[set[str]], list[set[str]]]  # content words, for the learned lexicon
    mt: tuple | None = None  # MT of the source and target vectors
    embed: tuple[dict, dict] | None = None  # sentence-window embeddings (mt.align.embed)
    letters: tuple[np.ndarray, np.ndarray] | None = None  # letters of each source and target sentence (AlignParams.skip_letters)


def prepare(src: Document, tgt: Document, mt: Sequence[str] | None = None, embedder=None) -> Prepared:
    """Sentence vectors of both documents for every channel. `mt`: a translation of each source
    segment into the target language; `embedder`: an mt.align.embed.Embedder."""
    if mt is not None and len(mt) != len(src.segments):
        raise MtError(f"the MT has {len(mt)} lines but the source has {len(src.segments)} segments")
    sx = [i for i, s in enumerate(src.segments) if s.kind is not SegmentKind.BOILERPLATE]
    ty = [j for j, s in enumerate(tgt.segments) if s.kind is not SegmentKind.BOILERPLATE]
    src_texts = [src.segments[i].norm for i in sx]
    tgt_texts = [tgt.segments[j].norm for j in ty]
    mt_texts = [mt[i] for i in sx] if mt is not None else None
    # With MT, lengths compare within one language: a sharper length signal.
    lengths = char_lengths(mt_texts if mt_texts is not None else src_texts), char_lengths(tgt_texts)
    prep = Prepared(sx, ty, lengths, weighted_pair(src_texts, tgt_texts, src.lang, tgt.lang),
                    ([content_words(t) for t in src_texts], [content_words(t) for t in tgt_texts]))
    prep.letters = letter_counts(src_texts), letter_counts(tgt_texts)
    if mt_texts is not None:
        prep.mt = weighted_pair(mt_texts, tgt_texts, tgt.lang, tgt.lang)
    if embedder is not None:
        prep.embed = embedder.windows(src_texts, 4), embedder.windows(tgt_texts, 4)
    return prep


def default_params(prep: Prepared) -> AlignParams:
    return WITH_MT if prep.mt is not None else WITHOUT_MT


def align_prepared(prep: Prepared, params: AlignParams | None = None,
                   cache: dict | None = None) -> tuple[list[tuple[range, range]], list[float]]:
    """Bead spans over the content sentences and each bead's score. `cache`: a dict kept across calls on
    the same `prep` (tuning): settings that differ only in the length merge share one search."""
    params = params or default_params(prep)
    key = repr(dataclasses.replace(params, length_merge=0.0, length_merge_cross=None))  # AlignParams holds a dict: no hash
    if cache is not None and key in cache:
        spans, scores, vectors, direct = cache[key]
    else:
        spans, scores, vectors, direct = _search(prep, params)
        if cache is not None:
            cache[key] = spans, scores, vectors, direct
    if params.length_merge > 0:
        # crossing evidence from the direct channel (names, numbers, cognates, learned links): with MT it is
        # independent of the MT that the DP already trusted, and a poorly translated moved clause still shows there
        cross = None if params.length_merge_cross is None else (*direct, params.length_merge_cross)
        merged = merge_by_length(spans, *prep.lengths, params.length_merge, cross=cross)
        if len(merged) != len(spans):
            spans, scores = merged, _bead_cosines(*vectors, merged)
    return spans, scores


def _search(prep: Prepared, params: AlignParams):
    """The DP passes: bead spans, their cosines, the first channel's vectors and the direct channel's (after the learned links)."""
    channels: list = [SumChannel(*prep.direct, params.direct_weight)]
    if prep.mt is not None:
        channels.insert(0, SumChannel(*prep.mt, params.mt_weight, params.balance))
    if prep.embed is not None:
        channels.append(WindowChannel(*prep.embed, params.embed_weight))
    path = align_channels(channels, *prep.lengths, params, letters=prep.letters)
    spans = _spans(path)
    scores = _bead_cosines(*channels[0].vectors(), spans)
    if params.induce_top > 0 and params.direct_weight:
        # word links learned from the confident beads of the first pass
        links = induce_links(*prep.words, spans, scores, top=params.induce_top, min_g2=params.induce_g2)
        if links[0]:
            channels[1 if prep.mt is not None else 0] = SumChannel(*with_links(*prep.direct, *prep.words, links, params.link_weight),
                                                                   params.direct_weight)
            spans = _spans(align_channels(channels, *prep.lengths, params, guide=path, letters=prep.letters))
            scores = _bead_cosines(*channels[0].vectors(), spans)
    return spans, scores, channels[0].vectors(), channels[1 if prep.mt is not None else 0].vectors()


def align_documents(src: Document, tgt: Document, mt: Sequence[str] | None = None, params: AlignParams | None = None,
                    embedder=None, prep: Prepared | None = None) -> Alignment:
    """Align two segmented documents. `mt`: a translation of each source segment into the target language."""
    prep = prep or prepare(src, tgt, mt, embedder)
    spans, scores = align_prepared(prep, params)
    sx, ty = prep.sx, prep.ty
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


__all__ = ["AlignParams", "Prepared", "align_documents", "align_prepared", "prepare"]
