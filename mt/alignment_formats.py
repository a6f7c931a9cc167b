"""Alignment files: read and validate Vecalign files (or [[src ids], [tgt ids]] pairs) into an
Alignment, and write an Alignment as Vecalign, JSONL or TSV."""
from __future__ import annotations

import ast
import json
from pathlib import Path

from .io import read_lines
from .types import Alignment, Bead, BeadPair, Document, MtError

FORMATS = ("vecalign", "jsonl", "tsv")


def parse_vecalign(lines: list[str], name: str = "alignment") -> list[BeadPair]:
    beads = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            left, right = line.split(":", 1)
            src, tgt = ast.literal_eval(left.strip()), ast.literal_eval(right.strip())
            if not (isinstance(src, list) and isinstance(tgt, list)) or not all(isinstance(x, int) and x >= 0 for x in src + tgt):
                raise ValueError
        except (ValueError, SyntaxError):
            raise MtError(f"{name}:{n}: not a Vecalign bead like '[0, 1]:[2]': {line.strip()[:60]!r}") from None
        beads.append((tuple(src), tuple(tgt)))
    return beads


def read_vecalign(path: str | Path) -> list[BeadPair]:
    beads = parse_vecalign(read_lines(path), str(path))
    if not beads:  # a wrong path or a failed run: not "every segment unaligned", nor an F1 of 0
        raise MtError(f"{path}: no alignment beads (the file is empty or has only blank lines)")
    return beads


def check_fits(beads: list[BeadPair], n_src: int, n_tgt: int, name: str = "alignment") -> None:
    """An alignment must index only existing segments, each at most once."""
    seen_s: set[int] = set()
    seen_t: set[int] = set()
    for s, t in beads:
        for i in s:
            if i >= n_src or i in seen_s:
                raise MtError(f"{name}: source index {i} is {'out of range' if i >= n_src else 'used twice'} ({n_src} source segments)")
            seen_s.add(i)
        for j in t:
            if j >= n_tgt or j in seen_t:
                raise MtError(f"{name}: target index {j} is {'out of range' if j >= n_tgt else 'used twice'} ({n_tgt} target segments)")
            seen_t.add(j)


def check_against_gold(gold: list[BeadPair], test: list[BeadPair], name: str = "test alignment") -> None:
    """A test alignment may index only segments the gold alignment covers (the same document), each once:
    an index past the document would otherwise score as a plain miss."""
    n_src = 1 + max((i for s, _ in gold for i in s), default=-1)
    n_tgt = 1 + max((j for _, t in gold for j in t), default=-1)
    check_fits(test, n_src, n_tgt, f"{name} (against the gold document)")


def given_alignment(src: Document, tgt: Document, alignment: str | Path | list) -> Alignment:
    """A given alignment (a Vecalign file or a list of [src, tgt] pairs) checked against the documents;
    segments it leaves out become unaligned beads."""
    if isinstance(alignment, (str, Path)):
        pairs = read_vecalign(alignment)
        name = str(alignment)
    else:
        try:
            pairs = [(tuple(int(i) for i in s), tuple(int(j) for j in t)) for s, t in alignment]
        except (TypeError, ValueError):
            raise MtError("alignment: expected a list of [[src ids], [tgt ids]] pairs") from None
        name = "align"
    check_fits(pairs, len(src), len(tgt), name)
    covered_s = {i for s, _ in pairs for i in s}
    covered_t = {j for _, t in pairs for j in t}
    beads = [Bead(s, t) for s, t in pairs]
    # segments the given alignment leaves out are unaligned
    beads += [Bead((i,), ()) for i in range(len(src)) if i not in covered_s]
    beads += [Bead((), (j,)) for j in range(len(tgt)) if j not in covered_t]
    return Alignment(src, tgt, _in_document_order(beads, len(tgt)))


def _in_document_order(beads: list[Bead], n_tgt: int) -> list[Bead]:
    """Beads by first source segment; a target-only bead goes just after the source segments aligned
    before its target segment. One sweep over the target side, not a scan per bead."""
    last_src = [-1] * (n_tgt + 1)  # last_src[k]: highest source index aligned to targets < k
    for b in beads:
        if b.src and b.tgt:
            k = max(b.tgt) + 1
            last_src[k] = max(last_src[k], max(b.src))
    for k in range(1, n_tgt + 1):
        last_src[k] = max(last_src[k], last_src[k - 1])
    return sorted(beads, key=lambda b: (min(b.src) if b.src else last_src[b.tgt[0]] + 0.5, b.tgt[:1]))


def _vecalign(al: Alignment) -> str:
    return "".join(b.vecalign() + "\n" for b in al.beads)


def _jsonl(al: Alignment) -> str:
    return "".join(
        json.dumps({"src": list(b.src), "tgt": list(b.tgt), "score": b.score,
                    "src_text": al.src_text(b), "tgt_text": al.tgt_text(b)}, ensure_ascii=False) + "\n"
        for b in al.beads)


def _tsv(al: Alignment) -> str:
    # written by the csv module, as the export's TSV: a segment that opens with a quotation mark reads back
    # whole with csv.reader(delimiter="\t") or pandas.read_csv(sep="\t")
    import csv
    import io

    buf = io.StringIO()
    w = csv.writer(buf, delimiter="\t", lineterminator="\n")
    for b in al.beads:
        w.writerow([",".join(map(str, b.src)), ",".join(map(str, b.tgt)), f"{b.score:.4f}", al.src_text(b), al.tgt_text(b)])
    return buf.getvalue()


WRITERS = {"vecalign": _vecalign, "jsonl": _jsonl, "tsv": _tsv}


def format_alignment(al: Alignment, fmt: str) -> str:
    if fmt not in WRITERS:
        raise MtError(f"unknown format {fmt!r}; choose {', '.join(FORMATS)}")
    return WRITERS[fmt](al)
