"""Rendering a check result: a self-contained index.html (side-by-side text, findings marked on
both sides with their explanation, summary, per-segment fidelity chart), report.json, report.md."""
from __future__ import annotations

import html
import json
import os
import shutil
import tempfile
from collections import Counter
from pathlib import Path

from ..types import CheckResult, MtError, Severity

SEVERITY_WEIGHT = {Severity.CRITICAL: 0.6, Severity.MAJOR: 0.3, Severity.MINOR: 0.1}
# Re-translation chrF of a good human translation is far below 100: a pair's score is capped at
# chrF/100 plus this slack, so only a re-translation that disagrees badly lowers it.
CHRF_SLACK = 0.3


def bead_scores(result: CheckResult) -> list[float]:
    """Per bead fidelity in [0, 1]: 1 minus the weight of its findings (re-translation chrF when it ran)."""
    scores = []
    for k, bead in enumerate(result.alignment.beads):
        fs = result.findings_for(bead)
        s = 1.0 - sum(SEVERITY_WEIGHT[f.severity] for f in fs)
        if result.retranslation and k in result.retranslation.scores:
            s = min(s, result.retranslation.scores[k]["chrf"] / 100.0 + CHRF_SLACK)
        scores.append(round(max(0.0, min(1.0, s)), 3))
    return scores


def to_json(result: CheckResult) -> dict:
    al = result.alignment
    sev = Counter(f.severity.value for f in result.findings)
    return {
        "src_lang": al.src.lang, "tgt_lang": al.tgt.lang,
        "summary": {"findings": len(result.findings), "by_severity": dict(sev),
                    "by_type": dict(Counter(f.type for f in result.findings))},
        "channels": result.channels,
        "pairs": [{"src": list(b.src), "tgt": list(b.tgt), "score": s,
                   "src_text": al.src_text(b), "tgt_text": al.tgt_text(b)} for b, s in zip(al.beads, bead_scores(result))],
        "findings": [f.to_dict() for f in result.findings],
    }


def to_markdown(result: CheckResult) -> str:
    al = result.alignment
    lines = [f"# Translation check ({al.src.lang} → {al.tgt.lang})", ""]
    sev = Counter(f.severity.value for f in result.findings)
    lines.append(f"{len(result.findings)} findings: " + ", ".join(f"{sev.get(s, 0)} {s}" for s in ("critical", "major", "minor")) + ".")
    lines += ["", "## Channels", ""] + [f"- {k}: {v}" for k, v in result.channels.items()] + ["", "## Findings", ""]
    for f in result.findings:
        tgt = "; ".join(al.tgt.segments[j].norm for j in f.tgt)
        src = "; ".join(al.src.segments[i].norm for i in f.src)
        lines += [f"### {f.severity.value.upper()} {f.type} (source {f.src}, target {f.tgt})", "", f.message, "",
                  f"- source: {src}" if src else "- source: (none)", f"- target: {tgt}" if tgt else "- target: (none)",
                  f"- evidence: {', '.join(repr(e.text) for e in f.evidence) or '(whole segment)'}",
                  f"- signal: {f.signal}, confidence {f.confidence:.2f}", ""]
    return "\n".join(lines) + "\n"


def _marked(text: str, spans: list[tuple[int, int, str]]) -> str:
    """HTML of `text` with spans wrapped in <mark>; overlapping spans keep the first."""
    out, pos = [], 0
    for s, e, cls in sorted(spans):
        if s < pos or s >= e:
            continue
        out += [html.escape(text[pos:s]), f'<mark class="{cls}">', html.escape(text[s:e]), "</mark>"]
        pos = e
    out.append(html.escape(text[pos:]))
    return "".join(out)


def to_html(result: CheckResult) -> str:
    al = result.alignment
    scores = bead_scores(result)
    sev = Counter(f.severity.value for f in result.findings)
    types = Counter((f.type, f.severity.value) for f in result.findings)
    rows = []
    for k, (bead, score) in enumerate(zip(al.beads, scores)):
        fs = result.findings_for(bead)
        cls = max(fs, key=lambda f: f.severity.rank).severity.value if fs else "ok"

        def side(ids, doc, name):
            cells = []
            for i in ids:
                spans = [(e.start, e.end, f.severity.value) for f in fs for e in f.evidence if e.side == name and e.segment == i]
                seg = doc.segments[i]
                flagged = any(i in (f.tgt if name == "tgt" else f.src) for f in fs)
                kind = f' <span class="kind">{seg.kind.value}</span>' if seg.kind.value != "content" else ""
                cells.append(f'<div class="seg{" flagged" if flagged else ""}" data-seg="{name}-{i}"><span class="sid">{name} {i}</span>{kind} {_marked(seg.norm, spans)}</div>')
            return "".join(cells) or '<div class="empty">(no counterpart)</div>'

        notes = "".join(
            f'<div class="finding {f.severity.value}"><b>{f.severity.value} · {html.escape(f.type)}</b> '
            f'{html.escape(f.message)} <span class="sig">({html.escape(f.signal)}, confidence {f.confidence:.2f})</span></div>'
            for f in fs)
        rows.append(f'<tr class="{cls}" id="pair-{k}"><td class="score">{score:.2f}</td><td>{side(bead.src, al.src, "src")}</td>'
                    f'<td>{side(bead.tgt, al.tgt, "tgt")}{notes}</td></tr>')
    width = max(1, len(scores))
    bars = "".join(
        f'<rect x="{k * 600 / width:.1f}" y="{100 - 100 * s:.1f}" width="{max(1.0, 600 / width - 2):.1f}" height="{100 * s:.1f}" '
        f'class="{"low" if s < 0.5 else "mid" if s < 0.95 else "high"}"><title>pair {k}: {s:.2f}</title></rect>'
        for k, s in enumerate(scores))
    summary_rows = "".join(f"<tr><td>{html.escape(t)}</td><td>{s}</td><td>{n}</td></tr>" for (t, s), n in sorted(types.items()))
    channels = "".join(f"<li><b>{html.escape(k)}</b>: {html.escape(v)}</li>" for k, v in result.channels.items())
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>mt check: {al.src.lang} → {al.tgt.lang}</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 1.5em; color: #222; }}
h1 {{ font-size: 1.4em; }} table {{ border-collapse: collapse; }}
table.pairs {{ width: 100%; table-layout: fixed; }} table.pairs td {{ vertical-align: top; border-top: 1px solid #ddd; padding: .4em; }}
table.pairs th:first-child, table.pairs td.score {{ width: 3.5em; font-variant-numeric: tabular-nums; color: #555; }}
tr.critical {{ background: #fde8e8; }} tr.major {{ background: #fff4e0; }} tr.minor {{ background: #f6f6f6; }}
.seg {{ margin-bottom: .3em; }} .seg.flagged {{ border-left: 4px solid #c00; padding-left: .4em; }}
.sid {{ font-size: .75em; color: #888; }} .kind {{ font-size: .7em; background: #eee; padding: 0 .3em; border-radius: 3px; }}
mark.critical {{ background: #f99; }} mark.major {{ background: #fc6; }} mark.minor {{ background: #ddd; }}
.finding {{ margin-top: .4em; padding: .3em .5em; border-radius: 4px; font-size: .9em; }}
.finding.critical {{ background: #fbb; }} .finding.major {{ background: #fd9; }} .finding.minor {{ background: #eee; }}
.sig {{ color: #666; font-size: .85em; }} .empty {{ color: #999; font-style: italic; }}
svg rect.high {{ fill: #6a6; }} svg rect.mid {{ fill: #db4; }} svg rect.low {{ fill: #d44; }}
.summary td {{ padding: .1em .8em; border-bottom: 1px solid #eee; }}
</style></head><body>
<h1>Translation check: {html.escape(al.src.doc_id or al.src.lang)} ({al.src.lang} → {al.tgt.lang})</h1>
<p><b>{len(result.findings)}</b> findings: {sev.get("critical", 0)} critical, {sev.get("major", 0)} major, {sev.get("minor", 0)} minor.</p>
<table class="summary"><tr><th>type</th><th>severity</th><th>count</th></tr>{summary_rows}</table>
<h2>Fidelity per aligned pair</h2>
<svg width="600" height="100" viewBox="0 0 600 100" role="img" aria-label="per-pair fidelity">{bars}</svg>
<h2>Channels</h2><ul>{channels}</ul>
<h2>Aligned text</h2>
<table class="pairs"><tr><th>score</th><th>source ({al.src.lang})</th><th>target ({al.tgt.lang})</th></tr>{"".join(rows)}</table>
</body></html>
"""


def write_report(result: CheckResult, out_dir: str | Path) -> Path:
    """Write index.html, report.json and report.md into out_dir, all or nothing."""
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise MtError(f"{out}: exists and is not a directory")
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    try:
        (tmp / "index.html").write_text(to_html(result), encoding="utf-8")
        (tmp / "report.json").write_text(json.dumps(to_json(result), ensure_ascii=False, indent=1), encoding="utf-8")
        (tmp / "report.md").write_text(to_markdown(result), encoding="utf-8")
        out.mkdir(exist_ok=True)
        for name in ("index.html", "report.json", "report.md"):
            os.replace(tmp / name, out / name)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return out
