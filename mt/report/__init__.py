"""Rendering a check result: index.html (an editor's review page: findings list, filters, keyboard
review, decisions exported as decisions.jsonl; one self-contained file that works from file://),
report.json and report.md.

The page is `template.html` with `review.css`, `review.js` and the data (JSON) inlined: the
browser renders the rows, one page of pairs at a time, so a long document stays responsive and the
file grows linearly with the text. Segments and pairs are numbered from 1 for people (as the CLI's
messages do); the JSON's `src`/`tgt` fields stay 0-based indices, as in `mt check`'s JSONL.
"""
from __future__ import annotations

import html
import json
import os
import re
import shutil
import tempfile
import time
from collections import Counter
from importlib import resources
from pathlib import Path

from ..types import CheckResult, MtError, Severity

SEVERITY_WEIGHT = {Severity.CRITICAL: 0.6, Severity.MAJOR: 0.3, Severity.MINOR: 0.1}
SEVERITIES = ("critical", "major", "minor")
# Re-translation chrF of a good human translation is far below 100: a pair's score is capped at
# chrF/100 plus this slack, so only a re-translation that disagrees badly lowers it.
CHRF_SLACK = 0.3
SCORE_RULE = "fidelity = 1 − 0.6 per critical, 0.3 per major, 0.1 per minor finding on the pair (not below 0)"


def plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word if n == 1 else many or word + 's'}"


def numbers(ids) -> str:
    """Segment indices as people count them: [3] → '4', [10, 11] → '11–12'."""
    ids = sorted(ids)
    if not ids:
        return "–"
    return str(ids[0] + 1) if len(ids) == 1 else f"{ids[0] + 1}–{ids[-1] + 1}"


def pair_scores(result: CheckResult) -> list[tuple[float, str]]:
    """Per pair fidelity in [0, 1] and the sum that made it ('1 − 0.60 critical attribution')."""
    out = []
    for k, bead in enumerate(result.alignment.beads):
        fs = result.findings_for(bead)
        s = 1.0 - sum(SEVERITY_WEIGHT[f.severity] for f in fs)
        why = " ".join(f"− {SEVERITY_WEIGHT[f.severity]:.2f} {f.severity.value} {f.type}" for f in fs)
        rt = result.retranslation
        if rt and k in rt.scores and rt.scores[k]["chrf"] / 100.0 + CHRF_SLACK < s:
            s = rt.scores[k]["chrf"] / 100.0 + CHRF_SLACK
            why += f"; re-translation chrF {rt.scores[k]['chrf']:.1f} caps it at chrF/100 + {CHRF_SLACK}"
        s = round(max(0.0, min(1.0, s)), 3)
        out.append((s, f"1 {why} = {s:.2f}" if why else "no finding: 1.00"))
    return out


def bead_scores(result: CheckResult) -> list[float]:
    return [s for s, _ in pair_scores(result)]


def report_meta(result: CheckResult, src_path: str | Path | None = None, tgt_path: str | Path | None = None) -> dict:
    """Who and what: file names, document, languages, date (SOURCE_DATE_EPOCH when set), tool version."""
    from .. import __version__

    al = result.alignment
    src_file = Path(src_path).name if src_path else ""
    tgt_file = Path(tgt_path).name if tgt_path else ""
    doc = al.src.doc_id
    files = f"{src_file} → {tgt_file}" if src_file and tgt_file else f"{al.src.lang} → {al.tgt.lang}"
    title = f"{files} ({doc})" if doc and doc not in (Path(src_file).stem, Path(tgt_file).stem) else files
    epoch = float(os.environ.get("SOURCE_DATE_EPOCH", time.time()))
    return {"title": title, "doc_id": doc, "src_file": str(src_path or ""), "tgt_file": str(tgt_path or ""),
            "src_lang": al.src.lang, "tgt_lang": al.tgt.lang,
            "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(epoch)), "tool": f"mt {__version__}",
            # localStorage key of the page's decisions: the same document reported again keeps them
            "key": "|".join((doc, src_file, tgt_file, al.src.lang, al.tgt.lang))}


def _summary(result: CheckResult) -> str:
    sev = Counter(f.severity.value for f in result.findings)
    line = f"{plural(len(result.findings), 'finding')}: " + ", ".join(f"{sev.get(s, 0)} {s}" for s in SEVERITIES) + "."
    if result.dismissed:
        line += f" {plural(len(result.dismissed), 'false alarm')} dismissed by review."
    confirmed = sum(f.review == "confirmed" for f in result.findings)
    if confirmed:
        line += f" {confirmed} confirmed."
    return line


def to_json(result: CheckResult, meta: dict | None = None) -> dict:
    al = result.alignment
    meta = meta or report_meta(result)
    return {
        "meta": {k: v for k, v in meta.items() if k != "key"},
        "src_lang": al.src.lang, "tgt_lang": al.tgt.lang,
        "summary": {"findings": len(result.findings), "dismissed": len(result.dismissed),
                    "confirmed": sum(f.review == "confirmed" for f in result.findings),
                    "by_severity": dict(Counter(f.severity.value for f in result.findings)),
                    "by_type": dict(Counter(f.type for f in result.findings)), "score_rule": SCORE_RULE},
        "channels": result.channels,
        "pairs": [{"src": list(b.src), "tgt": list(b.tgt), "score": s, "score_explained": why, "align_score": b.score,
                   "src_text": al.src_text(b), "tgt_text": al.tgt_text(b)} for b, (s, why) in zip(al.beads, pair_scores(result))],
        "findings": [f.to_dict() for f in result.findings],
        "dismissed": [f.to_dict() for f in result.dismissed],
    }


# blank lines are no segments, so past one the number is no longer the line number
NUMBERING = "Segments are numbered from 1, blank lines not counted (in a one-segment-a-line file without blank lines: the line number)."


def to_markdown(result: CheckResult, meta: dict | None = None) -> str:
    al = result.alignment
    meta = meta or report_meta(result)
    lines = [f"# Translation check: {meta['title']}", "",
             f"Source {Path(meta['src_file']).name or '–'} ({al.src.lang}), target {Path(meta['tgt_file']).name or '–'} "
             f"({al.tgt.lang}); document {meta['doc_id'] or '–'}; {meta['created']}; {meta['tool']}.", "",
             _summary(result), "", NUMBERING,
             "", "## Channels", ""]
    lines += [f"- {k}: {v}" for k, v in result.channels.items()]
    by_severity = sorted(result.findings, key=lambda f: -f.severity.rank)  # stable: document order within a severity
    for title, group in (("Findings", by_severity), ("Dismissed as false alarms", result.dismissed)):
        if not group and title != "Findings":
            continue
        lines += ["", f"## {title}", ""]
        for f in group:
            tgt = "; ".join(al.tgt.segments[j].norm for j in f.tgt)
            src = "; ".join(al.src.segments[i].norm for i in f.src)
            review = f" · {f.review.replace('_', ' ')}" if f.review else ""
            lines += [f"### {f.severity.value.upper()} {f.type} ({al.src.lang} {numbers(f.src)} → {al.tgt.lang} {numbers(f.tgt)}){review}", "",
                      f"id `{f.id}`", "", f.message, "",
                      f"- source: {src}" if src else "- source: (none)", f"- target: {tgt}" if tgt else "- target: (none)",
                      f"- evidence: {', '.join(repr(e.text) for e in f.evidence) or '(whole segment)'}",
                      f"- signal: {f.signal}, confidence {f.confidence:.2f}"]
            if f.note:
                lines.append(f"- reviewer's note: {f.note}")
            lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def _page_data(result: CheckResult, meta: dict, decisions: dict | None) -> dict:
    al = result.alignment
    everything = result.findings + result.dismissed
    index = {id(f): n for n, f in enumerate(everything)}
    pairs, where = [], {}
    for k, (bead, (s, why)) in enumerate(zip(al.beads, pair_scores(result))):
        fs = result.findings_for(bead) + result.findings_for(bead, dismissed=True)
        for f in fs:
            where.setdefault(id(f), k)
        pairs.append([list(bead.src), list(bead.tgt), s, why, [index[id(f)] for f in fs]])
    findings = [{"id": f.id, "type": f.type, "severity": f.severity.value, "message": f.message, "signal": f.signal,
                 "confidence": round(f.confidence, 3), "src": f.src, "tgt": f.tgt, "pair": where.get(id(f), 0),
                 "evidence": [[e.side, e.segment, e.start, e.end] for e in f.evidence],
                 **({"dismissed": True} if f.review == "false_alarm" else {})} for f in everything]
    return {
        "meta": meta,
        "src": [[s.norm, s.kind.value] for s in al.src.segments],
        "tgt": [[s.norm, s.kind.value] for s in al.tgt.segments],
        "pairs": pairs, "findings": findings, "channels": result.channels,
        "decisions": [d.to_dict() for d in (decisions or {}).values()],
        "score_rule": SCORE_RULE,
    }


def _asset(name: str) -> str:
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


def to_html(result: CheckResult, meta: dict | None = None, decisions: dict | None = None) -> str:
    meta = meta or report_meta(result)
    types = Counter((f.type, f.severity.value) for f in result.findings)
    summary_rows = "".join(f'<tr><td>{html.escape(t)}</td><td><span class="sev {s}">{s}</span></td><td>{n}</td></tr>'
                           for (t, s), n in sorted(types.items(), key=lambda x: (SEVERITIES.index(x[0][1]), x[0][0])))
    channels = "".join(f"<li><b>{html.escape(k)}</b>: {html.escape(v)}</li>" for k, v in result.channels.items())
    # no '<' inside the script element ('</script>' or '<!--' in the text would end or derail it):
    # '\u003c' is the same JSON string, and '<' occurs in JSON only inside strings
    data = json.dumps(_page_data(result, meta, decisions), ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
    about = (f"{html.escape(Path(meta['src_file']).name or meta['src_lang'])} ({meta['src_lang']}) → "
             f"{html.escape(Path(meta['tgt_file']).name or meta['tgt_lang'])} ({meta['tgt_lang']})"
             + (f" · document {html.escape(meta['doc_id'])}" if meta["doc_id"] else "")
             + f" · {html.escape(meta['created'])} · {html.escape(meta['tool'])}")
    fill = {"TITLE": html.escape(f"Review: {meta['title']}"), "H1": html.escape(meta["title"]), "ABOUT": about,
            "SUMMARY": html.escape(_summary(result)), "TYPES": summary_rows, "CHANNELS": channels,
            "SCORE_RULE": html.escape(SCORE_RULE), "SRC_LANG": html.escape(meta["src_lang"]),
            "TGT_LANG": html.escape(meta["tgt_lang"]), "CSS": _asset("review.css"), "JS": _asset("review.js"), "DATA": data}
    # one pass, so text filled in (a file name, the data) is never read as a placeholder
    return re.sub(r"\{\{([A-Z0-9_]+)\}\}", lambda m: fill[m.group(1)], _asset("template.html"))


def write_report(result: CheckResult, out_dir: str | Path, src_path: str | Path | None = None,
                 tgt_path: str | Path | None = None, decisions: dict | None = None) -> Path:
    """Write index.html, report.json and report.md into out_dir, all or nothing. File names default to
    the documents' paths; the page starts from `decisions` or, without them, from the reviews the
    result's findings carry (`mt.check(..., decisions=...)`)."""
    from ..review import decisions_of

    out = Path(out_dir)
    src_path, tgt_path = src_path or result.alignment.src.path or None, tgt_path or result.alignment.tgt.path or None
    decisions = decisions if decisions is not None else decisions_of(result)
    if out.exists() and not out.is_dir():
        raise MtError(f"{out}: exists and is not a directory")
    meta = report_meta(result, src_path, tgt_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    try:
        (tmp / "index.html").write_text(to_html(result, meta, decisions), encoding="utf-8")
        (tmp / "report.json").write_text(json.dumps(to_json(result, meta), ensure_ascii=False, indent=1), encoding="utf-8")
        (tmp / "report.md").write_text(to_markdown(result, meta), encoding="utf-8")
        out.mkdir(exist_ok=True)
        for name in ("index.html", "report.json", "report.md"):
            os.replace(tmp / name, out / name)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return out
