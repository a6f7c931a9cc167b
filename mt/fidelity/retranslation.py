"""Re-translation: translate the source into the target language and the target back, score
each pair with chrF and BLEU (sacrebleu), and flag pairs far below the document's level.
Without models the channel is skipped, and the report says why."""
from __future__ import annotations

from ..types import Alignment, Finding, MtError, RetranslationResult, Severity


def run(al: Alignment, forward=None, backward=None) -> RetranslationResult:
    """`forward`/`backward`: Translator objects, or None to open the configured models."""
    from ..translate import open_translator

    try:
        forward = forward or open_translator(al.src.lang, al.tgt.lang, cache=True)
        backward = backward or open_translator(al.tgt.lang, al.src.lang, cache=True)
    except MtError as err:
        return RetranslationResult("skipped", str(err))
    from sacrebleu.metrics import BLEU, CHRF

    chrf, bleu = CHRF(), BLEU(effective_order=True)
    pairs = [(k, b) for k, b in enumerate(al.beads) if b.src and b.tgt]
    fwd = forward.translate([al.src_text(b) for _, b in pairs])
    back = backward.translate([al.tgt_text(b) for _, b in pairs])
    res = RetranslationResult("ran")
    for (k, b), f, bk in zip(pairs, fwd, back):
        res.scores[k] = {
            "chrf": chrf.sentence_score(f, [al.tgt_text(b)]).score,
            "bleu": bleu.sentence_score(f, [al.tgt_text(b)]).score,
            "chrf_back": chrf.sentence_score(bk, [al.src_text(b)]).score,
        }
    return res


def findings(al: Alignment, res: RetranslationResult) -> list[Finding]:
    if res.status != "ran" or len(res.scores) < 3:
        return []
    import statistics

    vals = [s["chrf"] for s in res.scores.values()]
    med = statistics.median(vals)
    mad = statistics.median(abs(v - med) for v in vals) or 1.0
    out = []
    for k, s in res.scores.items():
        if s["chrf"] < med - 3 * mad and s["chrf_back"] < statistics.median(x["chrf_back"] for x in res.scores.values()):
            b = al.beads[k]
            out.append(Finding(type="low_adequacy", severity=Severity.MINOR, src=list(b.src), tgt=list(b.tgt),
                               message=f"Machine re-translation agrees unusually little with this pair (chrF {s['chrf']:.1f} vs document median {med:.1f}).",
                               signal="retranslation", confidence=0.4))
    return out
