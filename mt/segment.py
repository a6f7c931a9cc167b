"""Sentence splitting for any language, and the kinds of lines that are not article text.

The splitter is rule-based with per-language abbreviation lists from configs/segment.toml:
a boundary is a sentence-final mark (. ! ? …), optional closing quotes or brackets, whitespace,
and a character that can open a sentence. Abbreviations, initials and (where configured)
ordinal numbers such as German "29. Oktober" veto a boundary. An ordinal is a number of its own
(not the end of a score such as "1:3.") that no sentence-opening word follows ("auf Rang 5. Einen
…" ends a sentence); in a language that writes no such ordinals, a number right after an article
("the 3. League West", a name kept from German) is one.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

import regex

from .config import load_toml
from .types import Document, Segment, SegmentKind, nfc

_BOUNDARY = regex.compile(
    r"""(?P<end>[.!?…]+[\"'”“’»)\]]*|[\"”»][.!?])(?P<gap>\s+)(?=[\p{Lu}\p{Nd}„“"«‚(\[¿¡'‘-])"""
    # full-width stops (Chinese, Japanese) end a sentence with or without a space, with their closing quotes
    r"""|(?P<end>[。！？]+[」』”’）)]*)(?P<gap>\s*)(?=[^\s」』”’）)])""",
)
_WORD_BEFORE = regex.compile(r"([\p{L}\p{N}][\p{L}\p{N}.\-]*)$")
_PARENTHETICAL = regex.compile(r"^\([^()]*\)[\W]*$")
_TERMINAL = regex.compile(r"[.!?…:;\"”“»’)\]|。！？」』）：；]\s*$")  # (full-width marks close a Chinese or Japanese line)
HEADING_MAX_CHARS = 250  # a first line this long is a lead paragraph, not a headline, even without closing punctuation


@dataclass(frozen=True)
class _Rules:
    abbrevs: frozenset[str]
    ordinal_dot: bool  # numbers with a period read as ordinals ("29. Oktober")
    openers: frozenset[str]  # words that open a sentence and never follow an ordinal ("Die", "Er")
    ordinal_after: frozenset[str]  # words after which a number with a period is an ordinal ("the 3. League")


_WORD_AFTER = regex.compile(r"[\p{L}\p{M}]+")
_ARTICLE_BEFORE = regex.compile(r"(?<![\p{L}\p{M}])([\p{L}\p{M}]+)\s+$")


@functools.lru_cache(maxsize=None)
def _lang_rules(lang: str) -> _Rules:
    cfg = load_toml("segment.toml")
    base = cfg.get("default", {})
    spec = cfg.get("lang", {}).get(lang.split("-")[0].lower(), {})
    abbrevs = frozenset(base.get("abbreviations", [])) | frozenset(spec.get("abbreviations", []))
    return _Rules(abbrevs, bool(spec.get("ordinal_dot", base.get("ordinal_dot", False))),
                  frozenset(spec.get("openers", [])), frozenset(w.lower() for w in spec.get("ordinal_after", [])))


def _ordinal(text: str, word_start: int, after: int, rules: _Rules) -> bool:
    """Is the number ending right before the period an ordinal, the sentence going on at `after`?"""
    if word_start and text[word_start - 1] in ":/":
        return False  # the end of a score or a ratio ("siegte mit 2:1. An der Spitze …")
    nxt = _WORD_AFTER.match(text, after)
    if nxt and nxt.group() in rules.openers:
        return False
    if rules.ordinal_dot:
        return True
    before = _ARTICLE_BEFORE.search(text, 0, word_start)
    return bool(before) and before.group(1).lower() in rules.ordinal_after


@functools.lru_cache(maxsize=None)
def _line_patterns() -> dict[str, list[regex.Pattern]]:
    lines = load_toml("segment.toml").get("lines", {})
    return {kind: [regex.compile(p, regex.IGNORECASE if kind == "boilerplate" else 0) for p in pats] for kind, pats in lines.items()}


def _vetoed(text: str, mark_start: int, mark: str, lang: str, after: int) -> bool:
    """Is the period at text[mark_start] part of an abbreviation, an initial or an ordinal? `after`: where
    the next sentence would start."""
    if not mark.startswith("."):
        return False
    rules = _lang_rules(lang)
    m = _WORD_BEFORE.search(text, 0, mark_start)
    if not m:
        return False
    word = m.group(1)
    if word in rules.abbrevs or word.rstrip(".") in rules.abbrevs:
        return True
    if len(word) == 1 and word.isalpha() and word.isupper():  # initials: "Mark A. Rutte"
        return True
    if mark == "." and word.isdigit() and len(word) <= 3 and (rules.ordinal_dot or rules.ordinal_after):
        return _ordinal(text, m.start(1), after, rules)
    return False


def sentence_spans(text: str, lang: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence; the text between spans is whitespace only."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        end = m.end("end")
        if _vetoed(text, m.start("end"), m.group("end"), lang, m.end("gap")):
            continue
        if text[start:end].strip():
            spans.append((start, end))
        start = m.end("gap")
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    # Leading whitespace is not part of a sentence.
    spans = [(s + (len(text[s:e]) - len(text[s:e].lstrip())), e) for s, e in spans]
    # A trailing "(Quelle: Yonhap)" belongs to the sentence before it.
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and _PARENTHETICAL.match(text[s:e]):
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged


def split_sentences(text: str, lang: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text, lang)]


def line_kind(line: str, index: int) -> SegmentKind:
    norm = " ".join(nfc(line).split())
    pats = _line_patterns()
    if any(p.search(norm) for p in pats.get("caption", [])):
        return SegmentKind.CAPTION
    if any(p.search(norm) for p in pats.get("boilerplate", [])):
        return SegmentKind.BOILERPLATE
    # A first line without closing punctuation is a headline.
    if index == 0 and len(norm) < HEADING_MAX_CHARS and not _TERMINAL.search(norm):
        return SegmentKind.HEADING
    return SegmentKind.CONTENT


def segment_lines(lines: list[str], lang: str, segmented: bool = False, doc_id: str = "") -> Document:
    """Lines of a document (blank lines separate paragraphs) into a Document of segments.

    With `segmented`, every non-blank line is one segment. Otherwise content lines are split
    into sentences; captions and boilerplate stay whole.
    """
    doc = Document(lang=lang, doc_id=doc_id)
    paragraph = 0
    content_index = 0
    for line in lines:
        if not line.strip():
            continue
        kind = line_kind(line, content_index)
        content_index += 1
        if segmented or kind is not SegmentKind.CONTENT:
            doc.segments.append(Segment(text=line.strip(), kind=kind, paragraph=paragraph))
        else:
            for sent in split_sentences(line.strip(), lang):
                doc.segments.append(Segment(text=sent, kind=kind, paragraph=paragraph))
        paragraph += 1
    return doc
