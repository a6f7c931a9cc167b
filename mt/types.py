"""Data types shared by every stage. Nothing here knows about models, files or HTML."""
from __future__ import annotations

import hashlib
import json
import unicodedata
from dataclasses import dataclass, field, asdict
from enum import Enum
from pathlib import Path
from typing import Any

import regex


class MtError(Exception):
    """A user-facing error: the CLI prints its message on one line and exits with `exit_code`."""

    def __init__(self, message: str, exit_code: int = 2):
        super().__init__(message)
        self.exit_code = exit_code


class SegmentKind(str, Enum):
    CONTENT = "content"
    HEADING = "heading"
    CAPTION = "caption"
    BOILERPLATE = "boilerplate"  # related-news boxes, source lines, comment counters, bylines


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


_CONTROL_OR_FORMAT = regex.compile(r"[\p{Cc}\p{Cf}]")


def clean_text(text: str) -> str:
    """NFC, without control and invisible format characters (zero-width spaces, BOMs, bidi
    marks), whitespace collapsed: the form every comparison and every model sees."""
    text = nfc(text)
    if _CONTROL_OR_FORMAT.search(text):
        text = "".join(" " if unicodedata.category(c) == "Cc" else "" if unicodedata.category(c) == "Cf" else c for c in text)
    return " ".join(text.split())


@dataclass
class Segment:
    text: str  # as read (original form, for output)
    kind: SegmentKind = SegmentKind.CONTENT
    paragraph: int = 0
    norm: str = ""  # NFC, whitespace collapsed: what every comparison uses

    def __post_init__(self) -> None:
        if not self.norm:
            self.norm = clean_text(self.text)

    @property
    def is_content(self) -> bool:
        return self.kind in (SegmentKind.CONTENT, SegmentKind.CAPTION)


@dataclass
class Document:
    lang: str
    segments: list[Segment] = field(default_factory=list)
    doc_id: str = ""
    path: str = ""  # the file it was read from, if any (report titles)

    def __len__(self) -> int:
        return len(self.segments)

    @property
    def texts(self) -> list[str]:
        return [s.norm for s in self.segments]


@dataclass(frozen=True)
class Bead:
    src: tuple[int, ...]
    tgt: tuple[int, ...]
    score: float = 0.0

    @property
    def kind(self) -> str:
        return f"{len(self.src)}-{len(self.tgt)}"

    def vecalign(self) -> str:
        return f"[{', '.join(map(str, self.src))}]:[{', '.join(map(str, self.tgt))}]"


@dataclass
class Alignment:
    src: Document
    tgt: Document
    beads: list[Bead]

    def src_text(self, bead: Bead) -> str:
        return " ".join(self.src.segments[i].norm for i in bead.src)

    def tgt_text(self, bead: Bead) -> str:
        return " ".join(self.tgt.segments[j].norm for j in bead.tgt)


class Severity(str, Enum):
    CRITICAL = "critical"
    MAJOR = "major"
    MINOR = "minor"

    @property
    def rank(self) -> int:
        """minor 0 < major 1 < critical 2: the one ordering of severities."""
        return _SEVERITY_ORDER.index(self.value)


_SEVERITY_ORDER = ("minor", "major", "critical")


@dataclass
class Span:
    side: str  # "src" or "tgt"
    segment: int
    start: int
    end: int
    text: str


@dataclass
class Finding:
    type: str  # attribution, entity, number, date, negation, omission, addition, low_adequacy
    severity: Severity
    src: list[int]
    tgt: list[int]
    message: str
    signal: str
    confidence: float = 0.5
    evidence: list[Span] = field(default_factory=list)
    doc_id: str = ""
    id: str = ""  # from its content (see `assign_ids`): what a reviewer's decision refers to
    review: str = ""  # a reviewer's decision on a finding still raised: "confirmed" or "fixed"
    note: str = ""  # the reviewer's note

    def content_key(self, al: Alignment) -> str:
        """What the finding is about, without where: document, type, the text of its source and
        target segments, its evidence. Segment numbers and wording of the message are left out, so
        an edit elsewhere in the document or a reworded explanation keeps the key."""
        return json.dumps([al.src.doc_id, self.type, [al.src.segments[i].norm for i in self.src],
                           [al.tgt.segments[j].norm for j in self.tgt], sorted((e.side, e.text) for e in self.evidence)],
                          ensure_ascii=False)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["severity"] = self.severity.value
        for key in ("doc_id", "review", "note"):
            if not d[key]:
                d.pop(key)
        return d


BeadPair = tuple[tuple[int, ...], tuple[int, ...]]  # (source ids, target ids), as in a Vecalign file


@dataclass
class DocumentPair:
    """A source document, its translation, and optionally an alignment given with them
    (a Vecalign file or [[src ids], [tgt ids]] pairs); None: align them."""
    doc_id: str
    src: Document
    tgt: Document
    alignment: str | Path | list | None = None


@dataclass
class MachineTranslation:
    """The MT channel of a job, resolved once from `--mt none|auto|PATH` (or a list of lines)."""
    mode: str = "none"  # none, auto, file or lines
    lines: list[str] | None = None  # the source translated segment by segment: alignment compares them with the target
    translator: Any = None  # src→tgt Translator opened for 'auto'; re-translation reuses it
    unavailable: str = ""  # why 'auto' found no model (alignment then runs without MT)


@dataclass
class RetranslationResult:
    status: str  # "ran" or "skipped"
    reason: str = ""
    scores: dict[int, dict[str, float]] = field(default_factory=dict)  # bead index -> {chrf, bleu, chrf_back}


@dataclass
class CheckResult:
    alignment: Alignment
    findings: list[Finding]
    channels: dict[str, str] = field(default_factory=dict)  # signal -> "ran" / "skipped: why"
    retranslation: RetranslationResult | None = None
    dismissed: list[Finding] = field(default_factory=list)  # false alarms by a reviewer's decision (mt.review)
    decisions: dict[str, Any] = field(default_factory=dict)  # finding id -> the reviewer's decision applied (mt.review)

    def findings_for(self, bead: Bead, dismissed: bool = False) -> list[Finding]:
        """The findings that belong to a bead: those on its target segments, and those without a target
        segment (omissions) on its source segments; with `dismissed`, the dismissed ones instead."""
        pool = self.dismissed if dismissed else self.findings
        return [f for f in pool if set(f.tgt) & set(bead.tgt) or (not f.tgt and set(f.src) & set(bead.src))]


def assign_ids(al: Alignment, findings: list[Finding]) -> list[Finding]:
    """Set each finding's id: 12 hex digits of the hash of its `content_key`; the same finding on
    the same text repeated further down the document gets '-2', '-3' (in document order)."""
    seen: dict[str, int] = {}
    for f in sorted(findings, key=lambda f: (min(f.src, default=-1), min(f.tgt, default=-1))):
        h = hashlib.sha256(f.content_key(al).encode("utf-8")).hexdigest()[:12]
        seen[h] = seen.get(h, 0) + 1
        f.id = h if seen[h] == 1 else f"{h}-{seen[h]}"
    return findings
