"""A reviewer's decisions on findings, fed back into the tools.

The report page exports `decisions.jsonl`, one object a line:
`{"id": FINDING_ID, "decision": "confirmed" | "false_alarm" | "fixed", "note": "...", "time": ISO-8601}`.
Applied to a check result: a false alarm with the same finding id is not raised again (it moves to
`CheckResult.dismissed`), a confirmed or fixed one stays and carries the decision and the note.
Ids come from the finding's content (`types.assign_ids`), so decisions survive re-runs and edits
elsewhere in the document, and stop applying when the text they were about changes.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .types import MtError

DECISIONS = ("confirmed", "false_alarm", "fixed")


@dataclass
class Decision:
    id: str
    decision: str
    note: str = ""
    time: str = ""

    def to_dict(self) -> dict:
        return {"id": self.id, "decision": self.decision, "note": self.note, "time": self.time}


def parse_decisions(rows: list, where: str = "decisions") -> dict[str, Decision]:
    """Decisions (JSON objects) by finding id; for one id seen twice the later `time` wins (file order on a tie)."""
    out: dict[str, Decision] = {}
    for n, row in enumerate(rows, 1):
        if not isinstance(row, dict):
            raise MtError(f"{where}: decision {n}: expected an object with id and decision")
        fid, decision = row.get("id"), row.get("decision")
        if not isinstance(fid, str) or not fid:
            raise MtError(f"{where}: decision {n}: 'id' must be a finding id (a string)")
        if decision not in DECISIONS:
            raise MtError(f"{where}: decision {n}: 'decision' must be one of {', '.join(DECISIONS)}, not {decision!r}")
        note, time = row.get("note") or "", row.get("time") or ""
        if not isinstance(note, str) or not isinstance(time, str):
            raise MtError(f"{where}: decision {n}: 'note' and 'time' must be strings")
        d = Decision(fid, decision, note, time)
        if fid not in out or d.time >= out[fid].time:
            out[fid] = d
    return out


def read_decisions(path: str | Path) -> dict[str, Decision]:
    from .io import read_jsonl

    if Path(path).is_dir():
        raise MtError(f"{path}: is a directory, expected a decisions file (decisions.jsonl, exported from the report page)")
    if not Path(path).is_file():
        raise MtError(f"{path}: no such decisions file (export one from the report page)")
    return parse_decisions(read_jsonl(path), str(path))


@dataclass
class ReviewTally:
    dismissed: int = 0  # false alarms not raised again
    confirmed: int = 0
    fixed_still_raised: int = 0  # marked fixed, but the same text raises the same finding
    decisions: dict = field(default_factory=dict)  # what was read: id -> Decision
    matched: set = field(default_factory=set)  # ids of decisions that met a finding

    def line(self) -> str:
        unmatched = len(self.decisions) - len(self.matched)
        parts = [f"{self.dismissed} {'false alarm' if self.dismissed == 1 else 'false alarms'} dismissed",
                 f"{self.confirmed} confirmed"]
        if self.fixed_still_raised:
            parts.append(f"{self.fixed_still_raised} marked fixed but still raised")
        if unmatched:
            parts.append(f"{unmatched} {'decision' if unmatched == 1 else 'decisions'} matched no finding here")
        return ", ".join(parts)


def apply_decisions(result, decisions: dict[str, Decision], tally: ReviewTally | None = None) -> ReviewTally:
    """Apply decisions to a CheckResult in place (see the module doc); returns the running tally."""
    tally = tally or ReviewTally(decisions=decisions)
    kept, mine = [], ReviewTally()
    for f in result.findings:
        d = decisions.get(f.id)
        if d is None:
            kept.append(f)
            continue
        mine.matched.add(f.id)
        f.note = d.note
        if d.decision == "false_alarm":
            f.review = "false_alarm"
            result.dismissed.append(f)
            mine.dismissed += 1
            continue
        f.review = d.decision
        mine.confirmed += d.decision == "confirmed"
        mine.fixed_still_raised += d.decision == "fixed"
        kept.append(f)
    result.findings = kept
    result.decisions.update({fid: decisions[fid] for fid in mine.matched})
    if decisions:
        result.channels["review"] = "applied: " + ", ".join(
            [f"{mine.dismissed} dismissed as false {'alarm' if mine.dismissed == 1 else 'alarms'}", f"{mine.confirmed} confirmed"]
            + ([f"{mine.fixed_still_raised} marked fixed but still raised"] if mine.fixed_still_raised else []))
    tally.dismissed += mine.dismissed
    tally.confirmed += mine.confirmed
    tally.fixed_still_raised += mine.fixed_still_raised
    tally.matched |= mine.matched
    return tally


def apply_to_results(results: dict, path: str | Path | None) -> ReviewTally | None:
    """`--decisions PATH` of check, report and export: apply to every result; None without a path."""
    if not path:
        return None
    decisions = read_decisions(path)
    tally = ReviewTally(decisions=decisions)
    for res in results.values():
        apply_decisions(res, decisions, tally)
    return tally


def reviewed_pairs(results: dict) -> list[dict]:
    """Quality-estimation examples from reviewed pairs: a pair with a confirmed finding is labelled
    'error' (with the findings' types, severities and notes), a pair whose findings were all
    dismissed as false alarms is labelled 'ok' (a human said the checker was wrong there)."""
    rows = []
    for doc_id, res in results.items():
        al = res.alignment
        for bead in al.beads:
            if not (bead.src and bead.tgt):
                continue
            raised, dismissed = res.findings_for(bead), res.findings_for(bead, dismissed=True)
            confirmed = [f for f in raised if f.review == "confirmed"]
            if confirmed:
                label, about = "error", confirmed
            elif dismissed and not raised:
                label, about = "ok", dismissed
            else:
                continue
            rows.append({
                "translation": {al.src.lang: al.src_text(bead), al.tgt.lang: al.tgt_text(bead)},
                "doc_id": doc_id, "src_ids": list(bead.src), "tgt_ids": list(bead.tgt), "label": label,
                "findings": [{"id": f.id, "type": f.type, "severity": f.severity.value, "decision": f.review,
                              "note": f.note, "message": f.message} for f in about],
            })
    return rows


def decisions_of(result) -> dict[str, Decision]:
    """The decisions a result carries (applied by `apply_decisions`), for a report page to start from."""
    return dict(result.decisions)
