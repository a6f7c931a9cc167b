"""Pairs of the dev-set corpora that neither half holds: a validation pool outside dev and held-out.

eval/build_devsets.py caps each set at --max pairs (whole documents in hash order); this writes the
pairs it left out, under the same set names, so `eval/fidelity_pairs.py --data OUT --split all`
measures a rule on documents it was not written from (NTREX and FLORES documents past the cap, the
newstest lines not sampled, the Tatoeba sentences past the cap). At most --max pairs a set, again whole documents in hash order.

    python eval/build_spare_pairs.py --raw /work/devsets/raw --out /tmp/spare
    MT_FIDELITY_DEVSETS=/tmp/spare python eval/fidelity_pairs.py --split all --sets ntrex-vie-deu,news-fra-eng
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import build_devsets as B  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--raw", required=True, help="folder with opus-mt-testsets/ and ntrex/ exports")
    ap.add_argument("--out", required=True)
    ap.add_argument("--cap", type=int, default=1000, help="the cap build_devsets.py used (default 1000)")
    ap.add_argument("--max", type=int, default=1000, help="spare pairs per set (default 1000)")
    a = ap.parse_args()
    raw, out = Path(a.raw), Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    ts = raw / B.TESTSETS
    sets: dict[str, tuple[list[dict], str]] = {}
    for name, _sl, _tl, sf, tf in B.TATOEBA:  # everyday sentences; never the deu-vie file (held out by the project)
        pairs = B._pairs(B._lines(ts / sf), B._lines(ts / tf), name)
        for p in pairs:  # every translation of one source sentence in one group, as build_devsets.py does
            p["doc"] = name + ":" + B._key(p["src"])[:12]
        sets[name] = (pairs, "doc")
    for name, _sl, _tl, sf, tf in B.NEWSTEST:
        sets[name] = (B._pairs(B._lines(ts / sf), B._lines(ts / tf), name), "id")
    meta = B._lines(ts / B.FLORES / "metadata_devtest.tsv")
    head = meta[0].split("\t")
    urls = [dict(zip(head, m.split("\t"))).get("URL", str(i)) for i, m in enumerate(meta[1:])]
    sets["flores-vie-deu"] = (B._pairs(B._lines(ts / B.FLORES / "devtest/vie_Latn.devtest"),
                                       B._lines(ts / B.FLORES / "devtest/deu_Latn.devtest"),
                                       "flores-vie-deu", ["flores:" + B._key(u)[:12] for u in urls]), "doc")
    nt = raw / "ntrex"
    docs = ["ntrex:" + d.strip() for d in B._lines(nt / "DOCUMENT_IDS.tsv")]
    sets["ntrex-vie-deu"] = (B._pairs(B._lines(nt / "newstest2019-ref.vie.txt"),
                                      B._lines(nt / "newstest2019-ref.deu.txt"), "ntrex-vie-deu", docs), "doc")
    for name, (pairs, by) in sets.items():
        taken = {p["id"] for p in B._sample(pairs, a.cap, by=by)}
        rest = [p for p in pairs if p["id"] not in taken]
        B._write_tsv(out / f"{name}.tsv", B._sample(rest, a.max, by=by))


if __name__ == "__main__":
    main()
