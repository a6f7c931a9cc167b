"""Jobs that chain the stages: read → segment → (translate) → align → check. The CLI calls these."""
from __future__ import annotations

import json
import re
from pathlib import Path

from .io import doc_id_for_path, read_text
from .segment import segment_lines
from .types import Alignment, Bead, Document, MtError


def load_document(path: str | Path, lang: str, segmented: bool = False, doc_id: str = "") -> Document:
    """Read, validate and segment a document. Refuses (exit 2) what would give wrong results:
    no text, an HTML page, a document in another language than declared."""
    lines = read_input_lines(path, lang)
    if not any(line.strip() for line in lines):
        raise MtError(f"{path}: no text (the file is empty or has only blank lines)")
    return segment_lines(lines, lang, segmented=segmented, doc_id=doc_id or doc_id_for_path(path))


_HTML = re.compile(r"^\s*(<!doctype html|<html|<head|<body|<\?xml)", re.IGNORECASE)


def read_input_lines(path: str | Path, lang: str, check_language: bool = True) -> list[str]:
    """Lines of a text input, decoded for `lang`, checked to be plain text in that language
    (the caller may run `ensure_language` itself, e.g. while a model loads)."""
    text = read_text(path, lang)
    if _HTML.match(text) or text.count("</p>") + text.count("</div>") > 3:
        text = _extract_html(text, path)
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if check_language:
        ensure_language(lines, lang, str(path))
    return lines


def _extract_html(html: str, path) -> str:
    try:
        import trafilatura
    except ImportError:
        raise MtError(f"{path}: HTML, not plain text; extract the article text first "
                      "(pip install trafilatura, then mt reads HTML itself)") from None
    text = trafilatura.extract(html, include_comments=False, include_tables=False)
    if not text:
        raise MtError(f"{path}: HTML in which no article text was found")
    return text


def ensure_language(lines: list[str], lang: str, name: str) -> None:
    """Refuse a document that is confidently in another language (swapped source and target)."""
    from .langid import detect, ranked

    found = detect(lines)
    if found is None or found == lang.split("-")[0]:
        return
    if lang.split("-")[0] in ranked(" ".join(lines), 3):
        return
    raise MtError(f"{name}: the text looks like '{found}', not '{lang}' (are source and target swapped, or --src-lang/--tgt-lang wrong?)")


def align_pair(src: Document, tgt: Document, mt: str | None = "none", alignment: str | Path | list | None = None,
               embed: str | None = None) -> Alignment:
    """Align two documents, or take a given alignment (a Vecalign file or a list of [src, tgt] pairs).
    `embed`: a sentence-embedding model (directory, alias or hub id) as one more alignment channel."""
    from .align import align_documents, machine_translation
    from .align.metrics import check_fits, read_vecalign

    if alignment is not None:
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
    from .align.embed import load_embedder

    return align_documents(src, tgt, mt=machine_translation(src, tgt.lang, mt), embedder=load_embedder(embed))


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


def format_alignment(al: Alignment, fmt: str) -> str:
    if fmt == "vecalign":
        return "".join(b.vecalign() + "\n" for b in al.beads)
    if fmt == "jsonl":
        return "".join(
            json.dumps({"src": list(b.src), "tgt": list(b.tgt), "score": b.score,
                        "src_text": al.src_text(b), "tgt_text": al.tgt_text(b)}, ensure_ascii=False) + "\n"
            for b in al.beads)
    if fmt == "tsv":
        return "".join(f"{','.join(map(str, b.src))}\t{','.join(map(str, b.tgt))}\t{b.score:.4f}\t{al.src_text(b)}\t{al.tgt_text(b)}\n" for b in al.beads)
    raise MtError(f"unknown format {fmt!r}; choose vecalign, jsonl or tsv")


def check_documents(src: Document, tgt: Document, mt: str | None = "none", alignment=None, embed: str | None = None):
    """Align (or take the given alignment) and run every fidelity check."""
    from .fidelity import check_alignment
    from .fidelity.retranslation import RetranslationResult

    al = align_pair(src, tgt, mt=mt, alignment=alignment, embed=embed)
    if mt == "auto":
        return check_alignment(al, retranslate=True)
    if mt in (None, "none"):
        return check_alignment(al, retranslate=False)
    return check_alignment(al, retranslate=RetranslationResult("skipped", "--mt gave a file of translations; re-translation needs the models (--mt auto)"))


def _check_spec(spec: tuple, mt: str | None = "none", embed: str | None = None):
    """(doc_id, src Document, tgt Document, alignment) → CheckResult; module level so Ray can ship it."""
    _, src, tgt, alignment = spec
    return check_documents(src, tgt, mt=mt, alignment=alignment, embed=embed)


def _run_specs(specs: list[tuple], mt: str | None, progress=None, engine: str = "local", actors: int = 2,
               address: str | None = None, embed: str | None = None) -> dict:
    import functools

    if engine == "ray":
        from .distributed import map_documents

        results = map_documents(functools.partial(_check_spec, mt=mt, embed=embed), specs, actors=actors, address=address, progress=progress)
    elif engine == "local":
        results = []
        for spec in specs:
            results.append(_check_spec(spec, mt, embed))
            if progress:
                progress(1)
    else:
        raise MtError(f"unknown engine {engine!r}; choose local or ray")
    out: dict = {}
    for spec, res in zip(specs, results):
        key = spec[0]
        while key in out:
            key += "+"
        out[key] = res
    return out


def _case_spec(case: dict, doc_id: str, where: str, src_lang: str = "vi", tgt_lang: str = "de") -> tuple:
    """One JSONL document ({src, tgt: [segments], src_lang?, tgt_lang?, align?}) → (doc_id, src, tgt, alignment)."""
    for key in ("src", "tgt"):
        if not isinstance(case.get(key), list) or not all(isinstance(x, str) for x in case[key]):
            raise MtError(f"{where} needs '{key}' as a list of strings")
    src = segment_lines(case["src"], case.get("src_lang", src_lang), segmented=True, doc_id=doc_id)
    tgt = segment_lines(case["tgt"], case.get("tgt_lang", tgt_lang), segmented=True, doc_id=doc_id)
    return doc_id, src, tgt, case.get("align")


def case_specs(path: str | Path) -> list[tuple]:
    """Documents as in fidelity-dev's cases.jsonl → [(doc_id, src, tgt, alignment)]."""
    from .io import read_jsonl

    return [_case_spec(case, str(case.get("id", n)), f"{path}: case {n}") for n, case in enumerate(read_jsonl(path), 1)]


def check_cases(path: str | Path, mt: str | None = "none", progress=None, engine: str = "local", actors: int = 2,
                address: str | None = None, embed: str | None = None) -> dict:
    """`mt check --batch`: documents as in fidelity-dev's cases.jsonl; returns {doc_id: CheckResult}."""
    return _run_specs(case_specs(path), mt, progress, engine, actors, address, embed)


def bundled_pair() -> tuple[Path, Path]:
    from .config import bundled_corpus

    c = bundled_corpus()
    return c / "vi.txt", c / "de.txt"


def input_specs(inputs: list[str], src_lang: str, tgt_lang: str, segmented: bool = False) -> list[tuple]:
    """`mt export`'s inputs → [(doc_id, src, tgt, alignment)]."""
    from .export import discover_inputs

    specs = []
    for doc_id, spec in discover_inputs(inputs, src_lang, tgt_lang):
        if isinstance(spec, dict):
            specs.append(_case_spec(spec, doc_id, f"document {doc_id}", src_lang, tgt_lang))
        else:
            specs.append((doc_id, load_document(spec[0], src_lang, segmented, doc_id), load_document(spec[1], tgt_lang, segmented, doc_id), None))
    return specs


def check_inputs(inputs: list[str], src_lang: str, tgt_lang: str, segmented: bool = False, mt: str | None = "none",
                 progress=None, engine: str = "local", actors: int = 2, address: str | None = None, embed: str | None = None) -> dict:
    """Every document pair of `mt export`'s inputs, aligned and checked: {doc_id: CheckResult}."""
    return _run_specs(input_specs(inputs, src_lang, tgt_lang, segmented), mt, progress, engine, actors, address, embed)
