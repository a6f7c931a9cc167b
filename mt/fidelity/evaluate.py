"""Scoring of predicted findings against labelled cases (fidelity-dev's rule): a predicted
critical/major finding is a true positive when it touches a gold error's target segments (or,
for a gold error with `tgt: []`, its source segments)."""
from __future__ import annotations

from ..types import Finding, Severity


def _touches(f: Finding, gold: dict) -> bool:
    if gold.get("tgt"):
        return bool(set(f.tgt) & set(gold["tgt"]))
    return bool(set(f.src) & set(gold.get("src", [])))


def read_labelled_cases(path) -> list[dict]:
    """Labelled cases (fidelity-dev format) for `score_cases`: each with its id as `mt check --batch` names it
    (an "id" is optional), and its "errors" checked, so a malformed label is refused naming its case."""
    from ..documents import doc_id_for_case
    from ..io import read_jsonl
    from ..types import MtError

    cases = []
    for n, case in enumerate(read_jsonl(path), 1):
        where = f"{path}: case {n}"
        errors = case.get("errors", [])
        if not isinstance(errors, list) or not all(isinstance(e, dict) for e in errors):
            raise MtError(f"{where}: 'errors' must be a list of objects ({{\"src\": [ids], \"tgt\": [ids], \"types\": [...]}})")
        for e in errors:
            for key in ("src", "tgt"):
                ids = e.get(key, [])
                if not isinstance(ids, list) or not all(isinstance(i, int) and not isinstance(i, bool) for i in ids):
                    raise MtError(f"{where}: an error's '{key}' must be a list of segment ids, not {ids!r}")
            if not isinstance(e.get("types", []), list):
                raise MtError(f"{where}: an error's 'types' must be a list, not {e['types']!r}")
        cases.append({**case, "id": doc_id_for_case(case, n, path)})
    return cases


def score_cases(cases: list[dict], predicted: dict[str, list[Finding]]) -> dict[str, float]:
    tp = fp = 0
    found = typed = total = 0
    for case in cases:
        preds = [f for f in predicted.get(case["id"], []) if f.severity in (Severity.CRITICAL, Severity.MAJOR)]
        gold = case.get("errors", [])
        total += len(gold)
        for f in preds:
            if any(_touches(f, g) for g in gold):
                tp += 1
            else:
                fp += 1
        for g in gold:
            hits = [f for f in preds if _touches(f, g)]
            if hits:
                found += 1
                if any(f.type in g.get("types", [g.get("type")]) for f in hits):
                    typed += 1
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = found / total if total else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "type_accuracy": typed / found if found else 0.0,
            "true_positives": tp, "false_positives": fp, "gold_errors": total, "gold_found": found}


def score_reviewed(decisions: dict, results: dict) -> dict:
    """The checker against a reviewer's decisions (mt.review): a raised finding decided 'confirmed'
    or 'fixed' is a true positive, one decided 'false_alarm' a false positive; recall is over the
    reviewed errors (confirmed or fixed), so an error the checker stops raising counts as missed.
    Every severity counts: reviewers decide on minor findings too."""
    from collections import Counter

    tp = fp = 0
    unreviewed: Counter = Counter()
    by_type: dict[str, list[int]] = {}
    raised: set[str] = set()
    for res in results.values():
        for f in res.findings + res.dismissed:
            raised.add(f.id)
            d = decisions.get(f.id)
            if d is None:
                unreviewed[f.severity.value] += 1
                continue
            right = d.decision in ("confirmed", "fixed")
            tp += right
            fp += not right
            by_type.setdefault(f.type, [0, 0])[0 if right else 1] += 1
    errors = [k for k, d in decisions.items() if d.decision in ("confirmed", "fixed")]
    found = sum(k in raised for k in errors)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = found / len(errors) if errors else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "true_positives": tp, "false_positives": fp,
            "reviewed_errors": len(errors), "errors_raised": found, "unreviewed": dict(unreviewed),
            "by_type": {t: {"confirmed": c[0], "false_alarm": c[1]} for t, c in sorted(by_type.items())}}


def format_reviewed(s: dict) -> str:
    unrev = sum(s["unreviewed"].values())
    types = ", ".join(f"{t} {c['confirmed']}/{c['confirmed'] + c['false_alarm']}" for t, c in s["by_type"].items()) or "none"
    fp = s["false_positives"]
    return (f"precision {s['precision']:.4f}  ({s['true_positives']} confirmed or fixed, {fp} {'false alarm' if fp == 1 else 'false alarms'} raised)\n"
            f"recall    {s['recall']:.4f}  ({s['errors_raised']} of {s['reviewed_errors']} reviewed errors raised; "
            "a miss is an error no longer raised, or one about a document not given)\n"
            f"F1        {s['f1']:.4f}\n"
            f"confirmed per type: {types}\n"
            f"not reviewed: {unrev}" + (f" ({', '.join(f'{n} {k}' for k, n in sorted(s['unreviewed'].items()))})" if unrev else "") + "\n")
# ---------------------------------------------------------------------------------------------
# Clean pairs and controlled edits: false alarms, detection and type accuracy per edit type.

ALARM = (Severity.CRITICAL, Severity.MAJOR)


def read_pairs(path) -> list[dict]:
    """Sentence pairs from TSV (src, tgt[, id[, doc]]; a first line 'src<TAB>tgt…' is a header)
    or JSONL ({"src", "tgt", "id"?, "doc"?}). Each pair gets an id and a doc (its own id by default)."""
    import json
    from pathlib import Path

    from ..io import read_text
    from ..types import MtError

    p = Path(path)
    if not p.is_file():
        raise MtError(f"{path}: is a directory, expected a file" if p.is_dir() else f"{path}: no such file")
    text = read_text(p, "en")
    pairs: list[dict] = []
    jsonl = p.suffix == ".jsonl" or text.lstrip().startswith("{")
    for n, line in enumerate(text.split("\n"), 1):  # (not splitlines: U+2028, U+0085 or a form feed may sit inside a pair)
        if not line.strip():
            continue
        if jsonl:
            try:
                d = json.loads(line)
            except json.JSONDecodeError as err:
                raise MtError(f"{path}:{n}: not JSON ({err.msg})") from None
            if not isinstance(d, dict) or not isinstance(d.get("src"), str) or not isinstance(d.get("tgt"), str):
                raise MtError(f"{path}:{n}: needs string fields 'src' and 'tgt'")
        else:
            cols = line.split("\t")
            if n == 1 and cols[:2] == ["src", "tgt"]:
                continue
            if len(cols) < 2:
                raise MtError(f"{path}:{n}: needs at least two tab-separated columns (source, target)")
            d = {"src": cols[0], "tgt": cols[1]}
            if len(cols) > 2 and cols[2]:
                d["id"] = cols[2]
            if len(cols) > 3 and cols[3]:
                d["doc"] = cols[3]
        if not d["src"].strip() or not d["tgt"].strip():
            continue
        d.setdefault("id", f"{p.name}:{n}")
        d.setdefault("doc", d["id"])
        pairs.append(d)
    if not pairs:
        raise MtError(f"{path}: no sentence pairs")
    return pairs


def split_of(pair: dict) -> str:
    """'dev' or 'heldout', fixed by a hash of the pair's document (whole documents, and all
    translations of one sentence when the doc says so, fall on one side)."""
    import hashlib

    return "dev" if hashlib.sha1(str(pair["doc"]).encode("utf-8")).digest()[0] % 2 == 0 else "heldout"


def check_pair(src: str, tgt: str, src_lang: str, tgt_lang: str) -> list[Finding]:
    """The checks on one sentence pair as a 1-1 alignment (no re-translation)."""
    from ..types import Alignment, Bead, Document, Segment
    from . import check_alignment

    al = Alignment(Document(src_lang, [Segment(src)]), Document(tgt_lang, [Segment(tgt)]), [Bead((0,), (0,))])
    return check_alignment(al).findings


def _alarms(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity in ALARM]


def _short(f: Finding) -> str:
    return f"{f.severity.value} {f.type}: {f.message}"


def evaluate_pairs(pairs: list[dict], src_lang: str, tgt_lang: str, kinds=None, seed: int = 0,
                   progress=None, examples: int = 3) -> dict:
    """False alarms on the clean pairs; for each edit kind, how many pairs it applied to, how many
    were detected (the edited pair alarmed while its clean version was not) and how many of those
    with a finding of the right type."""
    from collections import Counter

    from .perturb import EXPECTED, KINDS, perturb

    kinds = list(KINDS if kinds is None else kinds)
    pool = [p["tgt"] for p in pairs]
    clean_alarm: dict[str, bool] = {}
    fa_types: Counter = Counter()
    fa_examples: dict[str, list] = {}
    stats = {k: {"applied": 0, "skipped": 0, "base": 0, "detected": 0, "typed": 0, "found_types": Counter(),
                 "missed": [], "mistyped": []} for k in kinds}
    for p in pairs:
        alarms = _alarms(check_pair(p["src"], p["tgt"], src_lang, tgt_lang))
        clean_alarm[p["id"]] = bool(alarms)
        for t in sorted({f.type for f in alarms}):
            fa_types[t] += 1
            ex = fa_examples.setdefault(t, [])
            if len(ex) < examples:
                ex.append({"id": p["id"], "src": p["src"], "tgt": p["tgt"], "findings": [_short(f) for f in alarms if f.type == t]})
        for k in kinds:
            st = stats[k]
            ed = perturb(p["src"], p["tgt"], src_lang, tgt_lang, k, seed=seed, pool=pool)
            if ed is None:
                st["skipped"] += 1
                continue
            st["applied"] += 1
            if alarms:
                continue  # detection is only counted where the clean pair was quiet
            st["base"] += 1
            found = _alarms(check_pair(p["src"], ed.text, src_lang, tgt_lang))
            if not found:
                if len(st["missed"]) < examples:
                    st["missed"].append({"id": p["id"], "src": p["src"], "tgt": ed.text, "old": ed.old, "new": ed.new})
                continue
            st["detected"] += 1
            st["found_types"].update({f.type for f in found})
            if any(f.type in EXPECTED[k] for f in found):
                st["typed"] += 1
            elif len(st["mistyped"]) < examples:
                st["mistyped"].append({"id": p["id"], "tgt": ed.text, "old": ed.old, "new": ed.new,
                                       "findings": [_short(f) for f in found]})
        if progress:
            progress(1)
    n = len(pairs)
    fa = sum(clean_alarm.values())
    edits = {}
    for k, st in stats.items():
        edits[k] = {"applied": st["applied"], "skipped": st["skipped"], "base": st["base"], "detected": st["detected"],
                    "detection_rate": st["detected"] / st["base"] if st["base"] else None,
                    "typed": st["typed"], "type_accuracy": st["typed"] / st["detected"] if st["detected"] else None,
                    "expected_types": list(EXPECTED[k]), "found_types": dict(st["found_types"]),
                    "missed_examples": st["missed"], "mistyped_examples": st["mistyped"]}
    return {"src_lang": src_lang, "tgt_lang": tgt_lang, "pairs": n, "seed": seed,
            "clean": {"alarms": fa, "false_alarm_rate": fa / n if n else None, "by_type": dict(fa_types),
                      "examples": fa_examples},
            "edits": edits}


def format_pairs_report(r: dict) -> str:
    """A plain-text table of `evaluate_pairs`' result."""
    def pct(x):
        return "   n/a" if x is None else f"{100 * x:5.1f}%"

    c = r["clean"]
    lines = [f"{r['src_lang']}→{r['tgt_lang']}: {r['pairs']} clean pairs" + (f" ({r['label']})" if r.get("label") else ""),
             f"false alarms {pct(c['false_alarm_rate'])}  ({c['alarms']}/{r['pairs']}; by type: "
             + (", ".join(f"{t} {n}" for t, n in sorted(c["by_type"].items(), key=lambda x: -x[1])) or "none") + ")"]
    if r["edits"]:
        lines.append(f"{'edit':13} {'applied':>7} {'skipped':>7} {'base':>5} {'detected':>9} {'right type':>10}  found types")
        for k, e in r["edits"].items():
            ft = ", ".join(f"{t} {n}" for t, n in sorted(e["found_types"].items(), key=lambda x: -x[1]))
            lines.append(f"{k:13} {e['applied']:7d} {e['skipped']:7d} {e['base']:5d} {pct(e['detection_rate']):>9} "
                         f"{pct(e['type_accuracy']):>10}  {ft}")
    return "\n".join(lines)


def evaluate_pair_file(path, src_lang: str, tgt_lang: str, perturb: bool = True, kinds=None, seed: int = 0,
                       split: str = "all", limit: int = 0, examples: int = 3, progress_bar=None) -> list[dict]:
    """`mt eval fidelity --pairs`: read, choose the split(s), evaluate; one report per split."""
    import contextlib

    from ..types import MtError
    from .perturb import KINDS

    from ..langid import normalize_code

    # an unknown code is refused as by every command ('xx' was evaluated as a language without knowledge)
    src_lang, tgt_lang = normalize_code(src_lang), normalize_code(tgt_lang)
    if split not in ("all", "dev", "heldout", "both"):
        raise MtError(f"unknown split {split!r}; choose all, dev, heldout or both")
    bad = [k for k in (kinds or []) if k not in KINDS]
    if bad:
        raise MtError(f"unknown edit kind {bad[0]!r}; choose from {', '.join(KINDS)}")
    pairs = read_pairs(path)
    if limit > 0:
        pairs = pairs[:limit]
    parts = {"all": [("all", pairs)], "dev": [("dev", [p for p in pairs if split_of(p) == "dev"])],
             "heldout": [("heldout", [p for p in pairs if split_of(p) == "heldout"])]}
    parts["both"] = parts["dev"] + parts["heldout"]
    reports = []
    for label, ps in parts[split]:
        if not ps:
            raise MtError(f"{path}: no pairs in the {label} split")
        bar = progress_bar(len(ps), f"checking {label} pairs") if progress_bar else contextlib.nullcontext(None)
        with bar as advance:
            r = evaluate_pairs(ps, src_lang, tgt_lang, kinds=(kinds or KINDS) if perturb else [], seed=seed,
                               progress=advance, examples=examples)
        r["label"], r["file"] = label, str(path)
        reports.append(r)
    return reports
