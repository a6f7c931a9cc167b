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
