"""mt: machine translation, sentence alignment and translation-fidelity checks.

Five functions, as plain as sacrebleu's::

    import mt

    mt.translate(["Xin chào."], "vi", "de")                   # German lines (needs the vi-de model)
    al = mt.align("vi.txt", "de.txt", "vi", "de", segmented=True)
    res = mt.check("vi.txt", "de.txt", "vi", "de", segmented=True)
    for f in res.findings:
        print(f.severity.value, f.type, f.src, f.tgt, f.message)
    mt.report(res, "report/")                                 # index.html, report.json, report.md
    mt.export({"article": res}, "data/", formats=("jsonl", "tmx"))

`src` and `tgt` are each a path, a string (the text) or a list of lines. Bad input raises
`mt.MtError` with a one-line message. `import mt` is light: each function imports its stage when
called, and the CTranslate2 path never imports torch.

The stages stay importable by their full path (`from mt.align import align_documents`,
`from mt.translate import open_translator`); the attributes `mt.translate`, `mt.align`,
`mt.report` and `mt.export` are the functions above.
"""
from __future__ import annotations

import re
import sys
import types as _types
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Mapping

from .types import MtError

if TYPE_CHECKING:
    from .export import ExportResult
    from .types import Alignment, CheckResult, Document

__version__ = "0.1.0"
__all__ = ["translate", "align", "check", "report", "export", "MtError", "__version__"]

def translate(lines: str | Iterable[str], src_lang: str, tgt_lang: str, model: str | Path | None = None,
              backend: str | None = None, **decoding: Any) -> list[str]:
    """Translate segments; line i of the result translates line i (a str is one segment).

    `model`: a Marian or CTranslate2 directory, or a hub id in the local cache (default: the pair's
    model in configs/models.toml). `backend`: "ct2" (default when installed) or "hf". `decoding`:
    beam, batch_size, max_length, min_length, device, and compute_type (CTranslate2).
    The model stays loaded for the next call with the same settings.

    >>> mt.translate(["Hai bên thảo luận về hợp tác kinh tế."], "vi", "de", beam=1)  # doctest: +SKIP
    ['Beide Seiten erörterten die wirtschaftliche Zusammenarbeit.']
    """
    import dataclasses

    from .pipeline import translate_lines
    from .translate import DecodeOptions

    fields = {f.name for f in dataclasses.fields(DecodeOptions)}
    unknown = set(decoding) - fields - {"compute_type"}
    if unknown:
        raise TypeError(f"translate() got unknown decoding option(s) {', '.join(sorted(unknown))}; "
                        f"choose from {', '.join(sorted(fields | {'compute_type'}))}")
    compute_type = decoding.pop("compute_type", None)
    # the CLI's bounds, so a bad value is an MtError here too, not a backend's ValueError after loading the model
    for name, least in (("beam", 1), ("batch_size", 1), ("max_length", 1), ("min_length", 0)):
        value = decoding.get(name)
        if value is not None and (not isinstance(value, int) or isinstance(value, bool) or value < least):
            raise MtError(f"{name}: expected a whole number of at least {least}, not {value!r}")
    if "device" in decoding:
        from .options import one_of

        one_of(decoding["device"], "device", ("auto", "cpu", "cuda"))
    texts = [lines] if isinstance(lines, str) else list(lines)
    return translate_lines(texts, src_lang, tgt_lang, model=model, backend=backend, options=DecodeOptions(**decoding),
                           compute_type=compute_type)


def _document(text: Any, lang: str, segmented: bool, side: str) -> Document:
    """A path (Path, or a str naming an existing file, read and checked like the CLI's inputs),
    a str of text, or a list of lines → a segmented Document."""
    from .documents import ensure_language, load_document
    from .langid import normalize_code
    from .segment import segment_lines
    from .types import Document

    if isinstance(text, Document):
        return text
    lang = normalize_code(lang)
    if isinstance(text, Path) or (isinstance(text, str) and "\n" not in text and text.strip() and _exists(text)):
        return load_document(text, lang, segmented)
    if isinstance(text, str) and _LOOKS_LIKE_PATH.fullmatch(text.strip()):
        raise MtError(f"{side}: {text.strip()}: no such file")
    if isinstance(text, str):
        lines = text.split("\n")
    elif isinstance(text, (list, tuple)) and all(isinstance(x, str) for x in text):
        lines = list(text)
    else:
        raise MtError(f"{side}: expected a path, a string or a list of strings, not {type(text).__name__}")
    if not any(line.strip() for line in lines):
        raise MtError(f"{side}: no text")
    ensure_language(lines, lang, side)  # as for files: a swapped or mislabelled text is refused
    return segment_lines(lines, lang, segmented=segmented)


def _exists(text: str) -> bool:
    """Whether a one-line string names an existing file or folder (a folder is then refused as a path,
    never checked as a one-word text). A sentence longer than a file name can be is text, not an error."""
    try:
        return Path(text).exists()
    except (OSError, ValueError):  # ENAMETOOLONG; a NUL character
        return False


# One word with a file suffix or a folder in it ("nope.txt", "data/de.txt"): a path that does not exist,
# never a document to check.
_LOOKS_LIKE_PATH = re.compile(r"[^\s]*(?:[/\\][^\s]*|\.(?:txt|jsonl|json|tsv|csv|md|html?|xml|srt|vi|de|en|fr))")


def align(src: Any, tgt: Any, src_lang: str, tgt_lang: str, mt: Any = None, segmented: bool = False,
          embed: str | Path | None = None) -> Alignment:
    """Split two documents into sentences (unless `segmented`: one segment a line) and align them.

    `mt`: None, "auto" (translate src with the configured model, if present), a file of line-by-line
    translations of src, or a list of them. `embed`: a sentence-embedding model (a sentence-transformers
    directory, `labse`, or a hub id in the local cache) as one more channel. The result's `.beads` cover every segment once, in order;
    each bead has `.src` and `.tgt` (segment ids), `.score`, and `.vecalign()`.

    >>> al = mt.align(["Xin chào.", "Tạm biệt."], ["Hallo.", "Tschüss."], "vi", "de", segmented=True)
    >>> [b.vecalign() for b in al.beads]
    ['[0]:[0]', '[1]:[1]']
    """
    from .pipeline import align_pair

    return align_pair(_document(src, src_lang, segmented, "src"), _document(tgt, tgt_lang, segmented, "tgt"), mt=mt, embed=embed)


def check(src: Any, tgt: Any, src_lang: str, tgt_lang: str, alignment: Any = None, mt: Any = None,
          segmented: bool = False, decisions: str | Path | None = None, embed: str | Path | None = None,
          progress: Any = None) -> CheckResult:
    """Align (or take `alignment`: a Vecalign file or [[src ids], [tgt ids]] pairs) and run every fidelity check.

    The result's `.findings` each have `.type` (attribution, entity, number, date, negation, omission,
    addition, low_adequacy), `.severity` (`.value`: critical, major, minor), `.src` and `.tgt` (segment
    ids), `.message`, `.evidence` (spans); `.channels` says which checks ran; `.alignment` is the alignment.
    `mt`, `embed`: as for `align`; `mt="auto"` also runs the re-translation check. `decisions`: a reviewer's
    decisions.jsonl (exported from the report page): false alarms move to `.dismissed`, confirmed and
    fixed findings carry `.review` and `.note`. `progress`: called as `progress(n, total)` while the checks
    read the document's beads (n more done of total), for a progress bar on a long document.

    >>> res = mt.check(["Chính phủ chưa phê duyệt dự án."], ["Die Regierung hat das Projekt genehmigt."],
    ...                "vi", "de", segmented=True)
    >>> [(f.type, f.severity.value) for f in res.findings]
    [('negation', 'critical')]
    """
    from .pipeline import check_documents
    from .review import apply_to_results

    result = check_documents(_document(src, src_lang, segmented, "src"), _document(tgt, tgt_lang, segmented, "tgt"),
                             mt=mt, alignment=alignment, embed=embed, progress=progress)
    apply_to_results({"": result}, decisions)
    return result


def report(result: CheckResult, out_dir: str | Path, force: bool = False) -> Path:
    """Write index.html (side by side, findings marked), report.json and report.md into `out_dir`
    (all or nothing); returns the directory. A directory holding a report is replaced only with `force`.

    >>> mt.report(mt.check("vi.txt", "de.txt", "vi", "de"), "report/")  # doctest: +SKIP
    PosixPath('report')
    """
    from .io import refuse_existing_report
    from .report import write_report

    _expect_results([result], "report")
    refuse_existing_report(out_dir, force)
    return write_report(result, out_dir)


def export(results: CheckResult | Iterable[CheckResult] | Mapping[str, CheckResult], out_dir: str | Path,
           src_lang: str | None = None, tgt_lang: str | None = None, force: bool = False,
           decisions: str | Path | None = None, **options: Any) -> ExportResult:
    """Write the clean aligned pairs of checked documents as fine-tuning data; returns the rows per split
    and what was left out (`.dropped`: reason → count).

    `results`: one CheckResult, a list, or {doc_id: CheckResult}. `options` (defaults as in
    `mt.export.ExportOptions`): formats (hf, jsonl, tsv, tmx, marian), drop (severities), keep_flagged,
    min_score, split (train, validation, test fractions), seed, max_length_ratio, licence.
    `src_lang`/`tgt_lang` are read from the documents (one pair per export); given, they must match them.
    A non-empty `out_dir` is replaced only with `force`. `decisions`: a reviewer's decisions.jsonl:
    pairs whose findings were all dismissed go back into the clean pairs, reviewed pairs are written
    to qe/reviewed.jsonl as labelled quality-estimation examples.

    >>> mt.export(res, "data/", formats=("jsonl",), split=(0.8, 0.1, 0.1))  # doctest: +SKIP
    """
    from .export import export_results
    from .types import CheckResult

    if not isinstance(results, (CheckResult, str, Mapping)):
        results = list(results)  # (an iterator is read once, here)
    _expect_results([results] if isinstance(results, (CheckResult, str)) else
                    results.values() if isinstance(results, Mapping) else results, "export")
    return export_results(results, out_dir, src_lang, tgt_lang, force=force, decisions=decisions, **options)


def _expect_results(results: Iterable[Any], function: str) -> None:
    """A wrong argument is an MtError naming what was expected, not an AttributeError deep inside."""
    from .types import CheckResult

    for r in results:
        if not isinstance(r, CheckResult):
            raise MtError(f"{function}: expected results of mt.check (CheckResult), not {type(r).__name__}")


class _Api(_types.ModuleType):
    """`mt.translate` and the others stay the functions when their stage (the subpackage of the same
    name) is imported later: the import system would otherwise rebind the name to the subpackage."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _FUNCTIONS and isinstance(value, _types.ModuleType):
            return
        super().__setattr__(name, value)


_FUNCTIONS = {"translate", "align", "report", "export"}
sys.modules[__name__].__class__ = _Api
