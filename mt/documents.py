"""Documents in: reading, validating and segmenting input, JSONL documents ("cases"), the inputs
of `mt export`, and the one rule that names a document (its id)."""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from .io import read_text
from .langid import normalize_code
from .segment import segment_lines
from .types import Document, DocumentPair, MtError


def doc_id_for_path(path: str | Path) -> str:
    """A document's id from its file name; 'corpus/article-1/vi.txt' is 'article-1'."""
    p = Path(str(path))
    generic = p.stem.lower() in ("src", "tgt", "source", "target") or len(p.stem) <= 3
    # the folder as it is on disk, not as spelled: 'vi.txt' inside 'article-1' is 'article-1' too
    # (the id is part of every finding id, so decisions must not depend on the working directory)
    folder = Path(os.path.abspath(p)).parent.name if str(path) != "-" else ""
    return folder if generic and folder else p.stem


def doc_id_for_case(case: dict, n: int, source: str | Path) -> str:
    """A JSONL document's id: its "id" field, else the file's stem and its line number ('cases-3')."""
    return str(case.get("id", f"{Path(str(source)).stem}-{n}"))


def load_document(path: str | Path, lang: str, segmented: bool = False, doc_id: str = "") -> Document:
    """Read, validate and segment a document. Refuses (exit 2) what would give wrong results:
    no text, an HTML page, a document in another language than declared."""
    lang = normalize_code(lang)
    lines = read_input_lines(path, lang)
    if not any(line.strip() for line in lines):
        raise MtError(f"{path}: no text (the file is empty or has only blank lines)")
    doc = segment_lines(lines, lang, segmented=segmented, doc_id=doc_id or doc_id_for_path(path))
    doc.path = str(path)
    return doc


_HTML = re.compile(r"^\s*(<!doctype html|<html|<head|<body|<\?xml)", re.IGNORECASE)


def read_input_lines(path: str | Path, lang: str, check_language: bool = True) -> list[str]:
    """Lines of a text input, decoded for `lang`, checked to be plain text in that language
    (the caller may run `ensure_language` itself, e.g. while a model loads)."""
    lang = normalize_code(lang)
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
    except ImportError as err:  # not installed, or installed without what it imports (lxml_html_clean)
        raise MtError(f"{path}: HTML, not plain text; reading HTML needs trafilatura, which failed to import "
                      f"({type(err).__name__}: {err}); pip install -e '.[html]', or extract the article text first") from None
    text = trafilatura.extract(html, include_comments=False, include_tables=False)
    if not text:
        raise MtError(f"{path}: HTML in which no article text was found")
    return text


def ensure_language(lines: list[str], lang: str, name: str) -> None:
    """Refuse a document that is confidently in another language (swapped source and target)."""
    from .langid import detect, ranked, sample_text

    lang = normalize_code(lang)
    # 40 letters, as the per-pair check of exports: py3langid's top three hold the right language
    # even for a two-sentence document, and only a language outside them is refused
    found = detect(lines, min_chars=40)
    if found is None or found == lang.split("-")[0]:
        return
    if lang.split("-")[0] in ranked(sample_text(lines), 3):
        return
    raise MtError(f"{name}: the text looks like '{found}', not '{lang}' (are source and target swapped, or is a language code wrong?)")


def pair_from_case(case: dict, doc_id: str, where: str, src_lang: str, tgt_lang: str) -> DocumentPair:
    """One JSONL document ({src, tgt: [segments], src_lang?, tgt_lang?, align?}) → DocumentPair."""
    for key in ("src", "tgt"):
        if not isinstance(case.get(key), list) or not all(isinstance(x, str) for x in case[key]):
            raise MtError(f"{where} needs '{key}' as a list of strings")
    try:
        langs = [normalize_code(case.get(k, default)) for k, default in (("src_lang", src_lang), ("tgt_lang", tgt_lang))]
    except MtError as err:  # which of many documents has the bad code
        raise MtError(f"{where}: {err}") from None
    ensure_case_languages(case, langs[0], langs[1], where)
    for key in ("src", "tgt"):
        if not any(x.strip() for x in case[key]):  # as an empty file is refused
            raise MtError(f"{where}: no text in '{key}'")
    src = segment_lines(case["src"], langs[0], segmented=True, doc_id=doc_id)
    tgt = segment_lines(case["tgt"], langs[1], segmented=True, doc_id=doc_id)
    align = case.get("align")
    if align is not None:
        # checked here, where the document can be named, not deep in a batch run
        from .alignment_formats import given_alignment

        if not isinstance(align, list):
            raise MtError(f"{where}: 'align' must be a list of [[src ids], [tgt ids]] pairs")
        try:
            given_alignment(src, tgt, align)
        except MtError as err:
            raise MtError(f"{where}: {err}") from None
    return DocumentPair(doc_id, src, tgt, align)


def ensure_case_languages(case: dict, src_lang: str, tgt_lang: str, where: str) -> None:
    """The single-document language check, per document of a batch: swapped sides stop the run."""
    for key, lang in (("src", src_lang), ("tgt", tgt_lang)):
        ensure_language(case[key], lang, f"{where} ('{key}')")


def read_cases(path: str | Path, src_lang: str | None = None, tgt_lang: str | None = None) -> list[DocumentPair]:
    """Documents as in fidelity-dev's cases.jsonl; a document without src_lang/tgt_lang fields
    takes the given languages (default: configs/defaults.toml)."""
    from .config import default_languages
    from .io import read_jsonl

    default_src, default_tgt = default_languages()
    return [pair_from_case(case, doc_id_for_case(case, n, path), f"{path}: case {n}", src_lang or default_src, tgt_lang or default_tgt)
            for n, case in enumerate(read_jsonl(path), 1)]


def bundled_pair() -> tuple[Path, Path]:
    """The bundled article's source and target files (their languages: `config.bundled_languages()`)."""
    from .config import bundled_corpus, bundled_languages

    c = bundled_corpus()
    src_lang, tgt_lang = bundled_languages()
    return c / f"{src_lang}.txt", c / f"{tgt_lang}.txt"


@dataclass(frozen=True)
class InputDocument:
    """One document pair among `mt export`'s inputs: two files, or a JSONL document (a case dict)."""
    doc_id: str
    files: tuple[Path, Path] | None = None
    case: dict | None = None


def discover_inputs(inputs: list[str], src_lang: str, tgt_lang: str) -> list[InputDocument]:
    """Two document files, a directory of NAME.SRC/NAME.TGT pairs, or a JSONL of documents → InputDocuments."""
    from .io import read_jsonl

    docs: list[InputDocument] = []
    loose: list[Path] = []  # plain document files, taken two by two (source, target)
    for p in (Path(x) for x in inputs):
        if not p.exists():
            raise MtError(f"{p}: no such file or directory")
        if p.is_dir():
            pairs = sorted(p.glob(f"*.{src_lang}"))
            if not pairs:
                raise MtError(f"{p}: no *.{src_lang} files (expected NAME.{src_lang} with NAME.{tgt_lang} beside it)")
            for s in pairs:
                t = s.with_suffix(f".{tgt_lang}")
                if not t.exists():
                    raise MtError(f"{s}: no matching {t.name}")
                docs.append(InputDocument(s.stem, files=(s, t)))
        elif p.suffix == ".jsonl":
            for n, case in enumerate(read_jsonl(p), 1):
                docs.append(InputDocument(doc_id_for_case(case, n, p), case=case))
        else:
            loose.append(p)
    if len(loose) % 2:
        raise MtError(f"{loose[-1]}: document files come in pairs (SOURCE TARGET); this one has no partner")
    for s, t in zip(loose[0::2], loose[1::2]):
        docs.append(InputDocument(doc_id_for_path(s), files=(s, t)))
    return docs


def read_inputs(inputs: list[str], src_lang: str, tgt_lang: str, segmented: bool = False) -> list[DocumentPair]:
    """`mt export`'s inputs (two document files, a directory of NAME.SRC/NAME.TGT pairs, JSONL of documents),
    each read and validated once."""
    pairs = []
    for doc in discover_inputs(inputs, src_lang, tgt_lang):
        if doc.case is not None:
            pairs.append(pair_from_case(doc.case, doc.doc_id, f"document {doc.doc_id}", src_lang, tgt_lang))
        else:
            src, tgt = doc.files
            pairs.append(DocumentPair(doc.doc_id, load_document(src, src_lang, segmented, doc.doc_id), load_document(tgt, tgt_lang, segmented, doc.doc_id)))
    return pairs
