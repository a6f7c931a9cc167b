"""Scoring of predicted findings against labelled cases (fidelity-dev's rule): a predicted
critical/major finding is a true positive when it touches a gold error's target segments (or,
for a gold error with `tgt: []`, its source segments)."""
from __future__ import annotations

from ..types import Finding, Severity


def _touches(f: Finding, gold: dict) -> bool:
    if gold.get("tgt"):
        return bool(set(f.tgt) & set(gold["tgt"]))
    return bool(set(f.src) & set(gold.get("src", [])))


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
